package io.platformsim.scheduler.state;

import io.platformsim.scheduler.pod.PodSpec;

/**
 * A pod bound to the node at index {@code node} of a {@link NodeTable}; {@code sequence} orders
 * binds over the table's life (a stand-in for start time: larger is later).
 */
public record BoundPod(PodSpec pod, int node, long sequence) {}
