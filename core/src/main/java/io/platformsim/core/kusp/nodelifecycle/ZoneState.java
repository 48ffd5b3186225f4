package io.platformsim.core.kusp.nodelifecycle;

/**
 * The health of one zone as the node lifecycle controller sees it (k/k {@code
 * pkg/controller/nodelifecycle/node_lifecycle_controller.go ZoneState}).
 */
public enum ZoneState {
  /** A zone seen for the first time. */
  INITIAL,
  /** Fewer than the unhealthy threshold of its nodes are not Ready (or at most 2). */
  NORMAL,
  /** More than 2 nodes and at least the unhealthy threshold of them are not Ready. */
  PARTIAL_DISRUPTION,
  /** No node is Ready. */
  FULL_DISRUPTION
}
