package io.platformsim.examples.cli;

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

/**
 * {@code compare --platforms}: KuSP as written and KuSP right-sized run side by side in the table,
 * the JSON and the CSV; unknown or repeated names, and the right-sized variant on a scenario with
 * nothing right-sized, are one-line errors with exit code 2.
 */
class ComparePlatformsTest {

  @TempDir Path dir;

  /**
   * Two services whose right-sized requests are half the written ones, no {@code kusp} section (so
   * the cluster is sized for the requests). On the default 4-core 16 GiB node (3700m and 15892 Mi
   * left for pods after the DaemonSets and the eviction threshold): 12 cores of requests need
   * ceil(1.1 × 12000 / 3700) = 4 nodes as written, ceil(1.1 × 6000 / 3700) = 2 right-sized. Five
   * minutes: no node is unneeded for the autoscaler's 10 minutes, so the counts hold.
   */
  private static final String HALVED =
      """
      name: halved
      seed: 3
      replications: 2
      horizon: 5m
      services:
        - name: api
          instances: 8
          request: {cpu: 1000m, memory: 2Gi}
          usage: {cpu: 200m, memory: 512Mi}
          deployment:
            rightSized: {cpu: 500m, memory: 1Gi}
        - name: worker
          instances: 4
          request: {cpu: 1000m, memory: 4Gi}
          usage: {cpu: 200m, memory: 1Gi}
          deployment:
            rightSized: {cpu: 500m, memory: 2Gi}
      """;

  private Path write(String name, String yaml) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, yaml);
    return f;
  }

  @Test
  void threePlatformsPrintThreeColumnsAndRightSizingHalvesKuspsNodes() throws Exception {
    Invocation r =
        Invocation.platformsim(
            "compare",
            write("halved.yaml", HALVED).toString(),
            "--platforms",
            "lesp,kusp,kusp-rightsized");
    assertEquals(0, r.exitCode(), r.err());
    String header = r.out().lines().filter(l -> l.startsWith("figure")).findFirst().orElseThrow();
    assertTrue(
        header.matches(
            "figure\\s+unit\\s+LeSP\\s+KuSP\\s+KuSP right-sized\\s+KuSP/LeSP\\s+paired KuSP/LeSP"
                + "\\s+KuSP right-sized/LeSP\\s+paired KuSP right-sized/LeSP"),
        header);
    assertTrue(r.err().contains("on lesp, kusp, kusp-rightsized"), r.err());
    String machines =
        r.out().lines().filter(l -> l.startsWith("machines ")).findFirst().orElseThrow();
    // 4 KuSP nodes, 2 right-sized: the right-sized ratio to LeSP is half KuSP's
    assertTrue(machines.contains(" 4.0 ") && machines.contains(" 2.0 "), machines);
  }

  @Test
  void jsonAndCsvCarryTheVariant() throws Exception {
    Path csv = dir.resolve("csv");
    Invocation r =
        Invocation.platformsim(
            "compare",
            write("halved.yaml", HALVED).toString(),
            "--platforms",
            "kusp,kusp-rightsized",
            "--json",
            "-q",
            "--csv",
            csv.toString());
    assertEquals(0, r.exitCode(), r.err());
    String json = r.out();
    // kusp is the baseline: the ratios are right-sizing's effect alone, 2 nodes ÷ 4
    assertTrue(json.contains("\"kusp\":{\"platform\":\"KuSP\",\"machines\":{\"mean\":4.0"), json);
    assertTrue(
        json.contains(
            "\"kusp-rightsized\":{\"platform\":\"KuSP right-sized\",\"machines\":{\"mean\":2.0"),
        json);
    Matcher m = Pattern.compile("\"ratios\":\\{\"machines\":\\{\"mean\":([0-9.]+)").matcher(json);
    assertTrue(m.find(), json);
    assertEquals(0.5, Double.parseDouble(m.group(1)), 1e-9);
    assertFalse(json.contains("\"lesp\":{"), json);
    List<String> summary = Files.readAllLines(csv.resolve("summary.csv"));
    assertTrue(
        summary.stream().anyMatch(l -> l.startsWith("machines,,KuSP right-sized,2,")),
        summary.toString());
  }

  @Test
  void anUnknownPlatformIsOneLineNamingItAndTheKnownOnes() throws Exception {
    Invocation r =
        Invocation.platformsim(
            "compare", write("halved.yaml", HALVED).toString(), "--platforms", "lesp,nomad");
    r.assertOneLineError("compare", "--platforms", "'nomad'", "known: lesp, kusp, kusp-rightsized");
    assertEquals("", r.out());
  }

  @Test
  void aPlatformNamedTwiceIsAnError() throws Exception {
    Invocation r =
        Invocation.platformsim(
            "compare", write("halved.yaml", HALVED).toString(), "--platforms", "kusp,kusp");
    r.assertOneLineError("compare", "--platforms", "'kusp' is named twice");
  }

  @Test
  void theRightSizedVariantOnAScenarioWithNothingRightSizedIsAnError() throws Exception {
    String plain = HALVED.replaceAll("(?m)^ +deployment:\n +rightSized: .*\n", "");
    assertFalse(plain.contains("rightSized"), plain);
    Invocation r =
        Invocation.platformsim(
            "compare",
            write("plain.yaml", plain).toString(),
            "--platforms",
            "lesp,kusp,kusp-rightsized",
            "-q");
    r.assertOneLineError("compare", "kusp-rightsized", "'halved'", "rightSized");
    assertEquals("", r.out());
  }
}
