package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.experiment.TimelineEvent.FollowLoad;
import io.platformsim.core.lesp.AutoScaling;
import io.platformsim.core.workload.LoadCurve;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The timeline's {@code loadCurve} events and the {@code lesp.serviceAutoScaling} map: read into
 * the model the same as the Java builder makes it, and every bad value refused naming file, line,
 * field and value.
 */
class LoadCurveSectionTest {

  private static final long HOUR = 3_600_000L;

  /** Two services; the timeline's first item starts at line 12, its loadCurve at 13. */
  static final String TWO =
      """
      horizon: 2d
      services:
        - name: web
          instances: 2
          request: {cpu: 1, memory: 1Gi}
          usage: {cpu: 250m, memory: 512Mi}
        - name: api
          instances: 3
          request: {cpu: 1, memory: 1Gi}
          usage: {cpu: 250m, memory: 512Mi}
      timeline:
      """;

  private static Scenario parse(String item) {
    return ScenarioFile.parse(TWO + "  - at: 1h\n    loadCurve: " + item + "\n", "c.yaml");
  }

  private static Service service(String name, int instances) {
    return Service.builder(name)
        .instances(instances)
        .request(Resources.of(1000, 1024))
        .usage(Resources.of(250, 512))
        .build();
  }

  private static Scenario.Builder builder() {
    return Scenario.builder("scenario")
        .service(service("web", 2))
        .service(service("api", 3))
        .horizon(Duration.ofDays(2));
  }

  @Test
  void aDiurnalCurveIsReadAsTheBuilderMakesIt() {
    Scenario fromFile = parse("{service: web, diurnal: {low: 0.5, high: 1.5, peakAt: 14h}}");
    // defaults: a 24 h period, 5-minute steps, until the horizon
    LoadCurve day = LoadCurve.diurnal(0.5, 1.5, 14 * HOUR, 300_000, 48 * HOUR);
    assertEquals(List.of(new FollowLoad(HOUR, "web", day)), fromFile.timeline());
    Scenario built = builder().loadCurve(Duration.ofHours(1), "web", day).build();
    assertEquals(built, fromFile);
  }

  @Test
  void periodAndStepAreRead() {
    Scenario s =
        parse("{service: web, diurnal: {low: 0, high: 2, peakAt: 3h, period: 12h, step: 1h}}");
    assertEquals(
        List.of(
            new FollowLoad(
                HOUR, "web", LoadCurve.diurnal(0, 2, 3 * HOUR, 12 * HOUR, HOUR, 48 * HOUR))),
        s.timeline());
  }

  @Test
  void allMeansOneCurvePerServiceAsTheBuilderMakesIt() {
    Scenario fromFile = parse("{service: all, diurnal: {low: 0.5, high: 1.5, peakAt: 14h}}");
    LoadCurve day = LoadCurve.diurnal(0.5, 1.5, 14 * HOUR, 300_000, 48 * HOUR);
    assertEquals(
        List.of(new FollowLoad(HOUR, "web", day), new FollowLoad(HOUR, "api", day)),
        fromFile.timeline());
    assertEquals(builder().loadCurve(Duration.ofHours(1), day).build(), fromFile);
  }

  @Test
  void stepsAreReadWithNominalLoadBeforeTheFirst() {
    Scenario s = parse("{service: api, steps: [{at: 2h, factor: 2}, {at: 3h, factor: 0.5}]}");
    LoadCurve expected = LoadCurve.constant(1.0).then(2 * HOUR, 2).then(3 * HOUR, 0.5);
    assertEquals(List.of(new FollowLoad(HOUR, "api", expected)), s.timeline());
    Scenario fromZero = parse("{service: api, steps: [{at: 0s, factor: 3}]}");
    assertEquals(List.of(new FollowLoad(HOUR, "api", LoadCurve.constant(3))), fromZero.timeline());
  }

