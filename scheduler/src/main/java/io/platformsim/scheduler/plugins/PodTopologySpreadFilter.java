package io.platformsim.scheduler.plugins;

import io.platformsim.scheduler.framework.CycleState;
import io.platformsim.scheduler.framework.FilterPlugin;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.pod.SpreadConstraint;
import io.platformsim.scheduler.pod.WhenUnsatisfiable;
import io.platformsim.scheduler.state.NodeTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PodTopologySpread filter for DoNotSchedule constraints, upstream
 * pkg/scheduler/framework/plugins/podtopologyspread/filtering.go (v1.31). PreFilter counts, over
 * all nodes that match the pod's node selector/affinity (nodeAffinityPolicy Honor) and carry every
 * constraint's topology key, the pods matching each selector per domain; the global minimum is the
 * smallest domain count. Filter: a node without the key fails ("missing required label"); otherwise
 * {@code count(domain) + selfMatch − min > maxSkew} fails. minDomains is not modelled.
 */
public final class PodTopologySpreadFilter implements FilterPlugin {
  /** Upstream ErrReasonConstraintsNotMatch. */
  public static final String REASON = "node(s) didn't match pod topology spread constraints";

  /** Upstream ErrReasonNodeLabelNotMatch. */
  public static final String REASON_LABEL =
      "node(s) didn't match pod topology spread constraints (missing required label)";

  private static final String KEY = "PodTopologySpread/filter";

  private record State(
      List<SpreadConstraint> constraints, List<Map<String, Long>> counts, long[] min) {}

  @Override
  public String name() {
    return "PodTopologySpread";
  }

  /** The pod's DoNotSchedule constraints. */
  static List<SpreadConstraint> hardConstraints(PodSpec pod) {
    List<SpreadConstraint> out = new ArrayList<>();
    for (SpreadConstraint c : pod.spreadConstraints()) {
      if (c.whenUnsatisfiable() == WhenUnsatisfiable.DO_NOT_SCHEDULE) {
        out.add(c);
      }
    }
    return out;
  }

  static boolean hasAllKeys(Map<String, String> labels, List<SpreadConstraint> cs) {
    for (SpreadConstraint c : cs) {
      if (!labels.containsKey(c.topologyKey())) {
        return false;
      }
    }
    return true;
  }

  static long countMatching(NodeTable t, int node, SpreadConstraint c) {
    long n = 0;
    for (PodSpec p : t.pods(node)) {
      if (c.selector().matches(p.labels())) {
        n++;
      }
    }
    return n;
  }

  @Override
  public void preFilter(CycleState s) {
    List<SpreadConstraint> cs = hardConstraints(s.pod());
    if (cs.isEmpty()) {
      s.put(KEY, null);
      return;
    }
    NodeTable t = s.nodes();
    List<Map<String, Long>> counts = new ArrayList<>();
    for (int i = 0; i < cs.size(); i++) {
      counts.add(new HashMap<>());
    }
    for (int n = 0; n < t.size(); n++) {
      Map<String, String> labels = t.labels(n);
      if (!s.pod().matchesNodeSelectorAndAffinity(labels) || !hasAllKeys(labels, cs)) {
        continue;
      }
      for (int i = 0; i < cs.size(); i++) {
        counts
            .get(i)
            .merge(labels.get(cs.get(i).topologyKey()), countMatching(t, n, cs.get(i)), Long::sum);
      }
    }
    long[] min = new long[cs.size()];
    for (int i = 0; i < cs.size(); i++) {
      long m = Integer.MAX_VALUE;
      for (long v : counts.get(i).values()) {
        m = Math.min(m, v);
      }
      min[i] = m;
    }
    s.put(KEY, new State(cs, counts, min));
  }

  @Override
  public List<String> filter(CycleState s, int node) {
    State st = s.get(KEY);
    if (st == null) {
      return List.of();
    }
    Map<String, String> labels = s.nodes().labels(node);
    for (int i = 0; i < st.constraints.size(); i++) {
      SpreadConstraint c = st.constraints.get(i);
      String value = labels.get(c.topologyKey());
      if (value == null) {
        return List.of(REASON_LABEL);
      }
      long self = c.selector().matches(s.pod().labels()) ? 1 : 0;
      long match = st.counts.get(i).getOrDefault(value, 0L);
      if (match + self - st.min[i] > c.maxSkew()) {
        return List.of(REASON);
      }
    }
    return List.of();
  }
}
