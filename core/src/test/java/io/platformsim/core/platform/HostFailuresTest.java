package io.platformsim.core.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.workload.Service;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * {@link HostFailures} and its shared draws ({@link CommonStreams#hostFailures}): a Poisson process
 * per service of rate instances ÷ MTBF, the same list from the same seed and replication, and a
 * failure carrying its ranks is never re-drawn ({@link CommonStreams#crashRanks}).
 */
class HostFailuresTest {

  private static final long DAY = 86_400_000L;

  private static CommonStreams common(long seed, int replication) {
    return new CommonStreams(RandomStreams.of(seed, replication)::stream);
  }

  private static List<Service> services() {
    return List.of(
        Service.builder("ten").instances(10).build(),
        Service.builder("thirty").instances(30).build());
  }

  @Test
  void theCountOverALongHorizonIsWithinFiveSigmaOfInstancesTimesHorizonOverMtbf() {
    // A Poisson process of rate n ÷ MTBF over horizon H has mean and variance n·H ÷ MTBF: here
    // 10·2000 d ÷ 10 d = 2000 and 30·2000 d ÷ 10 d = 6000 failures.
    HostFailures h = HostFailures.meanTimeBetweenFailures(Duration.ofDays(10));
    long horizon = 2000 * DAY;
    for (int replication = 0; replication < 3; replication++) {
      List<HostFailures.Crash> crashes =
          common(11, replication).hostFailures(h, services(), horizon);
      for (Service s : services()) {
        List<HostFailures.Crash> mine =
            crashes.stream().filter(c -> c.service().equals(s.name())).toList();
        double expected = h.expected(s.instances(), horizon);
        assertEquals(s.instances() * 200.0, expected, 1e-9);
        assertEquals(expected, mine.size(), 5 * Math.sqrt(expected), s.name());
        long last = -1;
        int[] hits = new int[s.instances()];
        for (HostFailures.Crash c : mine) {
          assertTrue(c.atMillis() >= last && c.atMillis() < horizon, c.toString());
          last = c.atMillis();
          hits[c.rank()]++; // a rank outside 0 .. n-1 throws here
        }
        // each rank is hit with probability 1/n: binomial, within 5 sigma
        double p = 1.0 / s.instances();
        for (int hit : hits) {
          double mean = mine.size() * p;
          assertEquals(mean, hit, 5 * Math.sqrt(mine.size() * p * (1 - p)), s.name());
        }
      }
    }
  }

  @Test
  void servicesAreDrawnInWorkloadOrderFromOneStream() {
    HostFailures h = HostFailures.meanTimeBetweenFailures(Duration.ofDays(1));
    List<HostFailures.Crash> crashes = common(3, 0).hostFailures(h, services(), 20 * DAY);
    // all of the first service's failures, then all of the second's
    int firstThirty = 0;
    while (crashes.get(firstThirty).service().equals("ten")) {
      firstThirty++;
    }
    assertTrue(firstThirty > 0);
    for (int i = firstThirty; i < crashes.size(); i++) {
      assertEquals("thirty", crashes.get(i).service());
    }
  }

  @Test
  void theSameSeedAndReplicationGiveTheSameFailuresAnotherReplicationOthers() {
    HostFailures h = HostFailures.meanTimeBetweenFailures(Duration.ofDays(30));
    List<HostFailures.Crash> a = common(42, 1).hostFailures(h, services(), 60 * DAY);
    assertEquals(a, common(42, 1).hostFailures(h, services(), 60 * DAY));
    assertNotEquals(a, common(42, 2).hostFailures(h, services(), 60 * DAY));
    assertFalse(a.isEmpty());
  }

  @Test
  void noneDrawsNothingAndOpensNoStream() {
    Map<String, RandomGenerator> opened = new HashMap<>();
    RandomStreams s = RandomStreams.of(1, 0);
    Function<String, RandomGenerator> watch = name -> opened.computeIfAbsent(name, s::stream);
    CommonStreams c = new CommonStreams(watch);
    assertEquals(List.of(), c.hostFailures(HostFailures.NONE, services(), DAY));
    assertTrue(opened.isEmpty());
    c.hostFailures(HostFailures.meanTimeBetweenFailures(Duration.ofDays(1)), services(), DAY);
    assertEquals(Set.of(CommonStreams.HOST_FAILURE), opened.keySet());
  }

  @Test
  void aFailureWithItsOwnRanksIsUsedAsGivenAndDrawsNoFreshPick() {
    Map<String, RandomGenerator> opened = new HashMap<>();
    RandomStreams s = RandomStreams.of(1, 0);
    CommonStreams c = new CommonStreams(name -> opened.computeIfAbsent(name, s::stream));
    assertEquals(List.of(4), c.crashRanks(Failure.machineCrashAtRanks("web", List.of(4)), 6));
    assertTrue(opened.isEmpty(), "common.failurePick untouched: " + opened.keySet());
    // without ranks the platform draws them, as before
    List<Integer> drawn = c.crashRanks(Failure.machineCrash("web", 2), 6);
    assertEquals(common(1, 0).victimRanks(6, 2), drawn);
    assertEquals(Set.of(CommonStreams.FAILURE_PICK), opened.keySet());
  }

  @Test
  void badSettingsAndRankedFailuresAreRefusedNamingTheValue() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> new HostFailures(-1))
            .getMessage()
            .contains("meanTimeBetweenFailures"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> HostFailures.meanTimeBetweenFailures(Duration.ZERO))
            .getMessage()
            .contains("PT0S"));
    assertThrows(
        IllegalArgumentException.class, () -> Failure.machineCrashAtRanks("web", List.of()));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> Failure.machineCrashAtRanks("web", List.of(-1)))
            .getMessage()
            .contains("[-1]"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Failure(Failure.Kind.MACHINE_CRASH, "web", 2, null, List.of(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Failure(Failure.Kind.ZONE_OUTAGE, null, 1, "a", List.of(1)));
    assertEquals(List.of(), Failure.machineCrash("web", 1).ranks());
    assertEquals(
        "Failure[crash of 1 machine(s) of web at ranks [3]]",
        Failure.machineCrashAtRanks("web", List.of(3)).toString());
  }

  @Test
  void expectedFailuresAreInstancesTimesHorizonOverMtbf() {
    HostFailures h = HostFailures.meanTimeBetweenFailures(Duration.ofDays(30));
    assertEquals(12 * 6.0 / (30 * 24), h.expected(12, Duration.ofHours(6).toMillis()), 1e-12);
    assertEquals(0, HostFailures.NONE.expected(12, DAY));
    assertTrue(h.on());
    assertFalse(HostFailures.NONE.on());
  }
}
