package io.platformsim.core.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.RandomStreams;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** {@link CommonStreams} and the rank rule {@link Failure#byRank} both platforms pick by. */
class CommonStreamsTest {

  private static CommonStreams common(long seed, int replication) {
    return new CommonStreams(RandomStreams.of(seed, replication)::stream);
  }

  @Test
  void twoCopiesOfAReplicationsStreamsDrawTheSameRanksAndLifetimes() {
    Pricing spot = Pricing.ON_DEMAND.withSpot(1, 0.3, 730); // mean 1 h to interruption
    CommonStreams lesp = common(42, 3);
    CommonStreams kusp = common(42, 3);
    for (int i = 0; i < 20; i++) {
      assertEquals(lesp.victimRanks(24, 2), kusp.victimRanks(24, 2));
      assertEquals(lesp.spotLifetimeMillis(spot), kusp.spotLifetimeMillis(spot));
    }
  }

  @Test
  void theTwoSharedPhenomenaDrawFromTheirOwnStreams() {
    // spot draws in between do not move the ranks: each phenomenon has its stream
    Pricing spot = Pricing.ON_DEMAND.withSpot(1, 0.3, 730);
    CommonStreams plain = common(5, 0);
    CommonStreams mixed = common(5, 0);
    for (int i = 0; i < 10; i++) {
      mixed.spotLifetimeMillis(spot);
      assertEquals(plain.victimRanks(10, 3), mixed.victimRanks(10, 3));
    }
  }

  @Test
  void ranksAreDistinctAndInRangeAndACountAboveTheInstancesAddsTheNextRanks() {
    CommonStreams c = common(1, 0);
    for (int i = 0; i < 50; i++) {
      List<Integer> r = c.victimRanks(5, 3);
      assertEquals(3, new HashSet<>(r).size());
      assertTrue(r.stream().allMatch(x -> x >= 0 && x < 5), r::toString);
    }
    List<Integer> over = c.victimRanks(3, 5); // a pool with headroom: 5 of 3 nominal instances
    assertEquals(new HashSet<>(List.of(0, 1, 2)), new HashSet<>(over.subList(0, 3)));
    assertEquals(List.of(3, 4), over.subList(3, 5));
  }

  @Test
  void ranksAreUniform() {
    // 6000 single picks over 6 ranks: each expected 1000, sd sqrt(6000 * 1/6 * 5/6) ≈ 28.9; 5 sd
    int[] hits = new int[6];
    CommonStreams c = common(11, 0);
    for (int i = 0; i < 6000; i++) {
      hits[c.victimRanks(6, 1).get(0)]++;
    }
    for (int h : hits) {
      assertTrue(Math.abs(h - 1000) < 145, () -> java.util.Arrays.toString(hits));
    }
  }

  @Test
  void spotLifetimesAreExponentialWithThePricingsMean() {
    // 730 interruptions a month of 730 h: mean 1 h. 10 000 draws: the mean's sd is 1 h / 100.
    Pricing spot = Pricing.ON_DEMAND.withSpot(1, 0.3, 730);
    CommonStreams c = common(2, 0);
    double sum = 0;
    int aboveMean = 0;
    for (int i = 0; i < 10_000; i++) {
      long ms = c.spotLifetimeMillis(spot);
      sum += ms;
      aboveMean += ms > 3_600_000 ? 1 : 0;
    }
    assertEquals(3_600_000, sum / 10_000, 4 * 36_000);
    // P(X > mean) = e^-1 ≈ 0.368 for an exponential; sd sqrt(0.368 * 0.632 / 10 000) ≈ 0.005
    assertEquals(Math.exp(-1), aboveMean / 10_000.0, 0.02);
  }

  @Test
  void badArgumentsAreNamed() {
    CommonStreams c = common(1, 0);
    assertEquals(
        "instances and count must be >= 1, were 0 and 1",
        assertThrows(IllegalArgumentException.class, () -> c.victimRanks(0, 1)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> c.spotLifetimeMillis(Pricing.ON_DEMAND));
    assertThrows(IllegalArgumentException.class, () -> new CommonStreams(null));
  }

  @Test
  void askingForNoPhenomenonOpensNoStream() {
    Map<String, RandomGenerator> opened = new java.util.HashMap<>();
    RandomStreams s = RandomStreams.of(1, 0);
    Function<String, RandomGenerator> watch =
        name -> opened.computeIfAbsent(name, n -> s.stream(n));
    CommonStreams c = new CommonStreams(watch);
    assertTrue(opened.isEmpty());
    c.victimRanks(3, 1);
    assertEquals(java.util.Set.of(CommonStreams.FAILURE_PICK), opened.keySet());
  }

  // ---------------------------------------------------------------- Failure.byRank

  @Test
  void rankNamesTheInstanceAndItsHostAndATakenHostPassesItOn() {
    // instances a, b on host X; c on Y; d on Z (a KuSP node with two pods of the service)
    List<String> instances = List.of("a", "b", "c", "d");
    Function<String, String> host = i -> Map.of("a", "X", "b", "X", "c", "Y", "d", "Z").get(i);
    assertEquals(List.of("X", "Y"), Failure.byRank(instances, List.of(0, 1), host, "nodes"));
    assertEquals(List.of("Z", "Y", "X"), Failure.byRank(instances, List.of(3, 2, 1), host, "n"));
    // rank 5 of 4 serving instances: 5 mod 4 = 1, instance b on X
    assertEquals(List.of("X"), Failure.byRank(instances, List.of(5), host, "nodes"));
    // rank 3 takes Z; rank 3 again passes on, wrapping around to a on X
    assertEquals(List.of("Z", "X"), Failure.byRank(instances, List.of(3, 3), host, "nodes"));
  }

  @Test
  void moreRanksThanHostsIsAnErrorNamingThem() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Failure.byRank(List.of("a", "b"), List.of(0, 1, 2), x -> "H", "nodes of 'x'"));
    assertEquals("failure count 3 is above the 1 nodes of 'x'", e.getMessage());
  }
}
