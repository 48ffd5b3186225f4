package io.platformsim.scheduler.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.resource.DimensionRegistry;
import org.junit.jupiter.api.Test;

/** The table side of cordon/uncordon: flag, spec, version, journal; pods and requests untouched. */
class NodeTableCordonTest {
  static final DimensionRegistry REG = DimensionRegistry.standard();

  static NodeTable twoNodes() {
    NodeTable t = new NodeTable(REG);
    t.addNode(
        NodeSpec.builder("a", REG)
            .allocatable("cpu", "4")
            .allocatable("memory", "8Gi")
            .allocatable("pods", "110")
            .build());
    t.addNode(
        NodeSpec.builder("b", REG)
            .allocatable("cpu", "4")
            .allocatable("memory", "8Gi")
            .allocatable("pods", "110")
            .unschedulable(true)
            .build());
    return t;
  }

  @Test
  void cordonFlipsTheFlagBumpsTheVersionAndJournalsTheNode() {
    NodeTable t = twoNodes();
    t.bind(PodSpec.builder("p", REG).request("cpu", "1").build(), 0);
    long version = t.version(0);
    long seq = t.changeSequence();
    long[] requested = t.requestedView().clone();
    assertFalse(t.isUnschedulable(0));
    assertTrue(t.isUnschedulable(1)); // from NodeSpec.unschedulable at add time

    assertTrue(t.setUnschedulable(0, true));
    assertTrue(t.isUnschedulable(0));
    assertTrue(t.unschedulable(0));
    assertTrue(t.node(0).unschedulable());
    assertEquals(version + 1, t.version(0));
    assertEquals(seq + 1, t.changeSequence());
    assertEquals(0, t.changedNode(seq));
    // cordon does not evict: the pod and its requests stay
    assertEquals(0, t.nodeOf("p"));
    assertArrayEquals(requested, t.requestedView().clone());
    assertEquals("a", t.node(0).name());
    assertEquals(4000, t.node(0).allocatable().get(DimensionRegistry.CPU));

    assertFalse(t.setUnschedulable(0, true), "already cordoned: no change");
    assertEquals(version + 1, t.version(0));
    assertEquals(seq + 1, t.changeSequence());

    assertTrue(t.setUnschedulable(1, false));
    assertFalse(t.isUnschedulable(1));
    assertFalse(t.node(1).unschedulable());
    assertEquals(1, t.changedNode(seq + 1));
  }

  @Test
  void outOfRangeNodeIsAClearError() {
    NodeTable t = twoNodes();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> t.setUnschedulable(2, true));
    assertEquals("setUnschedulable: node index 2 out of range [0, 2)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> t.isUnschedulable(-1));
    assertEquals("isUnschedulable: node index -1 out of range [0, 2)", e.getMessage());
  }
}
