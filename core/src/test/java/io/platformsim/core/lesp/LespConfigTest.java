package io.platformsim.core.lesp;

import static io.platformsim.core.lesp.DeterministicCase.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.platform.Platform;
import io.platformsim.core.platform.PlatformMetrics;
import io.platformsim.core.workload.Release;
import org.junit.jupiter.api.Test;

class LespConfigTest {

  @Test
  void poolIsInstancesPlusHeadroomRoundedUp() {
    LespConfig c = LespConfig.builder().headroom(0.25).build();
    assertEquals(50, c.poolSize(40)); // 40 × 1.25
    assertEquals(13, c.poolSize(10)); // ceil(12.5)
    assertEquals(40, LespConfig.defaults().poolSize(40));
    LespPlatform lesp =
        DeterministicCase.deployed(DeterministicCase.config().headroom(0.25).build());
    assertEquals(50, lesp.count(MachineState.IN_SERVICE));
    assertEquals(50, lesp.poolSize("zebra"));
  }

  @Test
  void pinnedTypeIsUsedAndPriced() {
    LespPlatform lesp =
        new LespPlatform(
            new Simulation(),
            RandomStreams.of(1, 0),
            DeterministicCase.config().pin("zebra", "m5.xlarge").build());
    lesp.deploy(DeterministicCase.zebra());
    lesp.simulation().runUntil(1_800 * S);
    assertEquals("m5.xlarge", lesp.instanceType("zebra").name());
    // 40 machines × half an hour × $0.192/h = $3.84.
    assertEquals(3.84, lesp.metrics().costUsd(), 1e-9);
  }

  @Test
  void pendingTimeIsNotBilled() {
    LespPlatform lesp =
        new LespPlatform(
            new Simulation(),
            RandomStreams.of(1, 0),
            DeterministicCase.config().pending(DurationDistribution.fixed(20 * S)).build());
    lesp.deploy(DeterministicCase.zebra());
    lesp.simulation().runUntil(3_600 * S);
    // Billed from boot at 20 s: 40 × $0.085/h × 3580 s / 3600 s.
    assertEquals(40 * 0.085 * 3580 / 3600, lesp.metrics().costUsd(), 1e-9);
    assertEquals(40.0 * 3580 / 3600, lesp.metrics().averageMachines(), 1e-9);
  }

  @Test
  void drivenThroughThePlatformContract() {
    Simulation sim = new Simulation();
    Platform p = new LespPlatform(sim, RandomStreams.of(1, 0), DeterministicCase.config().build());
    p.deploy(DeterministicCase.zebra());
    sim.run();
    p.apply(Release.app("zebra", "2"));
    sim.run();
    PlatformMetrics m = p.metrics();
    assertEquals("LeSP", m.platform());
    assertEquals(1, m.rollouts().size());
    assertEquals(240.0, m.rollouts().get(0).durationSeconds()); // configured rolling(10): 4 × 60 s
    assertTrue(m.toString().contains("LeSP"));
  }

  @Test
  void negativeAndImpossibleSettingsAreNamed() {
    var e = assertThrows(IllegalArgumentException.class, () -> DeployStrategy.canary(1, -5, 10));
    assertTrue(
        e.getMessage().contains("bakeMillis") && e.getMessage().contains("-5"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> ConfigManagement.DEFAULT.withPeriodic(1_000, -1));
    assertTrue(
        e.getMessage().contains("splayMillis") && e.getMessage().contains("-1"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> ConfigManagement.DEFAULT.withParallelism(0));
    assertTrue(e.getMessage().contains("parallelism"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> DurationDistribution.fixed(-30_000));
    assertTrue(e.getMessage().contains("-30000"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> LespConfig.builder().headroom(-0.1).build());
    assertTrue(
        e.getMessage().contains("headroom") && e.getMessage().contains("-0.1"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LespConfig.builder().meanTimeToCrashMillis(-1).build());
    assertTrue(e.getMessage().contains("meanTimeToCrashMillis"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new AutoScaling(0.5, -1, 60_000, 1, 10));
    assertTrue(e.getMessage().contains("cooldownMillis"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new AutoScaling(1.5, 0, 60_000, 1, 10));
    assertTrue(e.getMessage().contains("targetUtilization"), e.getMessage());
    LespPlatform lesp = DeterministicCase.deployed(DeterministicCase.config().build());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> lesp.apply(Release.app("zebra", "2"), DeployStrategy.canary(41, 0, 10)));
    assertTrue(
        e.getMessage().contains("canaryMachines 41") && e.getMessage().contains("40"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> lesp.setLoad("zebra", -1));
    assertTrue(e.getMessage().contains("load factor"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> lesp.convergeFleet("gnu"));
    assertTrue(e.getMessage().contains("'gnu'"), e.getMessage());
  }

  @Test
  void copiesChangeOnlyTheirField() {
    LespConfig c = LespConfig.builder().headroom(0.1).build();
    LespConfig h = c.withHeadroom(0.3);
    assertEquals(0.3, h.headroom());
    assertEquals(c.withHeadroom(0.1), c);
    LespConfig z = c.withZones(java.util.List.of("z1", "z2"));
    assertEquals(java.util.List.of("z1", "z2"), z.zones());
    assertEquals(c, z.withZones(c.zones()));
    AutoScaling a = AutoScaling.targetTracking(0.5, 2, 8);
    LespConfig s = c.withAutoScaling(a);
    assertEquals(java.util.Optional.of(a), s.autoScaling());
    assertEquals(c, s.withAutoScaling(null));
  }

  @Test
  void aServicesOwnPolicyReplacesTheCommonOneForThatServiceOnly() {
    AutoScaling common = AutoScaling.targetTracking(0.7, 1, 10);
    AutoScaling own = AutoScaling.targetTracking(0.5, 2, 8);
    LespConfig c = LespConfig.builder().autoScaling(common).autoScaling("web", own).build();
    assertEquals(java.util.Optional.of(own), c.autoScalingOf("web"));
    assertEquals(java.util.Optional.of(common), c.autoScalingOf("api"));
    LespConfig none = LespConfig.defaults().withAutoScaling("web", own);
    assertEquals(java.util.Optional.of(own), none.autoScalingOf("web"));
    assertEquals(java.util.Optional.empty(), none.autoScalingOf("api"));
    assertEquals(LespConfig.defaults(), none.withAutoScaling("web", null));
    // the other copies keep the per-service policies
    assertEquals(java.util.Optional.of(own), none.withHeadroom(0.5).autoScalingOf("web"));
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> LespConfig.defaults().withAutoScaling(" ", own));
    assertTrue(e.getMessage().contains("serviceAutoScaling"), e.getMessage());
  }
}
