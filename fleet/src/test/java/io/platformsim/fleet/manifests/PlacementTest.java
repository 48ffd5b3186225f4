package io.platformsim.fleet.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.scheduler.pod.AntiAffinityTerm;
import io.platformsim.scheduler.pod.LabelSelector;
import io.platformsim.scheduler.pod.NodeSelectorTerm;
import io.platformsim.scheduler.pod.PreferredTerm;
import io.platformsim.scheduler.pod.Requirement;
import io.platformsim.scheduler.pod.SpreadConstraint;
import io.platformsim.scheduler.pod.WhenUnsatisfiable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Placement read from manifests: node affinity, required pod anti-affinity and topology spread in
 * the scheduler's terms, with the semantics of kubernetes/kubernetes pkg/apis/core/types.go (terms
 * ORed, requirements ANDed, matchLabels ANDed with matchExpressions); what the scheduler cannot
 * model is reported line by line.
 */
class PlacementTest {

  private static final Path FIXTURES = Path.of("..", "examples", "fleet", "manifests");

  private final ImportedWorkloads imported = new ManifestReader().read(FIXTURES);

  private WorkloadDetails details(String name) {
    return imported.workloads().stream()
        .filter(w -> w.name().equals(name))
        .findFirst()
        .orElseThrow()
        .details();
  }

  /** Required node affinity as the scheduler evaluates it: any term (ORed) whose all match. */
  private static boolean admits(List<NodeSelectorTerm> terms, Map<String, String> node) {
    return terms.isEmpty() || terms.stream().anyMatch(t -> t.matches(node));
  }

  @Test
  void nodeSelectorTermsAreOredAndTheirRequirementsAnded() {
    WorkloadDetails catalog = details("catalog");
    assertEquals(
        List.of(
            NodeSelectorTerm.of(
                Requirement.in("node.kubernetes.io/instance-type", "r5.large", "r6i.large")),
            NodeSelectorTerm.of(
                Requirement.gt("node.example.com/memory-gib", 15),
                Requirement.in("kubernetes.io/arch", "amd64"))),
        catalog.requiredNodeAffinity());
    List<NodeSelectorTerm> terms = catalog.requiredNodeAffinity();
    // first term alone suffices
    assertTrue(admits(terms, Map.of("node.kubernetes.io/instance-type", "r5.large")));
    // second term: both requirements; Gt is a strict integer comparison
    assertTrue(
        admits(terms, Map.of("node.example.com/memory-gib", "16", "kubernetes.io/arch", "amd64")));
    assertFalse(
        admits(terms, Map.of("node.example.com/memory-gib", "15", "kubernetes.io/arch", "amd64")));
    assertFalse(
        admits(terms, Map.of("node.example.com/memory-gib", "32", "kubernetes.io/arch", "arm64")));
    assertEquals(
        List.of(
            new PreferredTerm(
                50,
                NodeSelectorTerm.of(Requirement.in("topology.kubernetes.io/zone", "us-east-1a")))),
        catalog.preferredNodeAffinity());
    assertTrue(catalog.notModelled().isEmpty());
  }

  @Test
  void notInAdmitsANodeWithoutTheLabel() {
    // fluent-bit avoids Fargate; NotIn also matches an absent key (labels.Requirement.Matches)
    List<NodeSelectorTerm> terms = details("fluent-bit").requiredNodeAffinity();
    assertEquals(
        List.of(
            NodeSelectorTerm.of(Requirement.notIn("eks.amazonaws.com/compute-type", "fargate"))),
        terms);
    assertTrue(admits(terms, Map.of()));
    assertTrue(admits(terms, Map.of("eks.amazonaws.com/compute-type", "ec2")));
    assertFalse(admits(terms, Map.of("eks.amazonaws.com/compute-type", "fargate")));
  }

