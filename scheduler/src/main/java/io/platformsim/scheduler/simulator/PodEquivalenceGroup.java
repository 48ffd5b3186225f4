package io.platformsim.scheduler.simulator;

import io.platformsim.scheduler.pod.PodSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pods the scheduler cannot tell apart (upstream {@code estimator.PodEquivalenceGroup}): the
 * estimator orders groups by their first pod, and once one pod of a group fits on none of the new
 * nodes it stops trying the rest there.
 *
 * @param pods the pods, at least one
 */
public record PodEquivalenceGroup(List<PodSpec> pods) {
  /** Copies the list. */
  public PodEquivalenceGroup {
    if (pods.isEmpty()) {
      throw new IllegalArgumentException("a pod equivalence group needs at least one pod");
    }
    pods = List.copyOf(pods);
  }

  /** The pod that stands for the group (upstream {@code Exemplar}). */
  public PodSpec exemplar() {
    return pods.get(0);
  }

  /**
   * Groups {@code pods} by everything the filters read (requests, labels, tolerations, node
   * selector and affinity, spread and anti-affinity terms, priority), keeping first-seen order;
   * upstream groups by owning controller and equal spec, which gives the same groups for the
   * replicas of one template.
   */
  public static List<PodEquivalenceGroup> of(List<PodSpec> pods) {
    Map<Object, List<PodSpec>> groups = new LinkedHashMap<>();
    for (PodSpec p : pods) {
      groups.computeIfAbsent(key(p), k -> new ArrayList<>()).add(p);
    }
    return groups.values().stream().map(PodEquivalenceGroup::new).toList();
  }

  private static Object key(PodSpec p) {
    return List.of(
        Arrays.stream(p.requestArray()).boxed().toList(),
        p.labels(),
        p.tolerations(),
        p.nodeSelector(),
        p.requiredNodeAffinity(),
        p.spreadConstraints(),
        p.antiAffinity(),
        p.priority());
  }

  @Override
  public String toString() {
    return "PodEquivalenceGroup[" + pods.size() + " like " + exemplar() + "]";
  }
}
