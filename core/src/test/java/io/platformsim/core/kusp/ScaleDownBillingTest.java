package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.platform.PlatformMetrics;
import io.platformsim.core.workload.Resources;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regression: a node removed by cluster-autoscaler scale-down must be billed off exactly once. Its
 * removal deletes its DaemonSet pods while it is DRAINING; each deletion used to find only
 * DaemonSet pods left and remove the node again, billing it off several times (allocation above
 * 100% was seen). The expected cost is computed here from the nodes' own lifetimes.
 */
class ScaleDownBillingTest {

  /** A cluster of {@code initial} nodes with scale-down after {@code unneededMillis}. */
  static KuspPlatform cluster(int initial, int min, int max, long unneededMillis, long seed) {
    KuspConfig config =
        KuspConfig.builder()
            .initialNodes(initial)
            .preloadedImages(KuspBehaviourTest.IMG)
            .nodeProvisioning(DurationDistribution.fixed(60_000))
            // Upstream defaults except the unneeded time and delay after add (shortened so the
            // test runs few events): scan 10 s, threshold 0.5 (autoscaler FAQ.md).
            .clusterAutoscaling(
                new ClusterAutoscaling(min, max, 10_000, unneededMillis, unneededMillis, 0.5))
            .build();
    return new KuspPlatform(BoundedSimulation.create(), RandomStreams.of(seed, 0), config);
  }

  /** Σ over nodes of (removal or now − request) × hourly price: the bill from first principles. */
  static double independentCost(KuspPlatform k) {
    long now = k.simulation().now();
    double nodeMillis = 0;
    for (Node n : k.nodes()) {
      long end = n.state == NodeState.GONE ? n.goneAt : now;
      nodeMillis += end - n.requestedAt;
    }
    return nodeMillis / 3_600_000.0 * k.config().nodeType().hourlyPriceUsd();
  }

  static int notGone(KuspPlatform k) {
    int live = 0;
    for (Node n : k.nodes()) {
      if (n.state != NodeState.GONE) {
        live++;
      }
    }
    return live;
  }

  @Test
  void scaleDownBillsEachRemovedNodeOffOnce() {
    // Five nodes, one small service of 2 pods: at most 2 nodes carry it, the other 3 (holding only
    // DaemonSet pods) are under the 50% threshold and removed one per scan after 60 s unneeded,
    // down to minNodes 2. Each removal must drop the billed count by exactly one.
    KuspPlatform k = cluster(5, 2, 5, 60_000, 3);
    k.deploy(KuspBehaviourTest.svc("web", 2, Resources.of(500, 512), 0));
    long step = 5_000;
    for (long t = step; t <= 3_600_000; t += step) {
      k.simulation().runUntil(t);
      PlatformMetrics m = k.metrics();
      assertTrue(
          m.cpuAllocation() <= 1.0 + 1e-9, "CPU allocation " + m.cpuAllocation() + " at " + t);
      assertTrue(
          m.memoryAllocation() <= 1.0 + 1e-9,
          "memory allocation " + m.memoryAllocation() + " at " + t);
      assertTrue(billedNow(k) >= 0, "billed nodes negative at " + t);
      assertEquals(notGone(k), billedNow(k), "billed nodes vs nodes not GONE at " + t);
    }
    List<Node> gone = k.nodes().stream().filter(n -> n.state == NodeState.GONE).toList();
    assertEquals(3, gone.size(), "nodes scaled down from 5 to minNodes 2");
    assertEquals(2, notGone(k));
    assertEquals(2, k.available("web"));
    PlatformMetrics m = k.metrics();
    assertEquals(independentCost(k), m.costUsd(), 1e-9);
    assertEquals(5, m.peakMachines());
  }

  /** The billed node count now, read back from the time-weighted trace: the last sample. */
  static int billedNow(KuspPlatform k) {
    return k.billedNodesNow();
  }
}
