package io.platformsim.fleet.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For any selector, the imported scheduler value selects exactly what the manifest selects under
 * upstream semantics, written out here independently from the raw manifest objects: node selector
 * terms ORed, a term's requirements ANDed (pkg/apis/core/types.go {@code NodeSelector}); a label
 * selector's {@code matchLabels} ANDed with its {@code matchExpressions} ({@code
 * LabelSelectorAsSelector}, apimachinery pkg/apis/meta/v1/helpers.go); {@code NotIn} true when the
 * key is absent, {@code Gt} a strict integer comparison that fails on an absent or non-integer
 * label ({@code labels.Requirement.Matches}, apimachinery pkg/labels/selector.go).
 */
class PlacementProperties {

  private static final List<String> KEYS = List.of("a", "b", "c");
  private static final List<String> VALUES = List.of("1", "2", "3", "x");

  /** One requirement as written: key, operator, values. */
  record Expr(String key, String op, List<String> values) {}

  private static Arbitrary<String> keys() {
    return Arbitraries.of(KEYS);
  }

  private static Arbitrary<Map<String, String>> labels() {
    return Arbitraries.maps(keys(), Arbitraries.of(VALUES)).ofMaxSize(3);
  }

  private static Arbitrary<Expr> expr(List<String> ops) {
    return Combinators.combine(
            keys(), Arbitraries.of(ops), Arbitraries.of(VALUES).list().ofMinSize(1).ofMaxSize(2))
        .as(
            (k, op, vs) ->
                switch (op) {
                  case "Exists", "DoesNotExist" -> new Expr(k, op, List.of());
                  case "Gt", "Lt" -> new Expr(k, op, List.of(String.valueOf(vs.size())));
                  default -> new Expr(k, op, vs);
                });
  }

  @Provide
  Arbitrary<List<List<Expr>>> nodeTerms() {
    return expr(List.of("In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"))
        .list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .list()
        .ofMinSize(1)
        .ofMaxSize(3);
  }

  @Provide
  Arbitrary<List<Expr>> podExpressions() {
    return expr(List.of("In", "NotIn", "Exists", "DoesNotExist")).list().ofMaxSize(3);
  }

  @Provide
  Arbitrary<Map<String, String>> nodeLabels() {
    return labels();
  }

  @Property(tries = 300)
  void importedNodeTermsAdmitExactlyTheNodesTheManifestAdmits(
      @ForAll("nodeTerms") List<List<Expr>> terms, @ForAll("nodeLabels") Map<String, String> node) {
    PodSpec spec = new PodSpec();
    List<NodeSelectorTerm> written = new ArrayList<>();
    for (List<Expr> t : terms) {
      List<NodeSelectorRequirement> rs = new ArrayList<>();
      for (Expr e : t) {
        rs.add(new NodeSelectorRequirement(e.key(), e.op(), e.values()));
      }
      written.add(new NodeSelectorTerm(rs, null));
    }
    spec.setAffinity(
        new AffinityBuilder()
            .withNewNodeAffinity()
            .withNewRequiredDuringSchedulingIgnoredDuringExecution()
            .withNodeSelectorTerms(written)
            .endRequiredDuringSchedulingIgnoredDuringExecution()
            .endNodeAffinity()
            .build());
    var imported = Placement.of(spec, "spec").required();
    boolean admitted = imported.stream().anyMatch(t -> t.matches(node));
    boolean expected = terms.stream().anyMatch(t -> t.stream().allMatch(e -> holds(e, node)));
    assertEquals(expected, admitted);
  }

  @Property(tries = 300)
  void importedLabelSelectorsSelectExactlyThePodsTheManifestSelects(
      @ForAll("nodeLabels") Map<String, String> matchLabels,
      @ForAll("podExpressions") List<Expr> expressions,
      @ForAll("nodeLabels") Map<String, String> pod) {
    List<LabelSelectorRequirement> rs = new ArrayList<>();
    for (Expr e : expressions) {
      rs.add(new LabelSelectorRequirement(e.key(), e.op(), e.values()));
    }
    TopologySpreadConstraint c = new TopologySpreadConstraint();
    c.setMaxSkew(1);
    c.setTopologyKey("zone");
    c.setWhenUnsatisfiable("DoNotSchedule");
    c.setLabelSelector(new LabelSelector(rs, matchLabels));
    PodSpec spec = new PodSpec();
    spec.setTopologySpreadConstraints(List.of(c));
    var imported = Placement.of(spec, "spec").spread().get(0).selector();
    boolean expected =
        matchLabels.entrySet().stream().allMatch(m -> m.getValue().equals(pod.get(m.getKey())))
            && expressions.stream().allMatch(e -> holds(e, pod));
    assertEquals(expected, imported.matches(pod));
  }

  /** One requirement on a label set, as apimachinery's labels.Requirement.Matches reads it. */
  private static boolean holds(Expr e, Map<String, String> labels) {
    String v = labels.get(e.key());
    return switch (e.op()) {
      case "In" -> v != null && e.values().contains(v);
      case "NotIn" -> v == null || !e.values().contains(v);
      case "Exists" -> v != null;
      case "DoesNotExist" -> v == null;
      case "Gt", "Lt" -> {
        if (v == null || !v.matches("-?[0-9]+")) {
          yield false;
        }
        long have = Long.parseLong(v);
        long bound = Long.parseLong(e.values().get(0));
        yield e.op().equals("Gt") ? have > bound : have < bound;
      }
      default -> throw new AssertionError(e.op());
    };
  }
}
