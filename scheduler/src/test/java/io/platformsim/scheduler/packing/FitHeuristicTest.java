package io.platformsim.scheduler.packing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FitHeuristicTest {

  private static int[] assignment(String algorithm, PackingInstance in) {
    return PackingAlgorithm.named(algorithm).pack(in).assignment();
  }

  @Test
  void onlineRulesDifferAsDefined() {
    // Capacity 10, items 5, 6, 4 in this order. After 5 -> bin 0 (room 5) and 6 -> bin 1
    // (room 4), the 4 goes to: first fit bin 0 (first with room); best fit bin 1 (room 4 -> 0,
    // tighter than 5 -> 1); worst fit bin 0 (room 5 > 4); next fit bin 1 (the last opened).
    PackingInstance in = PackingInstance.oneDimensional(10, 5, 6, 4);
    assertArrayEquals(new int[] {0, 1, 0}, assignment("ff", in));
    assertArrayEquals(new int[] {0, 1, 1}, assignment("bf", in));
    assertArrayEquals(new int[] {0, 1, 0}, assignment("wf", in));
    assertArrayEquals(new int[] {0, 1, 1}, assignment("nf", in));
  }

  @Test
  void worstFitPicksTheLeastLoadedBin() {
    // Capacity 10, items 6, 5, 3: bins have room 4 and 5; worst fit puts the 3 into bin 1 (room
    // 5), best fit and first fit into bin 0 (room 4).
    PackingInstance in = PackingInstance.oneDimensional(10, 6, 5, 3);
    assertArrayEquals(new int[] {0, 1, 1}, assignment("wf", in));
    assertArrayEquals(new int[] {0, 1, 0}, assignment("bf", in));
    assertArrayEquals(new int[] {0, 1, 0}, assignment("ff", in));
  }

  @Test
  void nextFitNeverLooksBack() {
    // Capacity 10, items 5, 7, 5, 3: 5 -> bin 0; 7 does not fit -> bin 1; 5 does not fit bin 1
    // (7 + 5 > 10) -> bin 2 even though bin 0 has room; 3 fits bin 2. Three bins; first fit
    // needs two (5+5, 7+3).
    PackingInstance in = PackingInstance.oneDimensional(10, 5, 7, 5, 3);
    assertArrayEquals(new int[] {0, 1, 2, 2}, assignment("nf", in));
    assertArrayEquals(new int[] {0, 1, 0, 1}, assignment("ff", in));
  }

  @Test
  void firstFitDecreasingByHand() {
    // Capacity 10, items 2, 5, 4, 7, 1, 3, 8 (indices 0..6). Sorted: 8, 7, 5, 4, 3, 2, 1.
    // 8 -> b0 (room 2), 7 -> b1 (3), 5 -> b2 (5), 4 -> b2 (1), 3 -> b1 (0), 2 -> b0 (0),
    // 1 -> b2 (0). Three bins, all full; the volume bound is 30 / 10 = 3, so the gap is 0.
    PackingInstance in = PackingInstance.oneDimensional(10, 2, 5, 4, 7, 1, 3, 8);
    PackingResult r = PackingAlgorithm.named("ffd").pack(in);
    assertArrayEquals(new int[] {0, 2, 2, 1, 2, 1, 0}, r.assignment());
    assertEquals(3, r.bins());
    assertEquals(3, r.lowerBound());
    assertEquals(0, r.gap());
    assertArrayEquals(new long[] {10}, r.binLoad(0));
  }

  @Test
  void equalItemsKeepTheirInputOrder() {
    // Capacity 10, items 3, 4, 3, 4: decreasing order is 4 (index 1), 4 (index 3), 3 (0), 3 (2);
    // first fit: 4, 4 -> b0 (room 2), 3 -> b1 (7), 3 -> b1 (4).
    PackingInstance in = PackingInstance.oneDimensional(10, 3, 4, 3, 4);
    assertArrayEquals(new int[] {1, 0, 1, 0}, assignment("ffd", in));
  }

  @Test
  void vectorFirstFitChecksEveryDimension() {
    // Capacity (10, 10), items a=(6,1), b=(6,1), c=(1,6), d=(1,6) in order. a -> b0 (room 4,9);
    // b does not fit b0 (6 > 4) -> b1; c -> b0 (room 3,3); d does not fit b0 (6 > 3) -> b1.
    PackingInstance in =
        PackingInstance.of(new long[] {10, 10}, new long[][] {{6, 1}, {6, 1}, {1, 6}, {1, 6}});
    assertArrayEquals(new int[] {0, 1, 0, 1}, assignment("ff", in));
  }

  @Test
  void measuresChangeTheDecreasingOrder() {
    // Capacity (10, 10): x = (8, 1) has sum 0.9, max 0.8; y = (5, 5) has sum 1.0, max 0.5.
    // They do not fit together (13 > 10). ffd (sum) takes y first, ffd-max takes x first.
    PackingInstance in = PackingInstance.of(new long[] {10, 10}, new long[][] {{8, 1}, {5, 5}});
    assertArrayEquals(new int[] {1, 0}, assignment("ffd", in));
    assertArrayEquals(new int[] {0, 1}, assignment("ffd-max", in));
    // L2: x = sqrt(0.64 + 0.01) = 0.806 > y = sqrt(0.5) = 0.707, so x first.
    assertArrayEquals(new int[] {0, 1}, assignment("ffd-l2", in));
  }

  @Test
  void sizeMeasuresByHand() {
    double[] v = {0.5, 0.25};
    double[] w = {1, 2};
    assertEquals(0.75, SizeMeasure.SUM.of(v, w), 1e-12);
    assertEquals(0.5, SizeMeasure.MAX.of(v, w), 1e-12);
    assertEquals(0.125, SizeMeasure.PRODUCT.of(v, w), 1e-12);
    assertEquals(Math.sqrt(0.25 + 0.0625), SizeMeasure.L2.of(v, w), 1e-12);
    assertEquals(0.5 * 1 + 0.25 * 2, SizeMeasure.DOT.of(v, w), 1e-12);
    // DOT weights: the average normalised item. Capacity (10, 100), items (2, 50), (4, 0):
    // w = ((0.2 + 0.4) / 2, (0.5 + 0) / 2) = (0.3, 0.25).
    PackingInstance in = PackingInstance.of(new long[] {10, 100}, new long[][] {{2, 50}, {4, 0}});
    assertArrayEquals(new double[] {0.3, 0.25}, SizeMeasure.weights(in), 1e-12);
  }

  @Test
  void registryKnowsTheRequiredNamesAndRejectsOthers() {
    for (String name :
        new String[] {
          "best",
          "ffd",
          "bfd",
          "ffd-l2",
          "ffd-max",
          "bfd-dot",
          "wfd",
          "nfd",
          "ff",
          "bf",
          "ffd-prod",
          "ffd+empty"
        }) {
      assertEquals(name, PackingAlgorithm.named(name).name());
      assertTrue(name.contains("+") || PackingAlgorithm.names().contains(name), name);
    }
    assertEquals("ffd", PackingAlgorithm.named(" FFD ").name());
    assertEquals("best", PackingAlgorithm.names().get(0));
    assertEquals(PackingAlgorithm.DEFAULT, PackingAlgorithm.best().name());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PackingAlgorithm.named("tetris"));
    assertTrue(
        e.getMessage().contains("'tetris'") && e.getMessage().contains("ffd"), e.getMessage());
  }

  @Test
  void referenceScanIsNamedApart() {
    FitHeuristic ffd = FitHeuristic.of(Fit.FIRST, true, SizeMeasure.SUM);
    FitHeuristic scan = ffd.withReferenceScan();
    assertEquals("ffd-scan", scan.name());
    assertTrue(scan.referenceScan());
    assertNotSame(ffd, scan);
  }

  // --- Properties -------------------------------------------------------------------------

  /** The fast paths choose exactly the bins the plain scan chooses, item by item. */
  @Property(tries = 150)
  void fastPathsEqualTheReferenceScan(
      @ForAll("instances") PackingInstance in,
      @ForAll Fit fit,
      @ForAll boolean decreasing,
      @ForAll SizeMeasure measure) {
    FitHeuristic fast = FitHeuristic.of(fit, decreasing, measure);
    PackingResult a = fast.pack(in);
    PackingResult b = fast.withReferenceScan().pack(in);
    assertArrayEquals(b.assignment(), a.assignment(), fast.name() + " on " + in);
    assertEquals(b.bins(), a.bins());
  }

  @Property(tries = 100)
  void everyAlgorithmPacksValidlyAndAboveTheBound(
      @ForAll("instances") PackingInstance in, @ForAll("algorithmNames") String name) {
    PackingResult r = PackingAlgorithm.named(name).pack(in);
    PackingAssertions.assertValidPacking(in, r);
    assertEquals(LowerBound.of(in).value(), r.lowerBound());
    assertTrue(r.bins() >= r.lowerBound());
    // Same input, same answer, bit for bit.
    assertEquals(r, PackingAlgorithm.named(name).pack(in));
  }

  @Property(tries = 80)
  void noAlgorithmBeatsTheOptimumAndBestBeatsItsParts(@ForAll("tinyInstances") PackingInstance in) {
    int opt = PackingAssertions.bruteForceOptimum(in);
    PackingResult best = PackingAlgorithm.best().pack(in);
    assertTrue(best.bins() >= opt, best + " vs optimum " + opt);
    assertTrue(best.bins() <= PackingAlgorithm.named("ffd").pack(in).bins());
    assertTrue(best.bins() <= PackingAlgorithm.named("bfd").pack(in).bins());
    for (String name : PackingAlgorithm.names()) {
      assertTrue(PackingAlgorithm.named(name).pack(in).bins() >= opt, name);
    }
  }

  @Property(tries = 60)
  void oneDimensionalCountsOfFirstFitMatchAnIndependentCount(
      @ForAll @IntRange(min = 0, max = 400) int n, @ForAll long seed) {
    // Independent first fit decreasing: sort sizes with the JDK, scan bins for the first fit.
    PackingInstance in = RandomInstances.uniform(seed, n, 1, 1000);
    long[] sorted = new long[n];
    for (int i = 0; i < n; i++) {
      sorted[i] = in.size(i, 0);
    }
    java.util.Arrays.sort(sorted);
    long[] room = new long[n];
    int bins = 0;
    for (int k = n - 1; k >= 0; k--) {
      int b = 0;
      while (b < bins && room[b] < sorted[k]) {
        b++;
      }
      if (b == bins) {
        room[bins++] = 1000;
      }
      room[b] -= sorted[k];
    }
    assertEquals(bins, PackingAlgorithm.named("ffd").pack(in).bins());
  }

  @Provide
  Arbitrary<PackingInstance> instances() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 4),
            Arbitraries.longs().between(1, 1000),
            Arbitraries.integers().between(0, 120),
            Arbitraries.longs())
        .as((d, cap, n, seed) -> RandomInstances.uniform(seed, n, d, cap));
  }

  @Provide
  Arbitrary<PackingInstance> tinyInstances() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 3),
            Arbitraries.longs().between(1, 30),
            Arbitraries.integers().between(0, 8),
            Arbitraries.longs())
        .as((d, cap, n, seed) -> RandomInstances.uniform(seed, n, d, cap));
  }

  @Provide
  Arbitrary<String> algorithmNames() {
    return Arbitraries.of(PackingAlgorithm.names());
  }
}
