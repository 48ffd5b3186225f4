package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.kusp.DeploymentSpec;
import io.platformsim.scheduler.cluster.NodeSpec;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code deployment.labels}, {@code deployment.affinity} and {@code
 * deployment.topologySpreadConstraints}: read as the builder builds them, written back to the same
 * spec, refused with file, line, field and value when wrong (the API server's rules, k/k {@code
 * pkg/apis/core/validation/validation.go}).
 */
class PlacementTermsSectionTest {

  /** web at line 2; the deployment section opens at line 6, its fields from line 7 on. */
  private static final String HEAD =
      """
      services:
        - name: web
          instances: 6
          request: {cpu: 500m, memory: 512Mi}
          usage: {cpu: 100m, memory: 256Mi}
          deployment:
      """;

  /** The brief's example, pasted as a manifest would have it. */
  private static final String TERMS =
      """
            labels: {app.kubernetes.io/name: cart, tier: web, app: web}
            affinity:
              nodeAffinity:
                required:
                  - matchExpressions: [{key: disk, operator: In, values: [ssd, nvme]}]
                  - matchExpressions:
                      - {key: gen, operator: Gt, values: [3]}
                      - {key: spot, operator: DoesNotExist}
                preferred:
                  - {weight: 30, matchExpressions: [{key: tier, operator: NotIn, values: [batch]}]}
              podAntiAffinity:
                required:
                  - labelSelector:
                      matchLabels: {tier: web, app: web}
                      matchExpressions: [{key: canary, operator: Exists}]
                    topologyKey: kubernetes.io/hostname
            topologySpreadConstraints:
              - maxSkew: 1
                topologyKey: topology.kubernetes.io/zone
                whenUnsatisfiable: DoNotSchedule
                labelSelector: {matchLabels: {app: web}}
              - {maxSkew: 2, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway, labelSelector: {}}
      """;

  private static Scenario parse(String yaml) {
    return ScenarioFile.parse(yaml, "t.yaml");
  }

  @Test
  void theTermsReadAsTheBuilderBuildsThem() {
    DeploymentSpec built =
        DeploymentSpec.builder()
            // app=web is what every pod carries: the reader drops it
            .labels(Map.of("app.kubernetes.io/name", "cart", "tier", "web"))
            .requiredNodeAffinity(
                List.of(
                    NodeSelectorTerm.of(Requirement.in("disk", "ssd", "nvme")),
                    NodeSelectorTerm.of(
                        Requirement.gt("gen", 3), Requirement.doesNotExist("spot"))))
            .preferredNodeAffinity(
                List.of(
                    new PreferredTerm(30, NodeSelectorTerm.of(Requirement.notIn("tier", "batch")))))
            .podAntiAffinity(
                List.of(
                    new AntiAffinityTerm(
                        // matchLabels in key order, then the expressions
                        new LabelSelector(
                            List.of(
                                Requirement.in("app", "web"),
                                Requirement.in("tier", "web"),
                                Requirement.exists("canary"))),
                        NodeSpec.HOSTNAME)))
            .topologySpread(
                List.of(
                    new SpreadConstraint(
                        1,
                        NodeSpec.ZONE,
                        WhenUnsatisfiable.DO_NOT_SCHEDULE,
                        LabelSelector.matchLabels("app", "web")),
                    new SpreadConstraint(
                        2,
                        NodeSpec.HOSTNAME,
                        WhenUnsatisfiable.SCHEDULE_ANYWAY,
                        new LabelSelector(List.of()))))
            .build();
    Scenario s = parse(HEAD + TERMS);
    assertEquals(built, s.kusp().deployment("web"));
    // and the writer's text reads back as the same spec
    Scenario again = parse(ScenarioWriter.write(s));
    assertEquals(built, again.kusp().deployment("web"));
  }

