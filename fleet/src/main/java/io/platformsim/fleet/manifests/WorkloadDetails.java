package io.platformsim.fleet.manifests;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What else a workload's manifest says about how it runs and rolls out.
 *
 * @param strategy the rollout strategy, fenceposts resolved to pods
 * @param priorityClassName {@code priorityClassName} of the pod spec, empty when none
 * @param priority the resolved priority: the named PriorityClass's value, the built-in
 *     system-cluster-critical (2000000000) or system-node-critical (2000001000), else the value of
 *     the {@code globalDefault} PriorityClass, else 0 (plugin/pkg/admission/priority/admission.go)
 * @param nodeSelector the pod's node selector (sorted copy)
 * @param tolerations the pod's tolerations, each as {@code key=value:effect}, {@code key:effect}
 *     ({@code Exists}) or {@code *} (tolerates everything), with {@code " for <n>s"} appended when
 *     {@code tolerationSeconds} is set
 * @param readiness the first app container's readiness probe, if any
 * @param liveness the first app container's liveness probe, if any
 * @param autoscaler the HorizontalPodAutoscaler (autoscaling/v2) targeting the workload, if any
 * @param disruptionBudget the PodDisruptionBudget selecting its pods, if any
 */
public record WorkloadDetails(
    RolloutStrategy strategy,
    String priorityClassName,
    int priority,
    Map<String, String> nodeSelector,
    List<String> tolerations,
    Optional<ProbeTiming> readiness,
    Optional<ProbeTiming> liveness,
    Optional<Autoscaler> autoscaler,
    Optional<DisruptionBudget> disruptionBudget) {

  /** Copies the collections; rejects nulls. */
  public WorkloadDetails {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(priorityClassName, "priorityClassName");
    nodeSelector = Map.copyOf(nodeSelector);
    tolerations = List.copyOf(tolerations);
    Objects.requireNonNull(readiness, "readiness");
    Objects.requireNonNull(liveness, "liveness");
    Objects.requireNonNull(autoscaler, "autoscaler");
    Objects.requireNonNull(disruptionBudget, "disruptionBudget");
  }
}
