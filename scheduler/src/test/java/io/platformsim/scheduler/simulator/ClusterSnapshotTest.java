package io.platformsim.scheduler.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.platformsim.scheduler.state.NodeTable;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Fork, revert and commit on a {@link ClusterSnapshot}, and that the live table is never touched.
 */
class ClusterSnapshotTest {

  static void apply(ClusterSnapshot s, int op) {
    NodeTable t = s.nodes();
    int i = op / 4;
    String id = "p" + (i % 40);
    switch (op % 4) {
      case 0, 1 -> {
        if (t.nodeOf(id) < 0) {
          s.addPod(NodeTableCopyProperties.pod(i % 40), i % t.size());
        }
      }
      case 2 -> {
        if (t.nodeOf(id) >= 0) {
          s.removePod(id);
        }
      }
      default -> s.setUnschedulable(i % t.size(), i % 2 == 0);
    }
  }

  /**
   * Whatever happens inside a fork, revert gives back the same pods, order, sequences, cordons and
   * counts.
   */
  @Property(tries = 200)
  void revertRestoresExactly(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 799) Integer> before,
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 799) Integer> outer,
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 799) Integer> inner) {
    NodeTable live = NodeTableCopyProperties.cluster(4);
    ClusterSnapshot s = ClusterSnapshot.of(live);
    for (int op : before) {
      apply(s, op);
    }
    String liveState = TableState.of(live, true);
    String start = TableState.of(s.nodes(), false);
    s.fork();
    for (int op : outer) {
      apply(s, op);
    }
    String afterOuter = TableState.of(s.nodes(), false);
    s.fork();
    for (int op : inner) {
      apply(s, op);
    }
    s.revert();
    assertEquals(afterOuter, TableState.of(s.nodes(), false));
    s.fork();
    for (int op : inner) {
      apply(s, op);
    }
    s.commit();
    s.revert();
    assertEquals(start, TableState.of(s.nodes(), false));
    assertEquals(0, s.depth());
    assertEquals(liveState, TableState.of(live, true));
  }

  @Test
  void commitOutsideAnyForkKeepsChanges() {
    NodeTable live = NodeTableCopyProperties.cluster(2);
    ClusterSnapshot s = ClusterSnapshot.of(live);
    s.fork();
    s.addPod(NodeTableCopyProperties.pod(1), 1);
    s.commit();
    assertEquals(1, s.nodes().nodeOf("p1"));
    assertEquals(-1, live.nodeOf("p1"));
    assertThrows(IllegalStateException.class, s::revert);
    assertThrows(IllegalStateException.class, s::commit);
  }

  @Test
  void nodesOnlyOutsideForks() {
    ClusterSnapshot s = ClusterSnapshot.of(NodeTableCopyProperties.cluster(1));
    s.fork();
    assertThrows(
        IllegalStateException.class, () -> s.addNode(NodeTableCopyProperties.node("y", "z0")));
    s.revert();
    assertEquals(1, s.addNode(NodeTableCopyProperties.node("y", "z0")));
    assertNotEquals(s.nodes().size(), 1);
  }
}
