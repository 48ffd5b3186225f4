package io.platformsim.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.KuspPlatform;
import io.platformsim.core.kusp.NodeType;
import io.platformsim.core.workload.Service;
import io.platformsim.core.workload.SyntheticFleet;
import io.platformsim.identity.ipam.OverlayAddressing;
import org.junit.jupiter.api.Test;

/** The scale run's cluster gives every node a pod range (the first scale runs did not). */
class ScaleRunTest {

  @Test
  void theDefaultOverlayHoldsOnly256Nodes() {
    // 10.0.0.0/16 split into /24 ranges (kube-controller-manager --node-cidr-mask-size 24): 2^8.
    assertEquals(256, OverlayAddressing.of("10.0.0.0/16").maxNodes());
  }

  @Test
  void theClusterCidrHasARangeForEveryNodeWithRoomForTheKubeletsPods() {
    // Node counts of the sizes (small 162, medium 15,560, large 146,068) and the edges.
    for (int nodes : new int[] {1, 2, 162, 256, 257, 292, 15_560, 44_763, 146_068}) {
      OverlayAddressing overlay = OverlayAddressing.of(ScaleRun.clusterCidrFor(nodes), ScaleRun.POD_RANGE_PREFIX);
      assertTrue(overlay.maxNodes() >= nodes, nodes + " nodes in " + overlay);
      // kubelet maxPods defaults to 110 (k/k pkg/kubelet/apis/config/v1beta1/defaults.go)
      assertTrue(overlay.podsPerNode() >= NodeType.DEFAULT_MAX_PODS, overlay.toString());
    }
  }

  @Test
  void aFleetOfMoreThan256NodesRunsWithoutAnAddressExhaustion() {
    SyntheticFleet fleet = SyntheticFleet.of(2_000, ScaleRun.FLEET_SEED);
    KuspConfig config = ScaleRun.kuspConfig(fleet);
    assertTrue(config.initialNodes() > 256, "nodes " + config.initialNodes());
    Simulation sim = new Simulation();
    KuspPlatform k = new KuspPlatform(sim, RandomStreams.of(ScaleRun.RUN_SEED, 0), config);
    for (Service s : fleet.services()) {
      k.deploy(s);
    }
    sim.run();
    assertEquals(config.initialNodes(), k.nodes().size());
    assertTrue(k.identityMetrics().addresses().exhaustions().isEmpty(), k.identityMetrics().addresses().toString());
    assertEquals(0, k.podsWithoutAddressNow());
  }
}
