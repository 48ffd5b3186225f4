package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.workload.Resources;
import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.cluster.Taint;
import io.platformsim.scheduler.cluster.TaintEffect;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Node pools end to end: each node takes every figure from its own pool's type, carries the pool's
 * labels and taints, and the cluster autoscaler grows the pool its expander picks, within each
 * pool's bounds. The default pool here is one node of the generic type (3700m for pods after the
 * DaemonSets' 300m) kept at 1 by the autoscaler's bounds, and filled by a 3000m pod, so pending
 * pods need the extra pools. Nodes are requested at a scan (every 10 s) and join 60 s later.
 */
class NodePoolTest {

  static final NodeType SMALL = ExpanderTest.SMALL;
  static final NodeType BIG = ExpanderTest.BIG;
  static final Taint BATCH = new Taint("dedicated", "batch", TaintEffect.NO_SCHEDULE);

  static KuspConfig.Builder base() {
    return KuspConfig.builder()
        .initialNodes(1)
        .preloadedImages(KuspBehaviourTest.IMG)
        .nodeProvisioning(DurationDistribution.fixed(60_000))
        .clusterAutoscaling(ClusterAutoscaling.between(1, 1));
  }

  /** The cluster with the default node filled (700m left), {@code svc} deployed at 5 s. */
  static KuspPlatform filled(KuspConfig.Builder b, String svc, int pods, Resources request) {
    KuspPlatform k = KuspBehaviourTest.cluster(b);
    k.deploy(KuspBehaviourTest.svc("full", 1, Resources.of(3000, 256), 0));
    k.simulation().runUntil(5_000);
    k.deploy(KuspBehaviourTest.svc(svc, pods, request, 0));
    return k;
  }

  /** Nodes not gone, per pool name. */
  static Map<String, Integer> livePerPool(KuspPlatform k) {
    Map<String, Integer> m = new TreeMap<>();
    for (Node n : k.nodes()) {
      if (n.state() != NodeState.GONE) {
        m.merge(n.pool().name(), 1, Integer::sum);
      }
    }
    return m;
  }

  static String poolOf(KuspPlatform k, Pod p) {
    for (Node n : k.nodes()) {
      if (n.name().equals(p.nodeName())) {
        return n.pool().name();
      }
    }
    return null;
  }

  @Test
  void thePriceExpanderGrowsTheCheaperOfTwoPoolsOfOneShape() {
    // 3 pods of 2000m: one per 4-core node (two need 4000m > 3700m), 3 nodes in either pool; the
    // shapes are equal, so the price expander takes the cheaper pool (price.go BestOption).
    NodeType dear = new NodeType("dear", Resources.ofCores(4, 16), 100_000_000_000L, 0.30, 110);
    NodeType cheap = new NodeType("cheap", Resources.ofCores(4, 16), 100_000_000_000L, 0.10, 110);
    KuspPlatform k =
        filled(
            base()
                .nodePool(NodePool.of("dear", dear, 0, 0, 5))
                .nodePool(NodePool.of("cheap", cheap, 0, 0, 5))
                .expander(Expander.PRICE),
            "b",
            3,
            Resources.of(2000, 256));
    k.simulation().runUntil(100_000);
    assertEquals(Map.of("default", 1, "cheap", 3), livePerPool(k));
    assertEquals(3, k.available("b"));
    for (Pod p : k.pods("b")) {
      assertEquals("cheap", poolOf(k, p));
    }
  }

  @Test
  void leastWasteTakesOneBigNodeForPodsThatStrandSmallOnes() {
    // 7 pods of 2100m/1Gi: 7 small nodes waste 1.4125, one big node 0.971875 (ExpanderTest).
    KuspPlatform k =
        filled(
            base()
                .nodePool(NodePool.of("small", SMALL, 0, 0, 10))
                .nodePool(NodePool.of("big", BIG, 0, 0, 2))
                .expander(Expander.LEAST_WASTE),
            "b",
            7,
            Resources.of(2100, 1024));
    k.simulation().runUntil(100_000);
    assertEquals(Map.of("default", 1, "big", 1), livePerPool(k));
    assertEquals(7, k.available("b"));
  }

  /** The pools of the nodes requested in {@code k}, in request order. */
  static String poolSequence(KuspPlatform k) {
    StringBuilder sb = new StringBuilder();
    for (Node n : k.nodes()) {
      sb.append(n.pool().name()).append(' ');
    }
    return sb.toString();
  }

