package io.platformsim.core.kusp;

import java.util.Map;

/**
 * Nodes per state and live pods per phase at one instant, after every change at that instant: one
 * point of the "nodes and pods by state over time" timeline.
 *
 * @param atMillis simulation time
 * @param nodes nodes per state
 * @param pods live pods per phase (DaemonSet pods included)
 */
public record ClusterSample(
    long atMillis, Map<NodeState, Integer> nodes, Map<PodPhase, Integer> pods) {

  /** Copies the maps. */
  public ClusterSample {
    nodes = Map.copyOf(nodes);
    pods = Map.copyOf(pods);
  }

  @Override
  public String toString() {
    return atMillis / 1000.0
        + " s: nodes "
        + new java.util.TreeMap<>(nodes)
        + ", pods "
        + new java.util.TreeMap<>(pods);
  }
}
