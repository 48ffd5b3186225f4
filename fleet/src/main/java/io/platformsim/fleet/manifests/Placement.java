package io.platformsim.fleet.manifests;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodAntiAffinity;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.platformsim.scheduler.pod.AntiAffinityTerm;
import io.platformsim.scheduler.pod.LabelSelector;
import io.platformsim.scheduler.pod.NodeSelectorTerm;
import io.platformsim.scheduler.pod.Operator;
import io.platformsim.scheduler.pod.PreferredTerm;
import io.platformsim.scheduler.pod.Requirement;
import io.platformsim.scheduler.pod.SpreadConstraint;
import io.platformsim.scheduler.pod.WhenUnsatisfiable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The placement rules of a pod spec in the scheduler's terms, and the field paths of those the
 * scheduler cannot model.
 *
 * <p>Semantics follow the API types (kubernetes/kubernetes pkg/apis/core/types.go, {@code
 * NodeSelector}, {@code NodeSelectorTerm}, {@code PodAffinityTerm}, {@code
 * TopologySpreadConstraint}) and their readers: the terms of {@code
 * requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms} are ORed, the requirements of a
 * term ANDed, and a null or empty term matches no node ({@code NodeSelectorTerm} comment; {@code
 * nodeaffinity.NewLazyErrorNodeSelector}, k8s.io/component-helpers scheduling/corev1/nodeaffinity);
 * an empty preferred term is a no-op ({@code PreferredSchedulingTerm} comment); {@code Gt} and
 * {@code Lt} compare integers; a label selector's {@code matchLabels} and {@code matchExpressions}
 * are ANDed ({@code LabelSelectorAsSelector}, apimachinery pkg/apis/meta/v1/helpers.go), and a null
 * selector in a pod (anti-)affinity term or a spread constraint selects no pod ({@code
 * labels.Nothing}), which makes the term a no-op.
 *
 * <p>Not modelled, so listed (never silently dropped): required pod affinity, preferred pod
 * affinity and anti-affinity, {@code matchFields} of node terms, {@code namespaces}, {@code
 * namespaceSelector}, {@code matchLabelKeys} and {@code mismatchLabelKeys} of pod terms, and {@code
 * minDomains}, {@code matchLabelKeys}, and non-default {@code nodeAffinityPolicy} (default Honor)
 * or {@code nodeTaintsPolicy} (default Ignore) of spread constraints. A pod term's implicit scope
 * (its own namespace) is not carried either: the scheduler has one namespace.
 *
 * @param required required node affinity terms (ORed); empty when none
 * @param preferred preferred node affinity terms with their weights
 * @param antiAffinity required pod anti-affinity terms
 * @param spread topology spread constraints
 * @param notModelled field paths (inside the document) the scheduler cannot model
 */