  /**
   * Two identical pools under the random expander: 6 scale-ups of one node each (a 2000m pod
   * deployed every 100 s) draw from the "kusp.expander" stream, so the same seed gives the same
   * pools and, over seeds, both pools are drawn.
   */
  static String randomScaleUps(long seed) {
    NodeType a = new NodeType("a", Resources.ofCores(4, 16), 100_000_000_000L, 0.10, 110);
    NodeType b = new NodeType("b", Resources.ofCores(4, 16), 100_000_000_000L, 0.10, 110);
    KuspPlatform k =
        new KuspPlatform(
            new io.platformsim.core.engine.Simulation(),
            io.platformsim.core.engine.RandomStreams.of(seed, 0),
            base()
                .nodePool(NodePool.of("a", a, 0, 0, 10))
                .nodePool(NodePool.of("b", b, 0, 0, 10))
                .identity(KuspDeterministicTest.INSTANT_IDENTITY)
                .build());
    k.deploy(KuspBehaviourTest.svc("full", 1, Resources.of(3000, 256), 0));
    for (int i = 0; i < 6; i++) {
      k.simulation().runUntil(5_000 + i * 100_000L);
      k.deploy(KuspBehaviourTest.svc("s" + i, 1, Resources.of(2000, 256), 0));
    }
    k.simulation().runUntil(700_000);
    return poolSequence(k);
  }

  @Test
  void theRandomExpanderIsReproducibleAndDrawsBothPools() {
    assertEquals(randomScaleUps(1), randomScaleUps(1));
    String all = "";
    for (long seed = 1; seed <= 4; seed++) {
      String s = randomScaleUps(seed);
      // one default node, then 6 new ones
      assertEquals(7, s.trim().split(" ").length, s);
      all += s;
    }
    // 24 draws of 1/2 each: the chance that one pool is never drawn is 2 × 2^-24
    assertTrue(all.contains("a ") && all.contains("b "), all);
  }

  @Test
  void aPoolAtItsMaxIsPassedOverForTheNext() {
    // 5 pods of 2000m, one per node. Scan at 10 s: cheap could take all 5, capped at its max 2.
    // Scan at 20 s: the 2 upcoming cheap nodes take 2 pods; cheap is at its max, so dear gets 3.
    NodeType dear = new NodeType("dear", Resources.ofCores(4, 16), 100_000_000_000L, 0.30, 110);
    NodeType cheap = new NodeType("cheap", Resources.ofCores(4, 16), 100_000_000_000L, 0.10, 110);
    KuspPlatform k =
        filled(
            base()
                .nodePool(NodePool.of("dear", dear, 0, 0, 5))
                .nodePool(NodePool.of("cheap", cheap, 0, 0, 2))
                .expander(Expander.PRICE),
            "b",
            5,
            Resources.of(2000, 256));
    k.simulation().runUntil(10_000);
    assertEquals(Map.of("default", 1, "cheap", 2), livePerPool(k));
    k.simulation().runUntil(120_000);
    assertEquals(Map.of("default", 1, "cheap", 2, "dear", 3), livePerPool(k));
    assertEquals(5, k.available("b"));
  }

  @Test
  void eachNodeTakesItsOwnTypesAllocatableLabelsTaintsAndPrice() {
    // No autoscaler: 2 generic nodes ($0.192/h) and 1 big node ($0.768/h) for one hour.
    NodeType big = BIG.withMaxPods(20);
    KuspPlatform k =
        KuspBehaviourTest.cluster(
            KuspConfig.builder()
                .initialNodes(2)
                .nodePool(
                    new NodePool("big", big, Map.of("tier", "batch"), List.of(BATCH), 1, 1, 1)));
    k.simulation().runUntil(3_600_000);
    Node bigNode = k.nodes().get(2);
    assertEquals("big", bigNode.pool().name());
    NodeSpec spec = k.nodeTable().node(bigNode.index);
    assertEquals("batch", spec.labels().get("tier"));
    assertEquals("big", spec.labels().get(NodePool.INSTANCE_TYPE_LABEL));
    assertEquals(List.of(BATCH), spec.taints());
    assertEquals("generic-4x16", k.nodeTable().node(0).labels().get(NodePool.INSTANCE_TYPE_LABEL));
    // allocatable: capacity minus the 100 MiB eviction threshold (no reservations by default)
    assertEquals(16_000, k.nodeTable().allocatable(bigNode.index, 0));
    assertEquals(20, k.nodeTable().allocatable(bigNode.index, 2));
    assertEquals(4_000, k.nodeTable().allocatable(0, 0));
    assertEquals(110, k.nodeTable().allocatable(0, 2));
    // cost = node-hours × own price: 2 × 0.192 + 1 × 0.768
    assertEquals(1.152, k.metrics().costUsd(), 1e-9);
  }

