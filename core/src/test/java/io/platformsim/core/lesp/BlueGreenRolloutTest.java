package io.platformsim.core.lesp;

import static io.platformsim.core.lesp.DeterministicCase.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.platform.RolloutRecord.Outcome;
import io.platformsim.core.workload.Release;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link BlueGreenRollout} on {@link OnePoolFleet}. By hand: a new machine serves after boot 30 +
 * converge 300 + deploy without drain 50 = 380 s, whatever the pool size (all launched at once);
 * the old pool then drains for 10 s.
 */
class BlueGreenRolloutTest {

  @ParameterizedTest(name = "{0} machines")
  @ValueSource(ints = {1, 7, 40})
  void switchesWhenTheWholeGreenPoolServes(int n) {
    OnePoolFleet fleet = OnePoolFleet.of(n);
    long start = fleet.sim.now();
    RolloutRecord r = fleet.roll(Release.app("zebra", "2"), DeployStrategy.blueGreen());
    assertEquals(380 * S, r.durationMillis());
    assertEquals(Outcome.COMPLETED, r.outcome());
    assertEquals(n, r.instancesChanged());
    assertEquals(0, r.maxOutOfService());
    assertEquals(start + 390 * S, fleet.sim.now()); // the blues drain 10 s after the switch
    assertEquals(n, fleet.recorder.count(MachineState.TERMINATED));
    assertTrue(fleet.allServe("2"));
    assertTrue(fleet.pool.machines.stream().allMatch(m -> m.id() > n && m.owner == null));
    assertEquals(n, fleet.pool.members());
  }

  @ParameterizedTest(name = "{0} machines")
  @ValueSource(ints = {1, 40})
  void anUnhealthyGreenMachineDiscardsTheGreenPool(int n) {
    OnePoolFleet fleet = OnePoolFleet.of(n);
    long start = fleet.sim.now();
    RolloutRecord r =
        fleet.roll(Release.app("zebra", "2").failingHealthCheck(1), DeployStrategy.blueGreen());
    assertEquals(Outcome.ROLLED_BACK, r.outcome());
    assertEquals(380 * S, r.durationMillis());
    // Discarded without drain: nothing happens after 380 s.
    assertEquals(start + 380 * S, fleet.sim.now());
    assertEquals(n, fleet.recorder.count(MachineState.TERMINATED));
    assertTrue(fleet.allServe("1"));
    assertTrue(fleet.pool.machines.stream().allMatch(m -> m.id() <= n));
  }
}
