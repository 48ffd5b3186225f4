package io.platformsim.core.experiment.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.experiment.Scenario;
import io.platformsim.core.workload.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of {@link MigrationTimeline#of} over random plans (issue 18 point 5): random fleets,
 * explicit or ordered waves, traffic steps, readiness, bake, rollback chances and forced rollbacks.
 */
class MigrationTimelineProperties {

  private static final long HOUR = Duration.ofHours(1).toMillis();

  /** A random plan and fleet; {@code shape} seeds the parts jqwik does not pick directly. */
  record Case(Scenario scenario, MigrationPlan plan) {}

  private static Case randomCase(int services, int waveCount, double rollback, long shape) {
    Random r = new Random(shape);
    List<Service> fleet = new ArrayList<>();
    for (int i = 0; i < services; i++) {
      fleet.add(Service.builder("s" + i).instances(1 + r.nextInt(6)).build());
    }
    MigrationPlan.Builder b = MigrationPlan.builder();
    int waves;
    if (r.nextBoolean()) {
      // Explicit waves: a random partition of a shuffled fleet into waveCount (or fewer) lists.
      List<String> names = new ArrayList<>(fleet.stream().map(Service::name).toList());
      Collections.shuffle(names, r);
      waves = Math.min(waveCount, services);
      List<List<String>> lists = new ArrayList<>();
      for (int w = 0; w < waves; w++) {
        lists.add(new ArrayList<>());
      }
      for (int i = 0; i < names.size(); i++) {
        // Each wave gets one service first, the rest go anywhere.
        lists.get(i < waves ? i : r.nextInt(waves)).add(names.get(i));
      }
      b.waves(lists);
    } else {
      String policy =
          List.of("smallest-first", "largest-first", "least-risky-first").get(r.nextInt(3));
      // At most one wave per service: forced rollbacks may only name waves that exist.
      waves = Math.min(waveCount, services);
      b.ordering(policy, waveCount);
      if (r.nextBoolean()) {
        Map<String, Double> risk = new HashMap<>();
        fleet.forEach(s -> risk.put(s.name(), (double) r.nextInt(4)));
        b.risk(risk);
      }
    }
    int steps = 1 + r.nextInt(4);
    List<TrafficStep> list = new ArrayList<>();
    long after = r.nextInt(3) * 12 * HOUR;
    double share = 0;
    for (int i = 0; i < steps; i++) {
      share = i == steps - 1 ? 1.0 : Math.min(1.0, share + r.nextInt(5) * 0.1);
      list.add(new TrafficStep(Duration.ofMillis(after), share));
      after += (1 + r.nextInt(72)) * HOUR;
    }
    Set<Integer> forced = new TreeSet<>();
    for (int w = 1; w <= waves; w++) {
      if (r.nextInt(4) == 0) {
        forced.add(w);
      }
    }
    long minReady = r.nextInt(5) * 24 * HOUR;
    return new Case(
        Fleet.scenario(fleet),
        b.waveSpacing(Duration.ofHours(1 + r.nextInt(20 * 24)))
            .readiness(DurationDistribution.uniform(minReady, minReady + r.nextInt(5) * 24 * HOUR))
            .trafficSteps(list)
            .bake(Duration.ofHours(r.nextInt(10 * 24)))
            .rollbackProbability(rollback)
            .rollbackRetry(Duration.ofHours(1 + r.nextInt(20 * 24)))
            .forcedRollbacks(forced)
            .horizon(Duration.ofDays(10 + r.nextInt(200)))
            .build());
  }

  @Property(tries = 200)
  void segmentsCoverTheHorizonAndConserveEveryService(
      @ForAll @IntRange(min = 1, max = 9) int services,
      @ForAll @IntRange(min = 1, max = 5) int waves,
      @ForAll @DoubleRange(min = 0, max = 1) double rollback,
      @ForAll long shape,
      @ForAll long seed) {
    Case c = randomCase(services, waves, rollback, shape);
    MigrationTimeline t = MigrationTimeline.of(c.scenario(), c.plan(), RandomStreams.of(seed, 0));
    Set<String> names = new HashSet<>();
    c.scenario().workload().services().forEach(s -> names.add(s.name()));

    List<Segment> segs = t.segments();
    assertEquals(0, segs.get(0).startMillis());
    assertEquals(c.plan().horizonMillis(), segs.get(segs.size() - 1).endMillis());
    for (int i = 0; i < segs.size(); i++) {
      MigrationState s = segs.get(i).state();
      // Every service in exactly one state: never on neither side, never twice.
      assertEquals(names, s.services().keySet());
      assertEquals(services, s.count(Side.LESP) + s.count(Side.DUAL) + s.count(Side.KUSP));
      if (i > 0) {
        assertEquals(segs.get(i - 1).endMillis(), segs.get(i).startMillis(), "contiguous");
        assertNotEquals(segs.get(i - 1).state(), s, "equal consecutive states are merged");
      }
    }
  }

  @Property(tries = 200)
  void aServiceLeavesKuspNeverAndDualRunningOnlyByARollback(
      @ForAll @IntRange(min = 1, max = 9) int services,
      @ForAll @IntRange(min = 1, max = 5) int waves,
      @ForAll @DoubleRange(min = 0, max = 1) double rollback,
      @ForAll long shape,
      @ForAll long seed) {
    Case c = randomCase(services, waves, rollback, shape);
    MigrationTimeline t = MigrationTimeline.of(c.scenario(), c.plan(), RandomStreams.of(seed, 0));
    Map<String, Integer> rollbacks = new HashMap<>();
    t.waves().forEach(w -> w.services().forEach(s -> rollbacks.put(s, w.rollbacks())));
    Map<String, Integer> backToLesp = new HashMap<>();
    List<Segment> segs = t.segments();
    for (int i = 1; i < segs.size(); i++) {
      for (String s : segs.get(i).state().services().keySet()) {
        ServiceState before = segs.get(i - 1).state().state(s);
        ServiceState after = segs.get(i).state().state(s);
        if (before.side() == Side.KUSP) {
          assertEquals(Side.KUSP, after.side(), s + " left KuSP after its drain");
        }
        if (before.side() != Side.LESP && after.side() == Side.LESP) {
          backToLesp.merge(s, 1, Integer::sum);
        }
        if (before.side() == Side.DUAL && after.side() == Side.DUAL) {
          assertTrue(after.kuspShare() >= before.kuspShare(), s + " share fell without rollback");
        }
      }
    }
    // Every return to LeSP is one of its wave's rollbacks (a rollback at a go/no-go past the
    // horizon is counted but not seen).
    backToLesp.forEach(
        (s, n) -> assertTrue(n <= rollbacks.get(s), s + " back on LeSP " + n + " times"));
    if (c.plan().rollbackProbability() == 0 && c.plan().forcedRollbacks().isEmpty()) {
      assertTrue(backToLesp.isEmpty());
    }
  }

  @Property(tries = 50)
  void theSameSeedGivesTheSameTimeline(
      @ForAll @IntRange(min = 1, max = 9) int services,
      @ForAll @IntRange(min = 1, max = 5) int waves,
      @ForAll @DoubleRange(min = 0, max = 1) double rollback,
      @ForAll long shape,
      @ForAll long seed) {
    Case c = randomCase(services, waves, rollback, shape);
    assertEquals(
        MigrationTimeline.of(c.scenario(), c.plan(), RandomStreams.of(seed, 0)),
        MigrationTimeline.of(c.scenario(), c.plan(), RandomStreams.of(seed, 0)));
  }
}
