package io.platformsim.scheduler.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.resource.DimensionRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The table's bound-pod index agrees with a plain model under bind/unbind churn: each bound pod's
 * node and bind sequence (1, 2, ... in bind order), the count, each node's pods in bind order, and
 * the requested CPU (the sum of the bound pods' requests, by hand).
 */
class NodeTableBindingProperties {
  private static final DimensionRegistry REG = DimensionRegistry.standard();

  private record Binding(PodSpec pod, int node, long sequence) {}

  @Property(tries = 150)
  void boundIndexAgreesWithAModel(
      @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 199) Integer> ops) {
    NodeTable t = new NodeTable(REG);
    int nodes = 4;
    for (int n = 0; n < nodes; n++) {
      t.addNode(
          NodeSpec.builder("n" + n, REG)
              .allocatable("cpu", "1000")
              .allocatable("memory", "1000Gi")
              .allocatable("pods", "1000")
              .build());
    }
    Map<String, Binding> model = new LinkedHashMap<>();
    long sequence = 0;
    int step = 0;
    for (int op : ops) {
      String id = "p" + (op % 80);
      step++;
      if (model.containsKey(id)) {
        Binding b = model.remove(id);
        BoundPod out = t.unbind(id);
        assertEquals(new BoundPod(b.pod(), b.node(), b.sequence()), out);
      } else {
        int node = (op + step) % nodes;
        // cpu request in millicores: 1 + the pod's number, so sums identify the pods
        PodSpec pod = PodSpec.builder(id, REG).request("cpu", (1 + op % 80) + "m").build();
        t.bind(pod, node);
        model.put(id, new Binding(pod, node, ++sequence));
      }
      assertEquals(model.size(), t.boundCount());
    }
    for (int i = 0; i < 80; i++) {
      String id = "p" + i;
      Binding b = model.get(id);
      if (b == null) {
        assertNull(t.bound(id), id);
        assertEquals(-1, t.nodeOf(id), id);
      } else {
        assertEquals(new BoundPod(b.pod(), b.node(), b.sequence()), t.bound(id), id);
        assertEquals(b.node(), t.nodeOf(id), id);
      }
    }
    for (int n = 0; n < nodes; n++) {
      List<PodSpec> expected = new ArrayList<>();
      long cpu = 0;
      for (Binding b : model.values()) {
        if (b.node() == n) {
          expected.add(b.pod());
          cpu += b.pod().request(DimensionRegistry.CPU);
        }
      }
      assertEquals(expected, t.pods(n), "pods of node " + n + " in bind order");
      assertEquals(cpu, t.requested(n, DimensionRegistry.CPU), "requested CPU of node " + n);
    }
  }
}
