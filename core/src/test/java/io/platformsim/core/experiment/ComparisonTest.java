package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.Estimate;
import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.experiment.TimelineEvent.ApplyRelease;
import io.platformsim.core.experiment.TimelineEvent.LoadChange;
import io.platformsim.core.experiment.TimelineEvent.MachineFailure;
import io.platformsim.core.kusp.KuspPlatform;
import io.platformsim.core.lesp.LespPlatform;
import io.platformsim.core.platform.Failure;
import io.platformsim.core.platform.Platform;
import io.platformsim.core.platform.PlatformMetrics;
import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.platform.RolloutRecord.Outcome;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Service;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ComparisonTest {

  private static final PlatformFactory LESP = PlatformRegistry.standard().factory("lesp");
  private static final PlatformFactory KUSP = PlatformRegistry.standard().factory("kusp");

  private static Scenario scenario;
  private static ComparisonResult result;

  @BeforeAll
  static void runOnce() {
    scenario = SmallScenario.build();
    result = Comparison.run(scenario);
  }

  @Test
  void sameSeedGivesAnEqualResult() {
    ComparisonResult again = Comparison.run(scenario);
    assertEquals(result, again);
    assertEquals(ComparisonReport.table(result), ComparisonReport.table(again));
    assertEquals(ComparisonReport.timeSeriesCsv(result), ComparisonReport.timeSeriesCsv(again));
  }

  @Test
  void anotherSeedGivesOtherDraws() {
    ComparisonResult other = Comparison.run(scenario.withSeed(8));
    assertNotEquals(result.lesp().figures(), other.lesp().figures());
  }

  /**
   * Runs each platform directly, through its own API and not through the experiment code, for every
   * replication, and checks the comparison's means are the means of the platforms' own metrics and
   * its intervals the Student-t intervals of them. t(0.975, 2) = 4.302652729749464 (two degrees of
   * freedom: any Student-t table, e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2).
   */
  @Test
  void figuresAgreeWithEachPlatformsOwnMetrics() {
    assertAgrees("lesp", (sim, streams) -> new LespPlatform(sim, streams, scenario.lesp()));
    assertAgrees("kusp", (sim, streams) -> new KuspPlatform(sim, streams, scenario.kusp()));
  }

  /**
   * The experiment measures recovery by polling every second until the pool is back at full
   * strength; LeSP itself records crash → replacement in service. With one crash they must agree to
   * within the 1 s polling step.
   */
  @Test
  void recoveryAgreesWithLespsOwnRecoveryTimes() {
    for (int i = 0; i < scenario.replications(); i++) {
      Simulation sim = new Simulation();
      LespPlatform p = new LespPlatform(sim, RandomStreams.of(scenario.seed(), i), scenario.lesp());
      for (Service s : scenario.workload().services()) {
        p.deploy(s);
      }
      for (TimelineEvent e : scenario.timeline()) {
        sim.scheduleAt(
            e.atMillis(),
            () -> {
              if (e instanceof ApplyRelease r) {
                p.apply(r.release());
              } else if (e instanceof LoadChange l) {
                p.setLoad(l.service(), l.factor());
              } else if (e instanceof MachineFailure f) {
                p.inject(Failure.machineCrash(f.service(), f.count()));
              }
            });
      }
      sim.runUntil(scenario.horizonMillis());
      assertEquals(1, p.recoveryTimes().count());
      double own = p.recoveryTimes().max() / 1000.0;
      double measured =
          Comparison.runReplication(scenario, LESP, RandomStreams.of(scenario.seed(), i), false)
              .figures()
              .get(Figure.RECOVERY_SECONDS);
      assertTrue(
          measured >= own && measured <= own + 1.0,
          "replication " + i + ": " + measured + " vs " + own);
    }
  }

  private void assertAgrees(String name, BiFunction<Simulation, RandomStreams, Platform> make) {
    int n = scenario.replications();
    double[] machines = new double[n];
    double[] cost = new double[n];
    double[] cpuAlloc = new double[n];
    double[] memUse = new double[n];
    // Identity figures read from the platform run directly (Platform.identityMetrics()).
    double[] addressesUsed = new double[n];
    double[] addressesFree = new double[n];
    double[] exhaustions = new double[n];
    double[] certificates = new double[n];
    double[] peak = new double[n];
    double[] delay = new double[n];
    double[] principals = new double[n];
    double[] identities = new double[n];
    double[] radiusMeanPrincipal = new double[n];
    double[] radiusMaxHost = new double[n];
    for (int i = 0; i < n; i++) {
      Simulation sim = new Simulation();
      Platform p = make.apply(sim, RandomStreams.of(scenario.seed(), i));
      for (Service s : scenario.workload().services()) {
        p.deploy(s);
      }
      for (TimelineEvent e : scenario.timeline()) {
        sim.scheduleAt(
            e.atMillis(),
            () -> {
              if (e instanceof ApplyRelease r) {
                p.apply(r.release());
              } else if (e instanceof LoadChange l) {
                p.setLoad(l.service(), l.factor());
              } else if (e instanceof MachineFailure f) {
                p.inject(Failure.machineCrash(f.service(), f.count()));
              }
            });
      }
      sim.runUntil(scenario.horizonMillis());
      PlatformMetrics m = p.metrics();
      machines[i] = m.averageMachines();
      cost[i] = m.costUsd() / 3.0; // horizon 3 h
      cpuAlloc[i] = m.cpuAllocation();
      memUse[i] = m.memoryUsage();
      var id = p.identityMetrics();
      addressesUsed[i] = id.addresses().used();
      addressesFree[i] = id.addresses().free();
      exhaustions[i] = id.addresses().exhaustionEvents();
      certificates[i] = id.certificates().issued();
      peak[i] = id.certificates().peakPerMinute();
      delay[i] = id.certificates().meanDelayMillis();
      principals[i] = id.principals();
      identities[i] = id.credentialHolders();
      radiusMeanPrincipal[i] = id.blastRadius().meanOverPrincipals();
      radiusMaxHost[i] = id.blastRadius().maxOverHosts();
    }
    PlatformResult r = result.platform(name);
    assertMatches(machines, r.estimate(Figure.MACHINES).orElseThrow());
    assertMatches(cost, r.estimate(Figure.COST_PER_HOUR).orElseThrow());
    assertMatches(cpuAlloc, r.estimate(Figure.CPU_ALLOCATION).orElseThrow());
    assertMatches(memUse, r.estimate(Figure.MEMORY_USAGE).orElseThrow());
    assertMatches(addressesUsed, r.estimate(Figure.ADDRESSES_USED).orElseThrow());
    assertMatches(addressesFree, r.estimate(Figure.ADDRESSES_FREE).orElseThrow());
    assertMatches(exhaustions, r.estimate(Figure.ADDRESS_EXHAUSTIONS).orElseThrow());
    assertMatches(certificates, r.estimate(Figure.CERTIFICATES_ISSUED).orElseThrow());
    assertMatches(peak, r.estimate(Figure.CERTIFICATES_PEAK_PER_MINUTE).orElseThrow());
    assertMatches(delay, r.estimate(Figure.AUTHORITY_DELAY).orElseThrow());
    assertMatches(principals, r.estimate(Figure.PRINCIPALS).orElseThrow());
    assertMatches(identities, r.estimate(Figure.IDENTITIES).orElseThrow());
    assertMatches(
        radiusMeanPrincipal, r.estimate(Figure.BLAST_RADIUS_MEAN_PRINCIPAL).orElseThrow());
    assertMatches(radiusMaxHost, r.estimate(Figure.BLAST_RADIUS_MAX).orElseThrow());
  }

  private static void assertMatches(double[] v, Estimate e) {
    assertEquals(3, v.length);
    double mean = (v[0] + v[1] + v[2]) / 3;
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    double sd = Math.sqrt(ss / 2);
    double half = 4.302652729749464 * sd / Math.sqrt(3);
    assertEquals(mean, e.mean(), 1e-9 * Math.max(1, Math.abs(mean)), e.name());
    assertEquals(half, e.halfWidth(), 1e-9 * Math.max(1, half), e.name());
  }

  @Test
  void everyHeadlineFigureIsReportedOnBothSides() {
    for (Figure f :
        List.of(
            Figure.MACHINES,
            Figure.COST_PER_HOUR,
            Figure.CPU_ALLOCATION,
            Figure.MEMORY_ALLOCATION,
            Figure.CPU_USAGE,
            Figure.STRANDED_CPU,
            Figure.APP_ROLLOUT_P50,
            Figure.IMAGE_ROLLOUT_MAX,
            Figure.ROLLOUT_P95,
            Figure.RECOVERY_SECONDS)) {
      assertTrue(result.lesp().estimate(f).isPresent(), "LeSP " + f);
      assertTrue(result.kusp().estimate(f).isPresent(), "KuSP " + f);
    }
    // Utilizations are fractions of what is paid for.
    for (PlatformResult s : result.platforms()) {
      double alloc = s.mean(Figure.CPU_ALLOCATION);
      assertTrue(alloc > 0 && alloc <= 1, s.label() + " CPU allocation " + alloc);
      assertTrue(s.mean(Figure.CPU_USAGE) < alloc, s.label() + " usage below allocation");
    }
  }

  /**
   * A zone outage goes through {@code Platform.inject(Failure.zoneOutage)} on both platforms. LeSP
   * spreads each pool round-robin over zone-a, zone-b, zone-c from zone-a, so pools of ceil(4 ×
   * 1.25) = 5, ceil(6 × 1.25) = 8 and ceil(2 × 1.25) = 3 machines have ceil(5/3) = 2, ceil(8/3) = 3
   * and ceil(3/3) = 1 machines in zone-a: 6 crash, all replaced well before the horizon. On KuSP
   * the zone's nodes stop responding.
   */
  @Test
  void zoneOutageCrashesTheZonesMachinesOnBothPlatforms() {
    Scenario s =
        Scenario.builder("zone")
            .service(SmallScenario.alpha())
            .service(SmallScenario.beta())
            .service(SmallScenario.gamma())
            .lesp(io.platformsim.core.lesp.LespConfig.builder().headroom(0.25).build())
            .kusp(io.platformsim.core.kusp.KuspConfig.builder().initialNodes(3).build())
            .zoneOutage(java.time.Duration.ofMinutes(60), "zone-a")
            .horizon(java.time.Duration.ofHours(3))
            .replications(1)
            .seed(3)
            .build();
    Comparison.Replication lesp = Comparison.runReplication(s, LESP, RandomStreams.of(3, 0), false);
    assertEquals(6, lesp.metrics().failuresRecovered());
    Comparison.Replication kusp = Comparison.runReplication(s, KUSP, RandomStreams.of(3, 0), false);
    assertTrue(kusp.metrics().averageMachines() > 0);
  }

  @Test
  void identityFiguresFollowTheModels() {
    // LeSP: a role per service, a machine per service: blast radius 1 per host.
    assertEquals(3.0, result.lesp().mean(Figure.PRINCIPALS));
    assertEquals(1.0, result.lesp().mean(Figure.BLAST_RADIUS_MAX));
    // KuSP workload identity: 3 service-account roles plus one node role per node (3 or more
    // nodes), and a node can hold tokens of at most the 3 services.
    assertTrue(result.kusp().mean(Figure.PRINCIPALS) >= 3 + 3);
    double radius = result.kusp().mean(Figure.BLAST_RADIUS_MAX);
    assertTrue(radius >= 1 && radius <= 3, "KuSP host blast radius " + radius);
    // Addresses: LeSP one per machine; KuSP (overlay, the default) one per pod (12 service pods
    // at least), and each node holds a whole /24 range of 256 addresses (used + reserved).
    assertTrue(result.kusp().mean(Figure.ADDRESSES_USED) >= 12);
    double held =
        result.kusp().mean(Figure.ADDRESSES_USED) + result.kusp().mean(Figure.ADDRESSES_RESERVED);
    assertTrue(held >= 3 * 256, "at least 3 nodes' /24 ranges held: " + held);
    // KuSP issues a certificate and a token per pod it starts; LeSP has no tokens.
    assertTrue(result.kusp().mean(Figure.CERTIFICATES_ISSUED) >= 12);
    assertTrue(result.kusp().estimate(Figure.TOKENS_ISSUED).isPresent());
    assertTrue(result.lesp().estimate(Figure.TOKENS_ISSUED).isEmpty());
  }

  @Test
  void timeSeriesCoversTheHorizonAtTheSampleInterval() {
    // 3 h every 5 min: samples at 0, 5, ..., 180 min = 37 samples.
    assertEquals(37, result.lesp().series().size());
    assertEquals(37, result.kusp().series().size());
    assertEquals(10_800_000L, result.kusp().series().timesMillis()[36]);
  }

  @Test
  void instancesNeededAtTheSpikeFollowTheTargetFormula() {
    // cheetah: 36 instances × 3 × 250m used ÷ (0.6 × 1000m requested) = 45 exactly.
    assertEquals(45, Comparison.neededAtSpike(DefaultScenario.cheetah(), 3.0, 0.6));
    // beta: 6 × 3 × 250 ÷ (0.6 × 1000) = 7.5 → 8.
    assertEquals(8, Comparison.neededAtSpike(SmallScenario.beta(), 3.0, 0.6));
    // cheetah at 2.5×: 2.5 × 250 ÷ 600 = 1.042, within the HPA's 10% tolerance: no scale-out, 36.
    assertEquals(36, Comparison.neededAtSpike(DefaultScenario.cheetah(), 2.5, 0.6));
  }

  @Test
  void rolloutPercentilesUseNearestRankAndCountUnfinishedToTheHorizon() {
    Release app = Release.app("alpha", "2");
    Release image = Release.baseImage("alpha", "b2");
    List<RolloutRecord> rs =
        List.of(
            new RolloutRecord(app, "x", 0, 10_000, Outcome.COMPLETED, 1, 1, 1_000),
            new RolloutRecord(app, "x", 0, 20_000, Outcome.COMPLETED, 1, 2, 2_000),
            new RolloutRecord(app, "x", 0, 30_000, Outcome.COMPLETED, 1, 1, 0),
            new RolloutRecord(app, "x", 0, 40_000, Outcome.COMPLETED, 1, 1, 0),
            new RolloutRecord(image, "x", 100_000, -1, Outcome.IN_PROGRESS, 1, 3, 3_600_000));
    Map<Figure, Double> f = new java.util.EnumMap<>(Figure.class);
    Comparison.rolloutFigures(rs, 200_000, f);
    // Nearest rank over 10, 20, 30, 40 s: p50 = rank ceil(2) = 20 s, p95 = rank ceil(3.8) = 40 s.
    assertEquals(20.0, f.get(Figure.APP_ROLLOUT_P50));
    assertEquals(40.0, f.get(Figure.APP_ROLLOUT_P95));
    assertEquals(40.0, f.get(Figure.APP_ROLLOUT_MAX));
    // The unfinished image rollout counts from 100 s to the 200 s horizon.
    assertEquals(100.0, f.get(Figure.IMAGE_ROLLOUT_MAX));
    assertEquals(1.0, f.get(Figure.UNFINISHED_ROLLOUTS));
    // All five: 10, 20, 30, 40, 100: p50 = rank ceil(2.5) = 3 → 30 s.
    assertEquals(30.0, f.get(Figure.ROLLOUT_P50));
    // (1 000 + 2 000 + 3 600 000) ms = 3 603 000 ms ÷ 3 600 000 = 1 + 1/1200 instance-hours.
    assertEquals(1 + 1 / 1200.0, f.get(Figure.UNAVAILABLE_INSTANCE_HOURS), 1e-12);
    assertEquals(3.0, f.get(Figure.MAX_UNAVAILABLE));
  }

  @Test
  void replicationsRunInParallelGiveTheSameResultAsOneByOne() {
    // Replication i depends on (seed, i) only: rerunning replication 1 alone reproduces its
    // figures.
    Comparison.Replication r1 =
        Comparison.runReplication(scenario, LESP, RandomStreams.of(7, 1), false);
    Comparison.Replication again =
        Comparison.runReplication(scenario, LESP, RandomStreams.of(7, 1), false);
    assertEquals(r1.figures(), again.figures());
  }

  @Test
  void tableShowsBothPlatformsAndTheRatio() {
    String table = result.toString();
    assertTrue(
        table.contains("LeSP") && table.contains("KuSP") && table.contains("KuSP/LeSP"), table);
    String costLine =
        table.lines().filter(l -> l.startsWith("cost per hour")).findFirst().orElseThrow();
    double ratio =
        result.kusp().mean(Figure.COST_PER_HOUR) / result.lesp().mean(Figure.COST_PER_HOUR);
    // The ratio of means, then the paired ratio's column.
    assertTrue(costLine.contains(String.format(java.util.Locale.ROOT, "%.2fx  ", ratio)), costLine);
  }
}
