package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.kusp.DeploymentSpec;
import io.platformsim.core.kusp.PodAutoscaling;
import io.platformsim.core.kusp.PodDisruptionBudget;
import io.platformsim.core.kusp.Probe;
import io.platformsim.core.kusp.PullPolicy;
import io.platformsim.core.kusp.nodelifecycle.Toleration;
import io.platformsim.core.workload.Resources;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A service's {@code deployment} section in a scenario file: every field read with its unit, every
 * bad value reported as {@code file:line: services[i].deployment.field: problem} naming the value.
 * Expected specs are written from the documented meaning of each field
 * (examples/scenarios/README.md), not from the reader's output.
 */
class DeploymentReaderTest {

  /** A service whose deployment section starts at line 7. */
  private static final String HEAD =
      """
      services:
        - name: web
          instances: 4
          request: {cpu: 500m, memory: 1Gi}
          usage: {cpu: 200m, memory: 512Mi}
          deployment:
      """;

  private static String withDeployment(String lines) {
    StringBuilder sb = new StringBuilder(HEAD);
    for (String l : lines.split("\n")) {
      sb.append("      ").append(l).append('\n');
    }
    return sb.toString();
  }

  private static DeploymentSpec.Builder spec() {
    return DeploymentSpec.builder();
  }

  static Stream<Arguments> fields() {
    return Stream.of(
        Arguments.of("strategy: Recreate", spec().recreate()),
        Arguments.of("strategy: RollingUpdate", spec()),
        Arguments.of("maxSurge: 2", spec().maxSurge("2")),
        Arguments.of("maxSurge: 50%", spec().maxSurge("50%")),
        Arguments.of("maxSurge: '10%'", spec().maxSurge("10%")),
        Arguments.of("maxUnavailable: 0", spec().maxUnavailable("0")),
        Arguments.of("maxUnavailable: 100%", spec().maxUnavailable("100%")),
        // Recreate ignores the rolling-update bounds, so both 0 is allowed there (upstream
        // validation only checks them for RollingUpdate).
        Arguments.of(
            "strategy: Recreate\nmaxSurge: 0\nmaxUnavailable: 0",
            spec().recreate().maxSurge("0").maxUnavailable("0")),
        Arguments.of("minReadySeconds: 60", spec().minReadySeconds(60)),
        Arguments.of("progressDeadline: 5m", spec().progressDeadlineSeconds(300)),
        Arguments.of("progressDeadline: 1h", spec().progressDeadlineSeconds(3600)),
        Arguments.of("priority: 1000", spec().priority(1000)),
        Arguments.of("priority: -10", spec().priority(-10)),
        Arguments.of("pullPolicy: Always", spec().pullPolicy(PullPolicy.ALWAYS)),
        Arguments.of("pullPolicy: Never", spec().pullPolicy(PullPolicy.NEVER)),
        // 1 core = 1000m, 2Gi = 2048 MiB.
        Arguments.of("limits: {cpu: 1, memory: 2Gi}", spec().limits(Resources.of(1000, 2048))),
        Arguments.of("limits: {cpu: 750m}", spec().limits(Resources.of(750, 0))),
        Arguments.of("limits: {memory: 1Gi}", spec().limits(Resources.of(0, 1024))),
        Arguments.of(
            "readiness: {initialDelay: 5s, period: 2s, failureThreshold: 1}",
            spec().readiness(new Probe(5_000, 2_000, 1))),
        // Absent probe fields keep the upstream defaults: delay 0, period 10 s, threshold 3.
        Arguments.of(
            "readiness: {initialDelay: 30s}", spec().readiness(new Probe(30_000, 10_000, 3))),
        Arguments.of("liveness: {period: 20s}", spec().liveness(new Probe(0, 20_000, 3))),
        Arguments.of("startup: {}", spec().startup(new Probe(0, 10_000, 3))),
        Arguments.of(
            "startup: {failureThreshold: 30, period: 1s}", spec().startup(new Probe(0, 1_000, 30))),
        Arguments.of("crashAfter: 90s", spec().crashAfterMillis(90_000)),
        Arguments.of("crashAfter: 0s", spec().crashAfterMillis(0)),
        Arguments.of("shutdown: 20s", spec().shutdownMillis(20_000)),
        Arguments.of("shutdown: 1m30s", spec().shutdownMillis(90_000)),
        // HPA defaults: minReplicas 1, 80% CPU (autoscaling/v2 defaults.go).
        Arguments.of("hpa: {max: 10}", spec().autoscaling(PodAutoscaling.cpu(1, 10, 80))),
        Arguments.of(
            "hpa: {min: 4, max: 12, targetCpu: 60%}",
            spec().autoscaling(PodAutoscaling.cpu(4, 12, 60))),
        Arguments.of(
            "hpa: {min: 4, max: 12, targetCpu: 60}",
            spec().autoscaling(PodAutoscaling.cpu(4, 12, 60))),
        Arguments.of(
            "hpa: {max: 10, sync: 30s, tolerance: 0.2, scaleDownStabilization: 1m}",
            spec().autoscaling(new PodAutoscaling(1, 10, 80, 30_000, 0.2, 60_000))),
        Arguments.of(
            "disruptionBudget: {minAvailable: 3}",
            spec().disruptionBudget(PodDisruptionBudget.minAvailable("3"))),
        Arguments.of(
            "disruptionBudget: {minAvailable: 50%}",
            spec().disruptionBudget(PodDisruptionBudget.minAvailable("50%"))),
        Arguments.of(
            "disruptionBudget: {maxUnavailable: 1}",
            spec().disruptionBudget(PodDisruptionBudget.maxUnavailable("1"))),
        Arguments.of(
            "tolerations: [{key: unreachable, seconds: 0}, {key: not-ready}]",
            spec()
                .tolerations(
                    List.of(
                        Toleration.noExecute(Toleration.UNREACHABLE, 0L),
                        Toleration.noExecute(Toleration.NOT_READY, null)))),
        Arguments.of(
            "tolerations:\n  - key: not-ready\n    seconds: 60",
            spec().tolerations(List.of(Toleration.noExecute(Toleration.NOT_READY, 60L)))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fields")
  void everyFieldIsRead(String lines, DeploymentSpec.Builder expected) {
    Scenario s = ScenarioFile.parse(withDeployment(lines), "d.yaml");
    assertEquals(Set.of("web"), s.kusp().deployments().keySet());
    assertEquals(expected.build(), s.kusp().deployment("web"));
  }

  @Test
  void anEmptySectionIsTheDefaultAndNoSectionNoEntry() {
    Scenario empty = ScenarioFile.parse(HEAD.replace("deployment:", "deployment: {}"), "d.yaml");
    assertEquals(Map.of("web", DeploymentSpec.DEFAULT), empty.kusp().deployments());
    Scenario none = ScenarioFile.parse(HEAD.replace("    deployment:\n", ""), "d.yaml");
    assertEquals(Map.of(), none.kusp().deployments());
    assertEquals(DeploymentSpec.DEFAULT, none.kusp().deployment("web"));
  }

  @Test
  void everyFieldTogetherAndOnlyForItsService() {
    String yaml =
        withDeployment(
                """
                strategy: RollingUpdate
                maxSurge: 1
                maxUnavailable: 0
                minReadySeconds: 10
                progressDeadline: 2m
                priority: 500
                pullPolicy: IfNotPresent
                limits: {cpu: 500m, memory: 1Gi}
                readiness: {period: 5s}
                liveness: {initialDelay: 15s}
                startup: {failureThreshold: 10}
                crashAfter: 5m
                shutdown: 10s
                hpa: {min: 2, max: 8, targetCpu: 70%}
                disruptionBudget: {maxUnavailable: 25%}
                tolerations: [{key: unreachable, seconds: 30}]""")
            + """
              - name: api
                instances: 2
                request: {cpu: 250m, memory: 512Mi}
                usage: {cpu: 100m, memory: 256Mi}
            """;
    Scenario s = ScenarioFile.parse(yaml, "d.yaml");
    DeploymentSpec expected =
        DeploymentSpec.builder()
            .maxSurge("1")
            .maxUnavailable("0")
            .minReadySeconds(10)
            .progressDeadlineSeconds(120)
            .priority(500)
            .pullPolicy(PullPolicy.IF_NOT_PRESENT)
            .limits(Resources.of(500, 1024))
            .readiness(new Probe(0, 5_000, 3))
            .liveness(new Probe(15_000, 10_000, 3))
            .startup(new Probe(0, 10_000, 10))
            .crashAfterMillis(300_000)
            .shutdownMillis(10_000)
            .autoscaling(PodAutoscaling.cpu(2, 8, 70))
            .disruptionBudget(PodDisruptionBudget.maxUnavailable("25%"))
            .tolerations(List.of(Toleration.noExecute(Toleration.UNREACHABLE, 30L)))
            .build();
    assertEquals(Map.of("web", expected), s.kusp().deployments());
    assertEquals(DeploymentSpec.DEFAULT, s.kusp().deployment("api"));
  }

  /**
   * Each bad value: the line it is on, the field path after {@code services[0].deployment.}, and a
   * fragment of the message naming the value (empty where there is no value to name).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          strategy: Rolling                          | 7 | strategy                  | 'Rolling'
          strategy: recreate                         | 7 | strategy                  | did you mean 'Recreate'
          maxSurge: -1                               | 7 | maxSurge                  | '-1'
          maxSurge: 2x                               | 7 | maxSurge                  | '2x'
          maxUnavailable: 150%                       | 7 | maxUnavailable            | 150%
          "maxSurge: 0\\nmaxUnavailable: 0"          | 8 | maxUnavailable            | maxSurge 0, maxUnavailable 0
          minReadySeconds: -5                        | 7 | minReadySeconds           | -5
          minReadySeconds: 1m                        | 7 | minReadySeconds           | '1m'
          progressDeadline: 90                       | 7 | progressDeadline          | '90'
          progressDeadline: 1500ms                   | 7 | progressDeadline          | 1500ms
          "minReadySeconds: 600\\nprogressDeadline: 5m" | 8 | progressDeadline       | 5m
          priority: 2000000000                       | 7 | priority                  | 2000000000
          priority: high                             | 7 | priority                  | 'high'
          pullPolicy: always                         | 7 | pullPolicy                | 'always'
          "limits: {cpu: 100m}"                      | 7 | limits.cpu                | 100m
          "limits: {cpu: 1, memory: 512Mi}"          | 7 | limits.memory             | 512Mi
          "limits: {memory: 10x}"                    | 7 | limits.memory             | '10x'
          "limits: {}"                               | 7 | limits                    | needs cpu, memory or both
          "limits: {cpus: 1}"                        | 7 | limits.cpus               | did you mean 'cpu'
          "readiness: {period: 0s}"                  | 7 | readiness.period          | 0s
          "liveness: {failureThreshold: 0}"          | 7 | liveness.failureThreshold | 0
          "startup: {initialDelay: soon}"            | 7 | startup.initialDelay      | 'soon'
          "startup: {delay: 5s}"                     | 7 | startup.delay             | unknown field 'delay'
          crashAfter: -1s                            | 7 | crashAfter                | '-1s'
          shutdown: 30                               | 7 | shutdown                  | '30'
          "hpa: {min: 4}"                            | 7 | hpa.max                   | missing
          "hpa: {min: 5, max: 3}"                    | 7 | hpa.max                   | was 3
          "hpa: {min: 0, max: 3}"                    | 7 | hpa.min                   | was 0
          "hpa: {max: 5, targetCpu: 0%}"             | 7 | hpa.targetCpu             | '0%'
          "hpa: {max: 5, targetCpu: lots}"           | 7 | hpa.targetCpu             | 'lots'
          "hpa: {max: 5, target: 50}"                | 7 | hpa.target                | unknown field 'target'
          "hpa: {max: 5, tolerance: 1}"              | 7 | hpa.tolerance             | was 1.0
          "hpa: {max: 5, sync: 0s}"                  | 7 | hpa.sync                  | '0s'
          "hpa: {max: 5, scaleDownStabilization: 5}" | 7 | hpa.scaleDownStabilization | '5'
          "disruptionBudget: {minAvailable: 1, maxUnavailable: 1}" | 7 | disruptionBudget | exactly one
          "disruptionBudget: {}"                     | 7 | disruptionBudget          | exactly one
          "disruptionBudget: {minAvailable: 120%}"   | 7 | disruptionBudget.minAvailable | 120%
          "disruptionBudget: {maxUnavailable: x}"    | 7 | disruptionBudget.maxUnavailable | 'x'
          "tolerations: [{key: unreachabel}]"        | 7 | tolerations[0].key        | did you mean 'unreachable'
          "tolerations: [{key: unreachable, seconds: -1}]" | 7 | tolerations[0].seconds | -1
          "tolerations: [{key: not-ready, secs: 1}]" | 7 | tolerations[0].secs       | unknown field 'secs'
          "tolerations: {key: not-ready}"            | 7 | tolerations               | expected a list
          maxSurg: 1                                 | 7 | maxSurg                   | did you mean 'maxSurge'
          """)
  void everyBadValueIsNamedAtItsLine(String lines, int line, String field, String fragment) {
    ScenarioFileException e =
        assertThrows(
            ScenarioFileException.class,
            () -> ScenarioFile.parse(withDeployment(lines.replace("\\n", "\n")), "d.yaml"));
    String prefix = "d.yaml:" + line + ": services[0].deployment." + field + ": ";
    assertTrue(e.getMessage().startsWith(prefix), e.getMessage() + " should start " + prefix);
    assertTrue(e.getMessage().contains(fragment), e.getMessage() + " should name " + fragment);
  }

  @Test
  void aDeploymentSectionNeedsAMapping() {
    ScenarioFileException e =
        assertThrows(
            ScenarioFileException.class,
            () ->
                ScenarioFile.parse(HEAD.replace("deployment:", "deployment: Recreate"), "d.yaml"));
    assertEquals("services[0].deployment", e.field());
    assertEquals(6, e.line());
  }
}
