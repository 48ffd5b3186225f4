package io.platformsim.core.kusp;

/**
 * A pod's phase (k/k {@code pkg/apis/core/types.go PodPhase}, v1.31). Every pod the platform tracks
 * is in exactly one phase. {@code Unknown} is not used: a pod on an unreachable node keeps its last
 * phase until the node lifecycle controller evicts it, as the API server sees it.
 */
public enum PodPhase {
  /** Accepted but not all containers running: waiting to be scheduled, pulling or starting. */
  PENDING,
  /** Bound to a node and its container has been started (it may be restarting). */
  RUNNING,
  /** All containers exited successfully and will not restart. */
  SUCCEEDED,
  /** All containers terminated and at least one failed, or the pod was evicted. */
  FAILED
}
