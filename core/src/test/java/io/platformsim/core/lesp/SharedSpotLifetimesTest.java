package io.platformsim.core.lesp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.platform.CommonStreams;
import io.platformsim.core.platform.Pricing;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LeSP's spot machines take their times to interruption from the shared {@link CommonStreams}: the
 * k-th spot machine bought gets the k-th draw (as KuSP's k-th spot node does), whatever LeSP's own
 * streams draw, and it is interrupted once it has served that long.
 */
class SharedSpotLifetimesTest {

  private static final Pricing SPOT = Pricing.ON_DEMAND.withSpot(1, 0.3, 730); // mean 1 h

  private static LespPlatform run(LespConfig config, long horizon, boolean redeploy) {
    Simulation sim = new Simulation();
    LespPlatform lesp = new LespPlatform(sim, RandomStreams.of(9, 0), config, SPOT);
    lesp.deploy(
        Service.builder("zebra")
            .instances(4)
            .request(Resources.of(1000, 2048))
            .usage(Resources.of(500, 1024))
            .build());
    if (redeploy) { // in-place deploys drain every machine once: the interruption clock pauses
      sim.scheduleAt(20 * 60_000L, () -> lesp.apply(Release.app("zebra", "2")));
    }
    sim.runUntil(horizon);
    return lesp;
  }

  @Test
  void theKthSpotMachineGetsTheKthSharedDrawWhateverTheBootTimes() {
    LespConfig fastBoot = LespConfig.builder().headroom(0).build();
    LespConfig slowBoot =
        LespConfig.builder()
            .headroom(0)
            .boot(DurationDistribution.logNormal(300_000, 900_000))
            .build();
    for (LespConfig config : List.of(fastBoot, slowBoot)) {
      CommonStreams expected = new CommonStreams(RandomStreams.of(9, 0)::stream);
      List<Machine> bought = run(config, 0, false).allMachines(); // launched at 0, none serving
      assertEquals(4, bought.size());
      for (Machine m : bought) {
        assertTrue(m.spot());
        assertEquals(expected.spotLifetimeMillis(SPOT), m.spotLeftMillis, m.name());
      }
    }
  }

  @Test
  void aSpotMachineIsInterruptedOnceItHasServedItsDraw() {
    for (boolean redeploy : List.of(false, true)) {
      LespPlatform lesp = run(LespConfig.builder().headroom(0).build(), 4 * 3_600_000L, redeploy);
      CommonStreams draws = new CommonStreams(RandomStreams.of(9, 0)::stream);
      int interrupted = 0;
      for (Machine m : lesp.allMachines()) { // launch order = purchase order: all are spot
        long draw = draws.spotLifetimeMillis(SPOT);
        long served = 0;
        long since = -1;
        for (Transition t : m.transitions()) {
          if (t.to() == MachineState.IN_SERVICE) {
            since = t.atMillis();
          } else if (since >= 0) {
            served += t.atMillis() - since;
            since = -1;
            if ("spot interruption".equals(t.cause())) {
              assertEquals(draw, served, m.name() + " served its draw, redeploy " + redeploy);
              interrupted++;
            }
          }
        }
      }
      // 4 machines, each serving hours at a mean of 1 h to interruption: some were interrupted
      assertTrue(interrupted >= 2, "interrupted " + interrupted);
    }
  }
}
