package io.platformsim.scheduler.packing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class BinEmptyingTest {

  @Test
  void movesItemsOutOfTheEmptiestBins() {
    // Capacity 10, items 6, 4, 4, 6 each alone in a bin (lower bound 2). Attempt 1 empties bin 1
    // (the first least-filled): its 4 goes to bin 0 (6 + 4 = 10, tightest). Attempt 2 empties bin
    // 2: its 4 goes to bin 3. Two bins are left: the lower bound, so it stops.
    PackingInstance in = PackingInstance.oneDimensional(10, 6, 4, 4, 6);
    PackingResult start =
        new PackingResult("start", 4, 2, new int[] {0, 1, 2, 3}, new long[][] {{6}, {4}, {4}, {6}});
    PackingResult r = BinEmptying.defaults().improve(in, start);
    assertEquals("start+empty", r.algorithm());
    assertEquals(2, r.bins());
    assertArrayEquals(new int[] {0, 0, 1, 1}, r.assignment());
    PackingAssertions.assertValidPacking(in, r);
  }

  @Test
  void swapsASmallerItemOutWhenNothingFits() {
    // Capacity 10, items 7, 2, 5, 3, 3 in bins {7,2}, {5,3}, {3}; the lower bound is 20/10 = 2.
    // Emptying bin 2: its 3 fits nowhere (rooms 1 and 2), so it replaces the 2 in bin 0
    // (9 - 2 + 3 = 10); the 2 then fits bin 1 (8 + 2 = 10). Result {7,3}, {2,5,3}.
    PackingInstance in = PackingInstance.oneDimensional(10, 7, 2, 5, 3, 3);
    PackingResult start =
        new PackingResult("start", 3, 2, new int[] {0, 0, 1, 1, 2}, new long[][] {{9}, {8}, {3}});
    PackingResult r = new BinEmptying(10, 10).improve(in, start);
    assertArrayEquals(new int[] {0, 1, 1, 1, 0}, r.assignment());
    assertArrayEquals(new long[] {10}, r.binLoad(0));
    assertArrayEquals(new long[] {10}, r.binLoad(1));
    // The same needs two moves; with a budget of one move per attempt it is undone completely.
    PackingResult limited = new BinEmptying(10, 1).improve(in, start);
    assertEquals(3, limited.bins());
    assertArrayEquals(start.assignment(), limited.assignment());
    // No attempts at all: unchanged.
    assertEquals(3, new BinEmptying(0, 10).improve(in, start).bins());
  }

  @Test
  void rejectsBadBudgetsAndForeignPackings() {
    assertThrows(IllegalArgumentException.class, () -> new BinEmptying(-1, 1));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new BinEmptying(1, 0));
    assertTrue(e.getMessage().contains("maxMovesPerAttempt"), e.getMessage());
    PackingInstance in = PackingInstance.oneDimensional(10, 6, 6);
    PackingResult overfull = new PackingResult("x", 1, 1, new int[] {0, 0}, new long[][] {{12}});
    e =
        assertThrows(
            IllegalArgumentException.class, () -> BinEmptying.defaults().improve(in, overfull));
    assertTrue(e.getMessage().contains("over capacity"), e.getMessage());
    PackingResult wrongSize = new PackingResult("x", 1, 1, new int[] {0}, new long[][] {{6}});
    assertThrows(
        IllegalArgumentException.class, () -> BinEmptying.defaults().improve(in, wrongSize));
  }

  @Property(tries = 100)
  void neverWorseAlwaysValidAndDeterministic(
      @ForAll("instances") PackingInstance in, @ForAll("starts") String startAlgorithm) {
    PackingResult start = PackingAlgorithm.named(startAlgorithm).pack(in);
    BinEmptying step = new BinEmptying(50, 100);
    PackingResult r = step.improve(in, start);
    PackingAssertions.assertValidPacking(in, r);
    assertTrue(r.bins() <= start.bins());
    assertTrue(r.bins() >= r.lowerBound());
    assertEquals(r, step.improve(in, start));
  }

  @Provide
  Arbitrary<PackingInstance> instances() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 3),
            Arbitraries.longs().between(1, 500),
            Arbitraries.integers().between(0, 80),
            Arbitraries.longs())
        .as((d, cap, n, seed) -> RandomInstances.uniform(seed, n, d, cap));
  }

  @Provide
  Arbitrary<String> starts() {
    return Arbitraries.of("nf", "wf", "ff", "ffd", "bfd-l2");
  }
}
