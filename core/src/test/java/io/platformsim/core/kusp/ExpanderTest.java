package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.workload.Resources;
import java.util.List;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The three expanders' rules on hand-built options (kubernetes/autoscaler cluster-autoscaler
 * expander/{random,waste,price}). Two pools: "small" 4 cores / 16 GiB at $0.192/h and "big" 16
 * cores / 64 GiB at $0.768/h (the same price per core). Node counts are what first-fit packing
 * gives with the default DaemonSets (300m, 392 MiB) and 100 MiB eviction threshold: a small node
 * has 3700m / 15892 MiB for pods, a big one 15700m / 65044 MiB.
 */
class ExpanderTest {

  static final NodeType SMALL = new NodeType("small", Resources.ofCores(4, 16), 100, 0.192, 110);
  static final NodeType BIG = new NodeType("big", Resources.ofCores(16, 64), 100, 0.768, 110);

  /** Options for {@code pods} pods of {@code cpu} milli-CPU and {@code mib} MiB each. */
  private static List<ExpansionOption> options(
      int pods, long cpu, long mib, int smallNodes, int bigNodes) {
    Resources sum = Resources.of(pods * cpu, pods * mib);
    return List.of(
        new ExpansionOption(0, SMALL, smallNodes, pods, sum),
        new ExpansionOption(1, BIG, bigNodes, pods, sum));
  }

  /**
   * waste.go: (capacity × nodes − requested) ÷ (capacity × nodes), CPU plus memory.
   *
   * <ul>
   *   <li>3 × 3000m/4Gi: one per small node (two need 6000m), 3 small: CPU 3000/12000 = 0.25,
   *       memory 36864/49152 = 0.75, sum 1.0; 1 big: 7000/16000 + 53248/65536 = 0.4375 + 0.8125 =
   *       1.25. Small.
   *   <li>7 × 2100m/1Gi: one per small node, 7 small: 13300/28000 + 107520/114688 = 0.475 + 0.9375
   *       = 1.4125; 7 × 2100 = 14700m fit one big node: 1300/16000 + 58368/65536 = 0.08125 +
   *       0.890625 = 0.971875. Big.
   * </ul>
   */
  @ParameterizedTest(name = "{0} x {1}m/{2}Mi: small {3} nodes waste {5}, big {4} waste {6}")
  @CsvSource({
    "3, 3000, 4096, 3, 1, 1.0, 1.25, small",
    "7, 2100, 1024, 7, 1, 1.4125, 0.971875, big",
  })
  void leastWastePicksTheSmallestUnusedFraction(
      int pods,
      long cpu,
      long mib,
      int smallNodes,
      int bigNodes,
      double smallWaste,
      double bigWaste,
      String picked) {
    List<ExpansionOption> o = options(pods, cpu, mib, smallNodes, bigNodes);
    assertEquals(smallWaste, Expander.waste(o.get(0)), 1e-12);
    assertEquals(bigWaste, Expander.waste(o.get(1)), 1e-12);
    assertEquals(picked, Expander.LEAST_WASTE.best(o, 1, new Well19937c(1)).nodeType().name());
  }

  /**
   * price.go: unfitness × (node price × count + s) ÷ (pod price + s), s = 0.5 × 0.033174 + 500/1024
   * × 0.004446 = 0.0187579.
   *
   * <ul>
   *   <li>3 × 3000m/4Gi in a 1-node cluster (preferred node 1 core): pod price 9 × 0.033174 + 12 ×
   *       0.004446 = 0.351918. Small, 3 nodes: (0.576 + s) ÷ (0.351918 + s) = 1.604523, unfitness 4
   *       suppressed to 3 × (1 − tanh(2/15)) + 1 = 3.602354: 5.780058. Big, 1 node: (0.768 + s) ÷
   *       (0.351918 + s) = 2.122495 × unfitness 16 = 33.959927. Small.
   *   <li>7 × 2100m/1Gi in a 100-node cluster (preferred 16 cores): pod price 14.7 × 0.033174 + 7 ×
   *       0.004446 = 0.518780. Small, 7 nodes: (1.344 + s) ÷ (0.518780 + s) = 2.535186 × (3 × (1 −
   *       tanh(6/15)) + 1 = 2.860153) = 7.251019. Big, 1 node: (0.768 + s) ÷ (0.518780 + s) =
   *       1.463633 × 1. Big.
   * </ul>
   */
  @ParameterizedTest(name = "{0} x {1}m/{2}Mi in {5} nodes: small {6}, big {7}")
  @CsvSource({
    "3, 3000, 4096, 3, 1, 1, 5.780058, 33.959927, small",
    "7, 2100, 1024, 7, 1, 100, 7.251019, 1.463633, big",
  })
  void priceWeighsNodePriceAgainstPodPriceAndNodeSize(
      int pods,
      long cpu,
      long mib,
      int smallNodes,
      int bigNodes,
      int clusterNodes,
      double smallScore,
      double bigScore,
      String picked) {
    List<ExpansionOption> o = options(pods, cpu, mib, smallNodes, bigNodes);
    assertEquals(smallScore, Expander.priceScore(o.get(0), clusterNodes), 1e-5);
    assertEquals(bigScore, Expander.priceScore(o.get(1), clusterNodes), 1e-5);
    assertEquals(picked, Expander.PRICE.best(o, clusterNodes, new Well19937c(1)).nodeType().name());
  }

