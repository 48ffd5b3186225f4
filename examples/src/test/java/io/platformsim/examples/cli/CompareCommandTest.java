package io.platformsim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

  @TempDir Path dir;

  /** A small scenario: two services, a release, a spike and a failure over 2 simulated hours. */
  private static final String SMALL =
      """
      name: small
      seed: 3
      replications: 2
      horizon: 2h
      services:
        - name: zebra
          instances: 4
          request: {cpu: 1000m, memory: 2Gi}
          usage: {cpu: 250m, memory: 1Gi}
        - name: cheetah
          instances: 6
          request: {cpu: 500m, memory: 1Gi}
          usage: {cpu: 100m, memory: 512Mi}
      kusp:
        initialNodes: 3
      timeline:
        - at: 30m
          release: {service: zebra, version: "2"}
        - at: 40m
          load: {service: cheetah, factor: 3, for: 10m}
        - at: 60m
          failure: {service: zebra}
        - at: 70m
          baseImage: {version: b2}
      """;

  private Path small() throws Exception {
    Path f = dir.resolve("small.yaml");
    Files.writeString(f, SMALL);
    return f;
  }

  @Test
  void jsonIsOneObjectWithBothPlatformsAndIsByteIdenticalForTheSameSeed() throws Exception {
    Path f = small();
    Invocation a = Invocation.platformsim("compare", f.toString(), "--json", "-q");
    Invocation b = Invocation.platformsim("compare", f.toString(), "--json", "-q");
    assertEquals(0, a.exitCode(), a.err());
    assertEquals(a.out(), b.out());
    String json = a.out().strip();
    assertEquals(1, a.out().lines().count(), "one line");
    assertTrue(json.startsWith("{") && json.endsWith("}"));
    assertBalanced(json);
    assertTrue(json.contains("\"seed\":3,") && json.contains("\"replications\":2,"), json);
    for (String side : List.of("lesp", "kusp")) {
      String obj = object(json, side);
      for (String key :
          List.of(
              "machines",
              "costPerHour",
              "cpuAllocation",
              "memoryAllocation",
              "cpuUsage",
              "recoverySeconds")) {
        assertTrue(
            Pattern.compile(
                    "\""
                        + key
                        + "\":\\{\"mean\":[-0-9.E]+,\"ci95\":\\[[-0-9.E]+,[-0-9.E]+],\"n\":2,")
                .matcher(obj)
                .find(),
            side + "." + key + " in " + obj);
      }
      String rollout = object(obj, "rolloutSeconds");
      for (String p : List.of("p50", "p95", "max")) {
        assertTrue(
            rollout.contains("\"" + p + "\":{\"mean\":"),
            side + " rolloutSeconds." + p + ": " + rollout);
      }
    }
  }

  @Test
  void theShippedDefaultYamlGivesTheBuiltInComparisonByteForByte() {
    // examples/scenarios/default.yaml is documented as the built-in scenario: the whole --json
    // output (every figure of both platforms) must agree, not only the parsed fields.
    Invocation builtIn = Invocation.platformsim("compare", "--json", "-q");
    Invocation file = Invocation.platformsim("compare", "scenarios/default.yaml", "--json", "-q");
    assertEquals(0, builtIn.exitCode(), builtIn.err());
    assertEquals(0, file.exitCode(), file.err());
    assertTrue(builtIn.out().contains("\"scenario\":\"default\""), builtIn.out());
    assertEquals(builtIn.out(), file.out());
  }

  @Test
  void anotherSeedChangesTheJson() throws Exception {
    Path f = small();
    Invocation a = Invocation.platformsim("compare", f.toString(), "--json", "-q");
    Invocation b = Invocation.platformsim("compare", f.toString(), "--json", "-q", "--seed", "4");
    assertTrue(b.out().contains("\"seed\":4,"));
    assertFalse(a.out().equals(b.out()));
  }

  @Test
  void tableShowsBothSidesAndProgressGoesToStandardError() throws Exception {
    Invocation r = Invocation.platformsim("compare", small().toString(), "-r", "3");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("3 replications, seed 3"), r.out());
    String header = r.out().lines().filter(l -> l.startsWith("figure")).findFirst().orElseThrow();
    assertTrue(
        header.contains("LeSP") && header.contains("KuSP") && header.contains("KuSP/LeSP"), header);
    assertTrue(r.err().contains("3/3 replications"), r.err());
    assertFalse(r.out().contains("replications]"), "no progress on stdout");
  }

  @Test
  void csvAndChartsAreWritten() throws Exception {
    Path csv = dir.resolve("csv");
    Path charts = dir.resolve("charts");
    Invocation r =
        Invocation.platformsim(
            "compare",
            small().toString(),
            "-q",
            "--csv",
            csv.toString(),
            "--charts",
            charts.toString());
    assertEquals(0, r.exitCode(), r.err());
    List<String> summary = Files.readAllLines(csv.resolve("summary.csv"));
    assertEquals(
        "figure,unit,platform,mean,ci95_low,ci95_high,sd,n,censored,absent", summary.get(0));
    assertTrue(
        summary.stream().anyMatch(l -> l.startsWith("costPerHour,USD,KuSP,")), summary.toString());
    List<String> series = Files.readAllLines(csv.resolve("timeseries.csv"));
    assertEquals(
        "time_s,platform,machines,cpu_allocation,memory_allocation,cpu_usage", series.get(0));
    // 2 h sampled every 2 h / 144 = 50 s: 145 samples per platform, plus the header.
    assertEquals(1 + 2 * 145, series.size());
    assertTrue(Files.readString(csv.resolve("rollouts.csv")).contains("LeSP,zebra,APP,2,"));
    // replications.csv: each replication's value; the two cost rows of a platform average to the
    // mean summary.csv reports for it.
    List<String> reps = Files.readAllLines(csv.resolve("replications.csv"));
    assertEquals("platform,replication,figure,value,censored", reps.get(0));
    for (String platform : List.of("LeSP", "KuSP")) {
      double[] cost =
          reps.stream()
              .filter(l -> l.startsWith(platform + ",") && l.contains(",costPerHour,"))
              .mapToDouble(l -> Double.parseDouble(l.split(",")[3]))
              .toArray();
      assertEquals(2, cost.length, reps.toString());
      double mean =
          Double.parseDouble(
              summary.stream()
                  .filter(l -> l.startsWith("costPerHour,USD," + platform + ","))
                  .findFirst()
                  .orElseThrow()
                  .split(",")[3]);
      assertEquals((cost[0] + cost[1]) / 2, mean, 1e-6);
    }
    byte[] pngMagic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    for (String name : List.of("utilization.png", "machines.png", "rollouts.png")) {
      byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(charts.resolve(name)), 8);
      assertArrayEquals(pngMagic, head, name);
    }
  }

  @Test
  void twoReplicationsWarnOnStandardErrorAndInTheJson() throws Exception {
    Invocation r = Invocation.platformsim("compare", small().toString(), "--json", "-q");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        r.err().contains("platformsim compare: warning: the intervals rest on 2 replications"),
        r.err());
    assertTrue(r.out().contains("\"warnings\":[\"the intervals rest on 2 replications"), r.out());
    // The paired ratio and difference are there with intervals, the ratio of means beside them.
    assertTrue(
        Pattern.compile(
                "\"ratios\":\\{\"machines\":\\{\"mean\":[-0-9.E]+,\"ci95\":\\[[-0-9.E]+,[-0-9.E]+],"
                    + "\"n\":2,\"ofMeans\":[-0-9.E]+}")
            .matcher(r.out())
            .find(),
        r.out());
    assertTrue(r.out().contains("\"differences\":{\"machines\":{\"mean\":"), r.out());
    // Each figure carries its two replications' values; the mean is their mean.
    Matcher m =
        Pattern.compile(
                "\"kusp\":\\{\"platform\":\"KuSP\",\"machines\":\\{\"mean\":([-0-9.E]+),.*?"
                    + "\"values\":\\[([-0-9.E]+),([-0-9.E]+)],\"censoredReplications\":\\[]")
            .matcher(r.out());
    assertTrue(m.find(), r.out());
    assertEquals(
        (Double.parseDouble(m.group(2)) + Double.parseDouble(m.group(3))) / 2,
        Double.parseDouble(m.group(1)),
        1e-9);
  }

  @Test
  void precisionRunsUntilTheTargetOrTheCapAndSaysWhich() throws Exception {
    // A 0.1% target cannot be met by 5 replications of a scenario with a failure: the cap stops it.
    Invocation r =
        Invocation.platformsim(
            "compare",
            small().toString(),
            "--json",
            "-q",
            "--precision",
            "0.1%",
            "--precision-cap",
            "5");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("\"replications\":5,"), r.out());
    assertTrue(
        r.out()
            .contains(
                "\"precision\":{\"target\":0.001,\"minimum\":5,\"cap\":5,\"capReached\":true,"),
        r.out());
    assertTrue(r.err().contains("warning: precision cap of 5 replications reached"), r.err());
  }

  @Test
  void badPrecisionIsAnInputError() throws Exception {
    for (String[] args :
        List.of(
            new String[] {"--precision", "five"},
            new String[] {"--precision", "150%"},
            new String[] {"--precision", "5%", "--precision-cap", "1"},
            new String[] {"--precision", "5%", "-r", "4"},
            new String[] {"--precision-cap", "10"})) {
      List<String> argv = new java.util.ArrayList<>(List.of("compare", small().toString()));
      argv.addAll(List.of(args));
      Invocation r = Invocation.platformsim(argv.toArray(new String[0]));
      assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
      assertTrue(
          r.err().startsWith("platformsim compare: --precision"),
          String.join(" ", args) + ": " + r.err());
    }
  }

  @Test
  void badFileIsOneLineNamingFileLineAndField() throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, SMALL.replace("factor: 3", "factr: 3"));
    Invocation r = Invocation.platformsim("compare", f.toString());
    assertEquals(2, r.exitCode());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(
        r.err()
            .startsWith(
                "platformsim compare: "
                    + f
                    + ":20: timeline[1].load.factr: unknown field 'factr';"
                    + " did you mean 'factor'?"),
        r.err());
    assertEquals("", r.out());
  }

  @Test
  void aClusterPastTheUpstreamEnvelopeRunsWithAWarning() throws Exception {
    // kubernetes.io "Considerations for large clusters": no more than 5,000 nodes per cluster.
    Path f = dir.resolve("wide.yaml");
    Files.writeString(
        f,
        """
        name: wide
        replications: 1
        horizon: 10m
        services:
          - name: zebra
            instances: 2
            request: {cpu: 500m, memory: 1Gi}
            usage: {cpu: 100m, memory: 512Mi}
        kusp:
          initialNodes: 5001
        """);
    Invocation wide = Invocation.platformsim("compare", f.toString(), "-q");
    assertEquals(0, wide.exitCode(), wide.err());
    assertTrue(
        wide.err().contains("warning: the KuSP cluster starts with 5,001 nodes"), wide.err());
    assertTrue(wide.err().contains("5,000 nodes and 150,000 pods"), wide.err());
    Invocation inside = Invocation.platformsim("compare", small().toString(), "-q");
    assertFalse(inside.err().contains("warning: the KuSP cluster"), inside.err());
  }

  @Test
  void badReplicationsAndMissingFileAreInputErrors() {
    Invocation r = Invocation.platformsim("compare", "-r", "0");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("--replications: must be in [1, 1000], was 0"), r.err());
    Invocation m = Invocation.platformsim("compare", dir.resolve("missing.yaml").toString());
    assertEquals(2, m.exitCode());
    assertTrue(m.err().contains("missing.yaml: no such file"), m.err());
  }

  @Test
  void helpDescribesTheOptions() {
    Invocation r = Invocation.platformsim("compare", "--help");
    assertEquals(0, r.exitCode());
    for (String opt :
        List.of("--replications", "--seed", "--json", "--csv", "--charts", "scenario.yaml")) {
      assertTrue(r.out().contains(opt), opt + " in help");
    }
  }

  /** The JSON object value of member {@code name} (first occurrence), by brace matching. */
  private static String object(String json, String name) {
    int i = json.indexOf("\"" + name + "\":{");
    assertTrue(i >= 0, "member " + name);
    int start = json.indexOf('{', i);
    int depth = 0;
    for (int j = start; j < json.length(); j++) {
      char c = json.charAt(j);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return json.substring(start, j + 1);
      }
    }
    throw new AssertionError("unbalanced object " + name);
  }

  private static void assertBalanced(String json) {
    int braces = 0;
    int brackets = 0;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '"' && json.charAt(i - 1) != '\\') {
        inString = !inString;
      } else if (!inString) {
        braces += c == '{' ? 1 : c == '}' ? -1 : 0;
        brackets += c == '[' ? 1 : c == ']' ? -1 : 0;
        assertTrue(braces >= 0 && brackets >= 0, "balanced at " + i);
      }
    }
    assertEquals(0, braces);
    assertEquals(0, brackets);
    Matcher m = Pattern.compile("\"(lesp|kusp)\":\\{\"platform\"").matcher(json);
    int sides = 0;
    while (m.find()) {
      sides++;
    }
    assertEquals(2, sides, "exactly the two sides at top level");
  }
}
