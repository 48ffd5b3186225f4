package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.kusp.ClusterAutoscaling;
import io.platformsim.core.kusp.KuspIdentity;
import io.platformsim.core.lesp.LespIdentity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the section readers add to the tests of {@link ScenarioFileTest}. */
class ScenarioReadersTest {

  private static final String SMALL =
      """
      services:
        - name: web
          instances: 2
          request: {cpu: 1e0, memory: 1 Gi}
          usage: {cpu: .25, memory: 512Mi}
      """;

  private static ScenarioFileException error(String yaml) {
    return assertThrows(ScenarioFileException.class, () -> ScenarioFile.parse(yaml, "r.yaml"));
  }

  @Test
  void defaultYamlHasTheBuiltInIdentity() {
    Scenario fromFile = ScenarioFile.load(Path.of("../examples/scenarios/default.yaml"));
    Scenario builtIn = DefaultScenario.build();
    assertEquals(builtIn.lesp().identity(), fromFile.lesp().identity());
    assertEquals(builtIn.kusp().identity(), fromFile.kusp().identity());
    assertEquals(builtIn.lesp(), fromFile.lesp());
    assertEquals(builtIn.kusp(), fromFile.kusp());
  }

  @Test
  void identitySectionSetsOneAuthorityForBothPlatforms() {
    Scenario none = ScenarioFile.parse(SMALL, "r.yaml");
    // Absent: each configuration's default, an unlimited (0) authority.
    assertEquals(0, none.lesp().identity().authorityCapacityPerSecond());
    assertEquals(0, none.kusp().identity().authorityCapacityPerSecond());
    Scenario five = ScenarioFile.parse(SMALL + "identity: {authorityCapacity: 5}\n", "r.yaml");
    assertEquals(LespIdentity.DEFAULT.withAuthorityCapacity(5), five.lesp().identity());
    assertEquals(KuspIdentity.INSTANT.withAuthorityCapacity(5), five.kusp().identity());
    ScenarioFileException e = error(SMALL + "identity: {authorityCapacty: 5}\n");
    assertEquals("identity.authorityCapacty", e.field());
    assertTrue(e.problem().contains("did you mean 'authorityCapacity'"), e.problem());
    assertEquals(
        "r.yaml:6: identity.authorityCapacity: must be in [0, 1000000], was -1",
        error(SMALL + "identity: {authorityCapacity: -1}\n").getMessage());
  }

  @Test
  void quantitiesInFilesFollowTheKubernetesRules() {
    Scenario s = ScenarioFile.parse(SMALL, "r.yaml");
    // 1e0 cores = 1000m; .25 cores = 250m; "1 Gi" (a blank before the unit) = 1024 MiB.
    assertEquals(1000, s.workload().service("web").request().milliCpu());
    assertEquals(1024, s.workload().service("web").request().memoryMib());
    assertEquals(250, s.workload().service("web").usage().milliCpu());
  }

  @Test
  void autoscalerTimingsAreTheUpstreamDefaults() {
    Scenario s =
        ScenarioFile.parse(
            SMALL + "kusp: {autoscaler: {min: 1, max: 4, scaleDownAfter: 2m}}\n", "r.yaml");
    // scan 10 s, delay after add 10 min, threshold 0.5 (cluster-autoscaler FAQ.md); unneeded from
    // the file.
    assertEquals(
        new ClusterAutoscaling(1, 4, 10_000, 120_000, 600_000, 0.5), s.kusp().clusterAutoscaling());
  }

  @Test
  void readerErrorsKeepFileLineAndField() {
    assertEquals(
        "r.yaml:4: services[0].request.cpu: expected CPU as millicores like 500m or cores like 2 or 0.5,"
            + " was '1Ki'",
        error(SMALL.replace("cpu: 1e0", "cpu: 1Ki")).getMessage());
    assertEquals(
        "r.yaml:6: kusp.autoscaler: expected a mapping (key: value lines), was 'true'",
        error(SMALL + "kusp: {autoscaler: true}\n").getMessage());
    assertEquals(
        "r.yaml:6: lesp.strategy: expected 'rolling <n>', 'rolling <p>%', 'blue-green' or"
            + " 'canary <n> watch <duration> then rolling <n or p%>', was 'canary'",
        error(SMALL + "lesp: {strategy: canary}\n").getMessage());
  }
}
