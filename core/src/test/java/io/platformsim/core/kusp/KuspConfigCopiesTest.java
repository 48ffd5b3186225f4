package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The copies of a {@link KuspConfig} change their one field and keep every other. */
class KuspConfigCopiesTest {

  private final KuspConfig base =
      KuspConfig.builder()
          .initialNodes(7)
          .clusterAutoscaling(ClusterAutoscaling.between(3, 20))
          .build();

  @Test
  void initialNodes() {
    KuspConfig c = base.withInitialNodes(12);
    assertEquals(12, c.initialNodes());
    assertEquals(base, c.withInitialNodes(7));
    assertThrows(IllegalArgumentException.class, () -> base.withInitialNodes(-1));
  }

  @Test
  void clusterAutoscaling() {
    KuspConfig none = base.withClusterAutoscaling(null);
    assertNull(none.clusterAutoscaling());
    assertEquals(base, none.withClusterAutoscaling(ClusterAutoscaling.between(3, 20)));
  }

  @Test
  void nodeTypeKeepsTheAutoscaler() {
    KuspConfig c = base.withNodeType(NodeType.GENERIC);
    assertEquals(base.clusterAutoscaling(), c.clusterAutoscaling());
    assertEquals(base.initialNodes(), c.initialNodes());
  }
}
