package io.platformsim.scheduler.placement;

import io.platformsim.scheduler.framework.CycleState;
import io.platformsim.scheduler.framework.FilterPlugin;
import io.platformsim.scheduler.framework.Profile;
import io.platformsim.scheduler.framework.WeightedScorer;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.state.NodeTable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plain reference: runs the profile's plugin objects exactly as the framework does
 * (pkg/scheduler/schedule_one.go, v1.31): PreFilter; Filter nodes in order starting at the
 * round-robin index until {@link NodeSampling#numFeasibleNodesToFind} feasible nodes are found
 * (serially: the start advances by the nodes examined); PreScore, Score and NormalizeScore per
 * plugin; total = Σ weight × score; the highest total wins, ties by {@link TieBreak}.
 */
public final class ReferenceScheduler implements Scheduler {
  private final NodeTable nodes;
  private final Profile profile;
  private final NodeSampling sampling;
  private final long seed;
  private int nextStartNodeIndex;

  /** A reference scheduler. */
  public ReferenceScheduler(NodeTable nodes, Profile profile, NodeSampling sampling, long seed) {
    this.nodes = nodes;
    this.profile = profile;
    this.sampling = sampling;
    this.seed = seed;
  }

  @Override
  public NodeTable nodes() {
    return nodes;
  }

  @Override
  public Profile profile() {
    return profile;
  }

  @Override
  public NodeSampling sampling() {
    return sampling;
  }

  static void validate(NodeTable nodes, PodSpec pod) {
    if (pod.registry() != nodes.registry()) {
      throw new IllegalArgumentException(
          "place: pod '" + pod.id() + "' uses a different dimension registry than the cluster");
    }
    if (nodes.nodeOf(pod.id()) >= 0) {
      throw new IllegalArgumentException(
          "place: pod '"
              + pod.id()
              + "' is already bound to node '"
              + nodes.name(nodes.nodeOf(pod.id()))
              + "'");
    }
  }

  /** Runs every filter on every node and counts reasons (used for unschedulable results). */
  static Map<String, Integer> diagnose(Profile profile, CycleState state) {
    Map<String, Integer> reasons = new TreeMap<>();
    for (FilterPlugin f : profile.filters()) {
      f.preFilter(state);
    }
    for (int n = 0; n < state.nodes().size(); n++) {
      for (FilterPlugin f : profile.filters()) {
        List<String> r = f.filter(state, n);
        if (!r.isEmpty()) {
          for (String reason : r) {
            reasons.merge(reason, 1, Integer::sum);
          }
          break;
        }
      }
    }
    return reasons;
  }

  @Override
  public Placement place(PodSpec pod) {
    validate(nodes, pod);
    int n = nodes.size();
    CycleState state = new CycleState(pod, nodes);
    if (n == 0) {
      return Placement.unschedulable(pod.id(), 0, Map.of());
    }
    for (FilterPlugin f : profile.filters()) {
      f.preFilter(state);
    }
    int toFind = sampling.numFeasibleNodesToFind(n);
    int[] feasible = new int[n];
    int count = 0;
    int processed = 0;
    Map<String, Integer> reasons = new TreeMap<>();
    int start = nextStartNodeIndex % n;
    for (int i = 0; i < n; i++) {
      int node = (start + i) % n;
      processed++;
      boolean ok = true;
      for (FilterPlugin f : profile.filters()) {
        List<String> r = f.filter(state, node);
        if (!r.isEmpty()) {
          for (String reason : r) {
            reasons.merge(reason, 1, Integer::sum);
          }
          ok = false;
          break;
        }
      }
      if (ok) {
        feasible[count++] = node;
        if (count == toFind) {
          break;
        }
      }
    }
    nextStartNodeIndex = (start + processed) % n;
    if (count == 0) {
      return Placement.unschedulable(pod.id(), n, reasons);
    }
    long[] total = new long[count];
    for (WeightedScorer ws : profile.scorers()) {
      ws.plugin().preScore(state, feasible, count);
      long[] scores = new long[count];
      for (int j = 0; j < count; j++) {
        scores[j] = ws.plugin().score(state, feasible[j]);
      }
      ws.plugin().normalize(state, feasible, scores, count);
      for (int j = 0; j < count; j++) {
        total[j] += scores[j] * ws.weight();
      }
    }
    long podHash = TieBreak.stringHash(pod.tieBreakKey());
    int best = -1;
    long bestTotal = 0;
    long bestHash = 0;
    for (int j = 0; j < count; j++) {
      int node = feasible[j];
      long h =
          profile.lowestIndexWins()
              ? 0
              : TieBreak.hash(seed, podHash, TieBreak.stringHash(nodes.name(node)));
      boolean better;
      if (best < 0 || total[j] > bestTotal) {
        better = true;
      } else if (total[j] < bestTotal) {
        better = false;
      } else if (h != bestHash) {
        better = h > bestHash;
      } else {
        better = node < best;
      }
      if (better) {
        best = node;
        bestTotal = total[j];
        bestHash = h;
      }
    }
    return Placement.scheduled(pod.id(), best, nodes.name(best), bestTotal, count, n);
  }

  @Override
  public String toString() {
    return "ReferenceScheduler[" + profile.name() + ", " + sampling + ", " + nodes + "]";
  }
}
