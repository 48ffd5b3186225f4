package io.platformsim.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

  private static long[] draws(RandomGenerator rng, int n) {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = rng.nextLong();
    }
    return out;
  }

  @Property(tries = 50)
  void addingStreamsDoesNotChangeAnotherStreamsDraws(
      @ForAll long masterSeed,
      @ForAll @IntRange(min = 0, max = 1000) int replication,
      @ForAll @AlphaChars @StringLength(min = 1, max = 12) String other) {
    RandomStreams alone = RandomStreams.of(masterSeed, replication);
    long[] expected = draws(alone.stream("converge"), 20);

    RandomStreams crowded = RandomStreams.of(masterSeed, replication);
    RandomGenerator first = crowded.stream(other + "-x"); // created before, drawn in between
    crowded.stream("another");
    RandomGenerator converge = crowded.stream("converge");
    long[] actual = new long[20];
    for (int i = 0; i < 20; i++) {
      first.nextLong();
      actual[i] = converge.nextLong();
    }
    assertArrayEquals(expected, actual);
  }

  @Test
  void sameNameSameGeneratorAndDrawsContinue() {
    RandomStreams streams = RandomStreams.of(7, 0);
    RandomGenerator a = streams.stream("arrivals");
    assertSame(a, streams.stream("arrivals"));
    long[] both = draws(RandomStreams.of(7, 0).stream("arrivals"), 2);
    assertEquals(both[0], a.nextLong());
    assertEquals(both[1], streams.stream("arrivals").nextLong());
  }

  @Test
  void seedsDependOnMasterSeedReplicationAndName() {
    long base = RandomStreams.of(1, 0).seedOf("x");
    assertEquals(base, RandomStreams.of(1, 0).seedOf("x"));
    assertNotEquals(base, RandomStreams.of(2, 0).seedOf("x"));
    assertNotEquals(base, RandomStreams.of(1, 1).seedOf("x"));
    assertNotEquals(base, RandomStreams.of(1, 0).seedOf("y"));
    assertNotEquals(
        draws(RandomStreams.of(1, 0).stream("x"), 1)[0],
        draws(RandomStreams.of(1, 1).stream("x"), 1)[0]);
  }

  @Test
  void mixerIsSplitMix64AndNameHashIsFnv1a() {
    // java.util.SplittableRandom is SplitMix64: its first output from seed s is mix(s).
    for (long s : new long[] {0, 1, 42, -1, Long.MIN_VALUE}) {
      assertEquals(new SplittableRandom(s).nextLong(), RandomStreams.mix(s));
    }
    // FNV-1a 64 test vectors (Fowler/Noll/Vo reference test suite): "" and "a".
    assertEquals(0xcbf29ce484222325L, RandomStreams.nameHash(""));
    assertEquals(0xaf63dc4c8601ec8cL, RandomStreams.nameHash("a"));
  }

  @Test
  void badInputIsRejectedWithTheValue() {
    var e = assertThrows(IllegalArgumentException.class, () -> RandomStreams.of(1, -3));
    assertTrue(e.getMessage().contains("replication") && e.getMessage().contains("-3"));
    var e2 = assertThrows(IllegalArgumentException.class, () -> RandomStreams.of(1, 0).stream(" "));
    assertTrue(e2.getMessage().contains("stream name"));
  }
}
