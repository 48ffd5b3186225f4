package io.platformsim.core.lesp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.platform.Failure;
import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of the LeSP model under random durations, failures and strategies (jqwik). Named
 * {@code *Test} so Surefire's default includes run it.
 */
class LespPropertiesTest {

  private static Service service(int instances) {
    return Service.builder("zebra")
        .instances(instances)
        .request(Resources.of(1500, 3000))
        .usage(Resources.of(400, 1000))
        .artifactBytes(500_000_000L)
        .startup(Duration.ofSeconds(15))
        .healthCheck(Duration.ofSeconds(10))
        .build();
  }

  /** Random (lognormal) durations; failure probabilities as given. */
  private static LespConfig config(
      double bootFailure, double convergeFailure, int attempts, DeployStrategy strategy) {
    return LespConfig.builder()
        .boot(DurationDistribution.logNormal(25_000, 60_000))
        .bootFailureProbability(bootFailure)
        .configManagement(
            ConfigManagement.DEFAULT
                .withConverge(DurationDistribution.logNormal(300_000, 900_000))
                .withFailures(convergeFailure, attempts)
                .withParallelism(7))
        .deploySteps(
            new DeploySteps(
                DurationDistribution.uniform(5_000, 15_000),
                DurationDistribution.logNormal(3_000, 10_000),
                100_000_000L))
        .bake(DurationDistribution.uniform(480_000, 600_000))
        .imageBatch(BatchSize.percent(30))
        .strategy(strategy)
        .build();
  }

  /** Deploys, crashes, rolls out an app and an image release and converges the fleet. */
  private static LespPlatform scenario(
      long seed,
      int instances,
      double bootFailure,
      double convergeFailure,
      double healthFailure,
      int crashes,
      DeployStrategy strategy,
      List<String> violations) {
    Simulation sim = new Simulation();
    LespPlatform lesp =
        new LespPlatform(
            sim, RandomStreams.of(seed, 0), config(bootFailure, convergeFailure, 3, strategy));
    lesp.deploy(service(instances));
    sim.schedule(200_000, () -> checkStates(lesp, violations));
    sim.run();
    if (crashes > 0) {
      lesp.inject(
          Failure.machineCrash("zebra", Math.min(crashes, lesp.count(MachineState.IN_SERVICE))));
    }
    lesp.apply(Release.app("zebra", "2").failingHealthCheck(healthFailure));
    lesp.apply(Release.baseImage("zebra", "2"));
    for (long t = 60_000; t < 3_000_000; t += 97_000) {
      sim.schedule(t, () -> checkStates(lesp, violations));
    }
    sim.run();
    lesp.convergeFleet("zebra");
    sim.run();
    checkStates(lesp, violations);
    return lesp;
  }

  /** Every machine in exactly one state, consistent with its transitions and the counts. */
  private static void checkStates(LespPlatform lesp, List<String> violations) {
    List<Machine> all = lesp.allMachines();
    int[] counted = new int[MachineState.values().length];
    for (Machine m : all) {
      counted[m.state().ordinal()]++;
      List<Transition> ts = m.transitions();
      if (ts.get(ts.size() - 1).to() != m.state()) {
        violations.add(
            m.name() + " state " + m.state() + " but last transition " + ts.get(ts.size() - 1));
      }
      for (int i = 1; i < ts.size(); i++) {
        Transition t = ts.get(i);
        if (t.from() != ts.get(i - 1).to()
            || !t.from().canMoveTo(t.to())
            || t.atMillis() < ts.get(i - 1).atMillis()) {
          violations.add(m.name() + " bad transition " + t);
        }
      }
    }
    int total = 0;
    for (MachineState s : MachineState.values()) {
      total += lesp.count(s);
      if (lesp.count(s) != counted[s.ordinal()]) {
        violations.add(
            "count of "
                + s
                + " is "
                + lesp.count(s)
                + " but "
                + counted[s.ordinal()]
                + " machines are in it");
      }
    }
    if (total != all.size()) {
      violations.add("state counts sum to " + total + " for " + all.size() + " machines");
    }
  }

