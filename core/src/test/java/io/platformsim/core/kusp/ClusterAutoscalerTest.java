package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.workload.Resources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ClusterAutoscaler} scale-up: the unschedulable pods are packed first-fit onto the nodes
 * being provisioned, then onto new ones (kubernetes/autoscaler
 * cluster-autoscaler/estimator/binpacking_estimator.go), and that many nodes are requested, never
 * above {@code maxNodes}. A default node has 4000m allocatable, 300m of it for the three default
 * DaemonSets: 3700m for pods. Scans every 10 s (upstream --scan-interval), nodes join 60 s after
 * they are requested.
 */
class ClusterAutoscalerTest {

  private static KuspPlatform cluster(int maxNodes) {
    return KuspBehaviourTest.cluster(KuspConfig.builder().initialNodes(1).preloadedImages(KuspBehaviourTest.IMG)
        .nodeProvisioning(DurationDistribution.fixed(60_000)).clusterAutoscaling(ClusterAutoscaling.between(1, maxNodes)));
  }

  /**
   * "full" takes 3000m of the one node (700m left), so none of "b"'s pods fits. The scan at 10 s
   * packs them per 3700m node: {@code perNode} each, so ⌈pods / perNode⌉ new nodes (capped by
   * maxNodes 10 minus the 1 there); the scan at 20 s packs them onto those nodes, still
   * provisioning, and asks for none.
   */
  @ParameterizedTest(name = "{0} pods of {1}m: {2} new nodes")
  @CsvSource({
      "5, 1500, 3",  // 2 per node (3000m; a third would need 4500m)
      "5, 2000, 5",  // 1 per node
      "6, 1200, 2",  // 3 per node (3600m)
      "4, 3700, 4",  // exactly a node's room for pods
      "12, 3000, 9", // 12 wanted, 9 allowed by maxNodes 10
  })
  void unschedulablePodsArePackedFirstFitOntoNewNodes(int pods, long milliCpu, int newNodes) {
    KuspPlatform k = cluster(10);
    k.deploy(KuspBehaviourTest.svc("full", 1, Resources.of(3000, 256), 0));
    k.simulation().runUntil(5_000);
    k.deploy(KuspBehaviourTest.svc("b", pods, Resources.of(milliCpu, 256), 0));
    k.simulation().runUntil(10_000);
    assertEquals(1 + newNodes, k.nodes().size());
    k.simulation().runUntil(65_000);
    assertEquals(1 + newNodes, k.nodes().size());
  }

  @Test
  void theRequestedNodesJoinAndRunEveryWaitingPod() {
    // Three nodes requested at 10 s join at 70 s; the five 1500m pods, two per node, then run.
    KuspPlatform k = cluster(10);
    k.deploy(KuspBehaviourTest.svc("full", 1, Resources.of(3000, 256), 0));
    k.deploy(KuspBehaviourTest.svc("b", 5, Resources.of(1500, 256), 0));
    k.simulation().runUntil(100_000);
    assertEquals(4, k.nodes().size());
    assertEquals(5, k.available("b"));
  }
}
