package io.platformsim.scheduler.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.resource.DimensionRegistry;
import io.platformsim.scheduler.state.NodeTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Utilization by hand, and upcoming nodes entering a snapshot from a template. */
class NodeUtilizationTest {
  static final DimensionRegistry REG = DimensionRegistry.standard();

  @Test
  void largerOfCpuAndMemoryWithOrWithoutDaemonSets() {
    NodeTable t = new NodeTable(REG);
    t.addNode(
        NodeSpec.builder("n", REG)
            .allocatable("cpu", "4")
            .allocatable("memory", "8Gi")
            .allocatable("pods", "110")
            .build());
    t.bind(PodSpec.builder("app", REG).request("cpu", "1", "memory", "1Gi").build(), 0);
    t.bind(PodSpec.builder("ds-agent", REG).request("cpu", "1", "memory", "3Gi").build(), 0);
    // cpu 2/4 = 0.5, memory 4/8 = 0.5; without the DaemonSet pod: 1/4 = 0.25 and 1/8 = 0.125
    assertEquals(
        new NodeUtilization(0.5, 0.5, 0.5),
        NodeUtilization.of(t, 0, p -> p.id().startsWith("ds-"), false));
    assertEquals(
        new NodeUtilization(0.25, 0.125, 0.25),
        NodeUtilization.of(t, 0, p -> p.id().startsWith("ds-"), true));
  }

  @Test
  void upcomingNodesComeFromTheTemplate() {
    NodeTemplate template =
        new NodeTemplate(
            NodeSpec.builder("pool", REG)
                .allocatable("cpu", "4")
                .allocatable("memory", "8Gi")
                .allocatable("pods", "110")
                .zone("z1")
                .build(),
            List.of(PodSpec.builder("ds", REG).request("cpu", "500m").build()));
    ClusterSnapshot s = ClusterSnapshot.of(new NodeTable(REG));
    int n = s.addNode(template, "upcoming-0");
    assertEquals("pool-upcoming-0", s.nodes().name(n));
    assertEquals("pool-upcoming-0", s.nodes().labels(n).get(NodeSpec.HOSTNAME));
    assertEquals("z1", s.nodes().labels(n).get(NodeSpec.ZONE));
    assertEquals(List.of("ds-upcoming-0"), s.nodes().pods(n).stream().map(PodSpec::id).toList());
    assertEquals(500, s.nodes().requested(n, DimensionRegistry.CPU));
  }
}
