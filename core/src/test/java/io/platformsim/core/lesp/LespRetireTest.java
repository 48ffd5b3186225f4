package io.platformsim.core.lesp;

import static io.platformsim.core.lesp.DeterministicCase.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.workload.Service;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * {@link LespPlatform#retire}: a pool leaves LeSP through the deploy system's drain. Timings are
 * those of {@link DeterministicCase}: a machine serves 380 s after its launch (pending 0 + boot 30
 * + converge 300 + fetch 20 + extract 0 + restart 15 + health check 15) and drains in 10 s. No
 * headroom: a pool has as many machines as its service has instances.
 */
class LespRetireTest {

  private final Simulation sim = new Simulation();
  private final LespPlatform lesp =
      new LespPlatform(sim, RandomStreams.of(1, 0), DeterministicCase.config().build());

  private static Service zebra() {
    return DeterministicCase.zebra().withInstances(4);
  }

  private static Service yak() {
    return Service.builder("yak")
        .instances(3)
        .request(zebra().request())
        .usage(zebra().usage())
        .artifactBytes(zebra().artifactBytes())
        .startup(java.time.Duration.ofSeconds(15))
        .healthCheck(java.time.Duration.ofSeconds(15))
        .build();
  }

  /** Machines billed now: from BOOTING until TERMINATED (MachineState.isBilled). */
  private int billed() {
    int n = 0;
    for (Machine m : lesp.allMachines()) {
      if (m.state().isBilled()) {
        n++;
      }
    }
    return n;
  }

  @Test
  void retiredPoolDrainsForTheDrainTimeThenItsMachinesAreNoLongerBilled() {
    lesp.deploy(zebra());
    lesp.deploy(yak());
    sim.runUntil(400 * S); // all 4 + 3 machines in service since 380 s
    assertEquals(7, billed());
    lesp.retire("zebra");
    assertEquals(0, lesp.inService("zebra"), "out of the load balancer at once");
    assertEquals(3, lesp.inService("yak"));
    sim.runUntil(405 * S); // mid-drain: the 4 draining machines are still billed
    assertEquals(7, billed());
    assertEquals(4, lesp.count(MachineState.DRAINING));
    sim.runUntil(410 * S); // drain 10 s: terminated at 410 s, only yak's 3 remain billed
    assertEquals(3, billed());
    assertEquals(4, lesp.count(MachineState.TERMINATED));
    assertEquals(3, lesp.inService("yak"), "the other pool is untouched");
    sim.runUntil(2_000 * S);
    assertEquals(3, billed(), "nothing replaces a retired machine");
  }

  @Test
  void machinesStillLaunchingAreTerminatedAtOnce() {
    lesp.deploy(yak());
    sim.runUntil(400 * S);
    lesp.deploy(zebra());
    sim.runUntil(500 * S); // zebra's machines launched at 400 s converge until 730 s
    assertEquals(7, billed());
    lesp.retire("zebra");
    assertEquals(3, billed(), "not behind the load balancer: no drain");
  }

  @Test
  void afterRetireLoadIsIgnoredReadsAreUnknownAndTheServiceMayBeDeployedAgain() {
    lesp.deploy(zebra());
    sim.runUntil(400 * S);
    lesp.retire("zebra");
    lesp.setLoad("zebra", 0.0); // ignored, not an error: a migration may zero the LeSP share
    assertEquals(OptionalDouble.empty(), lesp.scalingTarget("zebra"));
    assertTrue(lesp.recovered("zebra", 0));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> lesp.poolSize("zebra"));
    assertEquals("unknown service 'zebra' (retired); deployed: []", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> lesp.retire("zebra"));
    sim.runUntil(410 * S);
    lesp.deploy(zebra()); // a rolled-back wave retried: a new pool
    sim.runUntil(410 * S + 380 * S);
    assertEquals(4, lesp.inService("zebra"));
    assertEquals(4, billed());
    assertEquals(8, lesp.allMachines().size(), "4 retired + 4 new");
  }

  @Test
  void retiredPoolStopsAutoScaling() {
    // Target 50% of a 1500m request, demand 4 × 400m × load: at load 3, ceil(4800 / 750) = 7.
    LespPlatform scaled =
        new LespPlatform(
            sim,
            RandomStreams.of(1, 0),
            DeterministicCase.config().autoScaling(AutoScaling.targetTracking(0.5, 1, 10)).build());
    scaled.deploy(zebra());
    sim.runUntil(400 * S);
    scaled.setLoad("zebra", 3.0);
    scaled.retire("zebra");
    int actions = scaled.scalingActions();
    sim.runUntil(3_000 * S);
    assertEquals(actions, scaled.scalingActions(), "no evaluation after retire");
    assertEquals(0, scaled.count(MachineState.IN_SERVICE));
  }

  @Test
  void retireRefusesWhileARolloutRuns() {
    lesp.deploy(zebra());
    sim.runUntil(400 * S);
    lesp.apply(io.platformsim.core.workload.Release.app("zebra", "2"), DeployStrategy.rolling(2));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> lesp.retire("zebra"));
    assertEquals(
        "cannot retire 'zebra' while its rollout of 2 runs (0 more queued)", e.getMessage());
  }
}
