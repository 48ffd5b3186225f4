package io.platformsim.scheduler.placement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.scheduler.framework.Profile;
import io.platformsim.scheduler.framework.WeightedScorer;
import io.platformsim.scheduler.plugins.BalancedAllocationScorer;
import io.platformsim.scheduler.plugins.DotProductAlignmentScorer;
import io.platformsim.scheduler.plugins.LeastAllocatedScorer;
import io.platformsim.scheduler.plugins.MostAllocatedScorer;
import io.platformsim.scheduler.plugins.RequestedToCapacityRatioScorer;
import io.platformsim.scheduler.plugins.ResourceWeight;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.state.NodeTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The fast path chooses exactly the reference's node (same score, same number of feasible nodes,
 * same reasons when unschedulable) over random clusters, pods and churn (bind, unbind, cordon and
 * uncordon of single nodes and whole zones), for every profile, with full scan and adaptive
 * sampling; and binds through the scheduler never over-commit a node.
 */
class FastMatchesReferenceProperties {

  @Provide
  Arbitrary<String> profiles() {
    List<String> names = new ArrayList<>(Policies.names());
    names.add("custom-weighted");
    return Arbitraries.of(names);
  }

  static Profile profileNamed(String name) {
    if (!name.equals("custom-weighted")) {
      return Policies.profile(name);
    }
    // non-default resources and weights, incl. an extended resource, across every resource scorer
    List<ResourceWeight> rw =
        ResourceWeight.of(
            RandomClusters.REG, "cpu", 3, "memory", 1, "nvidia.com/gpu", 5, "ephemeral-storage", 2);
    return new Profile(
        "custom-weighted",
        Policies.defaultFilters(),
        List.of(
            new WeightedScorer(new LeastAllocatedScorer(rw), 2),
            new WeightedScorer(new MostAllocatedScorer(rw), 1),
            new WeightedScorer(new BalancedAllocationScorer(rw), 3),
            new WeightedScorer(
                new RequestedToCapacityRatioScorer(
                    rw, RequestedToCapacityRatioScorer.shape(0, 2, 40, 10, 100, 0)),
                1),
            new WeightedScorer(new DotProductAlignmentScorer(rw), 1)),
        false);
  }

  @Property(tries = 60)
  void fastChoosesReferenceNode(
      @ForAll("profiles") String profileName,
      @ForAll boolean adaptive,
      @ForAll boolean constraints,
      @ForAll @IntRange(min = 1, max = 260) int nodes,
      @ForAll long seed) {
    Random rnd = new Random(seed);
    NodeTable table = RandomClusters.cluster(rnd, nodes);
    NodeSampling sampling = adaptive ? NodeSampling.adaptive() : NodeSampling.fullScan();
    ReferenceScheduler ref =
        new ReferenceScheduler(table, profileNamed(profileName), sampling, seed);
    FastScheduler fast = new FastScheduler(table, profileNamed(profileName), sampling, seed);
    List<String> bound = new ArrayList<>();
    int ops = 40 + rnd.nextInt(120);
    for (int op = 0; op < ops; op++) {
      if (cordonChurn(rnd, table)) {
        continue;
      }
      if (!bound.isEmpty() && rnd.nextInt(4) == 0) {
        String victim = bound.remove(rnd.nextInt(bound.size()));
        table.unbind(victim);
        continue;
      }
      PodSpec pod = RandomClusters.pod(rnd, "pod-" + op, constraints);
      Placement expected = ref.place(pod);
      Placement actual = fast.place(pod);
      int opNo = op;
      assertEquals(
          expected, actual, () -> "op " + opNo + " pod " + pod + " profile " + profileName);
      if (expected.isScheduled()) {
        assertCordonRespected(table, pod, expected.node());
        table.bind(pod, expected.node());
        bound.add(pod.id());
        assertWithinAllocatable(table, expected.node());
      }
    }
  }

