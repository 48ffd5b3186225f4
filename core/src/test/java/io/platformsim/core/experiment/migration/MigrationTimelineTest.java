package io.platformsim.core.experiment.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.experiment.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A two-wave plan with fixed readiness, worked out by hand: wave 1 = [a] starts at day 0, wave 2 =
 * [b] at day 10; readiness 2 days; traffic 10% at once, 50% after 1 day, 100% after 2 days; bake 3
 * days; horizon 30 days.
 *
 * <pre>
 *   a: ready day 2 -> 10% d2, 50% d3, 100% d4, drained d4+3 = d7
 *   b: ready day 12 -> 10% d12, 50% d13, 100% d14, drained d17
 * </pre>
 */
class MigrationTimelineTest {

  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final Scenario FLEET = Fleet.scenario(Fleet.of("a:2", "b:3"));

  private static MigrationPlan.Builder plan() {
    return MigrationPlan.builder()
        .waves(List.of(List.of("a"), List.of("b")))
        .waveSpacing(Duration.ofDays(10))
        .readiness(DurationDistribution.fixed(2 * DAY))
        .trafficSteps(
            List.of(
                new TrafficStep(Duration.ZERO, 0.1),
                new TrafficStep(Duration.ofDays(1), 0.5),
                new TrafficStep(Duration.ofDays(2), 1.0)))
        .bake(Duration.ofDays(3))
        .rollbackRetry(Duration.ofDays(5))
        .horizon(Duration.ofDays(30));
  }

  private static MigrationTimeline timeline(MigrationPlan plan, long seed) {
    return MigrationTimeline.of(FLEET, plan, RandomStreams.of(seed, 0));
  }

  /** A segment from day {@code from} to day {@code to} with a's and b's states. */
  private static Segment seg(long from, long to, ServiceState a, ServiceState b) {
    TreeMap<String, ServiceState> m = new TreeMap<>();
    m.put("a", a);
    m.put("b", b);
    return new Segment(from * DAY, to * DAY, new MigrationState(m));
  }

  private static final ServiceState L = ServiceState.ON_LESP;
  private static final ServiceState K = ServiceState.ON_KUSP;

  private static ServiceState d(double share) {
    return ServiceState.dual(share);
  }

  @Test
  void segmentsChangeExactlyAtTheHandWorkedTimes() {
    MigrationTimeline t = timeline(plan().build(), 1);
    assertEquals(
        List.of(
            seg(0, 2, L, L),
            seg(2, 3, d(0.1), L),
            seg(3, 4, d(0.5), L),
            seg(4, 7, d(1.0), L),
            seg(7, 12, K, L),
            seg(12, 13, K, d(0.1)),
            seg(13, 14, K, d(0.5)),
            seg(14, 17, K, d(1.0)),
            seg(17, 30, K, K)),
        t.segments());
    assertEquals(
        List.of(
            new WaveOutcome(1, List.of("a"), 0, 7 * DAY, 0),
            new WaveOutcome(2, List.of("b"), 10 * DAY, 17 * DAY, 0)),
        t.waves());
  }

  /**
   * Wave 1 rolls back at its go/no-go (day 4, a at 100%): a back on LeSP, retried 5 days later (day
   * 9) through the same steps without readiness work: 10% d9, 50% d10, 100% d11, drained d14. The
   * wave ends retry (5 d) + the ramp to 100% (2 d) = 7 days later than without; wave 2 is not
   * delayed.
   */
  @Test
  void aForcedRollbackAddsTheRetryDelayAndTheRampToItsWaveOnly() {
    MigrationTimeline t = timeline(plan().forcedRollbacks(Set.of(1)).build(), 1);
    assertEquals(
        List.of(
            seg(0, 2, L, L),
            seg(2, 3, d(0.1), L),
            seg(3, 4, d(0.5), L),
            seg(4, 9, L, L),
            seg(9, 10, d(0.1), L),
            seg(10, 11, d(0.5), L),
            seg(11, 12, d(1.0), L),
            seg(12, 13, d(1.0), d(0.1)),
            seg(13, 14, d(1.0), d(0.5)),
            seg(14, 17, K, d(1.0)),
            seg(17, 30, K, K)),
        t.segments());
    assertEquals(new WaveOutcome(1, List.of("a"), 0, 14 * DAY, 1), t.waves().get(0));
    assertEquals(new WaveOutcome(2, List.of("b"), 10 * DAY, 17 * DAY, 0), t.waves().get(1));
  }

