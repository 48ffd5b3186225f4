package io.platformsim.fleet.manifests;

import io.platformsim.scheduler.pod.AntiAffinityTerm;
import io.platformsim.scheduler.pod.NodeSelectorTerm;
import io.platformsim.scheduler.pod.PreferredTerm;
import io.platformsim.scheduler.pod.SpreadConstraint;
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
 * @param requiredNodeAffinity required node affinity terms, ORed (each term's requirements ANDed;
 *     empty terms, which match no node, left out); empty when the pod has none
 * @param preferredNodeAffinity preferred node affinity terms with their weights (empty terms,
 *     no-ops upstream, left out)
 * @param podAntiAffinity required pod anti-affinity terms (label selector and topology key)
 * @param topologySpread topology spread constraints (maxSkew, topologyKey, whenUnsatisfiable,
 *     labelSelector)
 * @param notModelled field paths inside the document that the scheduler cannot model (required pod
 *     affinity, preferred pod (anti-)affinity, namespaceSelector, matchLabelKeys, minDomains...),
 *     in the order met; see {@link Placement}
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
    Optional<DisruptionBudget> disruptionBudget,
    List<NodeSelectorTerm> requiredNodeAffinity,
    List<PreferredTerm> preferredNodeAffinity,
    List<AntiAffinityTerm> podAntiAffinity,
    List<SpreadConstraint> topologySpread,
    List<String> notModelled) {

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
    requiredNodeAffinity = List.copyOf(requiredNodeAffinity);
    preferredNodeAffinity = List.copyOf(preferredNodeAffinity);
    podAntiAffinity = List.copyOf(podAntiAffinity);
    topologySpread = List.copyOf(topologySpread);
    notModelled = List.copyOf(notModelled);
  }

  /** Details without placement rules (no affinity, anti-affinity or spread; nothing unmodelled). */
  public WorkloadDetails(
      RolloutStrategy strategy,
      String priorityClassName,
      int priority,
      Map<String, String> nodeSelector,
      List<String> tolerations,
      Optional<ProbeTiming> readiness,
      Optional<ProbeTiming> liveness,
      Optional<Autoscaler> autoscaler,
      Optional<DisruptionBudget> disruptionBudget) {
    this(
        strategy,
        priorityClassName,
        priority,
        nodeSelector,
        tolerations,
        readiness,
        liveness,
        autoscaler,
        disruptionBudget,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }
}