  @Test
  void priceTakesTheCheaperOfTwoPoolsOfOneShape() {
    // Same shape and count: unfitness and pod price are equal, the node price decides.
    NodeType dear = new NodeType("dear", Resources.ofCores(4, 16), 100, 0.30, 110);
    NodeType cheap = new NodeType("cheap", Resources.ofCores(4, 16), 100, 0.10, 110);
    Resources r = Resources.of(2000, 2048);
    List<ExpansionOption> o =
        List.of(new ExpansionOption(0, dear, 1, 1, r), new ExpansionOption(1, cheap, 1, 1, r));
    assertEquals(1, Expander.PRICE.best(o, 5, new Well19937c(1)).pool());
  }

  /** preferred.go: 1 core up to 2 nodes, then doubling every time the cluster triples. */
  @ParameterizedTest(name = "{0} nodes: {1}m")
  @CsvSource({
    "0, 1000",
    "2, 1000",
    "3, 2000",
    "6, 2000",
    "7, 4000",
    "20, 4000",
    "21, 8000",
    "60, 8000",
    "61, 16000",
    "200, 16000",
    "201, 32000"
  })
  void thePreferredNodeGrowsWithTheCluster(int nodes, long milliCpu) {
    assertEquals(milliCpu, Expander.preferredMilliCpu(nodes));
  }

  @Test
  void randomDrawsEachOptionAndTheSameSeedTheSameOnes() {
    List<ExpansionOption> o = options(1, 1000, 1024, 1, 1);
    int[] seen = new int[2];
    StringBuilder first = new StringBuilder();
    StringBuilder again = new StringBuilder();
    Well19937c a = new Well19937c(3);
    Well19937c b = new Well19937c(3);
    for (int i = 0; i < 200; i++) {
      ExpansionOption x = Expander.RANDOM.best(o, 1, a);
      seen[x.pool()]++;
      first.append(x.pool());
      again.append(Expander.RANDOM.best(o, 1, b).pool());
    }
    // uniform: each of 200 draws is 1/2; 60 is more than 5 standard deviations (7.07) below 100
    assertTrue(seen[0] > 60 && seen[1] > 60, "draws " + seen[0] + "/" + seen[1]);
    assertEquals(first.toString(), again.toString());
  }

  @Test
  void oneOptionIsTakenWithoutADrawAndLeastWasteTiesGoToRandom() {
    Well19937c r = new Well19937c(9);
    Well19937c untouched = new Well19937c(9);
    List<ExpansionOption> one = options(1, 1000, 1024, 1, 1).subList(0, 1);
    assertSame(one.get(0), Expander.RANDOM.best(one, 1, r));
    assertEquals(untouched.nextInt(), r.nextInt());
    // small and big are proportional: 4 pods of 3700m/1Gi on 4 small nodes or on 1 big one
    // (4 × 3700 = 14800 ≤ 15700) waste 1200/16000 + 61440/65536 either way
    List<ExpansionOption> tie = options(4, 3700, 1024, 4, 1);
    assertEquals(Expander.waste(tie.get(0)), Expander.waste(tie.get(1)), 1e-15);
    assertEquals(2, Expander.leastWaste(tie).size());
  }
}
