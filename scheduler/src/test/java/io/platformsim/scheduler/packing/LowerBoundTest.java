package io.platformsim.scheduler.packing;

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

class LowerBoundTest {

  @Test
  void volumeBoundIsCeilingOfTotalOverCapacity() {
    // 6 + 6 + 6 = 18 over capacity 10: ceil(1.8) = 2.
    assertEquals(2, LowerBound.volumeBound(10, 6, 6, 6));
    // Exactly full: 5 + 5 + 10 = 20 over 10 = 2, no rounding up.
    assertEquals(2, LowerBound.volumeBound(10, 5, 5, 10));
    assertEquals(0, LowerBound.volumeBound(10));
  }

  @Test
  void volumeBoundDoesNotOverflow() {
    long max = Long.MAX_VALUE;
    // Two full bins and one more unit: the sum 2^64 - 1 does not fit in a long; the bound is 3.
    assertEquals(3, LowerBound.volumeBound(max, max, max, 1));
  }

  @Test
  void martelloTothSeesItemsThatCannotShareABin() {
    // Capacity 10, items 6, 6, 6: each is more than half, so no two share a bin: L2 = 3, while
    // the volume bound is only ceil(18/10) = 2.
    assertEquals(3, LowerBound.martelloToth(10, 6, 6, 6));
  }

  @Test
  void martelloTothUsesTheThresholdAlpha() {
    // Capacity 10, items 7, 4, 4, 4. Hand calculation:
    //   α = 0: J2 = {7}, J3 = {4,4,4}; 12 - (10 - 7) = 9 -> 1 extra bin: L = 2.
    //   α = 4: J1 = {w > 6} = {7}, J2 = {}, J3 = {4,4,4}: ceil(12/10) = 2 extra: L = 3.
    // The optimum is 3 (7 fits with no 4; three 4s need two bins); L1 = ceil(19/10) = 2.
    assertEquals(3, LowerBound.martelloToth(10, 7, 4, 4, 4));
    assertEquals(2, LowerBound.volumeBound(10, 7, 4, 4, 4));
  }

  @Test
  void martelloTothHandlesOddCapacityHalf() {
    // Capacity 5: 3 > 2.5 is "large", 2 ≤ 2.5 is "small". Items 3, 3, 2, 2:
    // α = 2: J1 = {w > 3} = {}, J2 = {3, 3}, J3 = {2, 2}; free in J2 bins 2·5 - 6 = 4 >= 4 -> L =
    // 2.
    // Optimum 2: {3, 2}, {3, 2}.
    assertEquals(2, LowerBound.martelloToth(5, 3, 3, 2, 2));
    // Items 3, 3, 3: three large items: 3.
    assertEquals(3, LowerBound.martelloToth(5, 3, 3, 3));
  }

  @Test
  void martelloTothWithHugeNumbersUsesExactArithmetic() {
    long max = Long.MAX_VALUE;
    // Two items over half the capacity (one bin each) plus a unit that fits beside neither
    // completely full bin: 3.
    assertEquals(3, LowerBound.martelloToth(max, max, max, 1));
  }

  @Test
  void ofInstanceTakesTheMaximumOverDimensions() {
    // Capacity (10, 10); dimension 0: 6, 6, 1, 1 -> L1 = ceil(14/10) = 2, L2 = 2 (two items > 5);
    // dimension 1: 1, 1, 6, 6 -> the same. Optimum 2: {(6,1), (1,6)} twice.
    PackingInstance in =
        PackingInstance.of(new long[] {10, 10}, new long[][] {{6, 1}, {6, 1}, {1, 6}, {1, 6}});
    assertEquals(new LowerBound(2, 2), LowerBound.of(in));
    // Dimension 1 dominates here: sizes 9, 9, 9 in dimension 1 cannot share: 3.
    PackingInstance skewed =
        PackingInstance.of(new long[] {10, 10}, new long[][] {{1, 9}, {1, 9}, {1, 9}});
    assertEquals(3, LowerBound.of(skewed).value());
    assertEquals(3, LowerBound.of(skewed).volume()); // ceil(27/10) = 3
  }

  @Test
  void emptyAndZeroSizedInstances() {
    assertEquals(new LowerBound(0, 0), LowerBound.of(PackingInstance.oneDimensional(10)));
    // Zero-sized items still need one bin.
    assertEquals(new LowerBound(1, 1), LowerBound.of(PackingInstance.oneDimensional(10, 0, 0)));
  }

  @Test
  void rejectsBadInput() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LowerBound.martelloToth(0, 1));
    assertTrue(e.getMessage().contains("capacity"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> LowerBound.martelloToth(10, 11));
    assertTrue(e.getMessage().contains("sizes[0]") && e.getMessage().contains("11"));
  }

  @Property(tries = 200)
  void boundsNeverExceedTheOptimum(@ForAll("tinyInstances") PackingInstance in) {
    LowerBound lb = LowerBound.of(in);
    int opt = PackingAssertions.bruteForceOptimum(in);
    assertTrue(lb.volume() <= lb.martelloToth(), "L1 <= L2: " + lb);
    assertTrue(lb.value() <= opt, lb + " <= optimum " + opt + " for " + in);
  }

  @Provide
  Arbitrary<PackingInstance> tinyInstances() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 2),
            Arbitraries.longs().between(1, 20),
            Arbitraries.integers().between(0, 7),
            Arbitraries.longs().between(0, Long.MAX_VALUE))
        .as((d, cap, n, seed) -> RandomInstances.uniform(seed, n, d, cap));
  }
}
