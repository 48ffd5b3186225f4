package io.platformsim.core.lesp;

import static io.platformsim.core.lesp.DeterministicCase.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.platform.RolloutRecord.Outcome;
import io.platformsim.core.workload.Release;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link RollingRollout} driven through {@link DeploySystem} on {@link OnePoolFleet}. By hand: an
 * in-place deploy is drain 10 + fetch 20 + extract 0 + restart 15 + health check 15 = 60 s, all
 * machines of a batch in parallel; a rollback of a machine that failed its health check skips the
 * drain (it left the load balancer already): 50 s.
 */
class RollingRolloutTest {

  @ParameterizedTest(name = "{0} machines in batches of {1}")
  @CsvSource({
    "40, 10", "40, 3", "40, 40", "7, 2", "1, 1",
  })
  void takesCeilOfMachinesOverBatchTimesOneDeploy(int n, int batch) {
    OnePoolFleet fleet = OnePoolFleet.of(n);
    RolloutRecord r = fleet.roll(Release.app("zebra", "2"), DeployStrategy.rolling(batch));
    int batches = (n + batch - 1) / batch;
    assertEquals(batches * 60 * S, r.durationMillis());
    assertEquals(Outcome.COMPLETED, r.outcome());
    assertEquals(n, r.instancesChanged());
    assertEquals(batch, r.maxOutOfService());
    // Every machine is out of service for its own 60 s deploy, batches never overlap.
    assertEquals(n * 60 * S, r.outOfServiceMillis());
    assertTrue(fleet.allServe("2"));
    assertEquals("2", fleet.pool.service.version());
  }

  @Test
  void aFailedBatchRollsBackOnlyThatBatch() {
    OnePoolFleet fleet = OnePoolFleet.of(40);
    RolloutRecord r =
        fleet.roll(Release.app("zebra", "2").failingHealthCheck(1), DeployStrategy.rolling(4));
    // First batch of 4: 60 s, all unhealthy; rollback of the 4 without drain: 50 s.
    assertEquals(Outcome.ROLLED_BACK, r.outcome());
    assertEquals(110 * S, r.durationMillis());
    assertEquals(4, r.instancesChanged());
    assertEquals(4, fleet.recorder.healthCheckFailures());
    assertTrue(fleet.allServe("1"));
    assertEquals("1", fleet.pool.version);
  }
}