  /**
   * With a rollback certain, wave 1 goes back to LeSP at every go/no-go: day 4, then every 5 + 2 =
   * 7 days (11, 18, 25); the retry after day 25 would begin at day 30 = the horizon, so it stops
   * there, never done. Wave 2 likewise at days 14, 21, 28 (retry at 33 is past the horizon).
   */
  @Test
  void aWaveThatAlwaysRollsBackIsNeverDone() {
    MigrationTimeline t = timeline(plan().rollbackProbability(1).build(), 1);
    assertEquals(4, t.waves().get(0).rollbacks());
    assertEquals(3, t.waves().get(1).rollbacks());
    assertEquals(Long.MAX_VALUE, t.waves().get(0).doneMillis());
    assertEquals(Long.MAX_VALUE, t.waves().get(1).doneMillis());
    List<Segment> s = t.segments();
    // a's last attempt: retried day 23, 100% and rolled back day 25; b's: retried day 26 (21 +
    // 5), 50% day 27, 100% and rolled back day 28.
    assertEquals(
        List.of(
            seg(24, 25, d(0.5), L),
            seg(25, 26, L, L),
            seg(26, 27, L, d(0.1)),
            seg(27, 28, L, d(0.5)),
            seg(28, 30, L, L)),
        s.subList(s.size() - 5, s.size()));
  }

  @Test
  void stateAtFindsTheSegment() {
    MigrationTimeline t = timeline(plan().build(), 1);
    assertEquals(seg(0, 2, L, L).state(), t.stateAt(0));
    assertEquals(seg(3, 4, d(0.5), L).state(), t.stateAt(4 * DAY - 1));
    assertEquals(seg(4, 7, d(1.0), L).state(), t.stateAt(4 * DAY));
    assertEquals(seg(17, 30, K, K).state(), t.stateAt(30 * DAY - 1));
    assertThrows(IllegalArgumentException.class, () -> t.stateAt(30 * DAY));
  }

  @Test
  void aForcedRollbackOfAWaveTheFleetLeavesEmptyIsAnError() {
    MigrationPlan p = plan().ordering("smallest-first", 4).forcedRollbacks(Set.of(3)).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> timeline(p, 1));
    assertEquals(
        "forcedRollbacks names wave 3, but the 2 services make only 2 waves", e.getMessage());
  }

  @Test
  void horizonCutsTheLastSegment() {
    MigrationTimeline t = timeline(plan().horizon(Duration.ofDays(13)).build(), 1);
    assertEquals(seg(12, 13, K, d(0.1)), t.segments().get(t.segments().size() - 1));
    assertEquals(6, t.segments().size());
  }

  @Test
  void sameStreamsGiveTheSameTimelineAndOtherSeedsAnother() {
    MigrationPlan random =
        plan()
            .readiness(DurationDistribution.uniform(DAY, 5 * DAY))
            .rollbackProbability(0.5)
            .build();
    MigrationTimeline one = timeline(random, 42);
    assertEquals(one, timeline(random, 42));
    List<MigrationTimeline> others = new ArrayList<>();
    for (long seed = 1; seed <= 5; seed++) {
      others.add(timeline(random, seed));
    }
    // Readiness is uniform over 4 days in ms: five seeds drawing all the same is impossible.
    assertNotEquals(1, others.stream().distinct().count());
  }

  @Test
  void theDefaultPlanMovesEveryServiceWithinAYear() {
    Scenario fleet = Fleet.scenario(Fleet.of("a:1", "b:2", "c:3", "d:4", "e:5", "f:6", "g:7"));
    MigrationTimeline t =
        MigrationTimeline.of(fleet, MigrationPlan.defaults(), RandomStreams.of(3, 0));
    // 7 services in 4 waves: 2, 2, 2, 1 smallest first.
    assertEquals(
        List.of(List.of("a", "b"), List.of("c", "d"), List.of("e", "f"), List.of("g")),
        t.waves().stream().map(WaveOutcome::services).toList());
    // Wave 4 starts on day 42; readiness <= 5 d, 7 d ramp, 7 d bake: done by day 61.
    assertEquals(42 * DAY, t.waves().get(3).startMillis());
    long done = t.waves().stream().mapToLong(WaveOutcome::doneMillis).max().orElseThrow();
    assertEquals(true, done <= 61 * DAY + 1, "done at " + done);
    MigrationState end = t.segments().get(t.segments().size() - 1).state();
    assertEquals(7, end.count(Side.KUSP));
  }
}
