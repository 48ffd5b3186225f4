package io.platformsim.core.lesp;

import static io.platformsim.core.lesp.DeterministicCase.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.Simulation;
import io.platformsim.core.platform.Failure;
import io.platformsim.core.platform.PlatformMetrics;
import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.platform.RolloutRecord.Outcome;
import io.platformsim.core.workload.Release;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The analytic cases of issue 4. Hand derivations (all durations fixed, no failures): a new machine
 * is in service after boot 30 + converge 300 + deploy without drain (20 + 0 + 15 + 15 = 50) = 380
 * s; an in-place deploy takes drain 10 + 50 = 60 s.
 */
class LespDeterministicTest {

  @Test
  void initialPoolIsInServiceAfterBootConvergeAndDeploy() {
    LespPlatform lesp = DeterministicCase.deployed(DeterministicCase.config().build());
    // 30 + 300 + 50 = 380 s.
    assertEquals(380 * S, lesp.simulation().now());
    assertEquals(40, lesp.count(MachineState.IN_SERVICE));
    // request 1500m/3000 MiB + default agents 200m/400 MiB = 1700m/3400 MiB: c5.large.
    assertEquals("c5.large", lesp.instanceType("zebra").name());
    Machine m = lesp.machines("zebra").get(0);
    List<Transition> t = m.transitions();
    // REQUESTED(0) PENDING(0) BOOTING(0) CONVERGING(30) DEPLOYING(330) IN_SERVICE(380).
    long[] at = {0, 0, 0, 30 * S, 330 * S, 380 * S};
    MachineState[] to = {
      MachineState.REQUESTED,
      MachineState.PENDING,
      MachineState.BOOTING,
      MachineState.CONVERGING,
      MachineState.DEPLOYING,
      MachineState.IN_SERVICE
    };
    assertEquals(at.length, t.size());
    for (int i = 0; i < at.length; i++) {
      assertEquals(at[i], t.get(i).atMillis(), "transition " + i);
      assertEquals(to[i], t.get(i).to(), "transition " + i);
    }
    assertEquals(new BaseImage("base", "1"), m.image());
    assertEquals("10.0.0.1", m.identity().ip());
    assertEquals("role/lesp-zebra", m.identity().role());
  }

  @Test
  void rollingInBatchesOfTen() {
    LespPlatform lesp = DeterministicCase.deployed(DeterministicCase.config().build());
    lesp.apply(Release.app("zebra", "2"), DeployStrategy.rolling(10));
    lesp.simulation().run();
    RolloutRecord r = lesp.rollouts().get(0);
    // 40 / 10 = 4 batches, each 60 s (all 10 machines in parallel): 240 s.
    assertEquals(240 * S, r.durationMillis());
    assertEquals(Outcome.COMPLETED, r.outcome());
    assertEquals(40, r.instancesChanged());
    // 10 machines out at a time, for 4 × 60 s: 10 × 240 s = 2,400 instance-seconds.
    assertEquals(10, r.maxOutOfService());
    assertEquals(2_400 * S, r.outOfServiceMillis());
    for (Machine m : lesp.machines("zebra")) {
      assertEquals("2", m.version());
      assertEquals(MachineState.IN_SERVICE, m.state());
    }
    // Each machine: drain 10 + 50 = 60 s.
    assertEquals(40, lesp.metrics().instanceDeployMillis().count());
    assertEquals(60 * S, lesp.metrics().instanceDeployMillis().min());
    assertEquals(60 * S, lesp.metrics().instanceDeployMillis().max());
  }

  @Test
  void rollingInPercentBatches() {
    LespPlatform lesp = DeterministicCase.deployed(DeterministicCase.config().build());
    // 30% of 40 = 12 per batch: batches 12, 12, 12, 4 → 4 × 60 = 240 s, at most 12 out.
    lesp.apply(Release.app("zebra", "2"), DeployStrategy.rollingPercent(30));
    lesp.simulation().run();
    RolloutRecord r = lesp.rollouts().get(0);
    assertEquals(240 * S, r.durationMillis());
    assertEquals(12, r.maxOutOfService());
  }

