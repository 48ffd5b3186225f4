package io.platformsim.scheduler.packing;

import java.util.SplittableRandom;

/** Reproducible random instances for properties: sizes uniform in [0, capacity]. */
final class RandomInstances {

  private RandomInstances() {}

  static PackingInstance uniform(long seed, int n, int d, long capacity) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] cap = new long[d];
    for (int j = 0; j < d; j++) {
      cap[j] = capacity + j; // distinct capacities per dimension exercise the normalisation
    }
    long[][] items = new long[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        items[i][j] = random.nextLong(cap[j] + 1);
      }
    }
    return PackingInstance.of(cap, items);
  }
}
