package io.platformsim.scheduler.simulator;

/**
 * The outcome of simulating a node's removal: {@link NodeToBeRemoved} or {@link UnremovableNode}
 * (upstream {@code simulator/cluster.go} returns one of the two).
 */
public sealed interface NodeRemoval permits NodeToBeRemoved, UnremovableNode {
  /** Node index in the snapshot's table. */
  int node();

  /** Node name. */
  String nodeName();

  /** Whether the node can go. */
  boolean removable();
}
