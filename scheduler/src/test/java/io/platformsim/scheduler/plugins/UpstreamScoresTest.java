package io.platformsim.scheduler.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.framework.CycleState;
import io.platformsim.scheduler.framework.ScorePlugin;
import io.platformsim.scheduler.pod.Container;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.resource.DimensionRegistry;
import io.platformsim.scheduler.resource.ResourceVector;
import io.platformsim.scheduler.state.NodeTable;
import org.junit.jupiter.api.Test;

/**
 * Scores checked against the worked examples in the upstream unit tests (kubernetes/kubernetes,
 * pkg/scheduler/framework/plugins/...); each expected number is upstream's, or computed by hand
 * from the upstream formula where noted.
 */
class UpstreamScoresTest {
  static final DimensionRegistry REG =
      DimensionRegistry.standard("intel.com/foo", "nvidia.com/gpu");
  static int counter;

  static NodeTable table(long[]... cpuMem) {
    NodeTable t = new NodeTable(REG);
    for (int i = 0; i < cpuMem.length; i++) {
      NodeSpec.Builder b =
          NodeSpec.builder("node" + (i + 1), REG)
              .allocatable("cpu", cpuMem[i][0])
              .allocatable("memory", cpuMem[i][1])
              .allocatable("pods", 110);
      if (cpuMem[i].length > 2) {
        b.allocatable("intel.com/foo", cpuMem[i][2]);
      }
      if (cpuMem[i].length > 3) {
        b.allocatable("nvidia.com/gpu", cpuMem[i][3]);
      }
      t.addNode(b.build());
    }
    return t;
  }

  /** A container with explicit requests as name/value pairs (raw units, CPU in milli). */
  static Container c(Object... kv) {
    ResourceVector.Builder b = ResourceVector.builder(REG);
    for (int i = 0; i < kv.length; i += 2) {
      b.set((String) kv[i], ((Number) kv[i + 1]).longValue());
    }
    return new Container("c" + (counter++), null, b.build());
  }

  static PodSpec pod(Container... cs) {
    PodSpec.Builder b = PodSpec.builder("p" + (counter++), REG);
    for (Container c : cs) {
      b.container(c);
    }
    return b.build();
  }

