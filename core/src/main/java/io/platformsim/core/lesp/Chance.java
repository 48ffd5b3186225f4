package io.platformsim.core.lesp;

import org.apache.commons.math3.random.RandomGenerator;

/** Bernoulli draws that spend no randomness on certain and impossible outcomes. */
final class Chance {
  private Chance() {}

  /**
   * Whether an event of {@code probability} happens, drawing from {@code rng} only when the
   * probability is strictly between 0 and 1 (so deterministic cases use no randomness and leave the
   * stream where it was).
   */
  static boolean happens(RandomGenerator rng, double probability) {
    if (probability <= 0) {
      return false;
    }
    if (probability >= 1) {
      return true;
    }
    return rng.nextDouble() < probability;
  }
}
