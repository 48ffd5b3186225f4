package io.platformsim.fleet.manifests;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The HPAs and PDBs of the input and the workloads they attach to: an HPA by its {@code
 * scaleTargetRef} (kind and name, same namespace), as the HPA controller resolves its target; a PDB
 * by its label selector over the pod template's labels (same namespace; an empty selector matches
 * every pod, a missing one none, as policy/v1 does). The first one read wins when several attach to
 * one workload. Those attached to nothing are reported as skipped.
 */
final class Attachments {

  /** An HPA or PDB, where it was read ({@code file#document}) and its path there. */
  private record Located<T>(T object, String namespace, String path, String source) {
    String field(String name) {
      return (path.isEmpty() ? "" : path + ".") + "spec." + name;
    }

    String where() {
      return " (" + source + ")";
    }
  }

  // Indexed so that attaching is a look-up per workload, not a scan of every HPA and PDB (the scan
  // made importing 10,000 workloads quadratic: ManifestImportBenchmark). Lists keep reading order,
  // so the first one read still wins.
  private final Map<String, List<Located<HorizontalPodAutoscaler>>> hpasByTarget = new HashMap<>();
  private final Map<String, List<Located<PodDisruptionBudget>>> pdbsByNamespace = new HashMap<>();
  private final List<Located<?>> all = new ArrayList<>();
  private final Set<Located<?>> used = Collections.newSetFromMap(new IdentityHashMap<>());

  void add(HorizontalPodAutoscaler hpa, String namespace, String path, String source) {
    Located<HorizontalPodAutoscaler> l = new Located<>(hpa, namespace, path, source);
    all.add(l);
    HorizontalPodAutoscalerSpec spec = hpa.getSpec();
    if (spec != null && spec.getScaleTargetRef() != null) {
      String key =
          target(namespace, spec.getScaleTargetRef().getKind(), spec.getScaleTargetRef().getName());
      hpasByTarget.computeIfAbsent(key, k -> new ArrayList<>()).add(l);
    }
  }

  void add(PodDisruptionBudget pdb, String namespace, String path, String source) {
    Located<PodDisruptionBudget> l = new Located<>(pdb, namespace, path, source);
    all.add(l);
    pdbsByNamespace.computeIfAbsent(namespace, k -> new ArrayList<>()).add(l);
  }

  private static String target(String namespace, String kind, String name) {
    return namespace + "/" + kind + "/" + name;
  }

  Optional<Autoscaler> autoscaler(String kind, String namespace, String name) {
    List<Located<HorizontalPodAutoscaler>> targeting =
        hpasByTarget.getOrDefault(target(namespace, kind, name), List.of());
    if (targeting.isEmpty()) {
      return Optional.empty();
    }
    Located<HorizontalPodAutoscaler> l = targeting.get(0);
    HorizontalPodAutoscalerSpec spec = l.object().getSpec();
    used.add(l);
    int min = spec.getMinReplicas() == null ? 1 : spec.getMinReplicas();
    Integer max = spec.getMaxReplicas();
    if (max == null || max < min || min < 1) {
      throw new FieldProblem(
          l.field("maxReplicas"),
          "need 1 <= minReplicas <= maxReplicas, were " + min + ", " + max + l.where());
    }
    return Optional.of(
        new Autoscaler(l.object().getMetadata().getName(), min, max, cpuTarget(spec)));
  }

  private static OptionalInt cpuTarget(HorizontalPodAutoscalerSpec spec) {
    List<MetricSpec> metrics = spec.getMetrics();
    if (metrics == null || metrics.isEmpty()) {
      return OptionalInt.of(80);
    }
    for (MetricSpec m : metrics) {
      if (m.getResource() != null
          && "cpu".equals(m.getResource().getName())
          && m.getResource().getTarget() != null
          && m.getResource().getTarget().getAverageUtilization() != null) {
        return OptionalInt.of(m.getResource().getTarget().getAverageUtilization());
      }
    }
    return OptionalInt.empty();
  }

  Optional<DisruptionBudget> disruptionBudget(
      String namespace, Map<String, String> labels, int replicas) {
    for (Located<PodDisruptionBudget> l : pdbsByNamespace.getOrDefault(namespace, List.of())) {
      PodDisruptionBudgetSpec spec = l.object().getSpec();
      if (spec == null || spec.getSelector() == null || !matches(spec.getSelector(), labels)) {
        continue;
      }
      used.add(l);
      int desiredHealthy;
      try {
        desiredHealthy = desiredHealthy(spec, replicas, l);
      } catch (FieldProblem e) {
        throw new FieldProblem(e.field(), e.getMessage() + l.where());
      }
      return Optional.of(
          new DisruptionBudget(
              l.object().getMetadata().getName(),
              text(spec.getMinAvailable()),
              text(spec.getMaxUnavailable()),
              Math.max(0, replicas - desiredHealthy)));
    }
    return Optional.empty();
  }

  private static int desiredHealthy(
      PodDisruptionBudgetSpec spec, int replicas, Located<PodDisruptionBudget> l) {
    int desiredHealthy;
    {
      if (spec.getMaxUnavailable() != null) {
        int down =
            RolloutStrategy.scaled(
                spec.getMaxUnavailable(), "0", replicas, true, l.field("maxUnavailable"));
        desiredHealthy = Math.max(0, replicas - down);
      } else if (spec.getMinAvailable() != null) {
        desiredHealthy =
            RolloutStrategy.scaled(
                spec.getMinAvailable(), "1", replicas, true, l.field("minAvailable"));
      } else {
        desiredHealthy = 1;
      }
    }
    return desiredHealthy;
  }

  /** Adds the HPAs and PDBs attached to no workload to {@code skipped}. */
  void countUnattached(Map<String, Integer> skipped) {
    for (Located<?> l : all) {
      if (used.contains(l)) {
        continue;
      }
      if (l.object() instanceof HorizontalPodAutoscaler) {
        skipped.merge("HorizontalPodAutoscaler (no target)", 1, Integer::sum);
      } else {
        skipped.merge("PodDisruptionBudget (no pods)", 1, Integer::sum);
      }
    }
  }

  /** {@code LabelSelectorAsSelector} semantics (apimachinery pkg/apis/meta/v1/helpers.go). */
  static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector.getMatchLabels() != null) {
      for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
        if (!e.getValue().equals(labels.get(e.getKey()))) {
          return false;
        }
      }
    }
    if (selector.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
        String v = labels.get(r.getKey());
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        boolean ok =
            switch (r.getOperator() == null ? "" : r.getOperator()) {
              case "In" -> v != null && values.contains(v);
              case "NotIn" -> v == null || !values.contains(v);
              case "Exists" -> v != null;
              case "DoesNotExist" -> v == null;
              default -> false;
            };
        if (!ok) {
          return false;
        }
      }
    }
    return true;
  }

  private static String text(IntOrString v) {
    if (v == null) {
      return "";
    }
    return v.getIntVal() != null ? String.valueOf(v.getIntVal()) : v.getStrVal();
  }
}
