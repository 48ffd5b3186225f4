package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.experiment.TimelineEvent.ApplyRelease;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A configuration change ({@code kind: config}) from the scenario file and the builder alike,
 * validated, and reported as its own rollout figures on both platforms.
 */
class ConfigChangeTest {

  private static final String SMALL =
      """
      horizon: 2h
      replications: 1
      services:
        - name: web
          instances: 4
          request: {cpu: 500m, memory: 1Gi}
          usage: {cpu: 100m, memory: 256Mi}
      timeline:
        - at: 30m
      """;

  @Test
  void theFileAndTheBuilderGiveTheSameConfigurationChange() {
    Scenario fromFile =
        ScenarioFile.parse(
            SMALL + "    release: {service: web, version: cfg-2, kind: config}\n", "s.yaml");
    assertEquals(
        new ApplyRelease(1_800_000, Release.config("web", "cfg-2")), fromFile.timeline().get(0));
    Scenario built =
        Scenario.builder("s")
            .service(
                Service.builder("web")
                    .instances(4)
                    .request(Resources.of(500, 1024))
                    .usage(Resources.of(100, 256))
                    .build())
            .configChange(Duration.ofMinutes(30), "web", "cfg-2")
            .build();
    assertEquals(fromFile.timeline(), built.timeline());
  }

  @Test
  void aFailingConfigurationChangeIsRefusedNamingFileLineFieldAndValue() {
    ScenarioFileException e =
        assertThrows(
            ScenarioFileException.class,
            () ->
                ScenarioFile.parse(
                    SMALL
                        + "    release: {service: web, version: cfg-2, kind: config,"
                        + " healthCheckFailure: 0.5}\n",
                    "bad.yaml"));
    assertEquals("bad.yaml", e.file());
    assertEquals(10, e.line());
    assertTrue(e.field().endsWith("healthCheckFailure"), e.field());
    assertTrue(e.getMessage().contains("0.5"), e.getMessage());
    e =
        assertThrows(
            ScenarioFileException.class,
            () ->
                ScenarioFile.parse(
                    SMALL + "    release: {service: web, version: cfg-2, kind: conifg}\n",
                    "bad.yaml"));
    assertTrue(e.getMessage().contains("did you mean 'config'"), e.getMessage());
  }

  @Test
  void bothPlatformsReportConfigurationRolloutsOnlyWhenThereAreSome() {
    ComparisonResult with =
        Comparison.run(
            ScenarioFile.parse(
                SMALL + "    release: {service: web, version: cfg-2, kind: config}\n", "s.yaml"));
    ComparisonResult without =
        Comparison.run(
            ScenarioFile.parse(SMALL + "    release: {service: web, version: '2'}\n", "s.yaml"));
    for (PlatformResult p : with.platforms()) {
      double p50 = p.mean(Figure.CONFIG_ROLLOUT_P50);
      // Every instance restarts (LeSP also converges first), so a rollout takes at least the
      // service's startup (10 s default) and health check (5 s default).
      assertTrue(p50 >= 15, p.name() + " config rollout p50 " + p50);
      assertTrue(p.estimate(Figure.APP_ROLLOUT_P50).isEmpty(), p.name());
      assertEquals(p50, p.mean(Figure.ROLLOUT_P50), p.name());
    }
    for (PlatformResult p : without.platforms()) {
      assertFalse(p.estimate(Figure.CONFIG_ROLLOUT_P50).isPresent(), p.name());
    }
  }
}
