package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.experiment.TimelineEvent.ApplyRelease;
import io.platformsim.core.experiment.TimelineEvent.LoadChange;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioFileTest {

  private static final String VALID =
      """
      name: two
      seed: 9
      replications: 3
      horizon: 2h
      services:
        - name: zebra
          instances: 4
          request: {cpu: "0.5", memory: 1.5Gi}
          usage: {cpu: 100m, memory: 2G}
          startup: 1m30s
        - name: cheetah
          instances: 2
          request: {cpu: 1, memory: 1Gi}
          usage: {cpu: 250m, memory: 512Mi}
          artifact: 1.5GB
      lesp:
        headroom: 0.5
        strategy: blue-green
      kusp:
        initialNodes: 5
        zones: [east, west]
        autoscaler: false
      timeline:
        - at: 10m
          release: {service: zebra, version: "2"}
        - at: 20m
          load: {service: cheetah, factor: 2.5, for: 15m}
        - at: 1h
          baseImage: {version: b2, spacing: 30s}
      """;

  private static ScenarioFileException error(String yaml) {
    return assertThrows(ScenarioFileException.class, () -> ScenarioFile.parse(yaml, "bad.yaml"));
  }

  @Test
  void validFileLoadsWithUnitsAndDefaults() {
    Scenario s = ScenarioFile.parse(VALID, "two.yaml");
    assertEquals("two", s.name());
    assertEquals(9, s.seed());
    assertEquals(3, s.replications());
    assertEquals(7_200_000L, s.horizonMillis());
    Service zebra = s.workload().service("zebra");
    assertEquals(500, zebra.request().milliCpu()); // 0.5 cores
    assertEquals(1536, zebra.request().memoryMib()); // 1.5 × 1024 MiB
    assertEquals(1908, zebra.usage().memoryMib()); // 2e9 B ÷ 1 048 576 = 1907.35 → rounded up
    assertEquals(90_000, zebra.startupMillis()); // 1m30s
    assertEquals(5_000, zebra.healthCheckMillis()); // default 5s
    assertEquals("1", zebra.version()); // default
    assertEquals(100_000_000L, zebra.artifactBytes()); // default 100MB
    assertEquals(1_500_000_000L, s.workload().service("cheetah").artifactBytes());
    assertEquals(0.5, s.lesp().headroom());
    assertEquals("blue/green", s.lesp().strategy().toString());
    assertEquals(5, s.kusp().initialNodes());
    assertEquals(List.of("east", "west"), s.kusp().zones());
    assertEquals(null, s.kusp().clusterAutoscaling());
    // 1 release + spike up and back down + 2 base-image releases 30 s apart.
    assertEquals(5, s.timeline().size());
    assertEquals(new ApplyRelease(600_000, Release.app("zebra", "2")), s.timeline().get(0));
    assertEquals(new LoadChange(1_200_000, "cheetah", 2.5), s.timeline().get(1));
    assertEquals(new LoadChange(2_100_000, "cheetah", 1.0), s.timeline().get(2));
    assertEquals(
        new ApplyRelease(3_630_000, Release.baseImage("cheetah", "b2")), s.timeline().get(4));
  }

  @Test
  void defaultYamlIsTheBuiltInScenario() {
    // The whole record: workload, timeline, both platforms' configurations (identity included),
    // horizon, replications, seed and sampling, so no field can drift between the two.
    Scenario fromFile = ScenarioFile.load(Path.of("../examples/scenarios/default.yaml"));
    assertEquals(DefaultScenario.build(), fromFile);
  }

  @Test
  void everyExampleScenarioLoadsAndRuns() throws Exception {
    try (var files = Files.list(Path.of("../examples/scenarios"))) {
      List<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      assertTrue(yaml.size() >= 2, yaml.toString());
      for (Path p : yaml) {
        Scenario s = ScenarioFile.load(p);
        assertTrue(s.workload().services().size() >= 1, p.toString());
      }
    }
    Scenario zone = ScenarioFile.load(Path.of("../examples/scenarios/zone-outage.yaml"));
    // scale-down-unneeded-time defaults to 10 min (kubernetes/autoscaler FAQ.md); the file can
    // change it.
    assertEquals(600_000L, zone.kusp().clusterAutoscaling().unneededMillis());
    assertEquals(
        300_000L,
        ScenarioFile.parse(
                Files.readString(Path.of("../examples/scenarios/zone-outage.yaml"))
                    .replace("{min: 2, max: 20}", "{min: 2, max: 20, scaleDownAfter: 5m}"),
                "z.yaml")
            .kusp()
            .clusterAutoscaling()
            .unneededMillis());
    ComparisonResult r = Comparison.run(zone.withReplications(2));
    assertTrue(r.kusp().mean(Figure.COST_PER_HOUR) > 0 && r.lesp().mean(Figure.COST_PER_HOUR) > 0);
  }

  @Test
  void unknownFieldIsNamedWithLineAndSuggestion() {
    ScenarioFileException e = error(VALID.replace("  headroom: 0.5", "  headrom: 0.5"));
    assertEquals("bad.yaml", e.file());
    assertEquals(17, e.line());
    assertEquals("lesp.headrom", e.field());
    assertTrue(e.getMessage().contains("did you mean 'headroom'"), e.getMessage());
    assertTrue(
        e.getMessage().startsWith("bad.yaml:17: lesp.headrom: unknown field"), e.getMessage());
  }

  @Test
  void wrongUnitsAreErrors() {
    ScenarioFileException d = error(VALID.replace("startup: 1m30s", "startup: 90"));
    assertEquals("services[0].startup", d.field());
    assertEquals(10, d.line());
    assertTrue(d.problem().contains("duration with a unit"), d.problem());
    ScenarioFileException m = error(VALID.replace("memory: 1.5Gi", "memory: 1536"));
    assertEquals("services[0].request.memory", m.field());
    ScenarioFileException c = error(VALID.replace("cpu: 100m", "cpu: 100Mi"));
    assertEquals("services[0].usage.cpu", c.field());
    ScenarioFileException b = error(VALID.replace("artifact: 1.5GB", "artifact: 1.5 parsecs"));
    assertEquals("services[1].artifact", b.field());
  }

  @Test
  void negativeCountsAreErrors() {
    ScenarioFileException e = error(VALID.replace("instances: 4", "instances: -3"));
    assertEquals("services[0].instances", e.field());
    assertTrue(e.problem().contains("was -3"), e.problem());
    assertEquals(
        "replications", error(VALID.replace("replications: 3", "replications: 0")).field());
    assertEquals("lesp.headroom", error(VALID.replace("headroom: 0.5", "headroom: -1")).field());
  }

  @Test
  void releaseOfAnUnknownServiceIsAnErrorWithSuggestion() {
    ScenarioFileException e =
        error(VALID.replace("release: {service: zebra", "release: {service: zebar"));
    assertEquals("timeline[0].release.service", e.field());
    assertEquals(25, e.line());
    assertTrue(e.problem().contains("unknown service 'zebar'; did you mean 'zebra'?"), e.problem());
  }

  @Test
  void serviceTooLargeForEveryNodeIsNamedAtItsLine() {
    ScenarioFileException e =
        error(VALID.replace("request: {cpu: 1, memory: 1Gi}", "request: {cpu: 64, memory: 1Gi}"));
    assertEquals("services[1].request", e.field());
    assertEquals(13, e.line());
    assertTrue(e.problem().contains("does not fit a KuSP node"), e.problem());
  }

  @Test
  void eventAfterTheHorizonIsAnError() {
    ScenarioFileException e = error(VALID.replace("at: 1h", "at: 3h"));
    assertEquals("timeline[2].at", e.field());
  }

  @Test
  void missingRequiredFieldAndBadShapeAreErrors() {
    assertEquals(
        "services[0].request",
        error(VALID.replace("    request: {cpu: \"0.5\", memory: 1.5Gi}\n", "")).field());
    assertEquals("services", error("services: zebra\n").field());
    assertTrue(error("").problem().contains("empty"));
  }

  @Test
  void duplicateKeyIsAnError() {
    ScenarioFileException e = error("seed: 1\nseed: 2\nservices: []\n");
    assertTrue(
        e.getMessage().contains("seed") && e.getMessage().toLowerCase().contains("duplicate"),
        e.getMessage());
  }

  @Test
  void malformedYamlNamesTheLine() {
    ScenarioFileException e = error("services:\n  - name: [unclosed\n");
    assertTrue(e.line() >= 2, e.getMessage());
    assertTrue(e.problem().startsWith("not valid YAML"), e.problem());
  }

  @Test
  void aliasBombIsRefused() {
    // "Billion laughs": each level repeats the previous one 9 times; expanded, 9^6 strings.
    StringBuilder y =
        new StringBuilder(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    String prev = "a";
    for (char c = 'b'; c <= 'g'; c++) {
      y.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        y.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      y.append("]\n");
      prev = String.valueOf(c);
    }
    ScenarioFileException e = error(y.toString());
    assertTrue(e.problem().contains("YAML") || e.problem().contains("alias"), e.getMessage());
  }

  @Test
  void singleAnchorIsRefusedToo() {
    ScenarioFileException e =
        error(VALID.replace("request: {cpu: 1, memory: 1Gi}", "request: &r {cpu: 1, memory: 1Gi}"));
    assertTrue(e.problem().contains("anchors and aliases"), e.getMessage());
  }

  @Test
  void hugeInputIsRefusedBeforeParsing(@TempDir Path dir) throws Exception {
    String big = "# " + "x".repeat((int) ScenarioFile.MAX_BYTES) + "\n";
    assertTrue(error(big).problem().contains("limit"));
    Path file = dir.resolve("huge.yaml");
    Files.writeString(file, big);
    ScenarioFileException e =
        assertThrows(ScenarioFileException.class, () -> ScenarioFile.load(file));
    assertTrue(e.problem().contains("limit is 1048576"), e.getMessage());
  }

  @Test
  void missingFileIsAnError(@TempDir Path dir) {
    ScenarioFileException e =
        assertThrows(
            ScenarioFileException.class, () -> ScenarioFile.load(dir.resolve("nope.yaml")));
    assertEquals("no such file", e.problem());
  }

  @Test
  void durationsParseByHand() {
    assertEquals(5_400_000L, ScenarioFile.parseDuration("1h30m"));
    assertEquals(250L, ScenarioFile.parseDuration("250ms"));
    assertEquals(86_400_000L, ScenarioFile.parseDuration("1d"));
    assertEquals(null, ScenarioFile.parseDuration("90"));
    assertEquals(null, ScenarioFile.parseDuration("1h 30m"));
    assertEquals(null, ScenarioFile.parseDuration("-5s"));
  }
}
