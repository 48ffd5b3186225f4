package io.platformsim.scheduler.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.pod.LabelSelector;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.pod.Requirement;
import io.platformsim.scheduler.resource.DimensionRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link PodCounts} equals a brute-force count over the bound pods after any sequence of binds,
 * unbinds and node additions, for selectors asked for before, during and after the churn, with
 * equality, set and existence requirements (indexed and unindexed), in the sparse and the dense
 * form.
 */
class PodCountsProperties {
  static final DimensionRegistry REG = DimensionRegistry.standard();
  static final String[] APPS = {"a", "b", "c", "d", "e"};

  static LabelSelector selector(Random rnd) {
    return switch (rnd.nextInt(5)) {
      case 0 -> LabelSelector.matchLabels("app", APPS[rnd.nextInt(APPS.length)]);
      case 1 -> LabelSelector.matchLabels("app", APPS[rnd.nextInt(APPS.length)], "tier", "web");
      case 2 -> new LabelSelector(List.of(Requirement.in("app", "a", "b")));
      case 3 -> new LabelSelector(List.of(Requirement.exists("tier")));
      default -> new LabelSelector(List.of(Requirement.notIn("app", "c")));
    };
  }

  static void addNode(NodeTable t, Random rnd) {
    NodeSpec.Builder b =
        NodeSpec.builder("n" + t.size(), REG)
            .allocatable("cpu", "64")
            .allocatable("memory", "256Gi")
            .allocatable("pods", "500");
    if (rnd.nextInt(6) != 0) {
      b.zone("z" + rnd.nextInt(3 + t.size() / 10));
    }
    t.addNode(b.build());
  }

  static PodSpec pod(Random rnd, String id) {
    PodSpec.Builder b = PodSpec.builder(id, REG).request("cpu", "100m");
    if (rnd.nextInt(5) != 0) {
      b.label("app", APPS[rnd.nextInt(APPS.length)]);
    }
    if (rnd.nextBoolean()) {
      b.label("tier", rnd.nextBoolean() ? "web" : "db");
    }
    return b.build();
  }

  static void assertCounts(
      NodeTable t, List<PodSpec> bound, List<Integer> where, LabelSelector sel) {
    int[] expected = new int[t.size()];
    for (int i = 0; i < bound.size(); i++) {
      if (sel.matches(bound.get(i).labels())) {
        expected[where.get(i)]++;
      }
    }
    PodCounts c = t.matchingPods(sel);
    int[] dense = c.denseView();
    if (dense != null) {
      assertArrayEquals(expected, dense, sel + " dense view");
    }
    int[] got = new int[t.size()];
    for (int n = 0; n < t.size(); n++) {
      got[n] = c.on(n);
    }
    assertArrayEquals(expected, got, sel.toString());
    assertArrayEquals(expected, c.toArray(t.size()), sel.toString());
    assertEquals(Arrays.stream(expected).sum(), c.total());
    int[] nodes = c.nodes().clone();
    Arrays.sort(nodes);
    assertArrayEquals(
        java.util.stream.IntStream.range(0, t.size()).filter(n -> expected[n] > 0).toArray(),
        nodes);
    assertEquals(nodes.length, c.nodeCount());
    int[] ids = t.domainIds(NodeSpec.ZONE);
    int[] byZone = new int[t.domainCount(NodeSpec.ZONE)];
    for (int n = 0; n < t.size(); n++) {
      if (ids[n] >= 0) {
        byZone[ids[n]] += expected[n];
      }
    }
    assertArrayEquals(byZone, c.inDomains(NodeSpec.ZONE), sel + " by zone");
  }

  @Property(tries = 200)
  void countsEqualABruteForceCountUnderChurn(@ForAll long seed) {
    Random rnd = new Random(seed);
    NodeTable t = new NodeTable(REG);
    // small tables stay sparse; from 64 nodes a common selector switches to the dense form
    for (int i = 0, n = rnd.nextBoolean() ? 1 + rnd.nextInt(12) : 64 + rnd.nextInt(40);
        i < n;
        i++) {
      addNode(t, rnd);
    }
    List<LabelSelector> asked = new ArrayList<>();
    List<PodSpec> bound = new ArrayList<>();
    List<Integer> where = new ArrayList<>();
    int seq = 0;
    for (int step = 0; step < 300; step++) {
      int op = rnd.nextInt(20);
      if (op < 10 || bound.isEmpty()) {
        PodSpec p = pod(rnd, "p" + seq++);
        int node = rnd.nextInt(t.size());
        t.bind(p, node);
        bound.add(p);
        where.add(node);
      } else if (op < 17) {
        int i = rnd.nextInt(bound.size());
        t.unbind(bound.get(i).id());
        bound.remove(i);
        where.remove(i);
      } else if (op < 18) {
        addNode(t, rnd);
      } else {
        LabelSelector s = selector(rnd);
        asked.add(s);
        // the domain totals are built now and must then follow the churn
        t.matchingPods(s).inDomains(NodeSpec.ZONE);
      }
    }
    asked.add(selector(rnd));
    for (LabelSelector s : asked) {
      assertCounts(t, bound, where, s);
    }
  }
}
