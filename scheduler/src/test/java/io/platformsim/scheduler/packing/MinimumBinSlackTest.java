package io.platformsim.scheduler.packing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MinimumBinSlackTest {

  // Capacity 10, items 4, 4, 3, 3, 3, 3 (sum 20, so at least 2 bins).
  private static final PackingInstance FOURS_AND_THREES =
      PackingInstance.oneDimensional(10, 4, 4, 3, 3, 3, 3);

  @Test
  void beatsFirstFitDecreasingWhereFfdStrandsSpace() {
    // FFD by hand: 4, 4 -> bin 0 (room 2); 3, 3, 3 -> bin 1 (room 1); the last 3 -> bin 2.
    assertEquals(3, PackingAlgorithm.named("ffd").pack(FOURS_AND_THREES).bins());
    // MBS' by hand: bin 0 holds the first 4; the search tries 4 (slack 2), then 3 + 3 (slack 0,
    // stop): {4, 3, 3}. Bin 1: the other 4 with the last two 3s, slack 0. Two bins = optimum.
    PackingResult r = PackingAlgorithm.named("mbs").pack(FOURS_AND_THREES);
    assertEquals(2, r.bins());
    assertArrayEquals(new int[] {0, 1, 0, 0, 1, 1}, r.assignment());
    assertEquals("mbs", r.algorithm());
  }

  @Test
  void theNodeBudgetIsDeterministic() {
    // One node per bin: bin 0 tries only the second 4 (slack 2) -> {4, 4}; bin 1 = first 3 plus
    // one more 3 (the next candidate exceeds the budget) -> {3, 3}; bin 2 = {3, 3}.
    PackingResult r = new MinimumBinSlack("mbs-1", 1).pack(FOURS_AND_THREES);
    assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2}, r.assignment());
    assertEquals(r, new MinimumBinSlack("mbs-1", 1).pack(FOURS_AND_THREES));
    assertThrows(IllegalArgumentException.class, () -> new MinimumBinSlack("x", 0));
  }

  @Test
  void vectorSlackCountsEveryDimension() {
    // Capacity (10, 10): a = (5, 1), b = (5, 9), c = (5, 1), d = (5, 9). Decreasing by sum:
    // b, d (1.4), a, c (0.6). Bin 0 starts with b (room 5, 1); d does not fit (9 > 1); a fits
    // exactly in dimension 0 (room 0, 0): {b, a}. Bin 1: {d, c}. Both bins exactly full.
    PackingInstance in =
        PackingInstance.of(new long[] {10, 10}, new long[][] {{5, 1}, {5, 9}, {5, 1}, {5, 9}});
    PackingResult r = PackingAlgorithm.named("mbs").pack(in);
    assertArrayEquals(new int[] {0, 0, 1, 1}, r.assignment());
    assertArrayEquals(new long[] {10, 10}, r.binLoad(0));
  }
}
