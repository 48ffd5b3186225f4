package io.platformsim.scheduler.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.cluster.TaintEffect;
import io.platformsim.scheduler.framework.CycleState;
import io.platformsim.scheduler.framework.Profile;
import io.platformsim.scheduler.framework.WeightedScorer;
import io.platformsim.scheduler.plugins.PodTopologySpreadScorer;
import io.platformsim.scheduler.pod.AntiAffinityTerm;
import io.platformsim.scheduler.pod.LabelSelector;
import io.platformsim.scheduler.pod.NodeSelectorTerm;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.pod.Requirement;
import io.platformsim.scheduler.pod.SpreadConstraint;
import io.platformsim.scheduler.pod.Toleration;
import io.platformsim.scheduler.pod.WhenUnsatisfiable;
import io.platformsim.scheduler.resource.DimensionRegistry;
import io.platformsim.scheduler.state.NodeTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FiltersAndPlacementTest {
  static final DimensionRegistry REG = DimensionRegistry.standard("nvidia.com/gpu");

  static NodeSpec.Builder node(String name, String cpu, String mem) {
    return NodeSpec.builder(name, REG)
        .allocatable("cpu", cpu)
        .allocatable("memory", mem)
        .allocatable("pods", "110");
  }

  static List<Scheduler> both(NodeTable t, String policy) {
    return List.of(
        new ReferenceScheduler(t, Policies.profile(policy), NodeSampling.fullScan(), 1),
        new FastScheduler(t, Policies.profile(policy), NodeSampling.fullScan(), 1));
  }

  @Test
  void nodesToScoreFenceposts() {
    // kubernetes.io scheduler-perf-tuning and schedule_one.go numFeasibleNodesToFind
    NodeSampling a = NodeSampling.adaptive();
    assertEquals(420, a.numFeasibleNodesToFind(1000));
    assertEquals(230, a.numFeasibleNodesToFind(500));
    assertEquals(500, a.numFeasibleNodesToFind(5000));
    assertEquals(500, a.numFeasibleNodesToFind(10000));
    assertEquals(99, a.numFeasibleNodesToFind(99));
    assertEquals(1, a.numFeasibleNodesToFind(1));
    assertEquals(100, a.numFeasibleNodesToFind(100)); // 100·49/100 = 49 → at least 100
    assertEquals(5000, NodeSampling.fullScan().numFeasibleNodesToFind(5000));
    assertThrows(IllegalArgumentException.class, () -> new NodeSampling(101));
  }

  @Test
  void podRequestIsMaxOfSumAndInitPlusOverhead() {
    // resource/helpers.go PodRequests: max(Σ containers, max init) + overhead
    PodSpec p =
        PodSpec.builder("p", REG)
            .container("a", null, "cpu", "200m", "memory", "100Mi")
            .container("b", null, "cpu", "300m")
            .initContainer("i1", null, "cpu", "1", "memory", "50Mi")
            .initContainer("i2", null, "memory", "120Mi")
            .overhead("cpu", "10m")
            .build();
    assertEquals(1010, p.request(DimensionRegistry.CPU)); // max(500, 1000) + 10
    assertEquals(120L << 20, p.request(DimensionRegistry.MEMORY)); // max(100Mi, 120Mi)
    assertEquals(1, p.request(DimensionRegistry.PODS));
    // non-zero: container b has no memory → 200 MiB; sum 300 MiB; init i1 cpu 1000, i2 cpu unset →
    // 100
    assertEquals(1010, p.nonZeroCpu());
    assertEquals(300L << 20, p.nonZeroMemory());
    PodSpec empty = PodSpec.builder("e", REG).request().build();
    assertEquals(0, empty.request(DimensionRegistry.CPU));
    assertEquals(100, empty.nonZeroCpu());
    assertEquals(200L << 20, empty.nonZeroMemory());
  }

  @Test
  void unschedulableMessageCountsEachReason() {
    NodeTable t = new NodeTable(REG);
    for (int i = 0; i < 3; i++) {
      t.addNode(node("small-" + i, "1", "8Gi").build());
    }
    t.addNode(
        node("tainted-0", "8", "8Gi").taint("dedicated", "gpu", TaintEffect.NO_SCHEDULE).build());
    t.addNode(
        node("tainted-1", "8", "8Gi").taint("dedicated", "gpu", TaintEffect.NO_EXECUTE).build());
    t.addNode(node("cordoned", "8", "8Gi").unschedulable(true).build());
    PodSpec p = PodSpec.builder("big", REG).request("cpu", "2", "memory", "16Gi").build();
    for (Scheduler s : both(t, "k8s-default")) {
      Placement r = s.place(p);
      assertFalse(r.isScheduled());
      // small nodes fail on cpu and memory (both counted); cordoned first hits NodeUnschedulable
      assertEquals(
          Map.of(
              "Insufficient cpu",
              3,
              "Insufficient memory",
              3,
              "node(s) had untolerated taint {dedicated: gpu}",
              2,
              "node(s) were unschedulable",
              1),
          r.reasons());
      assertEquals(
          "0/6 nodes are available: 1 node(s) were unschedulable, 2 node(s) had untolerated taint {dedicated: gpu}, "
              + "3 Insufficient cpu, 3 Insufficient memory.",
          r.message());
    }
  }

  @Test
  void podLargerThanEveryNodeIsAResultNotAnException() {
    NodeTable t = new NodeTable(REG);
    t.addNode(node("n", "4", "8Gi").build());
    PodSpec p = PodSpec.builder("huge", REG).request("nvidia.com/gpu", "1").build();
    for (Scheduler s : both(t, "first-fit")) {
      assertEquals("0/1 nodes are available: 1 Insufficient nvidia.com/gpu.", s.place(p).message());
    }
    NodeTable empty = new NodeTable(REG);
    assertEquals(
        "0/0 nodes are available.",
        new FastScheduler(empty, Policies.profile("k8s-default"), NodeSampling.fullScan(), 1)
            .place(p)
            .message());
  }

  @Test
  void tooManyPods() {
    NodeTable t = new NodeTable(REG);
    t.addNode(
        NodeSpec.builder("n", REG)
            .allocatable("cpu", "4")
            .allocatable("memory", "8Gi")
            .allocatable("pods", "1")
            .build());
    t.bind(PodSpec.builder("a", REG).build(), 0);
    for (Scheduler s : both(t, "least-allocated")) {
      assertEquals(
          Map.of("Too many pods", 1), s.place(PodSpec.builder("b", REG).build()).reasons());
    }
  }

  @Test
  void tolerationsAndCordon() {
    NodeTable t = new NodeTable(REG);
    t.addNode(node("gpu", "4", "8Gi").taint("dedicated", "gpu", TaintEffect.NO_SCHEDULE).build());
    t.addNode(node("cordoned", "4", "8Gi").unschedulable(true).build());
    PodSpec tolerant =
        PodSpec.builder("t", REG)
            .toleration(Toleration.equal("dedicated", "gpu", TaintEffect.NO_SCHEDULE))
            .build();
    PodSpec wrongValue =
        PodSpec.builder("w", REG)
            .toleration(Toleration.equal("dedicated", "cpu", TaintEffect.NO_SCHEDULE))
            .build();
    PodSpec everything =
        PodSpec.builder("e", REG).toleration(Toleration.exists(null, null)).build();
    for (Scheduler s : both(t, "first-fit")) {
      assertEquals("gpu", s.place(tolerant).nodeName());
      assertFalse(s.place(wrongValue).isScheduled());
      assertEquals("gpu", s.place(everything).nodeName()); // lowest index among both feasible nodes
    }
    PodSpec onlyCordon =
        PodSpec.builder("c", REG)
            .toleration(
                Toleration.exists("node.kubernetes.io/unschedulable", TaintEffect.NO_SCHEDULE))
            .build();
    assertEquals("cordoned", both(t, "first-fit").get(0).place(onlyCordon).nodeName());
  }

  @Test
  void nodeAffinityOperators() {
    NodeTable t = new NodeTable(REG);
    t.addNode(node("gen3", "4", "8Gi").label("gen", "3").label("disk", "ssd").build());
    t.addNode(node("gen7", "4", "8Gi").label("gen", "7").build());
    t.addNode(node("weird", "4", "8Gi").label("gen", "seven").build());
    Scheduler s = both(t, "first-fit").get(1);
    assertEquals("gen7", s.place(affinity("a", Requirement.gt("gen", 3))).nodeName());
    assertEquals("gen3", s.place(affinity("b", Requirement.lt("gen", 4))).nodeName());
    assertEquals(
        "gen7",
        s.place(affinity("c", Requirement.notIn("disk", "ssd")))
            .nodeName()); // absent key matches NotIn
    assertEquals("gen7", s.place(affinity("d", Requirement.doesNotExist("disk"))).nodeName());
    assertEquals("gen3", s.place(affinity("e", Requirement.exists("disk"))).nodeName());
    assertEquals("weird", s.place(affinity("f", Requirement.in("gen", "seven"))).nodeName());
    assertFalse(
        s.place(affinity("g", Requirement.gt("gen", 7)))
            .isScheduled()); // "seven" does not parse: no match
    assertThrows(
        IllegalArgumentException.class,
        () -> new Requirement("gen", io.platformsim.scheduler.pod.Operator.GT, List.of("x")));
  }

  static PodSpec affinity(String id, Requirement r) {
    return PodSpec.builder(id, REG).requiredNodeAffinity(NodeSelectorTerm.of(r)).build();
  }

  @Test
  void topologySpreadDoNotSchedule() {
    NodeTable t = new NodeTable(REG);
    t.addNode(node("a1", "4", "8Gi").zone("a").build());
    t.addNode(node("a2", "4", "8Gi").zone("a").build());
    t.addNode(node("b1", "1", "8Gi").zone("b").build());
    t.addNode(node("nozone", "4", "8Gi").build());
    t.bind(web("w1"), 0);
    t.bind(web("w2"), 1);
    PodSpec next =
        PodSpec.builder("w3", REG)
            .label("app", "web")
            .spread(
                new SpreadConstraint(
                    1,
                    NodeSpec.ZONE,
                    WhenUnsatisfiable.DO_NOT_SCHEDULE,
                    LabelSelector.matchLabels("app", "web")))
            .build();
    for (Scheduler s : both(t, "first-fit")) {
      Placement p = s.place(next);
      // zone a: 2 + 1 − 0 = 3 > 1 rejected; zone b: 0 + 1 − 0 = 1 ok; no zone label: rejected
      assertEquals("b1", p.nodeName());
    }
    PodSpec impossible =
        PodSpec.builder("w4", REG)
            .label("app", "web")
            .request("cpu", "2")
            .spread(
                new SpreadConstraint(
                    1,
                    NodeSpec.ZONE,
                    WhenUnsatisfiable.DO_NOT_SCHEDULE,
                    LabelSelector.matchLabels("app", "web")))
            .build();
    // filters run in upstream order: NodeResourcesFit rejects b1 before PodTopologySpread looks at
    // it
    assertEquals(
        Map.of(
            "node(s) didn't match pod topology spread constraints",
            2,
            "node(s) didn't match pod topology spread constraints (missing required label)",
            1,
            "Insufficient cpu",
            1),
        both(t, "first-fit").get(0).place(impossible).reasons());
  }

  static PodSpec web(String id) {
    return PodSpec.builder(id, REG).label("app", "web").build();
  }

  @Test
  void antiAffinityBothDirections() {
    NodeTable t = new NodeTable(REG);
    t.addNode(node("n1", "4", "8Gi").zone("a").build());
    t.addNode(node("n2", "4", "8Gi").zone("a").build());
    t.addNode(node("n3", "4", "8Gi").zone("b").build());
    t.bind(PodSpec.builder("db", REG).label("app", "db").build(), 0);
    PodSpec avoidDbHost =
        PodSpec.builder("x", REG)
            .antiAffinity(
                new AntiAffinityTerm(LabelSelector.matchLabels("app", "db"), NodeSpec.HOSTNAME))
            .build();
    PodSpec avoidDbZone =
        PodSpec.builder("y", REG)
            .antiAffinity(
                new AntiAffinityTerm(LabelSelector.matchLabels("app", "db"), NodeSpec.ZONE))
            .build();
    for (Scheduler s : both(t, "first-fit")) {
      assertEquals("n2", s.place(avoidDbHost).nodeName());
      assertEquals("n3", s.place(avoidDbZone).nodeName());
    }
    // an existing pod that repels app=web from its zone
    t.bind(
        PodSpec.builder("loner", REG)
            .label("app", "loner")
            .antiAffinity(
                new AntiAffinityTerm(LabelSelector.matchLabels("app", "web"), NodeSpec.ZONE))
            .build(),
        2);
    for (Scheduler s : both(t, "first-fit")) {
      assertEquals("n1", s.place(web("w")).nodeName());
    }
    t.unbind("db");
    assertEquals(
        Map.of("node(s) didn't satisfy existing pods anti-affinity rules", 1),
        new ReferenceScheduler(t, onlyFilters(), NodeSampling.fullScan(), 1)
                .place(
                    PodSpec.builder("w2", REG)
                        .label("app", "web")
                        .nodeSelector("kubernetes.io/hostname", "n3")
                        .build())
                .reasons()
                .entrySet()
                .stream()
                .filter(e -> e.getKey().contains("anti"))
                .collect(
                    java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  static Profile onlyFilters() {
    return new Profile("filters", Policies.defaultFilters(), List.of(), true);
  }

  @Test
  void systemDefaultSpreadScoresByHand() {
    NodeTable t = new NodeTable(REG);
    t.addNode(node("n0", "4", "8Gi").zone("z0").build());
    t.addNode(node("n1", "4", "8Gi").zone("z1").build());
    t.addNode(node("n2", "4", "8Gi").zone("z2").build());
    t.bind(web("a"), 0);
    t.bind(web("b"), 0);
    t.bind(web("c"), 1);
    // defaults: hostname maxSkew 3, zone maxSkew 5; 3 feasible nodes in 3 zones → both weights
    // ln(5) = 1.6094
    // n0: 2·1.6094 + 2 + 2·1.6094 + 4 = 12.44 → 12; n1: 1.6094+2 + 1.6094+4 = 9.22 → 9; n2: 2 + 4 =
    // 6
    // normalize 100·(max + min − s)/max with max 12, min 6: 50, 75, 100
    PodTopologySpreadScorer sc = new PodTopologySpreadScorer();
    CycleState st = new CycleState(web("new"), t);
    int[] all = {0, 1, 2};
    sc.preScore(st, all, 3);
    long[] raw = {sc.score(st, 0), sc.score(st, 1), sc.score(st, 2)};
    assertEquals(List.of(12L, 9L, 6L), List.of(raw[0], raw[1], raw[2]));
    sc.normalize(st, all, raw, 3);
    assertEquals(List.of(50L, 75L, 100L), List.of(raw[0], raw[1], raw[2]));
    Profile spreadOnly =
        new Profile("spread", Policies.defaultFilters(), List.of(new WeightedScorer(sc, 2)), false);
    for (Scheduler s :
        List.of(
            new ReferenceScheduler(t, spreadOnly, NodeSampling.fullScan(), 3),
            new FastScheduler(t, spreadOnly, NodeSampling.fullScan(), 3))) {
      Placement p = s.place(web("new"));
      assertEquals("n2", p.nodeName());
      assertEquals(200, p.score());
    }
  }

  @Test
  void tieBreakDoesNotDependOnScanOrder() {
    // identical empty nodes: every node ties; the winner is the max hash, whatever the start index
    NodeTable t = new NodeTable(REG);
    for (int i = 0; i < 150; i++) {
      t.addNode(node("n" + i, "4", "8Gi").build());
    }
    PodSpec p = PodSpec.builder("p", REG).request("cpu", "1").build();
    String expected = null;
    long best = Long.MIN_VALUE;
    for (int i = 0; i < 150; i++) {
      long h = TieBreak.hash(7, TieBreak.stringHash("p"), TieBreak.stringHash("n" + i));
      if (h > best) {
        best = h;
        expected = "n" + i;
      }
    }
    FastScheduler s =
        new FastScheduler(t, Policies.profile("least-allocated"), NodeSampling.fullScan(), 7);
    assertEquals(expected, s.place(p).nodeName());
    // a different seed picks (almost surely) a different node, still deterministically
    assertEquals(
        new ReferenceScheduler(t, Policies.profile("least-allocated"), NodeSampling.fullScan(), 8)
            .place(p),
        new FastScheduler(t, Policies.profile("least-allocated"), NodeSampling.fullScan(), 8)
            .place(p));
  }

  @Test
  void adaptiveSamplingScoresOnlyTheFirstFeasibleNodesAndRotates() {
    NodeTable t = new NodeTable(REG);
    for (int i = 0; i < 1000; i++) {
      t.addNode(node("n" + i, "4", "8Gi").build());
    }
    FastScheduler s =
        new FastScheduler(t, Policies.profile("first-fit"), NodeSampling.adaptive(), 1);
    Placement first = s.place(PodSpec.builder("p1", REG).build());
    assertEquals(420, first.feasibleNodes());
    assertEquals("n0", first.nodeName());
    // the next cycle starts where the previous stopped (420), so first fit there is n420
    assertEquals("n420", s.place(PodSpec.builder("p2", REG).build()).nodeName());
  }

  @Test
  void badInputIsNamed() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Policies.profile("best-fitt"));
    assertTrue(
        e.getMessage().contains("best-fitt") && e.getMessage().contains("k8s-default"),
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> PodSpec.builder("p", REG).request("tpu", "1"));
    assertTrue(e.getMessage().contains("tpu"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PodSpec.builder("p", REG).request("memory", "-5Mi"));
    assertTrue(e.getMessage().contains("memory"), e.getMessage());
    NodeTable t = new NodeTable(REG);
    t.addNode(node("n", "4", "8Gi").build());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> t.addNode(node("n", "4", "8Gi").build()));
    assertTrue(e.getMessage().contains("'n'"), e.getMessage());
    PodSpec p = PodSpec.builder("p", REG).build();
    t.bind(p, 0);
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new FastScheduler(t, Policies.profile("first-fit"), NodeSampling.fullScan(), 1)
                    .place(p));
    assertTrue(e.getMessage().contains("already bound"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> t.unbind("ghost"));
    assertTrue(e.getMessage().contains("ghost"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new SpreadConstraint(
                0, "zone", WhenUnsatisfiable.DO_NOT_SCHEDULE, LabelSelector.matchLabels("a", "b")));
  }
}
