package io.platformsim.scheduler.placement;

import io.platformsim.scheduler.framework.Profile;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.state.BoundPod;
import io.platformsim.scheduler.state.NodeTable;

/**
 * Online placement of one pod at a time on a {@link NodeTable}, with a {@link Profile} and a {@link
 * NodeSampling}. {@link #place} only chooses; {@link #bind}/{@link #unbind} change the table. A pod
 * that fits nowhere is an unschedulable {@link Placement}, never an exception. Implementations keep
 * the upstream round-robin start index, so results depend on the sequence of calls, never on
 * wall-clock time or randomness.
 */
public interface Scheduler {
  /** The cluster. */
  NodeTable nodes();

  /** The profile. */
  Profile profile();

  /** The sampling mode. */
  NodeSampling sampling();

  /**
   * Chooses a node for {@code pod} without binding it.
   *
   * @throws IllegalArgumentException if the pod is already bound or uses another dimension registry
   */
  Placement place(PodSpec pod);

  /** Places and, if schedulable, binds. */
  default Placement placeAndBind(PodSpec pod) {
    Placement p = place(pod);
    if (p.isScheduled()) {
      nodes().bind(pod, p.node());
    }
    return p;
  }

  /** Binds {@code pod} to {@code node} (no fit check). */
  default void bind(PodSpec pod, int node) {
    nodes().bind(pod, node);
  }

  /** Unbinds a pod, restoring the node state exactly. */
  default BoundPod unbind(String podId) {
    return nodes().unbind(podId);
  }
}
