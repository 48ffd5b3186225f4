package io.platformsim.scheduler.simulator;

import io.platformsim.scheduler.pod.PodSpec;

/**
 * A node that cannot be removed (upstream {@code simulator.UnremovableNode}).
 *
 * @param node node index
 * @param nodeName node name
 * @param reason why
 * @param blockingPod the pod that blocks the drain ({@link Reason#BLOCKED_BY_POD}) or the first one
 *     that fit nowhere ({@link Reason#NO_PLACE_TO_MOVE_PODS})
 */
public record UnremovableNode(int node, String nodeName, Reason reason, PodSpec blockingPod)
    implements NodeRemoval {
  /** The upstream reasons this simulation can produce ({@code simulator.UnremovableReason}). */
  public enum Reason {
    /** A pod may not be moved (upstream BlockedByPod: drainability rules). */
    BLOCKED_BY_POD,
    /** Some pod fits on no other node (upstream NoPlaceToMovePods). */
    NO_PLACE_TO_MOVE_PODS
  }

  @Override
  public boolean removable() {
    return false;
  }

  @Override
  public String toString() {
    return "UnremovableNode["
        + nodeName
        + ": "
        + reason
        + (blockingPod == null ? "" : " (" + blockingPod.id() + ")")
        + "]";
  }
}
