package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.workload.PlacementNeeds;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ClusterAutoscaler} end to end: the unschedulable pods that fit no registered or
 * provisioning node are packed onto new nodes of the template (kubernetes/autoscaler
 * cluster-autoscaler/estimator/binpacking_estimator.go) and that many nodes are requested, never
 * above {@code maxNodes}; a node under the utilization threshold for the unneeded time goes if the
 * scheduler's filters let its pods onto the other nodes (simulator/cluster.go). A default node has
 * 4000m allocatable, 300m of it for the three default DaemonSets: 3700m for pods. Scans every 10 s
 * (upstream --scan-interval), nodes join 60 s after they are requested.
 */
class ClusterAutoscalerTest {

  private static KuspPlatform cluster(int maxNodes) {
    return KuspBehaviourTest.cluster(
        KuspConfig.builder()
            .initialNodes(1)
            .preloadedImages(KuspBehaviourTest.IMG)
            .nodeProvisioning(DurationDistribution.fixed(60_000))
            .clusterAutoscaling(ClusterAutoscaling.between(1, maxNodes)));
  }

  /**
   * "full" takes 3000m of the one node (700m left), so none of "b"'s pods fits. The scan at 10 s
   * packs them per 3700m node: {@code perNode} each, so ⌈pods / perNode⌉ new nodes (capped by
   * maxNodes 10 minus the 1 there); the scan at 20 s packs them onto those nodes, still
   * provisioning, and asks for none.
   */
  @ParameterizedTest(name = "{0} pods of {1}m: {2} new nodes")
  @CsvSource({
    "5, 1500, 3", // 2 per node (3000m; a third would need 4500m)
    "5, 2000, 5", // 1 per node
    "6, 1200, 2", // 3 per node (3600m)
    "4, 3700, 4", // exactly a node's room for pods
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

  /**
   * 4 pods of 1900m: one per node with the DaemonSets' 300m on it (2 × 1900m = 3800m above the
   * 3700m left), two per node if the template forgot them (4000m). Deployed at 5 s, the scan at 10
   * s uses the stand-in template (no node has been Ready a minute yet: allocatable minus the
   * DaemonSets); deployed at 100 s, the scan at 110 s copies node-1 with its DaemonSet pods. Both
   * ask for 4 nodes.
   */
  @ParameterizedTest(name = "deployed at {0} ms")
  @CsvSource({"5000, 10000", "100000, 110000"})
  void theTemplateLeavesRoomForTheDaemonSets(long deployAt, long scanAt) {
    KuspPlatform k = cluster(10);
    k.deploy(KuspBehaviourTest.svc("full", 1, Resources.of(3000, 256), 0));
    k.simulation().runUntil(deployAt);
    k.deploy(KuspBehaviourTest.svc("b", 4, Resources.of(1900, 256), 0));
    k.simulation().runUntil(scanAt);
    assertEquals(5, k.nodes().size());
  }

  private static Service spread(String name, int replicas, long milliCpu) {
    // at most one replica per node: a required anti-affinity term on the hostname (LivePods)
    Service s = KuspBehaviourTest.svc(name, replicas, Resources.of(milliCpu, 256), 0);
    return new Service(
        s.name(),
        s.version(),
        s.instances(),
        s.request(),
        s.usage(),
        s.artifactBytes(),
        s.startupMillis(),
        s.healthCheckMillis(),
        s.image(),
        new PlacementNeeds(1, true, false));
  }

  @Test
  void podsThatMayNotShareANodeGetANodeEach() {
    // Three 500m replicas with anti-affinity on the hostname: one runs on node-1, two wait. A
    // first-fit on resources would put both on one new node (1000m of 3700m); the scheduler's
    // filters need one each: 2 nodes at the 10 s scan, none more at 20 s (they fit the two
    // provisioning nodes), and all three run once those join at 70 s.
    KuspPlatform k = cluster(10);
    k.deploy(spread("web", 3, 500));
    k.simulation().runUntil(10_000);
    assertEquals(3, k.nodes().size());
    k.simulation().runUntil(65_000);
    assertEquals(3, k.nodes().size());
    k.simulation().runUntil(120_000);
    assertEquals(3, k.available("web"));
  }

  private static KuspPlatform twoNodes() {
    return KuspBehaviourTest.cluster(
        KuspConfig.builder()
            .initialNodes(2)
            .preloadedImages(KuspBehaviourTest.IMG)
            .nodeProvisioning(DurationDistribution.fixed(60_000))
            .clusterAutoscaling(ClusterAutoscaling.between(1, 4)));
  }

  @Test
  void aNodeWhosePodsCannotMoveForAntiAffinityStays() {
    // Two nodes, two 500m replicas that may not share a node: one on each, 800m of 4000m (20%)
    // with the DaemonSets, under the 0.5 threshold from the first scan at 10 s. Their requests
    // fit the other node, but anti-affinity forbids it, so the removal simulation fails at
    // 610 s and again every 10 min after: after an hour both nodes still run, none was added.
    KuspPlatform k = twoNodes();
    k.deploy(spread("web", 2, 500));
    k.simulation().runUntil(3_600_000);
    assertEquals(2, k.nodes().size());
    assertEquals(2, (int) k.kuspMetrics().nodesNow().get(NodeState.READY));
    assertEquals(2, k.available("web"));
  }

  @Test
  void withoutAntiAffinityTheSameNodeGoesAfterTenMinutes() {
    // The same two replicas free to share a node: at 610 s (unneeded since 10 s) node-1's pod, if
    // any, fits node-2, so node-1 is drained; node-2 is then alone, at minNodes 1.
    KuspPlatform k = twoNodes();
    k.deploy(KuspBehaviourTest.svc("web", 2, Resources.of(500, 256), 0));
    k.simulation().runUntil(609_999);
    assertEquals(2, (int) k.kuspMetrics().nodesNow().get(NodeState.READY));
    k.simulation().runUntil(700_000);
    assertEquals(1, (int) k.kuspMetrics().nodesNow().get(NodeState.READY));
    assertEquals(2, k.available("web"));
  }

  @Test
  void fromZeroNodesTheNodeTypeStandsInForTheTemplate() {
    // No node at all: the template is the node type's 3700m left for pods after the DaemonSets.
    // Two 2000m pods cannot share one (4000m), so the 10 s scan asks for 2 nodes, which join at
    // 70 s and run them.
    KuspPlatform k =
        KuspBehaviourTest.cluster(
            KuspConfig.builder()
                .initialNodes(0)
                .preloadedImages(KuspBehaviourTest.IMG)
                .nodeProvisioning(DurationDistribution.fixed(60_000))
                .clusterAutoscaling(ClusterAutoscaling.between(0, 5)));
    k.deploy(KuspBehaviourTest.svc("b", 2, Resources.of(2000, 256), 0));
    k.simulation().runUntil(10_000);
    assertEquals(2, k.nodes().size());
    k.simulation().runUntil(100_000);
    assertEquals(2, k.nodes().size());
    assertEquals(2, k.available("b"));
  }
}