  static Stream<Arguments> badCurves() {
    String path = "timeline[0].loadCurve";
    return Stream.of(
        Arguments.of(
            "{service: web, diurnal: {low: 2, high: 1.5, peakAt: 14h}}",
            path + ".diurnal.low",
            "2"),
        Arguments.of(
            "{service: web, diurnal: {low: 0.5, high: 1.5, peakAt: 14h, step: 0s}}",
            path + ".diurnal.step",
            "0s"),
        Arguments.of(
            "{service: web, diurnal: {low: 0.5, high: 1.5, peakAt: 14h, step: 25h}}",
            path + ".diurnal.step",
            "25h"),
        Arguments.of(
            "{service: web, diurnal: {low: 0.5, high: 1.5, peakAt: 14h, period: 0s}}",
            path + ".diurnal.period",
            "0s"),
        Arguments.of(
            "{service: web, diurnal: {low: -1, high: 1.5, peakAt: 14h}}",
            path + ".diurnal.low",
            "-1"),
        Arguments.of(
            "{service: web, diurnal: {low: 0.5, high: 1.5}}", path + ".diurnal.peakAt", "required"),
        Arguments.of(
            "{service: wbe, diurnal: {low: 0.5, high: 1.5, peakAt: 14h}}",
            path + ".service",
            "'wbe'"),
        Arguments.of("{service: web}", path, "exactly one of 'diurnal' and 'steps'"),
        Arguments.of(
            "{service: web, steps: [{at: 2h, factor: 2}, {at: 1h, factor: 1}]}",
            path + ".steps[1].at",
            "1h"),
        Arguments.of(
            "{service: web, steps: [{at: 2h, factor: -2}]}", path + ".steps[0].factor", "-2"),
        Arguments.of(
            "{service: web, steps: [{at: 3d, factor: 2}]}", path + ".steps[0].at", "72:00:00"),
        Arguments.of("{service: web, steps: []}", path + ".steps", "at least one"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCurves")
  void everyBadCurveIsOneErrorNamingFileLineFieldAndValue(String item, String field, String value) {
    ScenarioFileException e = assertThrows(ScenarioFileException.class, () -> parse(item));
    assertEquals("c.yaml", e.file(), e.getMessage());
    assertEquals(13, e.line(), e.getMessage()); // the loadCurve line
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.problem().contains(value), e.getMessage());
  }

  private static Scenario withLesp(String lesp) {
    return ScenarioFile.parse(TWO.replace("timeline:\n", "lesp:\n  " + lesp + "\n"), "l.yaml");
  }

  @Test
  void serviceAutoScalingIsReadAsTheBuilderMakesIt() {
    Scenario s =
        withLesp(
            "serviceAutoScaling: {web: {target: 0.5, min: 2, max: 6, cooldown: 2m, evaluation: 30s}}");
    AutoScaling web = new AutoScaling(0.5, 120_000, 30_000, 2, 6);
    assertEquals(Optional.of(web), s.lesp().autoScalingOf("web"));
    assertEquals(Optional.empty(), s.lesp().autoScalingOf("api")); // the other pool keeps its size
    assertEquals(
        builder()
            .lesp(io.platformsim.core.lesp.LespConfig.builder().autoScaling("web", web).build())
            .build(),
        s.withSeed(s.seed()));
  }

  @Test
  void aServicesOwnPolicyReplacesTheCommonOne() {
    Scenario s =
        withLesp(
            "autoScaling: {target: 0.7, max: 10}\n  serviceAutoScaling: {web: {target: 0.5, max: 6}}");
    assertEquals(0.5, s.lesp().autoScalingOf("web").orElseThrow().targetUtilization());
    assertEquals(0.7, s.lesp().autoScalingOf("api").orElseThrow().targetUtilization());
  }

  static Stream<Arguments> badAutoScaling() {
    return Stream.of(
        Arguments.of(
            "serviceAutoScaling: {wbe: {target: 0.5, max: 6}}",
            "lesp.serviceAutoScaling.wbe",
            "did you mean 'web'"),
        Arguments.of(
            "serviceAutoScaling: {web: {target: 1.5, max: 6}}",
            "lesp.serviceAutoScaling.web.target",
            "1.5"),
        Arguments.of(
            "serviceAutoScaling: {web: {target: 0.5, min: 7, max: 6}}",
            "lesp.serviceAutoScaling.web.max",
            "was 6"),
        Arguments.of("serviceAutoScaling: {web: 0.5}", "lesp.serviceAutoScaling.web", "mapping"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badAutoScaling")
  void everyBadServiceAutoScalingIsNamed(String lesp, String field, String value) {
    ScenarioFileException e = assertThrows(ScenarioFileException.class, () -> withLesp(lesp));
    assertEquals("l.yaml", e.file(), e.getMessage());
    assertEquals(12, e.line(), e.getMessage());
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.problem().contains(value), e.getMessage());
  }

  @Test
  void theBuilderRefusesAPolicyForAnUnknownService() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                builder()
                    .lesp(
                        io.platformsim.core.lesp.LespConfig.builder()
                            .autoScaling("nope", AutoScaling.targetTracking(0.5, 1, 2))
                            .build())
                    .build());
    assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
  }

  @Test
  void scaleOutTargetIsRefusedSayingWhatReplacesIt() {
    ScenarioFileException e =
        assertThrows(
            ScenarioFileException.class,
            () -> ScenarioFile.parse("scaleOutTarget: 0.6\n" + TWO, "old.yaml"));
    assertEquals("scaleOutTarget", e.field());
    assertEquals(1, e.line());
    assertTrue(
        e.problem().contains("deployment.hpa.targetCpu")
            && e.problem().contains("lesp.serviceAutoScaling"),
        e.getMessage());
  }
}
