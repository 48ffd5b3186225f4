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

  private final List<Located<HorizontalPodAutoscaler>> hpas = new ArrayList<>();
  private final List<Located<PodDisruptionBudget>> pdbs = new ArrayList<>();
  private final Set<Object> used = Collections.newSetFromMap(new IdentityHashMap<>());

  void add(HorizontalPodAutoscaler hpa, String namespace, String path, String source) {
    hpas.add(new Located<>(hpa, namespace, path, source));
  }

  void add(PodDisruptionBudget pdb, String namespace, String path, String source) {
    pdbs.add(new Located<>(pdb, namespace, path, source));
  }

  Optional<Autoscaler> autoscaler(String kind, String namespace, String name) {
    for (Located<HorizontalPodAutoscaler> l : hpas) {
      HorizontalPodAutoscalerSpec spec = l.object().getSpec();
      if (!l.namespace().equals(namespace) || spec == null || spec.getScaleTargetRef() == null) {
        continue;
      }
      if (kind.equals(spec.getScaleTargetRef().getKind())
          && name.equals(spec.getScaleTargetRef().getName())) {
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
    }
    return Optional.empty();
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
    for (Located<PodDisruptionBudget> l : pdbs) {
      PodDisruptionBudgetSpec spec = l.object().getSpec();
      if (!l.namespace().equals(namespace)
          || spec == null
          || spec.getSelector() == null
          || !matches(spec.getSelector(), labels)) {
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
    for (Located<?> l : hpas) {
      if (!used.contains(l)) {
        skipped.merge("HorizontalPodAutoscaler (no target)", 1, Integer::sum);
      }
    }
    for (Located<?> l : pdbs) {
      if (!used.contains(l)) {
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