  @Test
  void blueGreenProvisionsANewPoolAtOnce() {
    LespPlatform lesp = DeterministicCase.deployed(DeterministicCase.config().build());
    long start = lesp.simulation().now();
    lesp.apply(Release.app("zebra", "2"), DeployStrategy.blueGreen());
    lesp.simulation().run();
    RolloutRecord r = lesp.rollouts().get(0);
    // 40 new machines at once: 30 + 300 + 50 = 380 s; switch when all are in service.
    assertEquals(380 * S, r.durationMillis());
    assertEquals(0, r.maxOutOfService());
    assertEquals(Outcome.COMPLETED, r.outcome());
    // The old pool drains 10 s after the switch and terminates.
    assertEquals(start + 390 * S, lesp.simulation().now());
    assertEquals(40, lesp.count(MachineState.IN_SERVICE));
    assertEquals(40, lesp.count(MachineState.TERMINATED));
    assertTrue(
        lesp.machines("zebra").stream().allMatch(m -> m.version().equals("2") && m.id() > 40));
    // 80 machines were billed at once during the switch.
    assertEquals(80, lesp.metrics().peakMachines());
  }

  @Test
  void canaryThenTheRest() {
    LespPlatform lesp = DeterministicCase.deployed(DeterministicCase.config().build());
    lesp.apply(Release.app("zebra", "2"), DeployStrategy.canary(1, 300 * S, 10));
    lesp.simulation().run();
    RolloutRecord r = lesp.rollouts().get(0);
    // Canary 1 machine 60 s, bake 300 s, then 39 machines in batches 10, 10, 10, 9: 4 × 60 s.
    // 60 + 300 + 240 = 600 s.
    assertEquals(600 * S, r.durationMillis());
    assertEquals(10, r.maxOutOfService());
  }

  @Test
  void imageChangeBakesThenReplacesInBatches() {
    LespPlatform lesp = DeterministicCase.deployed(DeterministicCase.config().build());
    lesp.apply(Release.baseImage("zebra", "2"));
    lesp.simulation().run();
    RolloutRecord r = lesp.rollouts().get(0);
    // Bake 600 s, then 4 batches of 10 new machines, each 380 s: 600 + 4 × 380 = 2,120 s.
    assertEquals(2_120 * S, r.durationMillis());
    assertEquals(0, r.maxOutOfService());
    assertEquals(40, r.instancesChanged());
    assertTrue(
        lesp.machines("zebra").stream()
            .allMatch(
                m ->
                    m.image().equals(new BaseImage("base", "2"))
                        && m.state() == MachineState.IN_SERVICE));
    assertEquals(40, lesp.machines("zebra").size());
  }

  @Test
  void fleetConvergeRunsTenAtATime() {
    LespPlatform lesp = DeterministicCase.deployed(DeterministicCase.config().build());
    lesp.convergeFleet("zebra");
    lesp.simulation().run();
    FleetConvergeRecord f = lesp.fleetConverges().get(0);
    // ceil(40 / 10) = 4 waves of 300 s = 1,200 s.
    assertEquals(1_200.0, f.durationSeconds());
    assertEquals(40, f.machines());
    assertEquals(0, f.failed());
    assertEquals(40, lesp.count(MachineState.IN_SERVICE)); // machines keep serving while converging
  }

  @Test
  void configurationChangeConvergesTenAtATimeThenRestarts() {
    LespPlatform lesp = DeterministicCase.deployed(DeterministicCase.config().build());
    lesp.apply(Release.config("zebra", "cfg-2"));
    lesp.simulation().run();
    RolloutRecord r = lesp.rollouts().get(0);
    // ceil(40 / 10) = 4 waves; a wave: converge 300 s while serving, then drain 10 s + restart
    // 15 s + health check 15 s out of service (no fetch, no extract): 340 s. 4 × 340 = 1,360 s.
    assertEquals(Outcome.COMPLETED, r.outcome());
    assertEquals(1_360 * S, r.durationMillis());
    assertEquals(40, r.instancesChanged());
    assertEquals(10, r.maxOutOfService()); // one wave restarts at once
    assertEquals(40 * 40 * S, r.outOfServiceMillis()); // 40 machines × 40 s out
    assertEquals(40, lesp.count(MachineState.IN_SERVICE));
    assertEquals(1, lesp.fleetConverges().size());
  }

