package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.cluster.TaintEffect;
import io.platformsim.scheduler.placement.Policies;
import io.platformsim.scheduler.pod.AntiAffinityTerm;
import io.platformsim.scheduler.pod.LabelSelector;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.pod.Toleration;
import io.platformsim.scheduler.resource.DimensionRegistry;
import io.platformsim.scheduler.simulator.BinpackingEstimator;
import io.platformsim.scheduler.simulator.ClusterSnapshot;
import io.platformsim.scheduler.simulator.HintingSimulator;
import io.platformsim.scheduler.simulator.NodeTemplate;
import io.platformsim.scheduler.simulator.PredicateChecker;
import io.platformsim.scheduler.state.NodeTable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ClusterAutoscaler#nodesNeeded} on hand-built tables: the pending pods that the scheduler's
 * filters let onto a registered or upcoming node need no new node (filter_out_schedulable.go), the
 * rest are packed onto new nodes of the template (binpacking_estimator.go), with taints,
 * tolerations and anti-affinity deciding fit exactly as for the scheduler (a resource-only
 * first-fit would get every case below wrong).
 */
class ScaleUpEstimateTest {
  private static final DimensionRegistry REG = DimensionRegistry.standard();

  private static NodeSpec.Builder node(String name) {
    return NodeSpec.builder(name, REG)
        .allocatable("cpu", "4")
        .allocatable("memory", "16Gi")
        .allocatable("pods", "110")
        .zone("a");
  }

  private static PodSpec.Builder pod(String name, String cpu) {
    return PodSpec.builder(name, REG)
        .label("app", "web")
        .container("app", null, "cpu", cpu, "memory", "256Mi");
  }

  private static int nodesNeeded(NodeTable table, List<PodSpec> pending, NodeTemplate template) {
    String profile = "k8s-default";
    return ClusterAutoscaler.nodesNeeded(
        ClusterSnapshot.of(table),
        pending,
        template,
        new HintingSimulator(
            PredicateChecker.of(
                Policies.profile(profile), PredicateChecker.ScanOrder.LOWEST_INDEX)),
        new BinpackingEstimator(PredicateChecker.of(Policies.profile(profile)), 1000));
  }

  private static List<PodSpec> pods(int count, String cpu, Toleration toleration) {
    List<PodSpec> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      PodSpec.Builder b = pod("web-" + i, cpu);
      if (toleration != null) {
        b.toleration(toleration);
      }
      out.add(b.build());
    }
    return out;
  }

  /**
   * Two empty 4-CPU nodes tainted dedicated=batch:NoSchedule: room enough by resources for every
   * case, so a first-fit on CPU, memory and pod count would ask for no node. A pod without the
   * toleration fits neither (TaintToleration filter), so the untainted template's new nodes take
   * them: 4 CPUs each, so ⌈count × cpu ÷ 4⌉ nodes when the pods pack evenly. With the toleration
   * they all fit the two tainted nodes (8 CPUs) and need none.
   */
  @ParameterizedTest(name = "{0} pods of {1}, tolerating: {2} -> {3} new nodes")
  @CsvSource({
    "1, 1,     false, 1",
    "3, 1500m, false, 2", // two 1500m pods per new 4-CPU node, the third on a second
    "4, 2,     false, 2",
    "3, 1500m, true,  0", // 2 + 1 on the tainted nodes, which they tolerate
    "4, 2,     true,  0",
  })
  void taintedNodesHoldOnlyTheTolerantPods(int count, String cpu, boolean tolerates, int newNodes) {
    NodeTable table = new NodeTable(REG);
    table.addNode(node("n1").taint("dedicated", "batch", TaintEffect.NO_SCHEDULE).build());
    table.addNode(node("n2").taint("dedicated", "batch", TaintEffect.NO_SCHEDULE).build());
    Toleration t =
        tolerates ? Toleration.equal("dedicated", "batch", TaintEffect.NO_SCHEDULE) : null;
    assertEquals(
        newNodes,
        nodesNeeded(table, pods(count, cpu, t), NodeTemplate.of(node("template").build())));
  }

  @Test
  void aTemplateWithTheSameTaintHelpsNoIntolerantPod() {
    // The new nodes would carry the taint too: the estimator's first new node stays empty and it
    // stops (binpacking_estimator.go: a pod that fits no fresh node needs no node at all).
    NodeTable table = new NodeTable(REG);
    table.addNode(node("n1").taint("dedicated", "batch", TaintEffect.NO_SCHEDULE).build());
    NodeTemplate tainted =
        NodeTemplate.of(
            node("template").taint("dedicated", "batch", TaintEffect.NO_SCHEDULE).build());
    assertEquals(0, nodesNeeded(table, pods(2, "1", null), tainted));
  }

  @Test
  void antiAffinityNeedsANodePerPodWhereResourcesWouldPackFour() {
    // Four 500m pods that may not share a node (anti-affinity on the hostname): one empty
    // registered node takes one; each of the other three needs its own new node, where 2 CPUs
    // of requests alone would fit on the registered node.
    NodeTable table = new NodeTable(REG);
    table.addNode(node("n1").build());
    List<PodSpec> pending = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      pending.add(
          pod("web-" + i, "500m")
              .antiAffinity(
                  new AntiAffinityTerm(LabelSelector.matchLabels("app", "web"), NodeSpec.HOSTNAME))
              .build());
    }
    assertEquals(3, nodesNeeded(table, pending, NodeTemplate.of(node("template").build())));
  }

  @Test
  void podsThatFitAnUpcomingNodeNeedNoNewOne() {
    // A full registered node (4 CPUs requested) and one upcoming empty node of the template: two
    // 2-CPU pods fit the upcoming node, a third needs one new node.
    NodeTable table = new NodeTable(REG);
    int n1 = table.addNode(node("n1").build());
    table.bind(pod("busy", "4").build(), n1);
    NodeTemplate template = NodeTemplate.of(node("template").build());
    ClusterSnapshot snapshot = ClusterSnapshot.of(table);
    snapshot.addNode(template, "upcoming-0");
    String profile = "k8s-default";
    HintingSimulator hinting =
        new HintingSimulator(
            PredicateChecker.of(
                Policies.profile(profile), PredicateChecker.ScanOrder.LOWEST_INDEX));
    BinpackingEstimator estimator =
        new BinpackingEstimator(PredicateChecker.of(Policies.profile(profile)), 1000);
    assertEquals(
        0,
        ClusterAutoscaler.nodesNeeded(snapshot, pods(2, "2", null), template, hinting, estimator));
    ClusterSnapshot again = ClusterSnapshot.of(table);
    again.addNode(template, "upcoming-0");
    assertEquals(
        1, ClusterAutoscaler.nodesNeeded(again, pods(3, "2", null), template, hinting, estimator));
  }
}