  @Test
  void antiAffinitySelectorsAndMatchLabelsWithMatchExpressions() {
    assertEquals(
        List.of(
            new AntiAffinityTerm(
                new LabelSelector(List.of(Requirement.in("app", "web"))),
                "kubernetes.io/hostname")),
        details("web").podAntiAffinity());
    AntiAffinityTerm redis = details("redis").podAntiAffinity().get(0);
    assertEquals("kubernetes.io/hostname", redis.topologyKey());
    assertTrue(redis.selector().matches(Map.of("app", "redis", "tier", "cache")));
    // ANDed: the matchLabels entry alone is not enough
    assertFalse(redis.selector().matches(Map.of("app", "redis")));
    assertFalse(redis.selector().matches(Map.of("app", "web", "tier", "cache")));
  }

  @Test
  void topologySpreadKeepsSkewKeyAndWhenUnsatisfiable() {
    assertEquals(
        List.of(
            new SpreadConstraint(
                1,
                "topology.kubernetes.io/zone",
                WhenUnsatisfiable.DO_NOT_SCHEDULE,
                LabelSelector.matchLabels("app", "web"))),
        details("web").topologySpread());
    assertEquals(
        List.of(
            new SpreadConstraint(
                2,
                "topology.kubernetes.io/zone",
                WhenUnsatisfiable.SCHEDULE_ANYWAY,
                LabelSelector.matchLabels("app", "worker"))),
        details("worker").topologySpread());
    assertTrue(details("checkout").topologySpread().isEmpty());
    assertTrue(details("checkout").requiredNodeAffinity().isEmpty());
  }

  @Test
  void whatTheSchedulerCannotModelIsReportedNotDropped() {
    String spec = "spec.template.spec.";
    assertEquals(
        List.of(
            "default/worker: " + spec + "topologySpreadConstraints[0].matchLabelKeys not modelled",
            "default/batch: "
                + spec
                + "affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution not modelled",
            "shop/redis: "
                + spec
                + "affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]"
                + ".namespaceSelector not modelled",
            "default/web: "
                + spec
                + "affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution"
                + " not modelled",
            "default/web: " + spec + "topologySpreadConstraints[0].minDomains not modelled"),
        imported.report().notModelled());
    assertTrue(imported.toString().contains("\n  default/batch: " + spec + "affinity.podAffinity"));
  }