  @Property(tries = 40)
  void aMachineIsInExactlyOneState(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 25) int instances,
      @ForAll @DoubleRange(min = 0, max = 0.3) double bootFailure,
      @ForAll @DoubleRange(min = 0, max = 0.3) double convergeFailure,
      @ForAll @DoubleRange(min = 0, max = 0.5) double healthFailure,
      @ForAll @IntRange(min = 0, max = 3) int crashes,
      @ForAll @IntRange(min = 0, max = 2) int strategyKind) {
    DeployStrategy strategy =
        switch (strategyKind) {
          case 0 -> DeployStrategy.rollingPercent(25);
          case 1 -> DeployStrategy.blueGreen();
          default -> new DeployStrategy.Canary(1, 120_000, BatchSize.percent(50));
        };
    List<String> violations = new ArrayList<>();
    LespPlatform lesp =
        scenario(
            seed,
            instances,
            bootFailure,
            convergeFailure,
            healthFailure,
            crashes,
            strategy,
            violations);
    assertEquals(List.of(), violations);
    // The pool is back to its size, every machine serving, and both releases ended.
    assertEquals(instances, lesp.count(MachineState.IN_SERVICE));
    for (RolloutRecord r : lesp.rollouts()) {
      assertTrue(r.outcome() != RolloutRecord.Outcome.IN_PROGRESS, r.toString());
    }
    // Every machine ends on the version and image its rollout's outcome says.
    String version =
        lesp.rollouts().get(0).outcome() == RolloutRecord.Outcome.COMPLETED ? "2" : "1";
    for (Machine m : lesp.machines("zebra")) {
      assertEquals(version, m.version(), m + " after " + lesp.rollouts());
      assertEquals(new BaseImage("base", "2"), m.image(), m.toString());
    }
  }

  @Property(tries = 40)
  void thePoolNeverDropsBelowTheStrategysMinimum(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 30) int instances,
      @ForAll @IntRange(min = 1, max = 30) int batch,
      @ForAll @IntRange(min = 0, max = 3) int strategyKind) {
    int b = Math.min(batch, instances);
    DeployStrategy strategy =
        switch (strategyKind) {
          case 0 -> DeployStrategy.rolling(b);
          case 1 -> DeployStrategy.rollingPercent(Math.min(100, batch * 3));
          case 2 -> DeployStrategy.blueGreen();
          default -> DeployStrategy.canary(1, 60_000, b);
        };
    Simulation sim = new Simulation();
    LespPlatform lesp = new LespPlatform(sim, RandomStreams.of(seed, 0), config(0, 0, 1, strategy));
    lesp.deploy(service(instances));
    sim.run();
    lesp.apply(Release.app("zebra", "2"));
    lesp.apply(Release.baseImage("zebra", "2"));
    sim.run();
    int minimum = strategy.minimumInService(instances);
    RolloutRecord app = lesp.rollouts().get(0);
    RolloutRecord image = lesp.rollouts().get(1);
    assertTrue(
        instances - app.maxOutOfService() >= minimum,
        app + " went below " + minimum + " in service");
    // Independently of the rollout's own bookkeeping: the machines-by-state timeline never shows
    // fewer than the minimum in service during either rollout (one service, so all are its).
    for (StateSample sample : lesp.stateTimeline()) {
      if (sample.atMillis() >= app.startMillis() && sample.atMillis() < image.endMillis()) {
        int floor = sample.atMillis() < app.endMillis() ? minimum : instances;
        assertTrue(
            sample.count(MachineState.IN_SERVICE) >= floor,
            "at "
                + sample.atMillis()
                + " ms only "
                + sample.count(MachineState.IN_SERVICE)
                + " in service");
      }
    }
    // A base-image change launches new machines before retiring old ones: never below the pool.
    assertEquals(0, image.maxOutOfService(), image.toString());
    assertEquals(instances, lesp.count(MachineState.IN_SERVICE));
  }

  @Property(tries = 15)
  void sameSeedSameTimeline(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 15) int instances,
      @ForAll @DoubleRange(min = 0, max = 0.3) double failure) {
    LespPlatform a =
        scenario(
            seed,
            instances,
            failure,
            failure,
            failure,
            1,
            DeployStrategy.rollingPercent(25),
            new ArrayList<>());
    LespPlatform b =
        scenario(
            seed,
            instances,
            failure,
            failure,
            failure,
            1,
            DeployStrategy.rollingPercent(25),
            new ArrayList<>());
    assertEquals(timeline(a), timeline(b));
    assertEquals(a.metrics(), b.metrics());
    assertEquals(a.stateTimeline(), b.stateTimeline());
  }

  private static List<String> timeline(LespPlatform lesp) {
    List<String> out = new ArrayList<>();
    for (Machine m : lesp.allMachines()) {
      out.add(m.name() + " " + m.image() + " " + m.version() + " " + m.transitions());
    }
    return out;
  }
}
