package io.platformsim.core.kusp.deployment;

import java.util.List;

/**
 * The outcome of one scaling step: the ReplicaSets with their new sizes, in the order they were
 * passed in, and how many replicas the step added or removed in all.
 *
 * @param sets the ReplicaSets after the step (unchanged ones included)
 * @param scaledCount replicas scaled (always counted positive)
 */
public record ScaledSets(List<ReplicaSetCounts> sets, int scaledCount) {

  /** Copies the list. */
  public ScaledSets {
    sets = List.copyOf(sets);
  }

  /** Whether any ReplicaSet changed size. */
  public boolean scaled() {
    return scaledCount > 0;
  }

  @Override
  public String toString() {
    return "scaled " + scaledCount + " " + sets;
  }
}
