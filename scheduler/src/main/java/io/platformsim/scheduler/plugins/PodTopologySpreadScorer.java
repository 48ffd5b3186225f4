package io.platformsim.scheduler.plugins;

import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.framework.CycleState;
import io.platformsim.scheduler.framework.ScorePlugin;
import io.platformsim.scheduler.pod.LabelSelector;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.pod.SpreadConstraint;
import io.platformsim.scheduler.pod.WhenUnsatisfiable;
import io.platformsim.scheduler.state.NodeTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PodTopologySpread score for ScheduleAnyway constraints, upstream
 * pkg/scheduler/framework/plugins/podtopologyspread/scoring.go (v1.31).
 *
 * <p>A pod without constraints gets the system defaults (plugin.go {@code
 * systemDefaultConstraints}): hostname maxSkew 3 then zone maxSkew 5, ScheduleAnyway, selecting
 * pods like this one. Upstream derives that selector from the Services/ReplicaSets/StatefulSets
 * that select the pod; here it is {@code matchLabels(pod.labels)}, and a pod without labels gets no
 * default constraints. With the system defaults nodes lacking a key are not ignored (their value
 * counts as ""), as upstream.
 *
 * <p>Per node: {@code Σ_c cnt·log(size_c + 2) + (maxSkew − 1)} in float64, rounded; normalized as
 * {@code 100 · (max + min − s) / max} (100 for all if max is 0), ignored nodes 0.
 */
public final class PodTopologySpreadScorer implements ScorePlugin {
  /** Default hostname maxSkew (plugin.go systemDefaultConstraints). */
  public static final int DEFAULT_HOSTNAME_SKEW = 3;

  /** Default zone maxSkew. */
  public static final int DEFAULT_ZONE_SKEW = 5;

  private static final String KEY = "PodTopologySpread/score";

  private record State(
      List<SpreadConstraint> constraints,
      Set<Integer> ignored,
      List<Map<String, Long>> counts,
      double[] weights) {}

  @Override
  public String name() {
    return "PodTopologySpread";
  }

  /**
   * The constraints this scorer applies to {@code pod} (explicit ScheduleAnyway, or the system
   * defaults).
   */
  public static List<SpreadConstraint> scoringConstraints(PodSpec pod) {
    List<SpreadConstraint> out = new ArrayList<>();
    if (!pod.spreadConstraints().isEmpty()) {
      for (SpreadConstraint c : pod.spreadConstraints()) {
        if (c.whenUnsatisfiable() == WhenUnsatisfiable.SCHEDULE_ANYWAY) {
          out.add(c);
        }
      }
      return out;
    }
    if (pod.labels().isEmpty()) {
      return out;
    }
    LabelSelector sel = LabelSelector.matchLabels(pod.labels());
    out.add(
        new SpreadConstraint(
            DEFAULT_HOSTNAME_SKEW, NodeSpec.HOSTNAME, WhenUnsatisfiable.SCHEDULE_ANYWAY, sel));
    out.add(
        new SpreadConstraint(
            DEFAULT_ZONE_SKEW, NodeSpec.ZONE, WhenUnsatisfiable.SCHEDULE_ANYWAY, sel));
    return out;
  }

  @Override
  public void preScore(CycleState s, int[] feasible, int count) {
    PodSpec pod = s.pod();
    List<SpreadConstraint> cs = scoringConstraints(pod);
    if (cs.isEmpty()) {
      s.put(KEY, null);
      return;
    }
    boolean requireAll = !pod.spreadConstraints().isEmpty();
    NodeTable t = s.nodes();
    Set<Integer> ignored = new HashSet<>();
    List<Map<String, Long>> counts = new ArrayList<>();
    int[] topoSize = new int[cs.size()];
    for (int i = 0; i < cs.size(); i++) {
      counts.add(new HashMap<>());
    }
    for (int j = 0; j < count; j++) {
      int n = feasible[j];
      Map<String, String> labels = t.labels(n);
      if (requireAll && !PodTopologySpreadFilter.hasAllKeys(labels, cs)) {
        ignored.add(n);
        continue;
      }
      for (int i = 0; i < cs.size(); i++) {
        String key = cs.get(i).topologyKey();
        if (key.equals(NodeSpec.HOSTNAME)) {
          continue;
        }
        String v = labels.getOrDefault(key, "");
        if (!counts.get(i).containsKey(v)) {
          counts.get(i).put(v, 0L);
          topoSize[i]++;
        }
      }
    }
    double[] weights = new double[cs.size()];
    for (int i = 0; i < cs.size(); i++) {
      int size =
          cs.get(i).topologyKey().equals(NodeSpec.HOSTNAME) ? count - ignored.size() : topoSize[i];
      weights[i] = Math.log(size + 2);
    }
    for (int n = 0; n < t.size(); n++) {
      Map<String, String> labels = t.labels(n);
      if (!pod.matchesNodeSelectorAndAffinity(labels)) {
        continue;
      }
      if (requireAll && !PodTopologySpreadFilter.hasAllKeys(labels, cs)) {
        continue;
      }
      for (int i = 0; i < cs.size(); i++) {
        Map<String, Long> m = counts.get(i);
        String v = labels.getOrDefault(cs.get(i).topologyKey(), "");
        if (!m.containsKey(v)) {
          continue;
        }
        m.put(v, m.get(v) + PodTopologySpreadFilter.countMatching(t, n, cs.get(i)));
      }
    }
    s.put(KEY, new State(cs, ignored, counts, weights));
  }

  @Override
  public long score(CycleState s, int node) {
    State st = s.get(KEY);
    if (st == null || st.ignored.contains(node)) {
      return 0;
    }
    Map<String, String> labels = s.nodes().labels(node);
    double score = 0;
    for (int i = 0; i < st.constraints.size(); i++) {
      SpreadConstraint c = st.constraints.get(i);
      String v = labels.get(c.topologyKey());
      if (v == null) {
        continue;
      }
      long cnt =
          c.topologyKey().equals(NodeSpec.HOSTNAME)
              ? PodTopologySpreadFilter.countMatching(s.nodes(), node, c)
              : st.counts.get(i).get(v);
      score += scoreForCount(cnt, c.maxSkew(), st.weights[i]);
    }
    return Math.round(score);
  }

  /** Upstream {@code scoreForCount}. */
  public static double scoreForCount(long cnt, int maxSkew, double weight) {
    return (double) cnt * weight + (double) (maxSkew - 1);
  }

  @Override
  public void normalize(CycleState s, int[] feasible, long[] scores, int count) {
    State st = s.get(KEY);
    if (st == null) {
      return;
    }
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int j = 0; j < count; j++) {
      if (st.ignored.contains(feasible[j])) {
        continue;
      }
      min = Math.min(min, scores[j]);
      max = Math.max(max, scores[j]);
    }
    for (int j = 0; j < count; j++) {
      if (st.ignored.contains(feasible[j])) {
        scores[j] = 0;
      } else if (max == 0) {
        scores[j] = 100;
      } else {
        scores[j] = 100 * (max + min - scores[j]) / max;
      }
    }
  }
}
