package io.platformsim.scheduler.pod;

/** A preferred node affinity term with weight 1..100 (upstream API validation). */
public record PreferredTerm(int weight, NodeSelectorTerm term) {
  /** Validates the weight. */
  public PreferredTerm {
    if (weight < 1 || weight > 100) {
      throw new IllegalArgumentException(
          "preferredSchedulingTerm.weight must be in [1, 100], got " + weight);
    }
    if (term == null) {
      throw new IllegalArgumentException("preferredSchedulingTerm.preference is null");
    }
  }
}
