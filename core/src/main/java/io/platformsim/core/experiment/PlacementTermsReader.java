package io.platformsim.core.experiment;

import io.platformsim.core.kusp.DeploymentSpec;
import io.platformsim.core.kusp.LabelSyntax;
import io.platformsim.core.workload.Service;
import io.platformsim.core.yaml.YamlList;
import io.platformsim.core.yaml.YamlMapping;
import io.platformsim.scheduler.pod.AntiAffinityTerm;
import io.platformsim.scheduler.pod.LabelSelector;
import io.platformsim.scheduler.pod.NodeSelectorTerm;
import io.platformsim.scheduler.pod.Operator;
import io.platformsim.scheduler.pod.PreferredTerm;
import io.platformsim.scheduler.pod.Requirement;
import io.platformsim.scheduler.pod.SpreadConstraint;
import io.platformsim.scheduler.pod.WhenUnsatisfiable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the placement terms of a service's {@code deployment} section, spelled as in a pod template
 * so they can be pasted from a manifest: {@code labels}, {@code affinity} ({@code nodeAffinity}
 * {@code required} and {@code preferred}, {@code podAntiAffinity} {@code required}) and {@code
 * topologySpreadConstraints}. {@code required} and {@code preferred} stand for upstream's {@code
 * requiredDuringSchedulingIgnoredDuringExecution} (for node affinity, its {@code
 * nodeSelectorTerms}) and {@code preferredDuringSchedulingIgnoredDuringExecution} (a term's {@code
 * preference} written inline as {@code matchExpressions}); the long names get an error saying so.
 * The checks are the API server's (k/k {@code pkg/apis/core/validation/validation.go}, see {@code
 * PodTemplateTerms}), reported at the line of the offending value. What the scheduler does not
 * model (pod affinity, preferred pod anti-affinity, {@code matchFields}, namespaces, {@code
 * minDomains}, the node inclusion policies, {@code matchLabelKeys}) is refused by name.
 */
final class PlacementTermsReader {

  private static final List<String> AFFINITY = List.of("nodeAffinity", "podAntiAffinity");
  private static final List<String> NODE_AFFINITY = List.of("required", "preferred");
  private static final List<String> POD_ANTI_AFFINITY = List.of("required");
  private static final List<String> NODE_TERM = List.of("matchExpressions");
  private static final List<String> PREFERRED_TERM = List.of("weight", "matchExpressions");
  private static final List<String> REQUIREMENT = List.of("key", "operator", "values");
  private static final List<String> ANTI_AFFINITY_TERM = List.of("labelSelector", "topologyKey");
  private static final List<String> SELECTOR = List.of("matchLabels", "matchExpressions");
  private static final List<String> SPREAD =
      List.of("maxSkew", "topologyKey", "whenUnsatisfiable", "labelSelector");

  /** The YAML spelling of each operator, as the API writes it. */
  static final Map<String, Operator> OPERATORS =
      Map.of(
          "In", Operator.IN,
          "NotIn", Operator.NOT_IN,
          "Exists", Operator.EXISTS,
          "DoesNotExist", Operator.DOES_NOT_EXIST,
          "Gt", Operator.GT,
          "Lt", Operator.LT);

  /** The YAML spelling of each {@code whenUnsatisfiable}, as the API writes it. */
  static final Map<String, WhenUnsatisfiable> WHEN_UNSATISFIABLE =
      Map.of(
          "DoNotSchedule", WhenUnsatisfiable.DO_NOT_SCHEDULE,
          "ScheduleAnyway", WhenUnsatisfiable.SCHEDULE_ANYWAY);

  /** The label every pod carries, set to the service's name. */
  private static final String APP = "app";

  /** The DaemonSet controller's label, which the model keeps for DaemonSet pods. */
  private static final String GENERATION = "pod-template-generation";

  private PlacementTermsReader() {}

  /** Puts the terms of deployment section {@code d} of {@code service} into {@code b}. */
  static void read(YamlMapping d, Service service, DeploymentSpec.Builder b) {
    d.mapping("labels").ifPresent(m -> b.labels(labels(m, service)));
    d.mapping("affinity").ifPresent(a -> affinity(a, b));
    d.list("topologySpreadConstraints").ifPresent(l -> b.topologySpread(spread(l)));
  }