  @Test
  void configurationChangeWithAFailingHealthCheckIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Release("zebra", Release.Kind.CONFIG, "cfg-2", 0.5));
    assertTrue(
        e.getMessage().contains("healthCheckFailureProbability") && e.getMessage().contains("0.5"),
        e.getMessage());
  }

  @Test
  void rollingRollbackOnFailedHealthCheck() {
    LespPlatform lesp = DeterministicCase.deployed(DeterministicCase.config().build());
    lesp.apply(Release.app("zebra", "2").failingHealthCheck(1), DeployStrategy.rolling(10));
    lesp.simulation().run();
    RolloutRecord r = lesp.rollouts().get(0);
    // First batch: drain 10 + 50 = 60 s, all 10 fail their health check. Rollback: the 10 are
    // out of the load balancer already, so redeploying "1" takes 50 s: 60 + 50 = 110 s.
    assertEquals(Outcome.ROLLED_BACK, r.outcome());
    assertEquals(110 * S, r.durationMillis());
    assertEquals(10, r.instancesChanged());
    assertEquals(10, lesp.healthCheckFailures());
    assertEquals(1_100 * S, r.outOfServiceMillis()); // 10 machines × 110 s
    assertTrue(
        lesp.machines("zebra").stream()
            .allMatch(m -> m.version().equals("1") && m.state() == MachineState.IN_SERVICE));
  }

  @Test
  void canaryRollbackTouchesOnlyTheCanary() {
    LespPlatform lesp = DeterministicCase.deployed(DeterministicCase.config().build());
    lesp.apply(
        Release.app("zebra", "2").failingHealthCheck(1), DeployStrategy.canary(2, 300 * S, 10));
    lesp.simulation().run();
    RolloutRecord r = lesp.rollouts().get(0);
    // Canary of 2: 60 s, both fail; no bake, the 2 roll back without a drain in 50 s: 110 s.
    assertEquals(Outcome.ROLLED_BACK, r.outcome());
    assertEquals(110 * S, r.durationMillis());
    assertEquals(2, r.instancesChanged());
    assertEquals(2, r.maxOutOfService());
    assertTrue(lesp.machines("zebra").stream().allMatch(m -> m.version().equals("1")));
  }

  @Test
  void blueGreenRollbackDiscardsTheNewPool() {
    LespPlatform lesp = DeterministicCase.deployed(DeterministicCase.config().build());
    lesp.apply(Release.app("zebra", "2").failingHealthCheck(1), DeployStrategy.blueGreen());
    lesp.simulation().run();
    RolloutRecord r = lesp.rollouts().get(0);
    // The 40 new machines fail their health check at 380 s and are discarded; traffic never moved.
    assertEquals(Outcome.ROLLED_BACK, r.outcome());
    assertEquals(380 * S, r.durationMillis());
    assertEquals(0, r.maxOutOfService());
    assertTrue(
        lesp.machines("zebra").stream().allMatch(m -> m.version().equals("1") && m.id() <= 40));
  }

  @Test
  void imageRollbackKeepsTheOldImage() {
    LespPlatform lesp = DeterministicCase.deployed(DeterministicCase.config().build());
    lesp.apply(Release.baseImage("zebra", "2").failingHealthCheck(1));
    lesp.simulation().run();
    RolloutRecord r = lesp.rollouts().get(0);
    // Bake 600 s + first batch 380 s, unhealthy, discarded; no machine had been replaced yet.
    assertEquals(Outcome.ROLLED_BACK, r.outcome());
    assertEquals(980 * S, r.durationMillis());
    assertTrue(lesp.machines("zebra").stream().allMatch(m -> m.image().version().equals("1")));
    assertEquals(40, lesp.count(MachineState.IN_SERVICE));
  }

  @Test
  void releasesQueueBehindARunningRollout() {
    LespPlatform lesp = DeterministicCase.deployed(DeterministicCase.config().build());
    lesp.apply(Release.app("zebra", "2"));
    lesp.apply(Release.app("zebra", "3"));
    lesp.simulation().run();
    List<RolloutRecord> r = lesp.rollouts();
    assertEquals(r.get(0).endMillis(), r.get(1).startMillis());
    assertEquals(240 * S, r.get(1).durationMillis());
    assertTrue(lesp.machines("zebra").stream().allMatch(m -> m.version().equals("3")));
  }

  @Test
  void crashedMachinesAreReplaced() {
    LespPlatform lesp = DeterministicCase.deployed(DeterministicCase.config().build());
    lesp.inject(Failure.machineCrash("zebra", 3));
    assertEquals(37, lesp.count(MachineState.IN_SERVICE));
    assertEquals(3, lesp.count(MachineState.TERMINATED));
    lesp.simulation().run();
    assertEquals(40, lesp.count(MachineState.IN_SERVICE));
    // Replacement: 30 + 300 + 50 = 380 s after the crash.
    assertEquals(3, lesp.metrics().failuresRecovered());
    assertEquals(380 * S, lesp.recoveryTimes().min());
    assertEquals(380 * S, lesp.recoveryTimes().max());
    long crashed =
        lesp.allMachines().stream()
            .filter(
                m ->
                    m.transitions().stream()
                        .anyMatch(
                            t ->
                                t.to() == MachineState.FAILED
                                    && t.from() == MachineState.IN_SERVICE
                                    && t.cause().equals("injected crash")))
            .count();
    assertEquals(3, crashed);
  }

  @Test
  void costAndUtilizationOverAnHour() {
    LespPlatform lesp =
        new LespPlatform(
            new Simulation(),
            io.platformsim.core.engine.RandomStreams.of(1, 0),
            DeterministicCase.config().build());
    lesp.deploy(DeterministicCase.zebra());
    lesp.simulation().runUntil(3_600 * S);
    PlatformMetrics m = lesp.metrics();
    // 40 c5.large billed from 0 (pending 0) for one hour at $0.085/h.
    assertEquals(40 * 0.085, m.costUsd(), 1e-9);
    assertEquals(40.0, m.averageMachines(), 1e-9);
    // Requests (1500m) are reserved from DEPLOYING at 330 s; capacity is 2000m from 0:
    // 0.75 × 3270 / 3600.
    assertEquals(0.75 * 3270 / 3600, m.cpuAllocation(), 1e-12);
    // Usage 400m per instance from in service at 380 s: 0.2 × 3220 / 3600.
    assertEquals(0.2 * 3220 / 3600, m.cpuUsage(), 1e-12);
    // Memory: 3000 of 4096 MiB reserved, 1000 used.
    assertEquals(3000.0 / 4096 * 3270 / 3600, m.memoryAllocation(), 1e-12);
    assertEquals(1000.0 / 4096 * 3220 / 3600, m.memoryUsage(), 1e-12);
    // Machines by state: 40 booting for 30 s of the hour, 40 in service for 3220 s.
    assertEquals(40.0 * 30 / 3600, lesp.averageMachines(MachineState.BOOTING), 1e-12);
    assertEquals(40.0 * 3220 / 3600, lesp.averageMachines(MachineState.IN_SERVICE), 1e-12);
    List<StateSample> timeline = lesp.stateTimeline();
    StateSample at330 =
        timeline.stream().filter(s -> s.atMillis() == 330 * S).findFirst().orElseThrow();
    assertEquals(40, at330.count(MachineState.DEPLOYING));
  }

  @Test
  void periodicConvergesKeepMachinesInService() {
    LespConfig c =
        DeterministicCase.config()
            .configManagement(
                ConfigManagement.DEFAULT
                    .withConverge(io.platformsim.core.engine.DurationDistribution.fixed(300 * S))
                    .withFailures(0, 1)
                    .withPeriodic(1_800 * S, 0))
            .build();
    LespPlatform lesp =
        new LespPlatform(new Simulation(), io.platformsim.core.engine.RandomStreams.of(1, 0), c);
    lesp.deploy(DeterministicCase.zebra());
    lesp.simulation().runUntil(5_000 * S);
    // In service at 380 s; periodic converges start at 2180 s and 4280 s, each done 300 s later,
    // so 2 per machine by 5000 s, plus the first-boot converge: 40 × 3 = 120.
    assertEquals(120, lesp.convergeDurations().count());
    assertEquals(40, lesp.count(MachineState.IN_SERVICE));
  }

  @Test
  void autoScalingOutAndIn() {
    LespConfig c =
        DeterministicCase.config()
            .autoScaling(new AutoScaling(0.4, 300 * S, 60 * S, 1, 100))
            .build();
    Simulation sim = new Simulation();
    LespPlatform lesp = new LespPlatform(sim, io.platformsim.core.engine.RandomStreams.of(1, 0), c);
    lesp.deploy(DeterministicCase.zebra().withInstances(10));
    // Demand 10 × 400m = 4000m; ceil(4000 / (0.4 × 1500)) = ceil(6.67) = 7 at load 1 would
    // scale in, so hold the load at 1.5: ceil(6000 / 600) = 10, no action.
    lesp.setLoad("zebra", 1.5);
    sim.runUntil(1_000 * S);
    assertEquals(10, lesp.count(MachineState.IN_SERVICE));
    assertEquals(0, lesp.scalingActions());
    // Load 3: ceil(12000 / 600) = 20; evaluated at 1020 s; 10 new machines serve 380 s later.
    lesp.setLoad("zebra", 3);
    sim.runUntil(1_399 * S);
    assertEquals(10, lesp.count(MachineState.IN_SERVICE));
    sim.runUntil(1_400 * S);
    assertEquals(20, lesp.count(MachineState.IN_SERVICE));
    assertEquals(20, lesp.poolSize("zebra"));
    // Load 0.6: ceil(2400 / 600) = 4; evaluated at 2040 s, 16 newest drain 10 s and terminate.
    sim.runUntil(2_000 * S);
    lesp.setLoad("zebra", 0.6);
    sim.runUntil(2_050 * S);
    assertEquals(4, lesp.count(MachineState.IN_SERVICE));
    assertEquals(16, lesp.count(MachineState.TERMINATED));
    assertEquals(2, lesp.scalingActions());
  }

  @Test
  void autoScalingFollowsALoadCurve() {
    LespConfig c =
        DeterministicCase.config()
            .autoScaling(new AutoScaling(0.4, 300 * S, 60 * S, 1, 100))
            .build();
    Simulation sim = new Simulation();
    LespPlatform lesp = new LespPlatform(sim, io.platformsim.core.engine.RandomStreams.of(1, 0), c);
    lesp.deploy(DeterministicCase.zebra().withInstances(10));
    // The same steps as autoScalingOutAndIn, given up front as a curve: the same figures.
    lesp.followLoad(
        "zebra",
        io.platformsim.core.workload.LoadCurve.constant(1.5)
            .then(1_000 * S, 3)
            .then(2_000 * S, 0.6));
    sim.runUntil(1_399 * S);
    assertEquals(10, lesp.count(MachineState.IN_SERVICE));
    sim.runUntil(1_400 * S);
    assertEquals(20, lesp.count(MachineState.IN_SERVICE));
    sim.runUntil(2_050 * S);
    assertEquals(4, lesp.count(MachineState.IN_SERVICE));
    assertEquals(2, lesp.scalingActions());
  }

  @Test
  void badInputIsNamed() {
    LespPlatform lesp = DeterministicCase.deployed(DeterministicCase.config().build());
    var e = assertThrows(IllegalArgumentException.class, () -> lesp.apply(Release.app("gnu", "2")));
    assertTrue(e.getMessage().contains("'gnu'"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> lesp.apply(Release.app("zebra", "2"), DeployStrategy.rolling(41)));
    assertTrue(
        e.getMessage().contains("'zebra'")
            && e.getMessage().contains("batch size 41")
            && e.getMessage().contains("40"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> DeployStrategy.rolling(0));
    assertTrue(e.getMessage().contains("batch size"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> lesp.deploy(DeterministicCase.zebra()));
    assertTrue(e.getMessage().contains("already deployed"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                lesp.deploy(
                    io.platformsim.core.workload.Service.builder("whale")
                        .request(io.platformsim.core.workload.Resources.ofCores(100, 10))
                        .build()));
    assertTrue(
        e.getMessage().contains("'whale'") && e.getMessage().contains("no instance type"),
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> lesp.inject(Failure.machineCrash("zebra", 41)));
    assertTrue(e.getMessage().contains("41"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new DeploySteps(
                    io.platformsim.core.engine.DurationDistribution.fixed(0),
                    io.platformsim.core.engine.DurationDistribution.fixed(0),
                    0));
    assertTrue(e.getMessage().contains("fetchBytesPerSecond"), e.getMessage());
  }
}
