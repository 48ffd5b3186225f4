package io.platformsim.scheduler.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.cluster.TaintEffect;
import io.platformsim.scheduler.pod.AntiAffinityTerm;
import io.platformsim.scheduler.pod.LabelSelector;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.pod.SpreadConstraint;
import io.platformsim.scheduler.pod.Toleration;
import io.platformsim.scheduler.pod.WhenUnsatisfiable;
import io.platformsim.scheduler.resource.DimensionRegistry;
import io.platformsim.scheduler.state.NodeTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-derived scale-down cases: each answer follows from the requests and constraints by
 * arithmetic.
 */
class RemovalSimulatorTest {
  static final DimensionRegistry REG = DimensionRegistry.standard();

  static NodeSpec.Builder node(String name, String cpu) {
    return NodeSpec.builder(name, REG)
        .allocatable("cpu", cpu)
        .allocatable("memory", "16Gi")
        .allocatable("pods", "110");
  }

  static PodSpec pod(String id, String cpu) {
    return PodSpec.builder(id, REG)
        .request("cpu", cpu, "memory", "1Gi")
        .label("app", "web")
        .build();
  }

  static NodeTable threeNodes(String cpu) {
    NodeTable t = new NodeTable(REG);
    for (int i = 0; i < 3; i++) {
      t.addNode(node("n" + i, cpu).zone("z" + i).build());
    }
    return t;
  }

  static RemovalSimulator simulator(NodeTable t) {
    return RemovalSimulator.of(ClusterSnapshot.of(t), p -> p.id().startsWith("ds-"));
  }

  @Test
  void threeByThreeOnFourCpuNodesCannotLoseOne() {
    // 3 nodes of 4 CPU with a 3-CPU pod each: 1 CPU free elsewhere, the 3-CPU pod fits nowhere
    NodeTable t = threeNodes("4");
    for (int i = 0; i < 3; i++) {
      t.bind(pod("p" + i, "3"), i);
    }
    NodeRemoval r = simulator(t).simulateNodeRemoval(0);
    assertFalse(r.removable());
    UnremovableNode u = (UnremovableNode) r;
    assertEquals(UnremovableNode.Reason.NO_PLACE_TO_MOVE_PODS, u.reason());
    assertEquals("p0", u.blockingPod().id());
  }

  @Test
  void smallPodsMoveAndTheSnapshotComesBackUnchanged() {
    // 1 + 1 CPU on n0 move to n1 (1 CPU used, 3 free): first fit from the round-robin start
    NodeTable t = threeNodes("4");
    t.bind(pod("a", "1"), 0);
    t.bind(pod("b", "1"), 0);
    t.bind(pod("c", "1"), 1);
    t.bind(pod("d", "2"), 2);
    String live = TableState.of(t, true);
    RemovalSimulator sim = simulator(t);
    String before = TableState.of(sim.snapshot().nodes(), false);
    NodeToBeRemoved r = (NodeToBeRemoved) sim.simulateNodeRemoval(0);
    assertEquals(List.of("a", "b"), r.podsToReschedule().stream().map(PodSpec::id).toList());
    assertEquals(
        List.of("n1", "n2"),
        r.destinations().stream().map(ScheduledPod::nodeName).toList(),
        "round robin: the scan resumes after the node the previous pod took");
    assertEquals(before, TableState.of(sim.snapshot().nodes(), false));
    assertEquals(live, TableState.of(t, true));
  }

  @Test
  void theLowestIndexCheckerFillsTheFirstNodeFirst() {
    NodeTable t = threeNodes("4");
    t.bind(pod("a", "1"), 0);
    t.bind(pod("b", "1"), 0);
    t.bind(pod("c", "1"), 1);
    RemovalSimulator sim =
        new RemovalSimulator(
            ClusterSnapshot.of(t),
            new HintingSimulator(PredicateChecker.lowestIndexWithDefaultFilters()),
            p -> false,
            p -> false);
    NodeToBeRemoved r = (NodeToBeRemoved) sim.simulateNodeRemoval(0);
    assertEquals(
        List.of("n1", "n1"), r.destinations().stream().map(ScheduledPod::nodeName).toList());
    t.bind(pod("d", "3"), 2);
    t.bind(pod("e", "2"), 1);
    // n1 has 1 CPU left, n2 1 CPU: a and b (1 each) still go, one to each
    NodeToBeRemoved r2 =
        (NodeToBeRemoved)
            new RemovalSimulator(
                    ClusterSnapshot.of(t),
                    new HintingSimulator(PredicateChecker.lowestIndexWithDefaultFilters()),
                    p -> false,
                    p -> false)
                .simulateNodeRemoval(0);
    assertEquals(
        List.of("n1", "n2"), r2.destinations().stream().map(ScheduledPod::nodeName).toList());
  }