  @Test
  void emptyOrNullTermsAreNoOpsAndMatchFieldsIsReported(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("p.yaml");
    Files.writeString(
        f,
        pod(
            "affinity:\n"
                + "  nodeAffinity:\n"
                + "    requiredDuringSchedulingIgnoredDuringExecution:\n"
                + "      nodeSelectorTerms:\n"
                + "      - {}\n" // matches no node: adds nothing to the OR
                + "      - matchExpressions: [{key: a, operator: Exists}]\n"
                + "        matchFields: [{key: metadata.name, operator: In, values: [n1]}]\n"
                + "    preferredDuringSchedulingIgnoredDuringExecution:\n"
                + "    - {weight: 10, preference: {}}\n" // a no-op upstream
                + "  podAntiAffinity:\n"
                + "    requiredDuringSchedulingIgnoredDuringExecution:\n"
                + "    - {topologyKey: zone}\n" // null selector selects no pod
                + "topologySpreadConstraints:\n"
                + "- {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule,"
                + " nodeTaintsPolicy: Honor}\n"));
    ImportedWorkloads w = new ManifestReader().read(f);
    WorkloadDetails d = w.workloads().get(0).details();
    assertEquals(List.of(NodeSelectorTerm.of(Requirement.exists("a"))), d.requiredNodeAffinity());
    assertTrue(d.preferredNodeAffinity().isEmpty());
    assertTrue(d.podAntiAffinity().isEmpty());
    assertTrue(d.topologySpread().isEmpty());
    assertEquals(
        List.of(
            "default/p: spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution"
                + ".nodeSelectorTerms[1].matchFields not modelled",
            "default/p: spec.topologySpreadConstraints[0].nodeTaintsPolicy not modelled"),
        w.report().notModelled());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bad node operator"
            + "| affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution:"
            + " {nodeSelectorTerms: [{matchExpressions: [{key: a, operator: Equals, values: [x]}]}]}}}"
            + "| spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution"
            + ".nodeSelectorTerms[0].matchExpressions[0].operator: must be In, NotIn, Exists,"
            + " DoesNotExist, Gt or Lt, was 'Equals'",
        "Gt not an integer"
            + "| affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution:"
            + " {nodeSelectorTerms: [{matchExpressions: [{key: a, operator: Gt, values: [big]}]}]}}}"
            + "| spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution"
            + ".nodeSelectorTerms[0].matchExpressions[0]: requirement.values: 'big' is not an"
            + " integer (GT on key 'a')",
        "every term empty"
            + "| affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution:"
            + " {nodeSelectorTerms: [{}, {matchExpressions: []}]}}}"
            + "| spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution"
            + ".nodeSelectorTerms: every term is empty, so the pod matches no node",
        "preferred weight 0"
            + "| affinity: {nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution:"
            + " [{weight: 0, preference: {matchExpressions: [{key: a, operator: Exists}]}}]}}"
            + "| spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0]"
            + ".weight: preferredSchedulingTerm.weight must be in [1, 100], got 0",
        "Gt in a pod selector"
            + "| affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution:"
            + " [{topologyKey: zone, labelSelector: {matchExpressions: [{key: a, operator: Gt,"
            + " values: ['1']}]}}]}}"
            + "| spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]"
            + ".labelSelector.matchExpressions[0].operator: must be In, NotIn, Exists or"
            + " DoesNotExist, was 'Gt'",
        "In without values"
            + "| affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution:"
            + " [{topologyKey: zone, labelSelector: {matchExpressions: [{key: a, operator: In}]}}]}}"
            + "| spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]"
            + ".labelSelector.matchExpressions[0]: requirement.values must be non-empty for IN on"
            + " key 'a'",
        "anti-affinity without topologyKey"
            + "| affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution:"
            + " [{labelSelector: {}}]}}"
            + "| spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]"
            + ".topologyKey: missing (required by API validation)",
        "maxSkew 0"
            + "| topologySpreadConstraints: [{maxSkew: 0, topologyKey: zone,"
            + " whenUnsatisfiable: DoNotSchedule, labelSelector: {}}]"
            + "| spec.topologySpreadConstraints[0].maxSkew: must be > 0, was 0",
        "a null spread constraint"
            + "| topologySpreadConstraints: [null]"
            + "| spec.topologySpreadConstraints[0]: must be an object, was null",
        "a null label value"
            + "| topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone,"
            + " whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: null}}}]"
            + "| spec.topologySpreadConstraints[0].labelSelector.matchLabels.app: a key or value is"
            + " null",
        "bad whenUnsatisfiable"
            + "| topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone,"
            + " whenUnsatisfiable: Sometimes, labelSelector: {}}]"
            + "| spec.topologySpreadConstraints[0].whenUnsatisfiable: must be DoNotSchedule or"
            + " ScheduleAnyway, was 'Sometimes'",
      })
  void aPlacementTheApiWouldRejectIsOneLineNamingFieldAndValue(
      String name, String specYaml, String expected, @TempDir Path dir) throws IOException {
    Path f = dir.resolve("p.yaml");
    Files.writeString(f, pod(specYaml + "\n"));
    assertEquals(
        f + "#0 (line 1): " + expected,
        assertThrows(ManifestException.class, () -> new ManifestReader().read(f)).getMessage());
  }

  /** A bare Pod named p whose spec holds {@code extra} (YAML at the spec's indentation). */
  private static String pod(String extra) {
    return "kind: Pod\nmetadata: {name: p}\nspec:\n"
        + "  containers: [{name: a, image: 'a:1'}]\n"
        + extra.lines().map(l -> "  " + l + "\n").reduce("", String::concat);
  }
}