  /** The README's example of the three fields reads, under a service named cart. */
  @Test
  void theReadmeExampleReads() throws IOException {
    String readme = Files.readString(Path.of("../examples/scenarios/README.md"));
    int start = readme.indexOf("```yaml\n    deployment:\n      labels:");
    assertTrue(start >= 0, "no placement terms example in the README");
    String block = readme.substring(start + "```yaml\n".length(), readme.indexOf("```", start + 7));
    String yaml = HEAD.replace("web", "cart").replace("    deployment:\n", "") + block;
    DeploymentSpec d = parse(yaml).kusp().deployment("cart");
    assertEquals(Map.of("app.kubernetes.io/name", "cart", "tier", "web"), d.labels());
    assertEquals(1, d.requiredNodeAffinity().size());
    assertEquals(50, d.preferredNodeAffinity().get(0).weight());
    assertEquals(NodeSpec.HOSTNAME, d.podAntiAffinity().get(0).topologyKey());
    assertEquals(1, d.topologySpread().get(0).maxSkew());
  }

  private static final String RUN =
      """
      name: terms
      horizon: 30m
      replications: 1
      services:
        - name: web
          instances: 6
          request: {cpu: 500m, memory: 512Mi}
          usage: {cpu: 100m, memory: 256Mi}
          deployment: %s
      kusp:
        autoscaler: {min: 1, max: 10}
      """;

  /**
   * From the file to the figures. Six pods of 500m: the cluster starts at ⌈1.1 × 3000 / 3700⌉ = 1
   * node (Scenario.nodesFor), which holds them all. A required anti-affinity on the hostname
   * selecting web's own pods allows one per node: KuSP's peak machines rise to 6 (the autoscaler's
   * max is 10). A required node affinity to a label no node has binds nothing: KuSP's CPU
   * allocation (requests of bound application pods over node CPU) is 0 and no node is added. LeSP
   * reads none of it: its figures do not move.
   */
  @Test
  void theTermsMoveKuspsFiguresAndLeaveLespAlone() {
    ComparisonResult plain = Comparison.run(parse(RUN.formatted("{}")));
    ComparisonResult apart =
        Comparison.run(
            parse(
                RUN.formatted(
                    "{affinity: {podAntiAffinity: {required: [{labelSelector: {matchLabels:"
                        + " {app: web}}, topologyKey: kubernetes.io/hostname}]}}}")));
    ComparisonResult nowhere =
        Comparison.run(
            parse(
                RUN.formatted(
                    "{affinity: {nodeAffinity: {required: [{matchExpressions:"
                        + " [{key: disk, operator: In, values: [ssd]}]}]}}}")));
    assertEquals(1, plain.kusp().mean(Figure.PEAK_MACHINES));
    assertEquals(6, apart.kusp().mean(Figure.PEAK_MACHINES));
    assertTrue(plain.kusp().mean(Figure.CPU_ALLOCATION) > 0);
    assertEquals(0, nowhere.kusp().mean(Figure.CPU_ALLOCATION));
    assertEquals(1, nowhere.kusp().mean(Figure.PEAK_MACHINES));
    for (ComparisonResult r : List.of(apart, nowhere)) {
      assertEquals(plain.lesp().mean(Figure.PEAK_MACHINES), r.lesp().mean(Figure.PEAK_MACHINES));
      assertEquals(plain.lesp().mean(Figure.COST_PER_HOUR), r.lesp().mean(Figure.COST_PER_HOUR));
    }
  }

  @Test
  void withoutTheTermsTheSpecIsTheDefault() {
    assertEquals(
        DeploymentSpec.DEFAULT, parse(HEAD + "      priority: 0\n").kusp().deployment("web"));
    assertTrue(DeploymentSpec.DEFAULT.labels().isEmpty());
    assertTrue(DeploymentSpec.DEFAULT.requiredNodeAffinity().isEmpty());
    assertTrue(DeploymentSpec.DEFAULT.topologySpread().isEmpty());
  }