  static long[] scores(ScorePlugin p, NodeTable t, PodSpec pod) {
    CycleState s = new CycleState(pod, t);
    int[] all = new int[t.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    p.preScore(s, all, all.length);
    long[] out = new long[t.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = p.score(s, i);
    }
    p.normalize(s, all, out, out.length);
    return out;
  }

  static PodSpec cpuAndMemory() {
    // upstream: two containers (1000m, 2000) and (2000m, 3000)
    return pod(c("cpu", 1000, "memory", 2000), c("cpu", 2000, "memory", 3000));
  }

  static PodSpec cpuOnly() {
    // upstream balanced_allocation_test.go: (1000m, memory "0") and (2000m, memory "0")
    return pod(c("cpu", 1000, "memory", 0), c("cpu", 2000, "memory", 0));
  }

  // ---- least_allocated_test.go -------------------------------------------------------------

  @Test
  void leastAllocatedNothingScheduledNothingRequested() {
    // least_allocated_test.go "nothing scheduled, nothing requested": 100, 100
    NodeTable t = table(new long[] {4000, 10000}, new long[] {4000, 10000});
    assertArrayEquals(new long[] {100, 100}, scores(new LeastAllocatedScorer(), t, pod()));
  }

  @Test
  void leastAllocatedDifferentlySizedNodes() {
    // "nothing scheduled, resources requested, differently sized nodes": (25+50)/2 = 37, 50
    NodeTable t = table(new long[] {4000, 10000}, new long[] {6000, 10000});
    assertArrayEquals(new long[] {37, 50}, scores(new LeastAllocatedScorer(), t, cpuAndMemory()));
  }

  @Test
  void leastAllocatedNoRequestPodsScheduledWithResources() {
    // "no resources requested, pods scheduled with resources": 70, 57
    NodeTable t = table(new long[] {10000, 20000}, new long[] {10000, 20000});
    t.bind(pod(c("cpu", 3000, "memory", 0)), 0);
    t.bind(pod(c("cpu", 3000, "memory", 0)), 0);
    t.bind(pod(c("cpu", 3000, "memory", 0)), 1);
    t.bind(pod(c("cpu", 3000, "memory", 5000)), 1);
    assertArrayEquals(new long[] {70, 57}, scores(new LeastAllocatedScorer(), t, pod()));
  }

  @Test
  void leastAllocatedRequestedWithScheduledPods() {
    // "resources requested, pods scheduled with resources": 57, 45
    NodeTable t = table(new long[] {10000, 20000}, new long[] {10000, 20000});
    t.bind(pod(c("cpu", 3000, "memory", 0)), 0);
    t.bind(pod(c("cpu", 3000, "memory", 5000)), 1);
    assertArrayEquals(new long[] {57, 45}, scores(new LeastAllocatedScorer(), t, cpuAndMemory()));
    // "... differently sized nodes" (node2 memory 50000): 57, 60
    NodeTable t2 = table(new long[] {10000, 20000}, new long[] {10000, 50000});
    t2.bind(pod(c("cpu", 3000, "memory", 0)), 0);
    t2.bind(pod(c("cpu", 3000, "memory", 5000)), 1);
    assertArrayEquals(new long[] {57, 60}, scores(new LeastAllocatedScorer(), t2, cpuAndMemory()));
  }

  @Test
  void leastAllocatedRequestExceedsCapacity() {
    // "requested resources exceed node capacity": cpu 6000 > 4000 scores 0 → 50, 25
    NodeTable t = table(new long[] {4000, 10000}, new long[] {4000, 10000});
    t.bind(pod(c("cpu", 3000, "memory", 0)), 0);
    t.bind(pod(c("cpu", 3000, "memory", 5000)), 1);
    assertArrayEquals(
        new long[] {50, 25},
        scores(new LeastAllocatedScorer(), t, pod(c("cpu", 3000, "memory", 0))));
  }

  @Test
  void leastAllocatedWeighted() {
    // "... different weight on CPU and memory": memory 2, cpu 1 → (25·1 + 50·2)/3 = 41, 50
    NodeTable t = table(new long[] {4000, 10000}, new long[] {6000, 10000});
    LeastAllocatedScorer s =
        new LeastAllocatedScorer(ResourceWeight.of(REG, "memory", 2, "cpu", 1));
    assertArrayEquals(new long[] {41, 50}, scores(s, t, cpuAndMemory()));
  }

  @Test
  void leastAllocatedFormulaDirect() {
    // least_allocated.go leastRequestedScore: (4000-3000)*100/4000 = 25; over capacity → 0;
    // capacity 0 → 0
    assertEquals(25, LeastAllocatedScorer.resourceScore(3000, 4000));
    assertEquals(0, LeastAllocatedScorer.resourceScore(4001, 4000));
    assertEquals(0, LeastAllocatedScorer.resourceScore(0, 0));
  }

  // ---- most_allocated.go (hand-computed from the formula) ----------------------------------

  @Test
  void mostAllocated() {
    // cpu 3000/4000 → 75, mem 5000/10000 → 50, (75+50)/2 = 62; node2: 3000/6000 → 50, 50 → 50
    NodeTable t = table(new long[] {4000, 10000}, new long[] {6000, 10000});
    assertArrayEquals(new long[] {62, 50}, scores(new MostAllocatedScorer(), t, cpuAndMemory()));
    // requested above capacity is clamped: min(6000, 4000)*100/4000 = 100
    assertEquals(100, MostAllocatedScorer.resourceScore(6000, 4000));
  }

  // ---- balanced_allocation_test.go ---------------------------------------------------------

  @Test
  void balancedDifferentlySizedNodes() {
    // "nothing scheduled, resources requested, differently sized nodes": std 0.125 → 87; 0 → 100
    NodeTable t = table(new long[] {4000, 10000}, new long[] {6000, 10000});
    assertArrayEquals(
        new long[] {87, 100}, scores(new BalancedAllocationScorer(), t, cpuAndMemory()));
  }

  @Test
  void balancedPodsScheduledWithResources() {
    // "resources requested, pods scheduled with resources": 82, 95
    NodeTable t = table(new long[] {10000, 20000}, new long[] {10000, 20000});
    t.bind(cpuOnly(), 0);
    t.bind(cpuAndMemory(), 1);
    assertArrayEquals(
        new long[] {82, 95}, scores(new BalancedAllocationScorer(), t, cpuAndMemory()));
    // "... differently sized nodes" (node2 50000 memory): 82, 80
    NodeTable t2 = table(new long[] {10000, 20000}, new long[] {10000, 50000});
    t2.bind(cpuOnly(), 0);
    t2.bind(cpuAndMemory(), 1);
    assertArrayEquals(
        new long[] {82, 80}, scores(new BalancedAllocationScorer(), t2, cpuAndMemory()));
  }

  @Test
  void balancedAtCapacity() {
    // "requested resources at node capacity": 50, 75
    NodeTable t = table(new long[] {6000, 10000}, new long[] {6000, 10000});
    t.bind(cpuOnly(), 0);
    t.bind(cpuAndMemory(), 1);
    assertArrayEquals(new long[] {50, 75}, scores(new BalancedAllocationScorer(), t, cpuOnly()));
  }

  @Test
  void balancedSkipsUnrequestedScalar() {
    // "node without the scalar resource should skip the scalar resource": 63, 63
    NodeTable t = table(new long[] {3500, 40000, 0, 8}, new long[] {3500, 40000});
    BalancedAllocationScorer s =
        new BalancedAllocationScorer(
            ResourceWeight.of(REG, "cpu", 1, "memory", 1, "nvidia.com/gpu", 1));
    assertArrayEquals(new long[] {63, 63}, scores(s, t, cpuAndMemory()));
  }

  @Test
  void balancedThreeResourcesUsesPopulationStd() {
    // hand-computed: fractions 0.5, 0.25, 0.75 → mean 0.5, std = sqrt((0+0.0625+0.0625)/3) = 0.2041
    // → 79
    assertEquals(79, BalancedAllocationScorer.score(new long[] {2, 1, 3}, new long[] {4, 4, 4}));
  }

  // ---- requested_to_capacity_ratio_test.go -------------------------------------------------

  @Test
  void requestedToCapacityRatioLeastRequestedShape() {
    // shape (0,10),(100,0); "nothing scheduled, resources requested, differently sized nodes":
    // node1 cpu 75% → 25, mem 50% → 50, round(37.5) = 38; node2 50, 50 → 50
    NodeTable t = table(new long[] {4000, 10000}, new long[] {6000, 10000});
    t.bind(pod(), 0);
    t.bind(pod(), 0);
    RequestedToCapacityRatioScorer s =
        new RequestedToCapacityRatioScorer(
            ResourceWeight.defaults(), RequestedToCapacityRatioScorer.shape(0, 10, 100, 0));
    assertArrayEquals(new long[] {38, 50}, scores(s, t, cpuAndMemory()));
  }

  @Test
  void requestedToCapacityRatioSingleExtended() {
    // TestResourceBinPackingSingleExtended, shape (0,0),(100,1), resource intel.com/foo:
    // foo 2 of 8 → 2, 2 of 4 → 5; then with a pod using foo=2 on node2: 2, 10
    NodeTable t =
        table(
            new long[] {4000, 10000L * 1024 * 1024, 8}, new long[] {4000, 10000L * 1024 * 1024, 4});
    RequestedToCapacityRatioScorer s =
        new RequestedToCapacityRatioScorer(
            ResourceWeight.of(REG, "intel.com/foo", 1),
            RequestedToCapacityRatioScorer.shape(0, 0, 100, 1));
    assertArrayEquals(new long[] {2, 5}, scores(s, t, pod(c("intel.com/foo", 2))));
    t.bind(pod(c("intel.com/foo", 2)), 1);
    assertArrayEquals(new long[] {2, 10}, scores(s, t, pod(c("intel.com/foo", 2))));
    // the pod does not request the extended resource → skipped → 0, 0
    assertArrayEquals(new long[] {0, 0}, scores(s, t, pod()));
  }

  @Test
  void brokenLinearFunction() {
    // TestBrokenLinearFunction case 0: points (10,1),(90,9)
    long[] u = {10, 90};
    long[] sc = {1, 9};
    long[][] expect = {
      {-10, 1}, {0, 1}, {9, 1}, {10, 1}, {15, 1}, {19, 1}, {20, 2}, {89, 8}, {90, 9}, {99, 9},
      {100, 9}, {110, 9}
    };
    for (long[] e : expect) {
      assertEquals(e[1], RequestedToCapacityRatioScorer.brokenLinear(u, sc, e[0]), "p=" + e[0]);
    }
    // case 1: (0,2),(40,10),(100,0)
    long[] u2 = {0, 40, 100};
    long[] s2 = {2, 10, 0};
    long[][] expect2 = {{-10, 2}, {0, 2}, {20, 6}, {30, 8}, {40, 10}, {70, 5}, {100, 0}, {110, 0}};
    for (long[] e : expect2) {
      assertEquals(e[1], RequestedToCapacityRatioScorer.brokenLinear(u2, s2, e[0]), "p=" + e[0]);
    }
  }

  // ---- image_locality.go (scenario of image_locality_test.go, v1.31 thresholds) -----------

  @Test
  void imageLocality() {
    long mb = ImageLocalityScorer.MB;
    NodeTable t = new NodeTable(REG);
    t.addNode(
        NodeSpec.builder("machine1", REG)
            .allocatable("cpu", 1000L)
            .image("gcr.io/40", 40 * mb)
            .image("gcr.io/300", 300 * mb)
            .image("gcr.io/2000", 2000 * mb)
            .build());
    t.addNode(
        NodeSpec.builder("machine2", REG)
            .allocatable("cpu", 1000L)
            .image("gcr.io/250", 250 * mb)
            .image("gcr.io/10", 10 * mb)
            .build());
    PodSpec p =
        PodSpec.builder("p", REG).container("a", "gcr.io/40").container("b", "gcr.io/250").build();
    // upstream test "two images spread on two nodes, prefer the larger image one":
    // machine1: 40 MiB·1/2 = 20 MiB < 23 MiB → 0.
    // machine2: 250 MiB·1/2 = 125 MiB; v1.31 max = 1000 MiB × 2 containers:
    //   100·(131072000 − 24117248)/(2097152000 − 24117248) = 5 (integer division).
    //   (The older upstream test, with a 1000 MiB cap, expected 10.)
    assertArrayEquals(new long[] {0, 5}, scores(new ImageLocalityScorer(), t, p));
    // calculatePriority clamps at the top: 100
    assertEquals(100, ImageLocalityScorer.calculatePriority(5000 * mb, 1));
  }
}
