package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.placement.Policies;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.resource.DimensionRegistry;
import io.platformsim.scheduler.simulator.BinpackingEstimator;
import io.platformsim.scheduler.simulator.ClusterSnapshot;
import io.platformsim.scheduler.simulator.HintingSimulator;
import io.platformsim.scheduler.simulator.NodeTemplate;
import io.platformsim.scheduler.simulator.PredicateChecker;
import io.platformsim.scheduler.state.NodeTable;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Invariants of {@link ClusterAutoscaler#nodesNeeded} for pods constrained by resources alone, each
 * fitting an empty node: the new nodes plus the upcoming ones hold at least the volume bound ⌈Σ CPU
 * ÷ node CPU⌉ of the pods that fit no registered node, and never more nodes than pods are asked
 * for.
 */
class ScaleUpEstimateProperties {
  private static final DimensionRegistry REG = DimensionRegistry.standard();
  private static final long NODE_MILLI_CPU = 4000;

  @Property(tries = 200)
  void theEstimateIsBetweenTheVolumeBoundAndOneNodePerPod(
      @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 100, max = 4000) Integer> milliCpu,
      @ForAll @IntRange(min = 0, max = 3) int upcoming) {
    NodeTable table = new NodeTable(REG);
    // one registered node, full: nothing pending fits it
    int n1 = table.addNode(node("n1").build());
    table.bind(PodSpec.builder("busy", REG).container("app", null, "cpu", "4").build(), n1);
    NodeTemplate template = NodeTemplate.of(node("template").build());
    ClusterSnapshot snapshot = ClusterSnapshot.of(table);
    for (int i = 0; i < upcoming; i++) {
      snapshot.addNode(template, "upcoming-" + i);
    }
    List<PodSpec> pending = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < milliCpu.size(); i++) {
      pending.add(
          PodSpec.builder("p" + i, REG)
              .container("app", null, "cpu", milliCpu.get(i) + "m")
              .build());
      total += milliCpu.get(i);
    }
    String profile = "k8s-default";
    int added =
        ClusterAutoscaler.nodesNeeded(
            snapshot,
            pending,
            template,
            new HintingSimulator(
                PredicateChecker.of(
                    Policies.profile(profile), PredicateChecker.ScanOrder.LOWEST_INDEX)),
            new BinpackingEstimator(PredicateChecker.of(Policies.profile(profile)), 1000));
    long bound = (total + NODE_MILLI_CPU - 1) / NODE_MILLI_CPU;
    assertTrue(
        added + upcoming >= bound,
        added + " new + " + upcoming + " upcoming below the bound " + bound);
    assertTrue(added <= pending.size(), added + " new nodes for " + pending.size() + " pods");
  }

  private static NodeSpec.Builder node(String name) {
    return NodeSpec.builder(name, REG)
        .allocatable("cpu", NODE_MILLI_CPU + "m")
        .allocatable("memory", "16Gi")
        .allocatable("pods", "110")
        .zone("a");
  }
}
