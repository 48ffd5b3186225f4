package io.platformsim.core.lesp;

import static io.platformsim.core.lesp.DeterministicCase.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.platform.RolloutRecord.Outcome;
import io.platformsim.core.workload.Release;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Rollback} driven directly on {@link OnePoolFleet}: healthy in-service machines are drained
 * and redeployed in place, 60 s per batch (drain 10 + fetch 20 + restart 15 + health check 15). The
 * failed-health-check path (unhealthy machines first, no drain) is covered through {@link
 * CanaryRolloutTest} and {@link RollingRolloutTest}.
 */
class RollbackTest {

  @ParameterizedTest(name = "{0} changed machines in batches of {1}")
  @CsvSource({
    "10, 3", "10, 10", "4, 1",
  })
  void redeploysThePreviousVersionInBatches(int n, int batch) {
    OnePoolFleet fleet = OnePoolFleet.of(n);
    // The rollout the rollback belongs to; not begun, so the rollback alone acts on the pool.
    InPlaceRollout owner =
        new RollingRollout(
            fleet.deploys,
            fleet.pool,
            Release.app("zebra", "2"),
            new DeployStrategy.Rolling(BatchSize.machines(batch)));
    List<Machine> changed = new ArrayList<>(fleet.pool.machines);
    long t0 = fleet.sim.now();
    new Rollback(owner, changed, "0", 0, batch).start();
    assertEquals("0", fleet.pool.version);
    assertEquals("0", fleet.pool.service.version());
    fleet.sim.run();
    RolloutRecord r = owner.record();
    assertEquals(Outcome.ROLLED_BACK, r.outcome());
    assertEquals(t0 + (n + batch - 1) / batch * 60 * S, r.endMillis());
    assertEquals(0, r.instancesChanged()); // a rollback changes nothing towards the release
    assertTrue(fleet.allServe("0"));
    assertNull(fleet.pool.rollout);
    assertEquals(n, fleet.recorder.deployTimes.size());
  }
}
