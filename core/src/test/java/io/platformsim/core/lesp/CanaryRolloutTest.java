package io.platformsim.core.lesp;

import static io.platformsim.core.lesp.DeterministicCase.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.platform.RolloutRecord.Outcome;
import io.platformsim.core.workload.Release;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link CanaryRollout} (and the {@link Rollback} it hands over to) on {@link OnePoolFleet}. By
 * hand: an in-place deploy takes 60 s, a rollback of an unhealthy machine 50 s (no drain).
 */
class CanaryRolloutTest {

  @ParameterizedTest(name = "{0} machines: canary {1}, bake {2} s, then batches of {3}")
  @CsvSource({
    // canary 60 + bake + ceil((n - canary) / rest) × 60
    "40, 1, 300, 10, 600", // 60 + 300 + 4 × 60 (39 = 10 + 10 + 10 + 9)
    "40, 4, 0, 12, 240", // 60 + 0 + 3 × 60 (36 = 3 × 12)
    "10, 2, 120, 3, 360", // 60 + 120 + 3 × 60 (8 = 3 + 3 + 2)
    "5, 5, 600, 1, 660", // 60 + 600: the bake runs even with nothing left after it
  })
  void canaryBakeThenRollingBatches(int n, int canary, long bakeSeconds, int rest, long seconds) {
    OnePoolFleet fleet = OnePoolFleet.of(n);
    RolloutRecord r =
        fleet.roll(Release.app("zebra", "2"), DeployStrategy.canary(canary, bakeSeconds * S, rest));
    assertEquals(seconds * S, r.durationMillis());
    assertEquals(Outcome.COMPLETED, r.outcome());
    assertEquals(n, r.instancesChanged());
    assertEquals(Math.max(canary, Math.min(rest, n - canary)), r.maxOutOfService());
    assertTrue(fleet.allServe("2"));
  }

  @ParameterizedTest(name = "failing canary of {0}, rollback in batches of {1}")
  @CsvSource({
    // canary 60 + ceil(canary / rest) × 50: the rollback uses the rest batch size
    "20, 5, 260", // 60 + 4 × 50
    "20, 20, 110", // 60 + 50
    "3, 2, 160", // 60 + 2 × 50
  })
  void aFailedCanaryRollsBackInRestBatchesWithoutBake(int canary, int rest, long seconds) {
    OnePoolFleet fleet = OnePoolFleet.of(40);
    RolloutRecord r =
        fleet.roll(
            Release.app("zebra", "2").failingHealthCheck(1),
            DeployStrategy.canary(canary, 3_600 * S, rest));
    assertEquals(Outcome.ROLLED_BACK, r.outcome());
    assertEquals(seconds * S, r.durationMillis());
    assertEquals(canary, r.instancesChanged());
    assertEquals(canary, r.maxOutOfService());
    assertEquals(canary, fleet.recorder.healthCheckFailures());
    assertTrue(fleet.allServe("1"));
  }
}
