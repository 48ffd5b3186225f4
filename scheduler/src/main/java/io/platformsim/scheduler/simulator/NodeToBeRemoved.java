package io.platformsim.scheduler.simulator;

import io.platformsim.scheduler.pod.PodSpec;
import java.util.List;

/**
 * A node whose pods all fit elsewhere (upstream {@code simulator.NodeToBeRemoved}).
 *
 * @param node node index
 * @param nodeName node name
 * @param podsToReschedule the pods that must move, in the node's bind order
 * @param daemonSetPods the pods that go with the node and need no place
 * @param destinations where the simulation put each pod to reschedule (in the same order); a plan,
 *     not a promise: the scheduler decides for real
 */
public record NodeToBeRemoved(
    int node,
    String nodeName,
    List<PodSpec> podsToReschedule,
    List<PodSpec> daemonSetPods,
    List<ScheduledPod> destinations)
    implements NodeRemoval {
  /** Copies the lists. */
  public NodeToBeRemoved {
    podsToReschedule = List.copyOf(podsToReschedule);
    daemonSetPods = List.copyOf(daemonSetPods);
    destinations = List.copyOf(destinations);
  }

  @Override
  public boolean removable() {
    return true;
  }

  @Override
  public String toString() {
    return "NodeToBeRemoved["
        + nodeName
        + ": "
        + destinations
        + (daemonSetPods.isEmpty() ? "" : ", " + daemonSetPods.size() + " daemon pods")
        + "]";
  }
}