  /**
   * Random cordon churn, as KuSP causes it: now and then one node is cordoned or uncordoned
   * (NotReady, drain, repair), more rarely a whole zone at once (a zone drain, then its return).
   *
   * @return whether an operation was done
   */
  static boolean cordonChurn(Random rnd, NodeTable table) {
    int roll = rnd.nextInt(40);
    if (roll < 4) {
      int n = rnd.nextInt(table.size());
      table.setUnschedulable(n, !table.isUnschedulable(n));
      return true;
    }
    if (roll == 4) {
      String zone = "zone-" + rnd.nextInt(4);
      boolean cordon = rnd.nextBoolean();
      for (int n = 0; n < table.size(); n++) {
        if (zone.equals(table.labels(n).get(io.platformsim.scheduler.cluster.NodeSpec.ZONE))) {
          table.setUnschedulable(n, cordon);
        }
      }
      return true;
    }
    return false;
  }

  /**
   * A pod lands on a cordoned node only if it tolerates
   * node.kubernetes.io/unschedulable:NoSchedule.
   */
  static void assertCordonRespected(NodeTable t, PodSpec pod, int node) {
    if (!t.isUnschedulable(node)) {
      return;
    }
    boolean tolerates = false;
    for (io.platformsim.scheduler.pod.Toleration tol : pod.tolerations()) {
      tolerates |=
          tol.tolerates(
              io.platformsim.scheduler.plugins.NodeUnschedulableFilter.UNSCHEDULABLE_TAINT);
    }
    assertTrue(
        tolerates,
        () ->
            "pod " + pod.id() + " placed on cordoned node " + t.name(node) + " without toleration");
  }

  static void assertWithinAllocatable(NodeTable t, int node) {
    for (int r = 0; r < t.dims(); r++) {
      assertTrue(
          t.requested(node, r) <= t.allocatable(node, r),
          () -> "node " + t.name(node) + " over allocatable on " + t.registry().names());
    }
  }

  @Property(tries = 40)
  void noNodeOverAllocatableAfterAnyBindSequence(
      @ForAll("profiles") String profileName, @ForAll long seed) {
    Random rnd = new Random(seed);
    NodeTable table = RandomClusters.cluster(rnd, 1 + rnd.nextInt(40));
    FastScheduler fast =
        new FastScheduler(table, profileNamed(profileName), NodeSampling.fullScan(), seed);
    for (int op = 0; op < 300; op++) {
      fast.placeAndBind(RandomClusters.pod(rnd, "pod-" + op, rnd.nextBoolean()));
    }
    for (int n = 0; n < table.size(); n++) {
      assertWithinAllocatable(table, n);
    }
  }