record Placement(
    List<NodeSelectorTerm> required,
    List<PreferredTerm> preferred,
    List<AntiAffinityTerm> antiAffinity,
    List<SpreadConstraint> spread,
    List<String> notModelled) {

  Placement {
    required = List.copyOf(required);
    preferred = List.copyOf(preferred);
    antiAffinity = List.copyOf(antiAffinity);
    spread = List.copyOf(spread);
    notModelled = List.copyOf(notModelled);
  }

  private static final String REQUIRED = "requiredDuringSchedulingIgnoredDuringExecution";
  private static final String PREFERRED = "preferredDuringSchedulingIgnoredDuringExecution";

  /**
   * The placement of {@code spec}.
   *
   * @param specPath the path of the pod spec in its document, for messages
   * @throws FieldProblem on a value the API would reject (operator, arity, weight, maxSkew...)
   */
  static Placement of(PodSpec spec, String specPath) {
    List<NodeSelectorTerm> required = new ArrayList<>();
    List<PreferredTerm> preferred = new ArrayList<>();
    List<AntiAffinityTerm> anti = new ArrayList<>();
    List<SpreadConstraint> spread = new ArrayList<>();
    List<String> notModelled = new ArrayList<>();
    Affinity affinity = spec.getAffinity();
    String at = specPath + ".affinity";
    if (affinity != null) {
      nodeAffinity(
          affinity.getNodeAffinity(), at + ".nodeAffinity", required, preferred, notModelled);
      if (affinity.getPodAffinity() != null) {
        if (!orEmpty(affinity.getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution())
            .isEmpty()) {
          notModelled.add(at + ".podAffinity." + REQUIRED);
        }
        if (!orEmpty(affinity.getPodAffinity().getPreferredDuringSchedulingIgnoredDuringExecution())
            .isEmpty()) {
          notModelled.add(at + ".podAffinity." + PREFERRED);
        }
      }
      podAntiAffinity(affinity.getPodAntiAffinity(), at + ".podAntiAffinity", anti, notModelled);
    }
    List<TopologySpreadConstraint> constraints = orEmpty(spec.getTopologySpreadConstraints());
    for (int i = 0; i < constraints.size(); i++) {
      String path = specPath + ".topologySpreadConstraints[" + i + "]";
      SpreadConstraint c = spreadConstraint(present(constraints.get(i), path), path, notModelled);
      if (c != null) {
        spread.add(c);
      }
    }
    return new Placement(required, preferred, anti, spread, notModelled);
  }

  private static void nodeAffinity(
      NodeAffinity node,
      String at,
      List<NodeSelectorTerm> required,
      List<PreferredTerm> preferred,
      List<String> notModelled) {
    if (node == null) {
      return;
    }
    if (node.getRequiredDuringSchedulingIgnoredDuringExecution() != null) {
      var terms =
          orEmpty(node.getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms());
      boolean anyMatchFields = false;
      for (int i = 0; i < terms.size(); i++) {
        String path = at + "." + REQUIRED + ".nodeSelectorTerms[" + i + "]";
        var t = terms.get(i);
        if (t != null && !orEmpty(t.getMatchFields()).isEmpty()) {
          notModelled.add(path + ".matchFields");
          anyMatchFields = true;
        }
        NodeSelectorTerm term = t == null ? null : term(t.getMatchExpressions(), path);
        // an empty term matches no node: in an OR it adds nothing (types.go NodeSelectorTerm)
        if (term != null) {
          required.add(term);
        }
      }
      if (!terms.isEmpty() && required.isEmpty() && !anyMatchFields) {
        throw new FieldProblem(
            at + "." + REQUIRED + ".nodeSelectorTerms",
            "every term is empty, so the pod matches no node");
      }
    }
    List<PreferredSchedulingTerm> prefs =
        orEmpty(node.getPreferredDuringSchedulingIgnoredDuringExecution());
    for (int i = 0; i < prefs.size(); i++) {
      String path = at + "." + PREFERRED + "[" + i + "]";
      PreferredSchedulingTerm p = present(prefs.get(i), path);
      if (p.getPreference() != null && !orEmpty(p.getPreference().getMatchFields()).isEmpty()) {
        notModelled.add(path + ".preference.matchFields");
      }
      NodeSelectorTerm term =
          p.getPreference() == null
              ? null
              : term(p.getPreference().getMatchExpressions(), path + ".preference");
      if (term == null) {
        continue; // an empty preferred term is a no-op (types.go PreferredSchedulingTerm)
      }
      int weight = p.getWeight() == null ? 0 : p.getWeight();
      preferred.add(checked(path + ".weight", () -> new PreferredTerm(weight, term)));
    }
  }

  /** A term from node selector requirements, or null when there are none. */
  private static NodeSelectorTerm term(List<NodeSelectorRequirement> expressions, String path) {
    List<Requirement> rs = new ArrayList<>();
    List<NodeSelectorRequirement> list = orEmpty(expressions);
    for (int i = 0; i < list.size(); i++) {
      String field = path + ".matchExpressions[" + i + "]";
      NodeSelectorRequirement r = present(list.get(i), field);
      Operator op = operator(r.getOperator(), field + ".operator", true);
      rs.add(checked(field, () -> new Requirement(r.getKey(), op, r.getValues())));
    }
    return rs.isEmpty() ? null : new NodeSelectorTerm(rs);
  }

  private static void podAntiAffinity(
      PodAntiAffinity anti, String at, List<AntiAffinityTerm> terms, List<String> notModelled) {
    if (anti == null) {
      return;
    }
    List<PodAffinityTerm> required =
        orEmpty(anti.getRequiredDuringSchedulingIgnoredDuringExecution());
    for (int i = 0; i < required.size(); i++) {
      String path = at + "." + REQUIRED + "[" + i + "]";
      PodAffinityTerm t = present(required.get(i), path);
      if (t.getNamespaces() != null && !t.getNamespaces().isEmpty()) {
        notModelled.add(path + ".namespaces");
      }
      if (t.getNamespaceSelector() != null) {
        notModelled.add(path + ".namespaceSelector");
      }
      if (!orEmpty(t.getMatchLabelKeys()).isEmpty()) {
        notModelled.add(path + ".matchLabelKeys");
      }
      if (!orEmpty(t.getMismatchLabelKeys()).isEmpty()) {
        notModelled.add(path + ".mismatchLabelKeys");
      }
      if (t.getTopologyKey() == null || t.getTopologyKey().isBlank()) {
        throw new FieldProblem(path + ".topologyKey", "missing (required by API validation)");
      }
      if (t.getLabelSelector() == null) {
        continue; // a null selector selects no pod: the term never repels anything
      }
      LabelSelector selector = selector(t.getLabelSelector(), path + ".labelSelector");
      terms.add(new AntiAffinityTerm(selector, t.getTopologyKey()));
    }
    if (!orEmpty(anti.getPreferredDuringSchedulingIgnoredDuringExecution()).isEmpty()) {
      notModelled.add(at + "." + PREFERRED);
    }
  }

  private static SpreadConstraint spreadConstraint(
      TopologySpreadConstraint c, String path, List<String> notModelled) {
    if (c.getMinDomains() != null) {
      notModelled.add(path + ".minDomains");
    }
    if (!orEmpty(c.getMatchLabelKeys()).isEmpty()) {
      notModelled.add(path + ".matchLabelKeys");
    }
    if (c.getNodeAffinityPolicy() != null && !c.getNodeAffinityPolicy().equals("Honor")) {
      notModelled.add(path + ".nodeAffinityPolicy");
    }
    if (c.getNodeTaintsPolicy() != null && !c.getNodeTaintsPolicy().equals("Ignore")) {
      notModelled.add(path + ".nodeTaintsPolicy");
    }
    WhenUnsatisfiable when =
        switch (c.getWhenUnsatisfiable() == null ? "" : c.getWhenUnsatisfiable()) {
          case "DoNotSchedule" -> WhenUnsatisfiable.DO_NOT_SCHEDULE;
          case "ScheduleAnyway" -> WhenUnsatisfiable.SCHEDULE_ANYWAY;
          default ->
              throw new FieldProblem(
                  path + ".whenUnsatisfiable",
                  "must be DoNotSchedule or ScheduleAnyway, was '"
                      + c.getWhenUnsatisfiable()
                      + "'");
        };
    if (c.getMaxSkew() == null || c.getMaxSkew() <= 0) {
      throw new FieldProblem(path + ".maxSkew", "must be > 0, was " + c.getMaxSkew());
    }
    if (c.getTopologyKey() == null || c.getTopologyKey().isBlank()) {
      throw new FieldProblem(path + ".topologyKey", "missing (required by API validation)");
    }
    if (c.getLabelSelector() == null) {
      return null; // selects no pod, so every domain counts 0 and the skew is always 0
    }
    LabelSelector selector = selector(c.getLabelSelector(), path + ".labelSelector");
    return new SpreadConstraint(c.getMaxSkew(), c.getTopologyKey(), when, selector);
  }

  /** {@code matchLabels} (as {@code In}, sorted by key) ANDed with {@code matchExpressions}. */
  private static LabelSelector selector(
      io.fabric8.kubernetes.api.model.LabelSelector s, String path) {
    List<Requirement> rs = new ArrayList<>();
    Map<String, String> labels =
        s.getMatchLabels() == null ? Map.of() : new TreeMap<>(s.getMatchLabels());
    labels.forEach(
        (k, v) -> rs.add(checked(path + ".matchLabels." + k, () -> Requirement.in(k, v))));
    List<LabelSelectorRequirement> list = orEmpty(s.getMatchExpressions());
    for (int i = 0; i < list.size(); i++) {
      String field = path + ".matchExpressions[" + i + "]";
      LabelSelectorRequirement r = present(list.get(i), field);
      Operator op = operator(r.getOperator(), field + ".operator", false);
      rs.add(checked(field, () -> new Requirement(r.getKey(), op, r.getValues())));
    }
    return new LabelSelector(rs);
  }

  /** Node terms take Gt and Lt too; pod label selectors only the four set operators. */
  private static Operator operator(String text, String field, boolean node) {
    Operator op =
        switch (text == null ? "" : text) {
          case "In" -> Operator.IN;
          case "NotIn" -> Operator.NOT_IN;
          case "Exists" -> Operator.EXISTS;
          case "DoesNotExist" -> Operator.DOES_NOT_EXIST;
          case "Gt" -> node ? Operator.GT : null;
          case "Lt" -> node ? Operator.LT : null;
          default -> null;
        };
    if (op == null) {
      throw new FieldProblem(
          field,
          "must be "
              + (node
                  ? "In, NotIn, Exists, DoesNotExist, Gt or Lt"
                  : "In, NotIn, Exists or DoesNotExist")
              + ", was '"
              + text
              + "'");
    }
    return op;
  }

  /**
   * Builds a scheduler value, turning its validation error into a problem at {@code field} (a null
   * among the values, e.g. {@code values: [null]}, fails the immutable copy with a null pointer).
   */
  private static <T> T checked(String field, Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      throw new FieldProblem(field, e.getMessage());
    } catch (NullPointerException e) {
      throw new FieldProblem(field, "a key or value is null");
    }
  }

  /** A list item the API requires to be an object ({@code - null} is not). */
  private static <T> T present(T item, String path) {
    if (item == null) {
      throw new FieldProblem(path, "must be an object, was null");
    }
    return item;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
