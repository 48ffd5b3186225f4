package io.platformsim.core.kusp;

import io.platformsim.core.workload.Resources;

/**
 * A system DaemonSet: one pod on every node (logs, metrics, networking), bound as the node joins.
 * Its requests reduce what is left for services; like LeSP's per-machine agents it counts as
 * neither allocated nor used in the platform-neutral metrics. Its image is assumed baked into the
 * generic node image (no pull).
 *
 * @param name e.g. {@code "fluent-bit"}; not blank
 * @param request CPU and memory requested per node
 */
public record DaemonSet(String name, Resources request) {

  /** Validates the fields. */
  public DaemonSet {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("daemonset name must not be blank, was '" + name + "'");
    }
    if (request == null) {
      throw new IllegalArgumentException("daemonset '" + name + "' request must not be null");
    }
  }
}
