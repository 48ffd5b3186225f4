package io.platformsim.core.lesp;

import static io.platformsim.core.lesp.DeterministicCase.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.platform.RolloutRecord.Outcome;
import io.platformsim.core.workload.Release;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The in-place strategies' arithmetic for any pool and batch sizes, on the deterministic case (an
 * in-place deploy is 60 s, see {@link RollingRolloutTest}): a healthy rollout changes every
 * machine, never has more than a batch out of service and takes one deploy per batch.
 */
class InPlaceRolloutProperties {

  @Property(tries = 30)
  void rollingTakesOneDeployPerBatch(
      @ForAll @IntRange(min = 1, max = 30) int n, @ForAll @IntRange(min = 1, max = 30) int batch) {
    Assume.that(batch <= n);
    OnePoolFleet fleet = OnePoolFleet.of(n);
    RolloutRecord r = fleet.roll(Release.app("zebra", "2"), DeployStrategy.rolling(batch));
    assertEquals(Outcome.COMPLETED, r.outcome());
    assertEquals((long) ((n + batch - 1) / batch) * 60 * S, r.durationMillis());
    assertEquals(n, r.instancesChanged());
    assertEquals(batch, r.maxOutOfService());
    assertTrue(fleet.allServe("2"));
  }

  @Property(tries = 30)
  void canaryIsOneDeployThenTheBakeThenRollingBatches(
      @ForAll @IntRange(min = 1, max = 30) int n,
      @ForAll @IntRange(min = 1, max = 30) int canary,
      @ForAll @IntRange(min = 1, max = 30) int rest,
      @ForAll @IntRange(min = 0, max = 900) int bakeSeconds) {
    Assume.that(canary <= n && rest <= n);
    OnePoolFleet fleet = OnePoolFleet.of(n);
    RolloutRecord r =
        fleet.roll(Release.app("zebra", "2"), DeployStrategy.canary(canary, bakeSeconds * S, rest));
    assertEquals(Outcome.COMPLETED, r.outcome());
    assertEquals(
        (60 + bakeSeconds + (long) ((n - canary + rest - 1) / rest) * 60) * S, r.durationMillis());
    assertTrue(r.maxOutOfService() <= Math.max(canary, rest));
    assertTrue(fleet.allServe("2"));
  }
}
