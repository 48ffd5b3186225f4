package io.platformsim.scheduler.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.resource.DimensionRegistry;
import org.junit.jupiter.api.Test;

/**
 * Room made ahead with ensureCapacity: exactly as asked, and the table behaves as one grown by
 * adding.
 */
class NodeTableCapacityTest {
  static final DimensionRegistry REG = DimensionRegistry.standard();

  private static void fill(NodeTable t, int nodes) {
    for (int i = 0; i < nodes; i++) {
      t.addNode(
          NodeSpec.builder("n" + i, REG)
              .allocatable("cpu", String.valueOf(1 + i % 7))
              .allocatable("memory", "8Gi")
              .allocatable("pods", "110")
              .build());
      t.bind(PodSpec.builder("p" + i, REG).request("cpu", "1").build(), i);
    }
  }

  @Test
  void roomMadeAheadHoldsExactlyThatManyNodesAndChangesNothingElse() {
    NodeTable ahead = new NodeTable(REG);
    ahead.ensureCapacity(1_000);
    // room for 1,000 nodes, not the 1,024 doubling from 16 gives
    assertEquals(1_000, ahead.versionView().length);
    assertEquals(1_000 * REG.size(), ahead.allocatableView().length);
    fill(ahead, 1_000);
    assertEquals(
        1_000, ahead.versionView().length, "adding the nodes made room for copies nothing");
    NodeTable grown = new NodeTable(REG);
    fill(grown, 1_000);
    assertEquals(1_024, grown.versionView().length);
    for (int i = 0; i < 1_000; i++) {
      assertEquals(grown.name(i), ahead.name(i));
      for (int r = 0; r < REG.size(); r++) {
        assertEquals(grown.allocatable(i, r), ahead.allocatable(i, r));
        assertEquals(grown.requested(i, r), ahead.requested(i, r));
      }
      assertEquals(grown.version(i), ahead.version(i));
    }
    // a node past the room still goes in, by doubling
    fill(ahead, 0);
    ahead.addNode(NodeSpec.builder("extra", REG).allocatable("cpu", "1").build());
    assertEquals(2_000, ahead.versionView().length);
    assertEquals(1_000, ahead.indexOf("extra"));
  }

  @Test
  void neverShrinksAndRejectsANegativeCount() {
    NodeTable t = new NodeTable(REG);
    t.ensureCapacity(3);
    assertEquals(16, t.versionView().length);
    var e = assertThrows(IllegalArgumentException.class, () -> t.ensureCapacity(-1));
    assertTrue(e.getMessage().contains("nodes") && e.getMessage().contains("-1"), e.getMessage());
  }
}
