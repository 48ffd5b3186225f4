package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.platform.CommonStreams;
import io.platformsim.core.platform.Pricing;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * KuSP's spot nodes take their times to interruption from the shared {@link CommonStreams}: the
 * k-th spot node requested gets the k-th draw (as LeSP's k-th spot machine does), whatever KuSP's
 * own streams (node provisioning here) draw.
 */
class SharedSpotLifetimesTest {

  private static final Pricing SPOT = Pricing.ON_DEMAND.withSpot(1, 0.3, 730); // mean 1 h

  private static KuspPlatform run(KuspConfig config, long horizon) {
    KuspPlatform k =
        new KuspPlatform(
            new Simulation(),
            RandomStreams.of(9, 0),
            config.withInitialNodes(6).withClusterAutoscaling(null),
            SPOT);
    k.simulation().runUntil(horizon);
    return k;
  }

  @Test
  void theKthSpotNodeGetsTheKthSharedDrawWhateverTheProvisioningTimes() {
    KuspConfig usual = KuspConfig.builder().build();
    KuspConfig slow =
        KuspConfig.builder().nodeProvisioning(DurationDistribution.fixed(600_000)).build();
    for (KuspConfig config : List.of(usual, slow)) {
      KuspPlatform k = run(config, 4 * 3_600_000L);
      CommonStreams expected = new CommonStreams(RandomStreams.of(9, 0)::stream);
      List<Node> bought = k.nodes(); // in request order, reclaimed ones and replacements included
      assertTrue(bought.size() > 6, "some nodes were interrupted and replaced: " + bought.size());
      for (Node n : bought) {
        assertTrue(n.spot());
        assertEquals(expected.spotLifetimeMillis(SPOT), n.spotLifeMillis, n.name());
      }
    }
  }
}
