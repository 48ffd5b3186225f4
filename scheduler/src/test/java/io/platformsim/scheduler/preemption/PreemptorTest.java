package io.platformsim.scheduler.preemption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.placement.FastScheduler;
import io.platformsim.scheduler.placement.NodeSampling;
import io.platformsim.scheduler.placement.Policies;
import io.platformsim.scheduler.pod.LabelSelector;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.resource.DimensionRegistry;
import io.platformsim.scheduler.state.NodeTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * Scenarios worked by hand from the upstream rules
 * (pkg/scheduler/framework/preemption/preemption.go).
 */
class PreemptorTest {
  static final DimensionRegistry REG = DimensionRegistry.standard();

  static NodeTable nodes(int n) {
    NodeTable t = new NodeTable(REG);
    for (int i = 0; i < n; i++) {
      t.addNode(
          NodeSpec.builder("n" + i, REG)
              .allocatable("cpu", "4")
              .allocatable("memory", "16Gi")
              .allocatable("pods", "110")
              .build());
    }
    return t;
  }

  static PodSpec pod(String id, int priority, String cpu, String... labels) {
    PodSpec.Builder b = PodSpec.builder(id, REG).priority(priority).request("cpu", cpu);
    for (int i = 0; i + 1 < labels.length; i += 2) {
      b.label(labels[i], labels[i + 1]);
    }
    return b.build();
  }

  static List<String> ids(List<PodSpec> ps) {
    return ps.stream().map(PodSpec::id).toList();
  }

  @Test
  void prefersNodeWhoseHighestVictimHasLowerPriority() {
    NodeTable t = nodes(2);
    t.bind(pod("low", 1, "3"), 0);
    t.bind(pod("mid", 5, "2"), 1);
    t.bind(pod("low2", 1, "2"), 1);
    PodSpec high = pod("high", 10, "3");
    assertFalse(
        new FastScheduler(t, Policies.profile("k8s-default"), NodeSampling.fullScan(), 1)
            .place(high)
            .isScheduled());
    // n0: evict low (prio 1); n1: reprieving mid (2 + 3 > 4) and low2 (2 + 3 > 4) fails → both
    // victims.
    // No PDBs; highest victim priority 1 < 5 → n0.
    PreemptionPlan plan = new Preemptor(t, Policies.profile("k8s-default")).plan(high, List.of());
    assertEquals("n0", plan.nodeName());
    assertEquals(List.of("low"), ids(plan.victims()));
    assertEquals(0, plan.pdbViolations());
  }

  @Test
  void reprievesHighestPriorityFirstAndKeepsWhatFits() {
    NodeTable t = nodes(1);
    t.bind(pod("p3", 3, "1"), 0);
    t.bind(pod("p2", 2, "1"), 0);
    t.bind(pod("p1", 1, "2"), 0);
    // pod needs 2 of 4 CPU: all three removed, then p3 back (1+2 ≤ 4), p2 back (2+2 ≤ 4), p1 back
    // (4+2 > 4) → victim
    PreemptionPlan plan =
        new Preemptor(t, Policies.profile("first-fit")).plan(pod("x", 10, "2"), List.of());
    assertEquals(List.of("p1"), ids(plan.victims()));
  }

  @Test
  void budgetsSteerTheChoice() {
    NodeTable t = nodes(2);
    t.bind(pod("db", 1, "3", "app", "db"), 0);
    t.bind(pod("mid", 5, "2"), 1);
    t.bind(pod("low2", 1, "2"), 1);
    List<DisruptionBudget> pdbs =
        List.of(new DisruptionBudget("db-pdb", LabelSelector.matchLabels("app", "db"), 0));
    // evicting db would violate its budget (1 violation) → n1 (0 violations) wins despite priority
    // 5
    PreemptionPlan plan =
        new Preemptor(t, Policies.profile("first-fit")).plan(pod("high", 10, "3"), pdbs);
    assertEquals("n1", plan.nodeName());
    assertEquals(List.of("mid", "low2"), ids(plan.victims()));
    assertEquals(0, plan.pdbViolations());
  }

  @Test
  void equalOrHigherPriorityPodsAreNeverVictims() {
    NodeTable t = nodes(1);
    t.bind(pod("same", 10, "4"), 0);
    PreemptionPlan plan =
        new Preemptor(t, Policies.profile("first-fit")).plan(pod("x", 10, "1"), List.of());
    assertFalse(plan.isPossible());
  }

  @Test
  void smallestSumOfPrioritiesBreaksTheTie() {
    NodeTable t = nodes(2);
    // both nodes: highest victim priority 2; n0 has victims {2, 2} (sum larger), n1 has {2, 1}
    t.bind(pod("a", 2, "2"), 0);
    t.bind(pod("b", 2, "2"), 0);
    t.bind(pod("c", 2, "2"), 1);
    t.bind(pod("d", 1, "2"), 1);
    PreemptionPlan plan =
        new Preemptor(t, Policies.profile("first-fit")).plan(pod("x", 9, "4"), List.of());
    assertEquals("n1", plan.nodeName());
    assertEquals(List.of("c", "d"), ids(plan.victims()));
    new Preemptor(t, Policies.profile("first-fit")).apply(pod("x", 9, "4"), plan);
    assertEquals(1, t.pods(1).size());
    assertEquals(2, t.pods(0).size());
  }

  @Test
  void numCandidates() {
    // calculateNumCandidates: max(10 % of nodes, 100), capped at the node count
    assertEquals(50, Preemptor.numCandidates(50));
    assertEquals(100, Preemptor.numCandidates(500));
    assertEquals(500, Preemptor.numCandidates(5000));
  }

  @Property(tries = 30)
  void planningLeavesTheTableExactlyAsItWas(@ForAll long seed) {
    Random rnd = new Random(seed);
    NodeTable t = nodes(1 + rnd.nextInt(6));
    List<PodSpec> all = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      PodSpec p =
          pod("p" + i, rnd.nextInt(5), (100 + rnd.nextInt(900)) + "m", "app", "a" + rnd.nextInt(3));
      int node = rnd.nextInt(t.size());
      if (t.requested(node, DimensionRegistry.CPU) + p.request(DimensionRegistry.CPU) <= 4000) {
        t.bind(p, node);
        all.add(p);
      }
    }
    long[] before = t.requestedView().clone();
    List<List<PodSpec>> lists = new ArrayList<>();
    List<Long> seqs = new ArrayList<>();
    for (int n = 0; n < t.size(); n++) {
      lists.add(List.copyOf(t.pods(n)));
    }
    for (PodSpec p : all) {
      seqs.add(t.bound(p.id()).sequence());
    }
    PreemptionPlan plan =
        new Preemptor(t, Policies.profile("k8s-default"))
            .plan(
                pod("x", 3, "3"),
                List.of(
                    new DisruptionBudget(
                        "b", LabelSelector.matchLabels("app", "a1"), rnd.nextInt(2))));
    assertArrayEquals(before, t.requestedView().clone());
    for (int n = 0; n < t.size(); n++) {
      assertEquals(lists.get(n), t.pods(n));
    }
    for (int i = 0; i < all.size(); i++) {
      assertEquals(seqs.get(i), t.bound(all.get(i).id()).sequence());
    }
    for (PodSpec v : plan.victims()) {
      assertTrue(v.priority() < 3);
    }
  }
}