  @Test
  void allocationAndStrandedCapacityCountEachNodesOwnCapacity() {
    // A generic node (4000m, 16384 MiB; allocatable 16284 MiB less the 100 MiB threshold) and a
    // big one (16000m, 65536 MiB; 65436 MiB), DaemonSets 300m / 392 MiB on each. "a" (3000m,
    // 1000 MiB) is pinned to the generic node, "b" (1000m, 60000 MiB) to the big one; both bind
    // at 0 s. Allocation = requests / billed capacity = 4000 / 20000 CPU, 61000 / 81920 memory.
    // Smallest requests 1000m and 1000 MiB: the generic node has 700m free (under 1000m), so its
    // free memory 16284 − 392 − 1000 = 14892 MiB is stranded; the big node (14700m, 5044 MiB
    // free) strands nothing: 14892 / 81920 of billed memory.
    KuspPlatform k =
        KuspBehaviourTest.cluster(
            KuspConfig.builder()
                .initialNodes(1)
                .preloadedImages(KuspBehaviourTest.IMG)
                .nodePool(NodePool.of("big", BIG, 1, 1, 1)));
    k.deploy(
        KuspBehaviourTest.svc("a", 1, Resources.of(3000, 1000), 0),
        DeploymentSpec.builder()
            .nodeSelector(Map.of(NodePool.INSTANCE_TYPE_LABEL, "generic-4x16"))
            .build());
    k.deploy(
        KuspBehaviourTest.svc("b", 1, Resources.of(1000, 60000), 0),
        DeploymentSpec.builder().nodeSelector(Map.of(NodePool.INSTANCE_TYPE_LABEL, "big")).build());
    k.simulation().runUntil(3_600_000);
    assertEquals(0.2, k.metrics().cpuAllocation(), 1e-12);
    assertEquals(61000.0 / 81920, k.metrics().memoryAllocation(), 1e-12);
    assertEquals(14892.0 / 81920, k.kuspMetrics().strandedMemory(), 1e-12);
    assertEquals(0, k.kuspMetrics().strandedCpu(), 1e-12);
  }

  @Test
  void aTaintedPoolTakesNoPodWithoutAToleration() {
    // The default node has room for 3 pods of 1000m; the 4th fits only the tainted pool's nodes,
    // which the TaintToleration filter keeps it off, so it stays pending.
    KuspPlatform k =
        KuspBehaviourTest.cluster(
            KuspConfig.builder()
                .initialNodes(1)
                .preloadedImages(KuspBehaviourTest.IMG)
                .nodePool(NodePool.of("batch", SMALL, 2, 0, 2).withTaints(List.of(BATCH))));
    k.deploy(KuspBehaviourTest.svc("web", 4, Resources.of(1000, 256), 0));
    k.simulation().runUntil(60_000);
    int pending = 0;
    for (Pod p : k.pods("web")) {
      if (p.nodeName() == null) {
        pending++;
      } else {
        assertEquals("default", poolOf(k, p));
      }
    }
    assertEquals(1, pending);
  }

  @Test
  void aNodeSelectorKeepsPodsOnItsPoolAndATolerationLetsThemOntoATaintedOne() {
    // Default node (3700m) and two pools of 2 small nodes (3700m each), "batch" tainted. 4 pods of
    // 1000m fit the default node 3 at a time, so without a selector some would land elsewhere.
    KuspPlatform k =
        KuspBehaviourTest.cluster(
            KuspConfig.builder()
                .initialNodes(1)
                .preloadedImages(KuspBehaviourTest.IMG)
                .nodePool(NodePool.of("plain", SMALL, 2, 0, 2).withLabels(Map.of("disk", "ssd")))
                .nodePool(NodePool.of("batch", SMALL, 2, 0, 2).withTaints(List.of(BATCH))));
    k.deploy(
        KuspBehaviourTest.svc("ssd", 4, Resources.of(1000, 256), 0),
        DeploymentSpec.builder().nodeSelector(Map.of("disk", "ssd")).build());
    k.deploy(
        KuspBehaviourTest.svc("jobs", 4, Resources.of(1000, 256), 0),
        DeploymentSpec.builder()
            .nodeSelector(Map.of(NodePool.INSTANCE_TYPE_LABEL, "small"))
            .noScheduleTolerations(
                List.of(
                    io.platformsim.scheduler.pod.Toleration.equal(
                        "dedicated", "batch", TaintEffect.NO_SCHEDULE)))
            .build());
    k.simulation().runUntil(60_000);
    for (Pod p : k.pods("ssd")) {
      assertEquals("plain", poolOf(k, p), p.toString());
    }
    // "jobs" selects the small type (plain and batch) and tolerates batch's taint; plain's room
    // left after "ssd" (2 × 3700 − 4000 = 3400m, 3 pods) and batch's (6 pods) hold all 4
    int onBatch = 0;
    for (Pod p : k.pods("jobs")) {
      String pool = poolOf(k, p);
      assertTrue(pool.equals("plain") || pool.equals("batch"), p + " on " + pool);
      onBatch += pool.equals("batch") ? 1 : 0;
    }
    assertEquals(4, k.available("jobs"));
    assertEquals(4, k.available("ssd"));
    assertTrue(onBatch > 0, "the tainted pool took none of the tolerating pods");
  }

