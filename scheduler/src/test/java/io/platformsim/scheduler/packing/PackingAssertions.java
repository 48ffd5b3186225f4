package io.platformsim.scheduler.packing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks a packing independently of the code under test: recomputes every bin load from the
 * assignment alone and compares with the capacity and with the reported loads.
 */
final class PackingAssertions {

  private PackingAssertions() {}

  /** Every item in exactly one bin of {@code [0, bins)}, no bin empty, none over capacity. */
  static void assertValidPacking(PackingInstance instance, PackingResult result) {
    int n = instance.itemCount();
    int d = instance.dimensions();
    int[] assignment = result.assignment();
    assertEquals(n, assignment.length, "one bin per item");
    long[][] loads = new long[result.bins()][d];
    int[] itemsPerBin = new int[result.bins()];
    for (int i = 0; i < n; i++) {
      int b = assignment[i];
      assertTrue(b >= 0 && b < result.bins(), "item " + i + " in bin " + b);
      itemsPerBin[b]++;
      for (int j = 0; j < d; j++) {
        loads[b][j] += instance.size(i, j);
      }
    }
    for (int b = 0; b < result.bins(); b++) {
      assertTrue(itemsPerBin[b] > 0, "bin " + b + " is empty");
      for (int j = 0; j < d; j++) {
        assertTrue(
            loads[b][j] <= instance.capacity(j),
            "bin " + b + " dimension " + j + " load " + loads[b][j] + " > " + instance.capacity(j));
      }
      assertArrayEquals(loads[b], result.binLoad(b), "reported load of bin " + b);
    }
    assertTrue(result.lowerBound() <= result.bins(), "lower bound <= bins");
  }

  /**
   * The optimal number of bins by exhaustive search (tiny instances only): each item in turn goes
   * into every open bin it fits or one new bin; bins are symmetric, so only one new bin is tried.
   */
  static int bruteForceOptimum(PackingInstance instance) {
    int n = instance.itemCount();
    int d = instance.dimensions();
    long[][] load = new long[n][d];
    int[] best = {n};
    search(instance, 0, 0, load, best);
    return n == 0 ? 0 : best[0];
  }

  private static void search(PackingInstance in, int item, int open, long[][] load, int[] best) {
    if (open >= best[0]) {
      return;
    }
    if (item == in.itemCount()) {
      best[0] = open;
      return;
    }
    int d = in.dimensions();
    for (int b = 0; b <= open && b < in.itemCount(); b++) {
      boolean fits = true;
      for (int j = 0; j < d; j++) {
        fits &= load[b][j] + in.size(item, j) <= in.capacity(j);
      }
      if (!fits) {
        continue;
      }
      for (int j = 0; j < d; j++) {
        load[b][j] += in.size(item, j);
      }
      search(in, item + 1, Math.max(open, b + 1), load, best);
      for (int j = 0; j < d; j++) {
        load[b][j] -= in.size(item, j);
      }
    }
  }
}
