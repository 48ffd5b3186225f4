package io.platformsim.core.kusp;

import io.platformsim.scheduler.pod.AntiAffinityTerm;
import io.platformsim.scheduler.pod.LabelSelector;
import io.platformsim.scheduler.pod.NodeSelectorTerm;
import io.platformsim.scheduler.pod.PreferredTerm;
import io.platformsim.scheduler.pod.Requirement;
import io.platformsim.scheduler.pod.SpreadConstraint;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks {@link DeploymentSpec} makes of its pod template's labels and placement terms, as the
 * API server makes them (k/k {@code pkg/apis/core/validation/validation.go}): labels by {@code
 * ValidateLabels} ({@link LabelSyntax}); node selector requirement keys by {@code
 * ValidateNodeSelectorRequirement}; preferred weights 1..100 by {@code
 * ValidatePreferredSchedulingTerms} (the {@link PreferredTerm} record checks it); a pod
 * anti-affinity term's topology key by {@code validatePodAffinityTerm} and its selector by
 * apimachinery's {@code ValidateLabelSelector} (keys and values); a spread constraint by {@code
 * validateTopologySpreadConstraints} ({@code ValidateMaxSkew} in the record, {@code
 * ValidateTopologyKey}, {@code ValidateSpreadConstraintNotRepeat}: one constraint per topology key
 * and {@code whenUnsatisfiable}). Every message names the API field.
 */
final class PodTemplateTerms {

  /**
   * Labels the model sets itself: {@code app=<service>} on every pod (the services' and DaemonSets'
   * own selectors, PodDisruptionBudgets and the {@code placement} section's terms select by it) and
   * the DaemonSet controller's generation label.
   */
  static final Set<String> RESERVED_LABELS =
      Set.of(LivePods.APP_LABEL, LivePods.DAEMON_GENERATION_LABEL);

  private PodTemplateTerms() {}

  static Map<String, String> checkedLabels(Map<String, String> labels) {
    if (labels == null) {
      throw new IllegalArgumentException("spec.template.metadata.labels must not be null");
    }
    for (Map.Entry<String, String> e : labels.entrySet()) {
      fail("spec.template.metadata.labels", LabelSyntax.keyProblem(e.getKey()));
      fail("spec.template.metadata.labels", LabelSyntax.valueProblem(e.getValue()));
      if (RESERVED_LABELS.contains(e.getKey())) {
        throw new IllegalArgumentException(
            "spec.template.metadata.labels: '"
                + e.getKey()
                + "' is set by the model (app=<service> on every pod), was "
                + e.getKey()
                + "="
                + e.getValue());
      }
    }
    return labels;
  }

  static List<NodeSelectorTerm> checkedNodeTerms(List<NodeSelectorTerm> terms) {
    String field = "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution";
    for (NodeSelectorTerm t : noNulls(field, terms)) {
      keys(field, t.requirements(), false);
    }
    return List.copyOf(terms);
  }

  static List<PreferredTerm> checkedPreferred(List<PreferredTerm> terms) {
    String field = "spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution";
    for (PreferredTerm t : noNulls(field, terms)) {
      keys(field, t.term().requirements(), false);
    }
    return List.copyOf(terms);
  }

  static List<AntiAffinityTerm> checkedAntiAffinity(List<AntiAffinityTerm> terms) {
    String field = "spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution";
    for (AntiAffinityTerm t : noNulls(field, terms)) {
      fail(field + ".topologyKey", LabelSyntax.keyProblem(t.topologyKey()));
      selector(field + ".labelSelector", t.selector());
    }
    return List.copyOf(terms);
  }

  static List<SpreadConstraint> checkedSpread(List<SpreadConstraint> constraints) {
    String field = "spec.topologySpreadConstraints";
    Set<String> seen = new HashSet<>();
    for (SpreadConstraint c : noNulls(field, constraints)) {
      fail(field + ".topologyKey", LabelSyntax.keyProblem(c.topologyKey()));
      selector(field + ".labelSelector", c.selector());
      if (!seen.add(c.topologyKey() + "\n" + c.whenUnsatisfiable())) {
        throw new IllegalArgumentException(
            field
                + ": two constraints on topologyKey '"
                + c.topologyKey()
                + "' with whenUnsatisfiable "
                + c.whenUnsatisfiable()
                + " (one per pair)");
      }
    }
    return List.copyOf(constraints);
  }

  private static void selector(String field, LabelSelector s) {
    keys(field, s.requirements(), true);
  }

  // Keys of every requirement; values too in a pod label selector (a node selector's In values
  // are not label values upstream: Gt/Lt take integers).
  private static void keys(String field, List<Requirement> requirements, boolean values) {
    for (Requirement r : requirements) {
      fail(field + ".key", LabelSyntax.keyProblem(r.key()));
      if (values) {
        for (String v : r.values()) {
          fail(field + ".values", LabelSyntax.valueProblem(v));
        }
      }
    }
  }

  private static <T> List<T> noNulls(String field, List<T> items) {
    if (items == null || items.stream().anyMatch(t -> t == null)) {
      throw new IllegalArgumentException(
          field + " must be a list without null entries, was " + items);
    }
    return items;
  }

  private static void fail(String field, Optional<String> problem) {
    if (problem.isPresent()) {
      throw new IllegalArgumentException(field + ": " + problem.get());
    }
  }
}
