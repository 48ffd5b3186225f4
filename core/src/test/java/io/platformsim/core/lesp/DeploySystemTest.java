package io.platformsim.core.lesp;

import static io.platformsim.core.lesp.DeterministicCase.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.platform.RolloutRecord.Outcome;
import io.platformsim.core.workload.Release;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link DeploySystem}: planning, one rollout per pool, the queue, the records. */
class DeploySystemTest {

  @Test
  void releasesRunOneAtATimeInTheOrderApplied() {
    OnePoolFleet fleet = OnePoolFleet.of(40);
    long t0 = fleet.sim.now();
    fleet.deploys.apply(fleet.pool, Release.app("zebra", "2"), DeployStrategy.rolling(10));
    fleet.deploys.apply(fleet.pool, Release.baseImage("zebra", "2"), DeployStrategy.rolling(10));
    fleet.deploys.apply(fleet.pool, Release.app("zebra", "3"), DeployStrategy.blueGreen());
    // Only the first has started: queued rollouts have no record yet.
    assertEquals(1, fleet.deploys.records().size());
    assertTrue(fleet.pool.rollout instanceof RollingRollout);
    assertEquals(2, fleet.pool.queued.size());
    fleet.sim.run();
    List<RolloutRecord> r = fleet.deploys.records();
    assertEquals(3, r.size());
    // Rolling 4 × 60 s = 240 s; image: bake 600 + 4 × 380 = 2,120 s; blue/green 380 s.
    assertEquals(t0, r.get(0).startMillis());
    assertEquals(t0 + 240 * S, r.get(0).endMillis());
    assertEquals(r.get(0).endMillis(), r.get(1).startMillis());
    assertEquals(2_120 * S, r.get(1).durationMillis());
    assertEquals(r.get(1).endMillis(), r.get(2).startMillis());
    assertEquals(380 * S, r.get(2).durationMillis());
    assertTrue(r.stream().allMatch(x -> x.outcome() == Outcome.COMPLETED));
    assertNull(fleet.pool.rollout);
    assertTrue(
        fleet.pool.machines.stream()
            .allMatch(m -> m.version().equals("3") && m.image().version().equals("2")));
  }

  @Test
  void eachStrategyGetsItsClass() {
    OnePoolFleet fleet = OnePoolFleet.of(10);
    fleet.deploys.apply(fleet.pool, Release.app("zebra", "2"), DeployStrategy.canary(1, 0, 3));
    assertTrue(fleet.pool.rollout instanceof CanaryRollout);
    fleet.sim.run();
    fleet.deploys.apply(fleet.pool, Release.app("zebra", "3"), DeployStrategy.blueGreen());
    assertTrue(fleet.pool.rollout instanceof BlueGreenRollout);
    fleet.sim.run();
    fleet.deploys.apply(fleet.pool, Release.baseImage("zebra", "2"), DeployStrategy.blueGreen());
    assertTrue(fleet.pool.rollout instanceof ImageReplacement);
    fleet.sim.run();
    assertNull(fleet.pool.rollout);
    List<RolloutRecord> r = fleet.deploys.records();
    assertEquals(
        List.of(
            "canary(1, bake 0.0 s, then 3 machines)", "blue/green", "image replace(10 machines)"),
        r.stream().map(RolloutRecord::strategy).toList());
  }

  @Test
  void aBatchAboveThePoolIsRefusedAndNamesTheRelease() {
    OnePoolFleet fleet = OnePoolFleet.of(5);
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                fleet.deploys.apply(
                    fleet.pool, Release.app("zebra", "2"), DeployStrategy.canary(6, 0, 1)));
    assertTrue(
        e.getMessage().contains("release 2 of 'zebra'") && e.getMessage().contains("6"),
        e.getMessage());
    assertTrue(fleet.deploys.records().isEmpty());
    assertNull(fleet.pool.rollout);
  }
}
