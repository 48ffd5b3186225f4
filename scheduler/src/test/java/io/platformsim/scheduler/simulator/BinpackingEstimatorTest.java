package io.platformsim.scheduler.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.cluster.TaintEffect;
import io.platformsim.scheduler.pod.AntiAffinityTerm;
import io.platformsim.scheduler.pod.LabelSelector;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.resource.DimensionRegistry;
import io.platformsim.scheduler.state.NodeTable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-derived scale-up estimates: first-fit decreasing worked out on paper for each case. */
class BinpackingEstimatorTest {
  static final DimensionRegistry REG = DimensionRegistry.standard();
  static final NodeTemplate FOUR_CPU =
      NodeTemplate.of(
          NodeSpec.builder("tmpl", REG)
              .allocatable("cpu", "4")
              .allocatable("memory", "16Gi")
              .allocatable("pods", "110")
              .zone("z0")
              .build());

  static List<PodSpec> pods(String prefix, int n, String cpu) {
    List<PodSpec> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          PodSpec.builder(prefix + i, REG)
              .request("cpu", cpu, "memory", "1Gi")
              .label("app", prefix)
              .build());
    }
    return out;
  }

  static NodeTable cluster() {
    NodeTable t = new NodeTable(REG);
    t.addNode(
        NodeSpec.builder("old", REG)
            .allocatable("cpu", "4")
            .allocatable("memory", "16Gi")
            .allocatable("pods", "110")
            .zone("z0")
            .build());
    return t;
  }

  @Test
  void sixPodsOfOneAndAHalfNeedThreeNodes() {
    // two 1.5-CPU pods per 4-CPU node (3.0 used, 1.0 left): 6 pods -> 3 nodes
    BinpackingEstimator.Estimate e =
        BinpackingEstimator.withDefaults().estimatePods(cluster(), pods("a", 6, "1500m"), FOUR_CPU);
    assertEquals(3, e.nodeCount());
    assertEquals(6, e.scheduledPods().size());
    assertEquals("tmpl-e-0", e.placements().get(0).nodeName());
  }

  @Test
  void decreasingOrderPacksThreeThreeTwoTwoOneOne() {
    // sorted 3,3,2,2,1,1 on 4-CPU nodes: [3,1] [3,1] [2,2] = 3 nodes (12 CPU / 4: the lower bound)
    List<PodSpec> pending = new ArrayList<>();
    pending.addAll(pods("one", 2, "1"));
    pending.addAll(pods("two", 2, "2"));
    pending.addAll(pods("three", 2, "3"));
    BinpackingEstimator.Estimate e =
        BinpackingEstimator.withDefaults().estimatePods(cluster(), pending, FOUR_CPU);
    assertEquals(3, e.nodeCount());
    assertEquals(
        List.of("three0", "three1", "two0", "two1", "one0", "one1"),
        e.scheduledPods().stream().map(PodSpec::id).toList());
  }

  @Test
  void antiAffinityNeedsOneNodePerReplica() {
    List<PodSpec> pending = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      pending.add(
          PodSpec.builder("db" + i, REG)
              .request("cpu", "100m")
              .label("app", "db")
              .antiAffinity(
                  new AntiAffinityTerm(LabelSelector.matchLabels("app", "db"), NodeSpec.HOSTNAME))
              .build());
    }
    assertEquals(
        3,
        BinpackingEstimator.withDefaults().estimatePods(cluster(), pending, FOUR_CPU).nodeCount());
  }

  @Test
  void podsThatFitNoTemplateNodeNeedNone() {
    // 5 CPU on a 4-CPU template: one node is tried, stays empty, and is not counted
    BinpackingEstimator.Estimate e =
        BinpackingEstimator.withDefaults().estimatePods(cluster(), pods("big", 3, "5"), FOUR_CPU);
    assertEquals(0, e.nodeCount());
    assertEquals(List.of(), e.scheduledPods());
    NodeTemplate tainted =
        NodeTemplate.of(
            NodeSpec.builder("gpu", REG)
                .allocatable("cpu", "4")
                .allocatable("memory", "16Gi")
                .allocatable("pods", "110")
                .taint("gpu", "true", TaintEffect.NO_SCHEDULE)
                .build());
    assertEquals(
        0,
        BinpackingEstimator.withDefaults()
            .estimatePods(cluster(), pods("a", 2, "1"), tainted)
            .nodeCount());
  }

  @Test
  void theNodeLimitCaps() {
    BinpackingEstimator capped = new BinpackingEstimator(PredicateChecker.withDefaultFilters(), 3);
    BinpackingEstimator.Estimate e =
        capped.estimatePods(cluster(), pods("full", 10, "4"), FOUR_CPU);
    assertEquals(3, e.nodeCount());
    assertEquals(3, e.scheduledPods().size());
  }

  @Test
  void daemonPodsTakeTheirShareOfEachNewNode() {
    // two 2-CPU pods share one 4-CPU node; with 1 CPU of DaemonSet pods per node only 3 CPU
    // are left, so each needs its own node
    assertEquals(
        1,
        BinpackingEstimator.withDefaults()
            .estimatePods(cluster(), pods("a", 2, "2"), FOUR_CPU)
            .nodeCount());
    NodeTemplate withDaemon =
        new NodeTemplate(
            FOUR_CPU.node(), List.of(PodSpec.builder("ds-agent", REG).request("cpu", "1").build()));
    assertEquals(
        2,
        BinpackingEstimator.withDefaults()
            .estimatePods(cluster(), pods("a", 2, "2"), withDaemon)
            .nodeCount());
  }

  @Test
  void theLowestIndexCheckerEstimatesTheSame() {
    BinpackingEstimator fast =
        new BinpackingEstimator(
            PredicateChecker.lowestIndexWithDefaultFilters(),
            BinpackingEstimator.DEFAULT_MAX_NODES_PER_SCALE_UP);
    List<PodSpec> mixed = new ArrayList<>();
    mixed.addAll(pods("one", 2, "1"));
    mixed.addAll(pods("two", 2, "2"));
    mixed.addAll(pods("three", 2, "3"));
    assertEquals(3, fast.estimatePods(cluster(), pods("a", 6, "1500m"), FOUR_CPU).nodeCount());
    assertEquals(3, fast.estimatePods(cluster(), mixed, FOUR_CPU).nodeCount());
    assertEquals(0, fast.estimatePods(cluster(), pods("big", 3, "5"), FOUR_CPU).nodeCount());
  }

  @Test
  void theClusterIsLeftAsItWas() {
    NodeTable t = cluster();
    t.bind(pods("x", 1, "1").get(0), 0);
    String before = TableState.of(t, true);
    BinpackingEstimator.withDefaults().estimatePods(t, pods("a", 5, "2"), FOUR_CPU);
    assertEquals(before, TableState.of(t, true));
  }
}
