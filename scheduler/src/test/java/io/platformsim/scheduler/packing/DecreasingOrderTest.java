package io.platformsim.scheduler.packing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class DecreasingOrderTest {

  /** The specification, with the JDK's stable object sort: key descending, index ascending. */
  private static int[] expected(long[] keys) {
    return IntStream.range(0, keys.length)
        .boxed()
        .sorted(
            Comparator.comparingLong((Integer i) -> keys[i])
                .reversed()
                .thenComparing(Comparator.naturalOrder()))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  @Test
  void byHand() {
    // Keys 3, 4, 3, 4 -> 4 (index 1), 4 (3), 3 (0), 3 (2).
    assertArrayEquals(new int[] {1, 3, 0, 2}, DecreasingOrder.of(new long[] {3, 4, 3, 4}));
    // The same with keys above 2^31 (the merge-sort path).
    long big = 1L << 40;
    assertArrayEquals(
        new int[] {1, 3, 0, 2},
        DecreasingOrder.of(new long[] {big + 3, big + 4, big + 3, big + 4}));
    assertArrayEquals(new int[0], DecreasingOrder.of(new long[0]));
  }

  @Property(tries = 200)
  void smallKeysSortLikeTheSpecification(
      @ForAll @Size(max = 300) List<@LongRange(min = 0, max = 50) Long> list) {
    long[] keys = list.stream().mapToLong(Long::longValue).toArray();
    assertArrayEquals(expected(keys), DecreasingOrder.of(keys));
  }

  @Property(tries = 200)
  void largeKeysSortLikeTheSpecification(
      @ForAll @Size(max = 300) List<@LongRange(min = 0, max = Long.MAX_VALUE) Long> list) {
    long[] keys = list.stream().mapToLong(Long::longValue).toArray();
    assertArrayEquals(expected(keys), DecreasingOrder.of(keys));
  }
}
