package io.platformsim.scheduler.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.pod.AntiAffinityTerm;
import io.platformsim.scheduler.pod.LabelSelector;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.resource.DimensionRegistry;
import io.platformsim.scheduler.state.NodeTable;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link NodeTable#copy()}: a copy reports what its original reports, and after that changes to
 * either (binds, unbinds, restores, cordons, added nodes) never show in the other; a copy changed
 * like a second table built the same way reports what that table reports.
 */
class NodeTableCopyProperties {
  static final DimensionRegistry REG = DimensionRegistry.standard();

  static NodeTable cluster(int nodes) {
    NodeTable t = new NodeTable(REG);
    for (int n = 0; n < nodes; n++) {
      t.addNode(node("n" + n, "z" + (n % 3)));
    }
    return t;
  }

  static NodeSpec node(String name, String zone) {
    return NodeSpec.builder(name, REG)
        .allocatable("cpu", "64")
        .allocatable("memory", "64Gi")
        .allocatable("pods", "110")
        .zone(zone)
        .build();
  }

  static PodSpec pod(int i) {
    PodSpec.Builder b =
        PodSpec.builder("p" + i, REG)
            .request("cpu", (100 + i) + "m", "memory", "64Mi")
            .label("app", i % 3 == 0 ? "a" : "b");
    if (i % 5 == 0) {
      b.antiAffinity(
          new AntiAffinityTerm(LabelSelector.matchLabels("app", "a"), NodeSpec.HOSTNAME));
    }
    return b.build();
  }

  /** Applies one operation coded by {@code op} to {@code t}. */
  static void apply(NodeTable t, int op) {
    int kind = op % 5;
    int i = op / 5;
    String id = "p" + (i % 40);
    switch (kind) {
      case 0, 1 -> {
        if (t.nodeOf(id) < 0) {
          t.bind(pod(i % 40), i % t.size());
        }
      }
      case 2 -> {
        if (t.nodeOf(id) >= 0) {
          t.unbind(id);
        }
      }
      case 3 -> t.setUnschedulable(i % t.size(), i % 2 == 0);
      default -> {
        t.addNode(node("x" + t.size(), "z" + (i % 4)));
      }
    }
  }

  @Property(tries = 200)
  void copiesAreIndependent(
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 999) Integer> before,
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 999) Integer> onCopy,
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 999) Integer> onOriginal) {
    NodeTable original = cluster(5);
    NodeTable twin = cluster(5);
    for (int op : before) {
      apply(original, op);
      apply(twin, op);
    }
    // selectors are counted before the copy, so the copy must carry live counts along
    TableState.of(original, true);
    NodeTable copy = original.copy();
    assertEquals(TableState.of(original, true), TableState.of(copy, true));

    String originalBefore = TableState.of(original, true);
    for (int op : onCopy) {
      apply(copy, op);
      apply(twin, op);
    }
    assertEquals(
        originalBefore, TableState.of(original, true), "the copy's changes reached the original");
    assertEquals(
        TableState.of(twin, false),
        TableState.of(copy, false),
        "the copy diverged from a table changed alike");

    String copyBefore = TableState.of(copy, true);
    for (int op : onOriginal) {
      apply(original, op);
    }
    assertEquals(copyBefore, TableState.of(copy, true), "the original's changes reached the copy");
  }
}
