package io.platformsim.scheduler.plugins;

import io.platformsim.scheduler.framework.CycleState;
import io.platformsim.scheduler.framework.FilterPlugin;
import io.platformsim.scheduler.pod.AntiAffinityTerm;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.state.BoundPod;
import io.platformsim.scheduler.state.NodeTable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * InterPodAffinity filter restricted to required anti-affinity, upstream
 * pkg/scheduler/framework/plugins/interpodaffinity/filtering.go (v1.31). Two checks: the incoming
 * pod's terms (no matching pod may run in the node's domain of the term's key), then the existing
 * pods' terms (no existing pod whose term selects the incoming pod may run in the same domain).
 * Nodes without the key pass. Pod affinity and namespaces are not modelled.
 */
public final class InterPodAntiAffinityFilter implements FilterPlugin {
  /** Upstream ErrReasonAntiAffinityRulesNotMatch. */
  public static final String REASON = "node(s) didn't match pod anti-affinity rules";

  /** Upstream ErrReasonExistingAntiAffinityRulesNotMatch. */
  public static final String REASON_EXISTING =
      "node(s) didn't satisfy existing pods anti-affinity rules";

  private static final String KEY = "InterPodAffinity/filter";

  private record State(Map<String, Long> antiCounts, Set<String> existing) {}

  private static String pair(String key, String value) {
    return key + '\u0000' + value;
  }

  @Override
  public String name() {
    return "InterPodAffinity";
  }

  @Override
  public void preFilter(CycleState s) {
    NodeTable t = s.nodes();
    PodSpec pod = s.pod();
    Map<String, Long> anti = new HashMap<>();
    Set<String> existing = new HashSet<>();
    // Incoming pod's terms need every bound pod, but only when it has terms at all
    // (upstream getIncomingAffinityAntiAffinityCounts runs only for pods with affinity).
    if (!pod.antiAffinity().isEmpty()) {
      for (int n = 0; n < t.size(); n++) {
        Map<String, String> labels = t.labels(n);
        for (PodSpec p : t.pods(n)) {
          for (AntiAffinityTerm term : pod.antiAffinity()) {
            String v = labels.get(term.topologyKey());
            if (v != null && term.selector().matches(p.labels())) {
              anti.merge(pair(term.topologyKey(), v), 1L, Long::sum);
            }
          }
        }
      }
    }
    // Existing pods' terms: only pods that carry required anti-affinity, kept incrementally by
    // NodeTable (upstream getExistingAntiAffinityCounts over HavePodsWithRequiredAntiAffinityList).
    for (BoundPod b : t.podsWithAntiAffinity()) {
      Map<String, String> labels = t.labels(b.node());
      for (AntiAffinityTerm term : b.pod().antiAffinity()) {
        String v = labels.get(term.topologyKey());
        if (v != null && term.selector().matches(pod.labels())) {
          existing.add(pair(term.topologyKey(), v));
        }
      }
    }
    s.put(KEY, new State(anti, existing));
  }

  @Override
  public List<String> filter(CycleState s, int node) {
    State st = s.get(KEY);
    Map<String, String> labels = s.nodes().labels(node);
    for (AntiAffinityTerm term : s.pod().antiAffinity()) {
      String v = labels.get(term.topologyKey());
      if (v != null && st.antiCounts.getOrDefault(pair(term.topologyKey(), v), 0L) > 0) {
        return List.of(REASON);
      }
    }
    for (Map.Entry<String, String> e : labels.entrySet()) {
      if (st.existing.contains(pair(e.getKey(), e.getValue()))) {
        return List.of(REASON_EXISTING);
      }
    }
    return List.of();
  }
}
