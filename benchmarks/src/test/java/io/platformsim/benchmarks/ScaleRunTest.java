package io.platformsim.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.KuspPlatform;
import io.platformsim.core.kusp.NodeType;
import io.platformsim.core.workload.Service;
import io.platformsim.core.workload.SyntheticFleet;
import io.platformsim.core.workload.Workload;
import io.platformsim.identity.ipam.OverlayAddressing;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scale run's clusters: every node gets a pod range (the first scale runs did not), the fleet
 * is split into clusters inside the upstream envelope, and the thread count changes only the wall
 * time.
 */
class ScaleRunTest {

  @Test
  void theDefaultOverlayHoldsOnly256Nodes() {
    // 10.0.0.0/16 split into /24 ranges (kube-controller-manager --node-cidr-mask-size 24): 2^8.
    assertEquals(256, OverlayAddressing.of("10.0.0.0/16").maxNodes());
  }

  @Test
  void theClusterCidrHasARangeForEveryNodeWithRoomForTheKubeletsPods() {
    // Node counts of whole fleets (small 181, medium 17,428, large 163,653), one cluster of at
    // most 5,000, and the edges.
    for (int nodes : new int[] {1, 2, 181, 256, 257, 292, 5_000, 17_428, 44_763, 163_653}) {
      OverlayAddressing overlay =
          OverlayAddressing.of(ScaleRun.clusterCidrFor(nodes), ScaleRun.POD_RANGE_PREFIX);
      assertTrue(overlay.maxNodes() >= nodes, nodes + " nodes in " + overlay);
      // kubelet maxPods defaults to 110 (k/k pkg/kubelet/apis/config/v1beta1/defaults.go)
      assertTrue(overlay.podsPerNode() >= NodeType.DEFAULT_MAX_PODS, overlay.toString());
    }
  }

  @Test
  void aFleetOfMoreThan256NodesRunsWithoutAnAddressExhaustion() {
    SyntheticFleet fleet = SyntheticFleet.of(2_000, ScaleRun.FLEET_SEED);
    KuspConfig config = ScaleRun.kuspConfig(fleet.workload());
    assertTrue(config.initialNodes() > 256, "nodes " + config.initialNodes());
    Simulation sim = new Simulation();
    KuspPlatform k = new KuspPlatform(sim, RandomStreams.of(ScaleRun.RUN_SEED, 0), config);
    for (Service s : fleet.services()) {
      k.deploy(s);
    }
    sim.run();
    assertEquals(config.initialNodes(), k.nodes().size());
    assertTrue(
        k.identityMetrics().addresses().exhaustions().isEmpty(),
        k.identityMetrics().addresses().toString());
    assertEquals(0, k.podsWithoutAddressNow());
  }

  @Test
  void aFleetPastTheEnvelopeIsSplitIntoClustersOfAtMost5000Nodes() {
    SyntheticFleet fleet = SyntheticFleet.of(100_000, ScaleRun.FLEET_SEED);
    List<Workload> clusters = ScaleRun.clusters(fleet.workload());
    int nodes = 0;
    int services = 0;
    for (Workload c : clusters) {
      int n = ScaleRun.kuspConfig(c).initialNodes();
      // kubernetes.io "Considerations for large clusters": no more than 5,000 nodes per cluster
      assertTrue(n <= 5_000, n + " nodes in one cluster");
      nodes += n;
      services += c.services().size();
    }
    assertEquals(fleet.services().size(), services);
    // the fewest clusters: one fewer could not hold the nodes inside 5,000 each
    assertTrue(
        nodes > 5_000 * (clusters.size() - 1),
        nodes + " nodes in " + clusters.size() + " clusters");
    assertEquals(
        1, ScaleRun.clusters(SyntheticFleet.of(1_000, ScaleRun.FLEET_SEED).workload()).size());
  }

  @Test
  void theThreadCountChangesNothingButTheWallTime() {
    // 40,000 pods: two clusters, so two threads really run them side by side.
    ScaleRun.Result one = ScaleRun.run("t", 40_000, 200, ScaleRun.Which.both, false, 1);
    ScaleRun.Result two = ScaleRun.run("t", 40_000, 200, ScaleRun.Which.both, false, 2);
    assertTrue(one.clusters() >= 2, one.toString());
    assertEquals(one.events(), two.events());
    assertEquals(one.simMillis(), two.simMillis());
    assertEquals(one.nodes(), two.nodes());
    assertEquals(one.completed(), two.completed());
    assertEquals(one.rollouts(), two.rollouts());
  }

  @Test
  void threadsBelowOneAreRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ScaleRun.run("t", 100, 10, ScaleRun.Which.both, false, 0));
    assertTrue(e.getMessage().contains("threads") && e.getMessage().contains("0"), e.getMessage());
  }
}