  @Property(tries = 40)
  void unbindRestoresStateExactly(@ForAll long seed) {
    Random rnd = new Random(seed);
    NodeTable table = RandomClusters.cluster(rnd, 1 + rnd.nextInt(30));
    List<PodSpec> pods = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      PodSpec p = RandomClusters.pod(rnd, "base-" + i, true);
      table.bind(p, rnd.nextInt(table.size()));
      pods.add(p);
    }
    long[] requested = table.requestedView().clone();
    long[] nonZero = table.nonZeroRequestedView().clone();
    int[] counts =
        table
            .matchingPodCounts(
                io.platformsim.scheduler.pod.LabelSelector.matchLabels("app", "app-1"))
            .clone();
    List<List<PodSpec>> before = new ArrayList<>();
    for (int n = 0; n < table.size(); n++) {
      before.add(List.copyOf(table.pods(n)));
    }
    List<String> extra = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      PodSpec p = RandomClusters.pod(rnd, "extra-" + i, true);
      table.bind(p, rnd.nextInt(table.size()));
      extra.add(p.id());
    }
    java.util.Collections.shuffle(extra, rnd);
    for (String id : extra) {
      table.unbind(id);
    }
    assertArrayEquals(requested, table.requestedView().clone());
    assertArrayEquals(nonZero, table.nonZeroRequestedView().clone());
    assertArrayEquals(
        counts,
        table.matchingPodCounts(
            io.platformsim.scheduler.pod.LabelSelector.matchLabels("app", "app-1")));
    for (int n = 0; n < table.size(); n++) {
      assertEquals(before.get(n), table.pods(n));
    }
    assertEquals(pods.size(), table.boundCount());
  }

  /** A plugin the fast path does not know: it must be called through the interfaces. */
  static final class BusyNodeFilter implements io.platformsim.scheduler.framework.FilterPlugin {
    @Override
    public String name() {
      return "BusyNode";
    }

    @Override
    public List<String> filter(io.platformsim.scheduler.framework.CycleState s, int node) {
      return s.nodes().pods(node).size() >= 6 ? List.of("node(s) were busy") : List.of();
    }
  }

  /** An unknown scorer with a normalization step. */
  static final class NameLengthScorer implements io.platformsim.scheduler.framework.ScorePlugin {
    @Override
    public String name() {
      return "NameLength";
    }

    @Override
    public long score(io.platformsim.scheduler.framework.CycleState s, int node) {
      return s.nodes().name(node).length() * 7L + s.nodes().pods(node).size();
    }

    @Override
    public void normalize(
        io.platformsim.scheduler.framework.CycleState s, int[] feasible, long[] scores, int count) {
      io.platformsim.scheduler.framework.Normalize.defaultNormalize(100, true, scores, count);
    }
  }

  @Property(tries = 25)
  void fastMatchesReferenceWithUnknownPluginsAndAGrowingCluster(
      @ForAll boolean adaptive, @ForAll boolean custom, @ForAll long seed) {
    Random rnd = new Random(seed);
    NodeTable table = RandomClusters.cluster(rnd, 1 + rnd.nextInt(150));
    NodeSampling sampling = adaptive ? NodeSampling.adaptive() : NodeSampling.fullScan();
    java.util.function.Supplier<Profile> profile =
        () -> {
          List<io.platformsim.scheduler.framework.FilterPlugin> filters =
              new ArrayList<>(Policies.defaultFilters());
          List<WeightedScorer> scorers = new ArrayList<>(Policies.profile("k8s-default").scorers());
          if (custom) {
            filters.add(new BusyNodeFilter());
            scorers.add(new WeightedScorer(new NameLengthScorer(), 4));
          }
          return new Profile("custom", filters, scorers, false);
        };
    ReferenceScheduler ref = new ReferenceScheduler(table, profile.get(), sampling, seed);
    FastScheduler fast = new FastScheduler(table, profile.get(), sampling, seed);
    List<String> bound = new ArrayList<>();
    for (int op = 0; op < 150; op++) {
      if (op % 25 == 24) {
        // nodes join mid-run: every cache keyed to the old structure must be rebuilt
        NodeTable more = RandomClusters.cluster(rnd, 1);
        table.addNode(
            io.platformsim.scheduler.cluster.NodeSpec.builder("late-" + op, RandomClusters.REG)
                .allocatable("cpu", more.allocatable(0, 0))
                .allocatable("memory", more.allocatable(0, 1))
                .allocatable("pods", more.allocatable(0, 2))
                .zone("zone-" + rnd.nextInt(4))
                .build());
      }
      if (cordonChurn(rnd, table)) {
        continue;
      }
      if (!bound.isEmpty() && rnd.nextInt(4) == 0) {
        table.unbind(bound.remove(rnd.nextInt(bound.size())));
        continue;
      }
      PodSpec pod = RandomClusters.pod(rnd, "pod-" + op, rnd.nextBoolean());
      Placement expected = ref.place(pod);
      assertEquals(expected, fast.place(pod));
      if (expected.isScheduled()) {
        assertCordonRespected(table, pod, expected.node());
        table.bind(pod, expected.node());
        bound.add(pod.id());
      }
    }
  }
}