  @Test
  void theAutoscalerGrowsOnlyAPoolTheSelectorAdmits() {
    // The price expander would take "cheap" (ExpanderTest), but the selector asks for dear's label:
    // cheap's template fails the NodeAffinity filter, so dear is the only option.
    NodeType dear = new NodeType("dear", Resources.ofCores(4, 16), 100_000_000_000L, 0.30, 110);
    NodeType cheap = new NodeType("cheap", Resources.ofCores(4, 16), 100_000_000_000L, 0.10, 110);
    KuspPlatform k =
        KuspBehaviourTest.cluster(
            base()
                .nodePool(NodePool.of("dear", dear, 0, 0, 5).withLabels(Map.of("tier", "gold")))
                .nodePool(NodePool.of("cheap", cheap, 0, 0, 5))
                .expander(Expander.PRICE));
    k.deploy(
        KuspBehaviourTest.svc("b", 2, Resources.of(2000, 256), 0),
        DeploymentSpec.builder().nodeSelector(Map.of("tier", "gold")).build());
    k.simulation().runUntil(100_000);
    assertEquals(Map.of("default", 1, "dear", 2), livePerPool(k));
    assertEquals(2, k.available("b"));
  }

  @Test
  void scaleDownKeepsEachPoolAtItsMin() {
    // Empty nodes under the threshold go after 1 min unneeded, one per scan, down to each min.
    KuspPlatform k =
        KuspBehaviourTest.cluster(
            KuspConfig.builder()
                .initialNodes(3)
                .clusterAutoscaling(ClusterAutoscaling.between(1, 3).withUnneededMillis(60_000))
                .nodePool(NodePool.of("keep", SMALL, 2, 2, 4))
                .nodePool(NodePool.of("shrink", SMALL, 3, 1, 4)));
    k.simulation().runUntil(1_800_000);
    assertEquals(Map.of("default", 1, "keep", 2, "shrink", 1), livePerPool(k));
  }

  @Test
  void poolsAreValidated() {
    KuspConfig.Builder twice =
        KuspConfig.builder()
            .nodePool(NodePool.of("a", SMALL, 0, 0, 1))
            .nodePool(NodePool.of("a", BIG, 0, 0, 1));
    assertTrue(
        assertThrows(IllegalArgumentException.class, twice::build)
            .getMessage()
            .contains("node pool name 'a' is used twice"));
    assertThrows(
        IllegalArgumentException.class,
        () -> KuspConfig.builder().nodePool(NodePool.of("default", SMALL, 0, 0, 1)).build());
    assertThrows(IllegalArgumentException.class, () -> NodePool.of("p", SMALL, 0, 3, 2));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            NodePool.of("p", SMALL, 0, 0, 1)
                .withTaints(List.of(new Taint("k", "", TaintEffect.NO_EXECUTE))));
    // the DaemonSets (300m) must fit every pool's type
    NodeType tiny = new NodeType("tiny", Resources.of(200, 4096), 100, 0.01, 110);
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> KuspConfig.builder().nodePool(NodePool.of("t", tiny, 0, 0, 1)).build())
            .getMessage()
            .contains("node pool 't'"));
    // the default pool mirrors nodeType, initialNodes and the autoscaler's bounds
    KuspConfig c =
        KuspConfig.builder()
            .initialNodes(4)
            .clusterAutoscaling(ClusterAutoscaling.between(2, 9))
            .build();
    assertEquals(List.of(NodePool.of("default", NodeType.GENERIC, 4, 2, 9)), c.pools());
    assertNull(KuspConfig.builder().build().clusterAutoscaling());
  }
}
