package io.platformsim.scheduler.simulator;

import io.platformsim.scheduler.pod.PodSpec;

/**
 * A pod a simulation placed (upstream {@code simulator/scheduling} {@code Status}: Pod, NodeName).
 *
 * @param pod the pod
 * @param node node index in the snapshot's table
 * @param nodeName node name
 */
public record ScheduledPod(PodSpec pod, int node, String nodeName) {
  @Override
  public String toString() {
    return pod.id() + " -> " + nodeName;
  }
}
