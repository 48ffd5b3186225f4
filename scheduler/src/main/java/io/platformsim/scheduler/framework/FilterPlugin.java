package io.platformsim.scheduler.framework;

import java.util.List;

/**
 * A filter: decides whether a node can run the pod. {@link #filter} returns an empty list when the
 * node passes, otherwise the upstream-style reasons (e.g. "Insufficient cpu"), which the scheduler
 * counts per reason for the unschedulable message. Filters run in profile order and the first
 * failing filter ends a node's evaluation, as upstream RunFilterPlugins does.
 */
public interface FilterPlugin {
  /** Upstream plugin name. */
  String name();

  /** Computes per-pod state once per cycle (upstream PreFilter). */
  default void preFilter(CycleState state) {}

  /** Empty if {@code node} passes, else the reasons. */
  List<String> filter(CycleState state, int node);
}