  /**
   * Each refusal: the deployment fields (inline, at line 7), the line and field after {@code
   * services[0].deployment.}, and a fragment of the message naming the value.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          "labels: {-tier: web}"                                  | 7 | labels.-tier | label key '-tier'
          "labels: {example_com/tier: web}"                       | 7 | labels.example_com/tier | prefix before '/'
          "labels: {tier: -web}"                                  | 7 | labels.tier | label value '-web'
          "labels: {app: cart}"                                   | 7 | labels.app | was 'cart'
          "labels: {pod-template-generation: '1'}"                | 7 | labels.pod-template-generation | DaemonSet controller's label
          "affinity: {podAffinity: {}}"                           | 7 | affinity.podAffinity | pod affinity is not modelled
          "affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {}}}" | 7 | affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution | write required: [{matchExpressions
          "affinity: {nodeAffinity: {required: []}}"              | 7 | affinity.nodeAffinity.required | at least one term
          "affinity: {nodeAffinity: {required: [{matchExpressions: []}]}}" | 7 | affinity.nodeAffinity.required[0].matchExpressions | at least one requirement
          "affinity: {nodeAffinity: {required: [{matchFields: []}]}}" | 7 | affinity.nodeAffinity.required[0].matchFields | not modelled
          "affinity: {nodeAffinity: {required: [{matchExpressions: [{key: a, operator: Inn, values: [x]}]}]}}" | 7 | affinity.nodeAffinity.required[0].matchExpressions[0].operator | unknown value 'Inn'
          "affinity: {nodeAffinity: {required: [{matchExpressions: [{key: a, operator: In}]}]}}" | 7 | affinity.nodeAffinity.required[0].matchExpressions[0].operator | values must be non-empty for IN
          "affinity: {nodeAffinity: {required: [{matchExpressions: [{key: a, operator: Exists, values: [x]}]}]}}" | 7 | affinity.nodeAffinity.required[0].matchExpressions[0].values | must be empty for EXISTS
          "affinity: {nodeAffinity: {required: [{matchExpressions: [{key: a, operator: Gt, values: [three]}]}]}}" | 7 | affinity.nodeAffinity.required[0].matchExpressions[0].values | 'three' is not an integer
          "affinity: {nodeAffinity: {required: [{matchExpressions: [{key: 'a b', operator: Exists}]}]}}" | 7 | affinity.nodeAffinity.required[0].matchExpressions[0].key | label key 'a b'
          "affinity: {nodeAffinity: {preferred: [{weight: 101, matchExpressions: [{key: a, operator: Exists}]}]}}" | 7 | affinity.nodeAffinity.preferred[0].weight | must be in [1, 100], was 101
          "affinity: {nodeAffinity: {preferred: [{weight: 0, matchExpressions: [{key: a, operator: Exists}]}]}}" | 7 | affinity.nodeAffinity.preferred[0].weight | must be in [1, 100], was 0
          "affinity: {nodeAffinity: {preferred: [{weight: 5, preference: {}}]}}" | 7 | affinity.nodeAffinity.preferred[0].preference | its matchExpressions next to weight
          "affinity: {podAntiAffinity: {preferred: []}}"          | 7 | affinity.podAntiAffinity.preferred | preferred pod anti-affinity is not modelled
          "affinity: {podAntiAffinity: {required: [{topologyKey: kubernetes.io/hostname}]}}" | 7 | affinity.podAntiAffinity.required[0].labelSelector | selects no pods
          "affinity: {podAntiAffinity: {required: [{labelSelector: {}, topologyKey: 'zone!'}]}}" | 7 | affinity.podAntiAffinity.required[0].topologyKey | label key 'zone!'
          "affinity: {podAntiAffinity: {required: [{labelSelector: {}, topologyKey: h, namespaces: [a]}]}}" | 7 | affinity.podAntiAffinity.required[0].namespaces | one namespace
          "affinity: {podAntiAffinity: {required: [{labelSelector: {matchExpressions: [{key: a, operator: Lt, values: [1]}]}, topologyKey: h}]}}" | 7 | affinity.podAntiAffinity.required[0].labelSelector.matchExpressions[0].operator | 'Lt' applies to node selector terms only
          "affinity: {podAntiAffinity: {required: [{labelSelector: {matchLabels: {app: 'a b'}}, topologyKey: h}]}}" | 7 | affinity.podAntiAffinity.required[0].labelSelector.matchLabels.app | label value 'a b'
          "topologySpreadConstraints: [{maxSkew: 0, topologyKey: z, whenUnsatisfiable: DoNotSchedule, labelSelector: {}}]" | 7 | topologySpreadConstraints[0].maxSkew | was 0
          "topologySpreadConstraints: [{maxSkew: 1, topologyKey: z, whenUnsatisfiable: Never, labelSelector: {}}]" | 7 | topologySpreadConstraints[0].whenUnsatisfiable | unknown value 'Never'
          "topologySpreadConstraints: [{maxSkew: 1, topologyKey: z, labelSelector: {}}]" | 7 | topologySpreadConstraints[0].whenUnsatisfiable | DoNotSchedule or ScheduleAnyway
          "topologySpreadConstraints: [{maxSkew: 1, topologyKey: z, whenUnsatisfiable: DoNotSchedule}]" | 7 | topologySpreadConstraints[0].labelSelector | selects no pods
          "topologySpreadConstraints: [{maxSkew: 1, topologyKey: z, whenUnsatisfiable: DoNotSchedule, labelSelector: {}, minDomains: 2}]" | 7 | topologySpreadConstraints[0].minDomains | not modelled
          "topologySpreadConstraints: [{maxSkew: 1, topologyKey: z, whenUnsatisfiable: DoNotSchedule, labelSelector: {}}, {maxSkew: 2, topologyKey: z, whenUnsatisfiable: DoNotSchedule, labelSelector: {}}]" | 7 | topologySpreadConstraints[1].topologyKey | a second constraint on 'z'
          """)
  void refusedAtTheLine(String fields, int line, String field, String fragment) {
    String yaml = HEAD + "      " + fields + "\n";
    ScenarioFileException e = assertThrows(ScenarioFileException.class, () -> parse(yaml));
    String prefix = "t.yaml:" + line + ": services[0].deployment." + field + ": ";
    assertTrue(e.getMessage().startsWith(prefix), e.getMessage() + " should start " + prefix);
    assertTrue(e.getMessage().contains(fragment), e.getMessage() + " should name " + fragment);
  }

  /** The Java builder refuses what the file does, naming the API field. */
  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          labels      | spec.template.metadata.labels: label key 'a b'
          reserved    | spec.template.metadata.labels: 'app' is set by the model
          topologyKey | spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution.topologyKey: label key 'not a key'
          selector    | spec.topologySpreadConstraints.labelSelector.values: label value '-x'
          repeat      | spec.topologySpreadConstraints: two constraints on topologyKey 'topology.kubernetes.io/zone'
          nodeKey     | spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.key: label key 'k!'
          """)
  void theBuilderRefusesWhatTheFileRefuses(String what, String message) {
    DeploymentSpec.Builder b = DeploymentSpec.builder();
    SpreadConstraint zone =
        new SpreadConstraint(
            1, NodeSpec.ZONE, WhenUnsatisfiable.DO_NOT_SCHEDULE, LabelSelector.matchLabels());
    switch (what) {
      case "labels" -> b.labels(Map.of("a b", "x"));
      case "reserved" -> b.labels(Map.of("app", "web"));
      case "topologyKey" ->
          b.podAntiAffinity(
              List.of(new AntiAffinityTerm(LabelSelector.matchLabels("app", "web"), "not a key")));
      case "selector" ->
          b.topologySpread(
              List.of(
                  new SpreadConstraint(
                      1,
                      NodeSpec.ZONE,
                      WhenUnsatisfiable.DO_NOT_SCHEDULE,
                      LabelSelector.matchLabels("tier", "-x"))));
      case "repeat" -> b.topologySpread(List.of(zone, zone));
      default -> b.requiredNodeAffinity(List.of(NodeSelectorTerm.of(Requirement.exists("k!"))));
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
    assertTrue(e.getMessage().startsWith(message), e.getMessage() + " should start " + message);
  }
}
