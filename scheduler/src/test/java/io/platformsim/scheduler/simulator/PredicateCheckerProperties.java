package io.platformsim.scheduler.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.cluster.TaintEffect;
import io.platformsim.scheduler.pod.AntiAffinityTerm;
import io.platformsim.scheduler.pod.LabelSelector;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.pod.SpreadConstraint;
import io.platformsim.scheduler.pod.Toleration;
import io.platformsim.scheduler.pod.WhenUnsatisfiable;
import io.platformsim.scheduler.resource.DimensionRegistry;
import io.platformsim.scheduler.state.NodeTable;
import java.util.List;
import java.util.function.IntPredicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The lowest-index checker (fast scheduler first, reference scan as fallback) answers exactly what
 * a plain scan of the reference filters in index order answers, on clusters with taints, cordons,
 * zones, spread and anti-affinity, for any set of acceptable nodes; and the upstream round-robin
 * checker finds a node exactly when one exists.
 */
class PredicateCheckerProperties {
  static final DimensionRegistry REG = DimensionRegistry.standard();

  static PodSpec pod(String id, int draw) {
    PodSpec.Builder b =
        PodSpec.builder(id, REG)
            .request("cpu", (250 * (1 + draw % 6)) + "m", "memory", "1Gi")
            .label("app", "s" + (draw % 3));
    if (draw % 4 == 0) {
      b.spread(
          new SpreadConstraint(
              1,
              NodeSpec.ZONE,
              WhenUnsatisfiable.DO_NOT_SCHEDULE,
              LabelSelector.matchLabels("app", "s" + (draw % 3))));
    }
    if (draw % 7 == 0) {
      b.antiAffinity(
          new AntiAffinityTerm(
              LabelSelector.matchLabels("app", "s" + (draw % 3)), NodeSpec.HOSTNAME));
    }
    if (draw % 5 == 0) {
      b.toleration(Toleration.exists("dedicated", TaintEffect.NO_SCHEDULE));
    }
    return b.build();
  }

  static int plainLowest(
      PredicateChecker reference, NodeTable t, PodSpec pod, IntPredicate acceptable) {
    for (int n = 0; n < t.size(); n++) {
      if (acceptable.test(n)
          && !t.unschedulable(n)
          && reference.checkPredicates(t, pod, n).isEmpty()) {
        return n;
      }
    }
    return -1;
  }

  @Property(tries = 200)
  void lowestIndexMatchesAPlainScan(
      @ForAll @IntRange(min = 1, max = 12) int nodes,
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 9999) Integer> draws) {
    NodeTable t = new NodeTable(REG);
    for (int n = 0; n < nodes; n++) {
      NodeSpec.Builder b =
          NodeSpec.builder("n" + n, REG)
              .allocatable("cpu", "2")
              .allocatable("memory", "8Gi")
              .allocatable("pods", "110")
              .zone("z" + (n % 3));
      if (n % 4 == 3) {
        b.taint("dedicated", "x", TaintEffect.NO_SCHEDULE);
      }
      t.addNode(b.build());
    }
    PredicateChecker reference = PredicateChecker.withDefaultFilters();
    PredicateChecker lowest = PredicateChecker.lowestIndexWithDefaultFilters();
    PredicateChecker roundRobin = PredicateChecker.withDefaultFilters();
    int i = 0;
    for (int draw : draws) {
      PodSpec p = pod("p" + i++, draw);
      int mask = draw % 8;
      IntPredicate acceptable = n -> mask == 0 || (n + mask) % 3 != 0;
      int want = plainLowest(reference, t, p, acceptable);
      assertEquals(want, lowest.fitsAnyNodeMatching(t, p, acceptable), p + " on " + t);
      assertEquals(want < 0, roundRobin.fitsAnyNodeMatching(t, p, acceptable) < 0);
      int some = draw % nodes;
      assertEquals(reference.checkPredicates(t, p, some).isEmpty(), lowest.fits(t, p, some));
      if (want >= 0 && draw % 3 != 0) {
        t.bind(p, want);
      }
      if (draw % 11 == 0) {
        t.setUnschedulable(draw % nodes, !t.unschedulable(draw % nodes));
      }
      if (draw % 13 == 0 && i > 1 && t.nodeOf("p" + (i - 2)) >= 0) {
        t.unbind("p" + (i - 2));
      }
    }
  }
}
