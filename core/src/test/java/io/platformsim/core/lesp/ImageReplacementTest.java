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
 * {@link ImageReplacement} on {@link OnePoolFleet}. By hand: bake 600 s, then per batch new
 * machines serve after 380 s (boot 30 + converge 300 + deploy 50), the old ones then drain 10 s
 * (overlapping the next batch).
 */
class ImageReplacementTest {

  @ParameterizedTest(name = "{0} machines in image batches of {1}")
  @CsvSource({
    "40, 10", "40, 40", "9, 4", "1, 1",
  })
  void bakesThenReplacesInBatches(int n, int batch) {
    LespConfig config = DeterministicCase.config().imageBatch(BatchSize.machines(batch)).build();
    OnePoolFleet fleet = new OnePoolFleet(config, n);
    RolloutRecord r = fleet.roll(Release.baseImage("zebra", "2"), DeployStrategy.rolling(1));
    int batches = (n + batch - 1) / batch;
    assertEquals((600 + batches * 380) * S, r.durationMillis());
    assertEquals(
        "image replace(" + batch + " machines)", r.strategy()); // the app strategy is ignored
    assertEquals(Outcome.COMPLETED, r.outcome());
    assertEquals(n, r.instancesChanged());
    assertEquals(0, r.maxOutOfService());
    assertEquals(n, fleet.pool.machines.size());
    assertTrue(
        fleet.pool.machines.stream()
            .allMatch(
                m ->
                    m.image().equals(new BaseImage("base", "2"))
                        && m.state() == MachineState.IN_SERVICE));
    assertEquals(n, fleet.recorder.count(MachineState.TERMINATED));
  }

  @Test
  void anUnhealthyFirstBatchIsDiscardedAndNothingIsReplaced() {
    OnePoolFleet fleet = OnePoolFleet.of(40);
    RolloutRecord r =
        fleet.roll(
            Release.baseImage("zebra", "2").failingHealthCheck(1), DeployStrategy.rolling(1));
    // Bake 600 + first batch 380, discarded without drain; no old machine was replaced yet.
    assertEquals(Outcome.ROLLED_BACK, r.outcome());
    assertEquals(980 * S, r.durationMillis());
    assertEquals(0, r.instancesChanged());
    assertEquals(10, fleet.recorder.count(MachineState.TERMINATED));
    assertEquals(new BaseImage("base", "1"), fleet.pool.image);
    assertTrue(fleet.pool.machines.stream().allMatch(m -> m.image().version().equals("1")));
  }
}
