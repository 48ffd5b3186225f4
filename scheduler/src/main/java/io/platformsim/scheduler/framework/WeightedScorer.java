package io.platformsim.scheduler.framework;

/** A scorer with its profile weight (upstream: plugin weight in the profile, 1..100). */
public record WeightedScorer(ScorePlugin plugin, int weight) {
  /** Validates. */
  public WeightedScorer {
    if (plugin == null) {
      throw new IllegalArgumentException("scorer is null");
    }
    if (weight < 1 || weight > 100) {
      throw new IllegalArgumentException(
          "weight of scorer " + plugin.name() + " must be in [1, 100], got " + weight);
    }
  }
}