  @Test
  void daemonPodsStayBehindAndBlockingPodsBlock() {
    NodeTable t = threeNodes("4");
    t.bind(pod("ds-logs", "3"), 0);
    t.bind(pod("ds-logs-1", "3"), 1);
    t.bind(pod("ds-logs-2", "3"), 2);
    RemovalSimulator sim = simulator(t);
    NodeToBeRemoved r = (NodeToBeRemoved) sim.simulateNodeRemoval(0);
    assertEquals(List.of(), r.podsToReschedule());
    assertEquals(1, r.daemonSetPods().size());
    t.bind(pod("bare", "1"), 2);
    RemovalSimulator strict =
        new RemovalSimulator(
            ClusterSnapshot.of(t),
            new HintingSimulator(PredicateChecker.withDefaultFilters()),
            p -> p.id().startsWith("ds-"),
            p -> p.id().equals("bare"));
    UnremovableNode u = (UnremovableNode) strict.simulateNodeRemoval(2);
    assertEquals(UnremovableNode.Reason.BLOCKED_BY_POD, u.reason());
    assertEquals("bare", u.blockingPod().id());
  }

  @Test
  void taintsDecideWhereAPodMayGo() {
    // n1 has room but is tainted NoSchedule; n2 is full: only a tolerating pod can leave n0
    NodeTable t = new NodeTable(REG);
    t.addNode(node("n0", "4").build());
    t.addNode(node("n1", "4").taint("dedicated", "batch", TaintEffect.NO_SCHEDULE).build());
    t.addNode(node("n2", "4").build());
    t.bind(pod("full", "4"), 2);
    t.bind(pod("p", "1"), 0);
    assertFalse(simulator(t).simulateNodeRemoval(0).removable());

    NodeTable t2 = new NodeTable(REG);
    t2.addNode(node("n0", "4").build());
    t2.addNode(node("n1", "4").taint("dedicated", "batch", TaintEffect.NO_SCHEDULE).build());
    t2.addNode(node("n2", "4").build());
    t2.bind(pod("full", "4"), 2);
    t2.bind(
        PodSpec.builder("p", REG)
            .request("cpu", "1")
            .toleration(Toleration.equal("dedicated", "batch", TaintEffect.NO_SCHEDULE))
            .build(),
        0);
    NodeToBeRemoved r = (NodeToBeRemoved) simulator(t2).simulateNodeRemoval(0);
    assertEquals("n1", r.destinations().get(0).nodeName());
  }

  @Test
  void antiAffinityKeepsReplicasApart() {
    // one replica per node with hostname anti-affinity: resources would fit, the rule does not
    NodeTable t = threeNodes("4");
    for (int i = 0; i < 3; i++) {
      t.bind(
          PodSpec.builder("db" + i, REG)
              .request("cpu", "500m")
              .label("app", "db")
              .antiAffinity(
                  new AntiAffinityTerm(LabelSelector.matchLabels("app", "db"), NodeSpec.HOSTNAME))
              .build(),
          i);
    }
    UnremovableNode u = (UnremovableNode) simulator(t).simulateNodeRemoval(1);
    assertEquals("db1", u.blockingPod().id());
  }

  @Test
  void zoneSpreadBlocksAMoveThatWouldSkew() {
    // zones z0, z1, z2 hold 1 web pod each (maxSkew 1, DoNotSchedule); removing n0 leaves z0
    // empty (min 0) and z1, z2 at 1: moving web0 to either makes 2 - 0 = 2 > 1
    NodeTable t = threeNodes("4");
    SpreadConstraint spread =
        new SpreadConstraint(
            1,
            NodeSpec.ZONE,
            WhenUnsatisfiable.DO_NOT_SCHEDULE,
            LabelSelector.matchLabels("app", "web"));
    for (int i = 0; i < 3; i++) {
      t.bind(
          PodSpec.builder("web" + i, REG)
              .request("cpu", "500m")
              .label("app", "web")
              .spread(spread)
              .build(),
          i);
    }
    assertFalse(simulator(t).simulateNodeRemoval(0).removable());
  }

  @Test
  void cordonedAndExcludedDestinationsAreSkipped() {
    NodeTable t = threeNodes("4");
    t.bind(pod("p", "1"), 0);
    t.setUnschedulable(1, true);
    RemovalSimulator sim = simulator(t);
    assertEquals(
        "n2", ((NodeToBeRemoved) sim.simulateNodeRemoval(0)).destinations().get(0).nodeName());
    assertFalse(sim.simulateNodeRemoval(0, n -> n != 2).removable());
    RemovalSimulator.Removals all = sim.findNodesToRemove(new int[] {0, 1, 2}, n -> true);
    // n1 and n2 are empty: removable; n0's pod goes to n2
    assertEquals(
        List.of("n0", "n1", "n2"),
        all.removable().stream().map(NodeToBeRemoved::nodeName).toList());
    assertTrue(all.unremovable().isEmpty());
  }
}
