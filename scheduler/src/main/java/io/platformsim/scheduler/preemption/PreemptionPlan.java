package io.platformsim.scheduler.preemption;

import io.platformsim.scheduler.pod.PodSpec;
import java.util.List;

/**
 * Where a preemptor should go and whom to evict: {@code node} (-1 if preemption cannot help), the
 * victims (highest priority first) and how many of them violate a disruption budget.
 */
public record PreemptionPlan(
    String podId,
    int node,
    String nodeName,
    List<PodSpec> victims,
    int pdbViolations,
    int candidatesEvaluated) {
  /** Copies. */
  public PreemptionPlan {
    victims = List.copyOf(victims);
  }

  /** No node can be freed for the pod. */
  public static PreemptionPlan none(String podId, int evaluated) {
    return new PreemptionPlan(podId, -1, null, List.of(), 0, evaluated);
  }

  /** Whether a node was found. */
  public boolean isPossible() {
    return node >= 0;
  }

  @Override
  public String toString() {
    if (!isPossible()) {
      return "PreemptionPlan[" + podId + ": no candidate node]";
    }
    return "PreemptionPlan["
        + podId
        + " -> "
        + nodeName
        + ", evict "
        + victims.stream().map(PodSpec::id).toList()
        + ", "
        + pdbViolations
        + " PDB violation(s)]";
  }
}
