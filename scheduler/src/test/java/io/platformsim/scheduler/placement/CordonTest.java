package io.platformsim.scheduler.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.cluster.TaintEffect;
import io.platformsim.scheduler.framework.Profile;
import io.platformsim.scheduler.framework.WeightedScorer;
import io.platformsim.scheduler.plugins.ImageLocalityScorer;
import io.platformsim.scheduler.plugins.NodeUnschedulableFilter;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.pod.Toleration;
import io.platformsim.scheduler.resource.DimensionRegistry;
import io.platformsim.scheduler.state.NodeTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cordoning a node in the table ({@link NodeTable#setUnschedulable}) after it was added: the
 * NodeUnschedulable filter (k8s v1.31 pkg/scheduler/framework/plugins/nodeunschedulable) rejects it
 * with "node(s) were unschedulable", pods tolerating node.kubernetes.io/unschedulable:NoSchedule
 * still pass, and the fast scheduler's warmed caches (class cache, bucket index) notice both the
 * cordon and the uncordon.
 */
class CordonTest {
  static final DimensionRegistry REG = DimensionRegistry.standard();
  static final String UNSCHEDULABLE_KEY =
      "node.kubernetes.io/unschedulable"; // v1.TaintNodeUnschedulable

  static NodeSpec node(String name, String cpu) {
    return node(name, cpu, "8Gi");
  }

  static NodeSpec node(String name, String cpu, String memory) {
    return NodeSpec.builder(name, REG)
        .allocatable("cpu", cpu)
        .allocatable("memory", memory)
        .allocatable("pods", "110")
        .build();
  }

  static List<Scheduler> both(NodeTable t, Profile profile, NodeSampling sampling) {
    return List.of(
        new ReferenceScheduler(t, profile, sampling, 1),
        new FastScheduler(t, profile, sampling, 1));
  }

  /**
   * A resource-free profile that still takes the fast scheduler's general path; all scores 0,
   * lowest index wins.
   */
  static Profile generalFirstFit() {
    return new Profile(
        "first-fit-general",
        Policies.defaultFilters(),
        List.of(new WeightedScorer(new ImageLocalityScorer(), 1)),
        true);
  }

  @Test
  void cordonedNodesCountAsUnschedulableNotAsInsufficientCpu() {
    NodeTable t = new NodeTable(REG);
    t.addNode(node("small-0", "1"));
    t.addNode(node("small-1", "1"));
    t.addNode(node("big-0", "8"));
    t.addNode(node("big-1", "8"));
    for (Scheduler s : both(t, Policies.profile("k8s-default"), NodeSampling.fullScan())) {
      // warm the caches with the big nodes schedulable: the 2-cpu pod fits only there
      assertTrue(
          s.place(
                  PodSpec.builder("warm-" + s.getClass().getSimpleName(), REG)
                      .request("cpu", "2")
                      .build())
              .isScheduled());
    }
    assertTrue(t.setUnschedulable(2, true));
    assertTrue(t.setUnschedulable(3, true));
    PodSpec p = PodSpec.builder("p", REG).request("cpu", "2").build();
    for (Scheduler s : both(t, Policies.profile("k8s-default"), NodeSampling.fullScan())) {
      Placement r = s.place(p);
      assertFalse(r.isScheduled(), s::toString);
      // NodeUnschedulable runs first (default_plugins.go), so each big node counts once, as
      // unschedulable, and never as "Insufficient cpu"; the small nodes lack cpu (1 < 2)
      assertEquals(Map.of("Insufficient cpu", 2, "node(s) were unschedulable", 2), r.reasons());
      // FitError.Error sorts "count reason" strings: "2 I..." < "2 n..."
      assertEquals(
          "0/4 nodes are available: 2 Insufficient cpu, 2 node(s) were unschedulable.",
          r.message());
    }
  }

  @Test
  void requestlessPodsDoNotGetThroughACordon() {
    NodeTable t = new NodeTable(REG);
    for (int i = 0; i < 3; i++) {
      t.addNode(node("n" + i, "4"));
    }
    for (int i = 0; i < 3; i++) {
      t.setUnschedulable(i, true);
    }
    PodSpec empty = PodSpec.builder("empty", REG).build(); // no requests at all (BestEffort)
    for (String policy : List.of("first-fit", "least-allocated", "k8s-default")) {
      for (NodeSampling sampling : List.of(NodeSampling.fullScan(), NodeSampling.adaptive())) {
        for (Scheduler s : both(t, Policies.profile(policy), sampling)) {
          Placement r = s.place(empty);
          assertEquals(
              Map.of(NodeUnschedulableFilter.REASON, 3), r.reasons(), () -> policy + " " + s);
          assertEquals("0/3 nodes are available: 3 node(s) were unschedulable.", r.message());
        }
      }
    }
  }

  @Test
  void onlyAMatchingTolerationPassesACordon() {
    NodeTable t = new NodeTable(REG);
    t.addNode(node("cordoned", "4"));
    t.setUnschedulable(0, true);
    // ToleratesTaint (core/v1 toleration.go): effect must match or be empty; key must match or
    // be empty with Exists; Equal compares the value (the taint's value is "")
    Map<Toleration, Boolean> cases =
        Map.of(
            Toleration.exists(UNSCHEDULABLE_KEY, TaintEffect.NO_SCHEDULE), true,
            Toleration.exists(UNSCHEDULABLE_KEY, null), true,
            Toleration.exists(null, null), true,
            Toleration.equal(UNSCHEDULABLE_KEY, "", TaintEffect.NO_SCHEDULE), true,
            Toleration.equal(UNSCHEDULABLE_KEY, "true", TaintEffect.NO_SCHEDULE), false,
            Toleration.exists(UNSCHEDULABLE_KEY, TaintEffect.NO_EXECUTE), false,
            Toleration.exists(UNSCHEDULABLE_KEY, TaintEffect.PREFER_NO_SCHEDULE), false,
            Toleration.exists("node.kubernetes.io/not-ready", TaintEffect.NO_SCHEDULE), false);
    int i = 0;
    for (Map.Entry<Toleration, Boolean> c : cases.entrySet()) {
      PodSpec p =
          PodSpec.builder("p" + i++, REG).request("cpu", "100m").toleration(c.getKey()).build();
      for (String policy : List.of("first-fit", "k8s-default")) {
        for (Scheduler s : both(t, Policies.profile(policy), NodeSampling.fullScan())) {
          Placement r = s.place(p);
          assertEquals(c.getValue(), r.isScheduled(), () -> c.getKey() + " " + policy + " " + s);
          if (!r.isScheduled()) {
            assertEquals(Map.of(NodeUnschedulableFilter.REASON, 1), r.reasons());
          }
        }
      }
    }
  }

  @Test
  void warmedCachesSeeCordonAndUncordon() {
    // a 1 cpu / 1Gi pod on nodes of 16 cpu/16Gi, 8/8Gi, 4/4Gi: LeastAllocated (resource_allocation
    // least_allocated.go, (alloc - req)·100/alloc per resource, averaged) gives a 93, b 87, c 75;
    // cpu and memory fractions are equal on every node, so BalancedAllocation is 100 everywhere and
    // k8s-default (TaintToleration 3×100 + LeastAllocated + Balanced) ranks a 493 > b 487 > c 475;
    // first-fit takes the lowest index, which is the same order
    for (String policy : List.of("least-allocated", "k8s-default", "first-fit")) {
      for (NodeSampling sampling : List.of(NodeSampling.fullScan(), NodeSampling.adaptive())) {
        NodeTable t = new NodeTable(REG);
        t.addNode(node("a", "16", "16Gi"));
        t.addNode(node("b", "8", "8Gi"));
        t.addNode(node("c", "4", "4Gi"));
        FastScheduler fast = new FastScheduler(t, Policies.profile(policy), sampling, 7);
        ReferenceScheduler ref = new ReferenceScheduler(t, Policies.profile(policy), sampling, 7);
        int k = 0;
        for (String[] step :
            new String[][] {
              {"-", "a"},
              {"cordon a", "b"},
              {"cordon b", "c"},
              {"uncordon a", "a"},
              {"uncordon b", "a"},
              {"cordon a", "b"}
            }) {
          if (!step[0].equals("-")) {
            int n = t.indexOf(step[0].substring(step[0].indexOf(' ') + 1));
            t.setUnschedulable(n, step[0].startsWith("cordon"));
          }
          // the same request vector every time: one pod class, so the cached entry is reused
          PodSpec p = PodSpec.builder("p" + k++, REG).request("cpu", "1", "memory", "1Gi").build();
          Placement expected = ref.place(p);
          assertEquals(
              expected, fast.place(p), () -> policy + " " + sampling + " after " + step[0]);
          assertEquals(
              step[1], expected.nodeName(), () -> policy + " " + sampling + " after " + step[0]);
        }
      }
    }
  }

  @Test
  void cordonChurnBeyondTheJournalForcesARebuild() {
    NodeTable t = new NodeTable(REG);
    t.addNode(node("a", "16"));
    t.addNode(node("b", "8"));
    FastScheduler fast =
        new FastScheduler(t, Policies.profile("least-allocated"), NodeSampling.fullScan(), 3);
    PodSpec p0 = PodSpec.builder("p0", REG).request("cpu", "1").build();
    // builds the bucket index; LeastAllocated cpu (16-1)/16·100 = 93 > (8-1)/8·100 = 87, memory
    // ties
    assertEquals("a", fast.place(p0).nodeName());
    int toggles = t.journalCapacity() + 11; // odd: "a" ends cordoned, and the journal has wrapped
    for (int i = 0; i < toggles; i++) {
      t.setUnschedulable(0, !t.isUnschedulable(0));
    }
    assertTrue(t.isUnschedulable(0));
    PodSpec p1 = PodSpec.builder("p1", REG).request("cpu", "1").build();
    Placement r = fast.place(p1);
    assertEquals("b", r.nodeName());
    assertEquals(1, r.feasibleNodes());
  }

  @Test
  void adaptiveSamplingCountsCordonedNodesAsProcessedButNotFeasible() {
    // numFeasibleNodesToFind(200) (schedule_one.go): 50 - 200/125 = 49 %, 200·49/100 = 98 < 100, so
    // 100.
    // Nodes 100..149 are cordoned; the round-robin start advances by the nodes processed.
    for (Profile profile : List.of(Policies.profile("first-fit"), generalFirstFit())) {
      NodeTable t = new NodeTable(REG);
      for (int i = 0; i < 200; i++) {
        t.addNode(node(String.format("n%03d", i), "4"));
      }
      for (Scheduler s : both(t, profile, NodeSampling.adaptive())) {
        for (int i = 100; i < 150; i++) {
          t.setUnschedulable(i, false);
        }
        PodSpec warm = PodSpec.builder("warm", REG).request("cpu", "100m").build();
        // start 0: nodes 0..99 feasible, lowest wins; next start 100
        assertPlaced(s.place(warm), 0, 100);
        for (int i = 100; i < 150; i++) {
          t.setUnschedulable(i, true);
        }
        // start 100: 100..149 cordoned, 150..199 and 0..49 feasible (100 found after 150
        // processed); next start 50
        assertPlaced(s.place(PodSpec.builder("p1", REG).request("cpu", "100m").build()), 0, 100);
        // start 50: 50..99, 100..149 cordoned, 150..199; next start (50 + 150) mod 200 = 0
        assertPlaced(s.place(PodSpec.builder("p2", REG).request("cpu", "100m").build()), 50, 100);
        // start 0: 0..99 found before the cordoned block; next start 100
        assertPlaced(s.place(PodSpec.builder("p3", REG).request("cpu", "100m").build()), 0, 100);
        for (int i = 100; i < 150; i++) {
          t.setUnschedulable(i, false);
        }
        // start 100: the uncordoned nodes 100..199 are the 100 found
        assertPlaced(s.place(PodSpec.builder("p4", REG).request("cpu", "100m").build()), 100, 100);
      }
    }
  }

  private static void assertPlaced(Placement r, int node, int feasible) {
    assertEquals(node, r.node(), r::toString);
    assertEquals(feasible, r.feasibleNodes(), r::toString);
    assertNotEquals(null, r.nodeName());
  }
}
