package io.platformsim.scheduler.preemption;

import io.platformsim.scheduler.pod.LabelSelector;

/**
 * A PodDisruptionBudget as preemption sees it: the pods it selects and how many of them may still
 * be disrupted ({@code status.disruptionsAllowed}). An empty selector matches nothing, as upstream.
 */
public record DisruptionBudget(String name, LabelSelector selector, int disruptionsAllowed) {
  /** Validates. */
  public DisruptionBudget {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("podDisruptionBudget.name is blank");
    }
    if (selector == null) {
      throw new IllegalArgumentException("podDisruptionBudget '" + name + "': selector is null");
    }
    if (disruptionsAllowed < 0) {
      throw new IllegalArgumentException(
          "podDisruptionBudget '"
              + name
              + "': disruptionsAllowed must be >= 0, got "
              + disruptionsAllowed);
    }
  }
}