  /**
   * {@code labels: {key: value}}: label syntax; {@code app} only with the service's name (every pod
   * carries it: a manifest's own {@code app} label pastes in), the DaemonSet label never.
   */
  private static Map<String, String> labels(YamlMapping m, Service service) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String k : m.keys()) {
      String v = m.text(k);
      check(m, k, LabelSyntax.keyProblem(k));
      check(m, k, LabelSyntax.valueProblem(v));
      if (k.equals(APP)) {
        if (!v.equals(service.name())) {
          throw m.error(
              k,
              "every pod carries app=<service name> ('"
                  + service.name()
                  + "'), which the services' own selectors use; was '"
                  + v
                  + "'");
        }
        continue; // what the pods carry anyway
      }
      if (k.equals(GENERATION)) {
        throw m.error(k, "is the DaemonSet controller's label, set by the model; was '" + v + "'");
      }
      out.put(k, v);
    }
    return out;
  }

  private static void affinity(YamlMapping a, DeploymentSpec.Builder b) {
    if (a.has("podAffinity")) {
      throw a.error(
          "podAffinity",
          "pod affinity is not modelled (the scheduler has required pod anti-affinity only)");
    }
    a.only(AFFINITY);
    a.mapping("nodeAffinity").ifPresent(n -> nodeAffinity(n, b));
    a.mapping("podAntiAffinity").ifPresent(p -> b.podAntiAffinity(podAntiAffinity(p)));
  }

  private static void nodeAffinity(YamlMapping n, DeploymentSpec.Builder b) {
    longName(
        n,
        "requiredDuringSchedulingIgnoredDuringExecution",
        "required: [{matchExpressions: [...]}], the list of nodeSelectorTerms");
    longName(
        n,
        "preferredDuringSchedulingIgnoredDuringExecution",
        "preferred: [{weight, matchExpressions: [...]}]");
    n.only(NODE_AFFINITY);
    Optional<YamlList> required = n.list("required");
    if (required.isPresent()) {
      if (required.get().size() == 0) {
        // k/k validation.go ValidateNodeSelector: at least one nodeSelectorTerm.
        throw n.error("required", "needs at least one term, was []");
      }
      List<NodeSelectorTerm> terms = new ArrayList<>();
      for (YamlMapping t : required.get().mappings()) {
        if (t.has("matchFields")) {
          throw t.error("matchFields", "is not modelled; select nodes by label (matchExpressions)");
        }
        t.only(NODE_TERM);
        terms.add(nodeTerm(t));
      }
      b.requiredNodeAffinity(terms);
    }
    Optional<YamlList> preferred = n.list("preferred");
    if (preferred.isPresent()) {
      List<PreferredTerm> terms = new ArrayList<>();
      for (YamlMapping t : preferred.get().mappings()) {
        longName(t, "preference", "its matchExpressions next to weight");
        t.only(PREFERRED_TERM);
        // k/k validation.go ValidatePreferredSchedulingTerms: weight in 1..100.
        int weight = t.integer("weight", 1, 100, null);
        terms.add(new PreferredTerm(weight, nodeTerm(t)));
      }
      b.preferredNodeAffinity(terms);
    }
  }

  /** {@code matchExpressions} of a node selector term: at least one requirement. */
  private static NodeSelectorTerm nodeTerm(YamlMapping t) {
    List<Requirement> rs = requirements(t, true);
    if (rs.isEmpty()) {
      throw t.error(
          "matchExpressions",
          "needs at least one requirement (a term without any matches no node upstream)");
    }
    return new NodeSelectorTerm(rs);
  }

  private static List<AntiAffinityTerm> podAntiAffinity(YamlMapping p) {
    if (p.has("preferred") || p.has("preferredDuringSchedulingIgnoredDuringExecution")) {
      String k =
          p.has("preferred") ? "preferred" : "preferredDuringSchedulingIgnoredDuringExecution";
      throw p.error(
          k, "preferred pod anti-affinity is not modelled (the scheduler has required terms only)");
    }
    longName(
        p,
        "requiredDuringSchedulingIgnoredDuringExecution",
        "required: [{labelSelector, topologyKey}]");
    p.only(POD_ANTI_AFFINITY);
    List<AntiAffinityTerm> terms = new ArrayList<>();
    for (YamlMapping t : p.list("required").map(YamlList::mappings).orElse(List.of())) {
      for (String k : List.of("namespaces", "namespaceSelector")) {
        if (t.has(k)) {
          throw t.error(k, "is not modelled: every pod is in one namespace");
        }
      }
      t.only(ANTI_AFFINITY_TERM);
      LabelSelector selector = selector(t);
      terms.add(new AntiAffinityTerm(selector, topologyKey(t)));
    }
    return terms;
  }

  /**
   * {@code topologySpreadConstraints}: every field required, as upstream (k/k validation.go
   * validateTopologySpreadConstraints: ValidateMaxSkew, ValidateTopologyKey,
   * ValidateWhenUnsatisfiable, ValidateSpreadConstraintNotRepeat), {@code labelSelector} too:
   * upstream a constraint without one selects no pods and constrains nothing.
   */
  private static List<SpreadConstraint> spread(YamlList l) {
    List<SpreadConstraint> out = new ArrayList<>();
    Set<String> pairs = new HashSet<>();
    for (YamlMapping c : l.mappings()) {
      for (String k : List.of("minDomains", "nodeAffinityPolicy", "nodeTaintsPolicy")) {
        if (c.has(k)) {
          throw c.error(k, "is not modelled (the upstream default applies)");
        }
      }
      c.only(SPREAD);
      int maxSkew = c.integer("maxSkew", 1, Integer.MAX_VALUE, null);
      String key = topologyKey(c);
      if (!c.has("whenUnsatisfiable")) {
        throw c.error("whenUnsatisfiable", "missing; DoNotSchedule or ScheduleAnyway");
      }
      WhenUnsatisfiable when = DeploymentReader.named(c, "whenUnsatisfiable", WHEN_UNSATISFIABLE);
      if (!pairs.add(key + "\n" + when)) {
        throw c.error(
            "topologyKey",
            "a second constraint on '"
                + key
                + "' with whenUnsatisfiable "
                + c.text("whenUnsatisfiable").strip()
                + " (one per topologyKey and whenUnsatisfiable)");
      }
      out.add(new SpreadConstraint(maxSkew, key, when, selector(c)));
    }
    return out;
  }

  private static String topologyKey(YamlMapping m) {
    String key = m.string("topologyKey", null).strip();
    check(m, "topologyKey", LabelSyntax.keyProblem(key));
    return key;
  }

  /**
   * The required {@code labelSelector} of {@code m}: {@code matchLabels} (key order) then {@code
   * matchExpressions}, ANDed; an empty one selects every pod (apimachinery {@code
   * LabelSelectorAsSelector}).
   */
  private static LabelSelector selector(YamlMapping m) {
    if (!m.has("labelSelector")) {
      throw m.error(
          "labelSelector", "missing; it is required (upstream a term without one selects no pods)");
    }
    YamlMapping s = m.requiredMapping("labelSelector");
    s.only(SELECTOR);
    List<Requirement> rs = new ArrayList<>();
    Optional<YamlMapping> labels = s.mapping("matchLabels");
    if (labels.isPresent()) {
      Map<String, String> sorted = new TreeMap<>();
      for (String k : labels.get().keys()) {
        String v = labels.get().text(k);
        check(labels.get(), k, LabelSyntax.keyProblem(k));
        check(labels.get(), k, LabelSyntax.valueProblem(v));
        sorted.put(k, v);
      }
      sorted.forEach((k, v) -> rs.add(Requirement.in(k, v)));
    }
    rs.addAll(requirements(s, false));
    return new LabelSelector(rs);
  }

  /**
   * The {@code matchExpressions} list of {@code m}: {@code {key, operator, values}}. Operators and
   * value counts as apimachinery's {@code labels.NewRequirement}: In and NotIn need values, Exists
   * and DoesNotExist none, Gt and Lt (node terms only) one integer.
   */
  private static List<Requirement> requirements(YamlMapping m, boolean node) {
    List<Requirement> out = new ArrayList<>();
    for (YamlMapping r : m.list("matchExpressions").map(YamlList::mappings).orElse(List.of())) {
      r.only(REQUIREMENT);
      String key = r.string("key", null).strip();
      check(r, "key", LabelSyntax.keyProblem(key));
      if (!r.has("operator")) {
        throw r.error(
            "operator", "missing; one of " + OPERATORS.keySet().stream().sorted().toList());
      }
      Operator op = DeploymentReader.named(r, "operator", OPERATORS);
      if (!node && (op == Operator.GT || op == Operator.LT)) {
        throw r.error(
            "operator",
            "'"
                + r.text("operator").strip()
                + "' applies to node selector terms only, not to pods");
      }
      List<String> values = r.list("values").map(YamlList::names).orElse(List.of());
      if (!node) {
        for (String v : values) {
          check(r, "values", LabelSyntax.valueProblem(v));
        }
      }
      try {
        out.add(new Requirement(key, op, values));
      } catch (IllegalArgumentException e) {
        throw r.error(r.has("values") ? "values" : "operator", e.getMessage());
      }
    }
    return out;
  }

  /** Refuses upstream's long field name {@code k}, saying what to write instead. */
  private static void longName(YamlMapping m, String k, String instead) {
    if (m.has(k)) {
      throw m.error(k, "write " + instead + " (the scenario's short spelling of '" + k + "')");
    }
  }

  private static void check(YamlMapping m, String key, Optional<String> problem) {
    if (problem.isPresent()) {
      throw m.error(key, problem.get());
    }
  }
}
