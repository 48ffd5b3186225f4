package io.platformsim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} refuses what would make a run useless before it starts (an output directory that
 * cannot take the files, a scenario too large for the heap, a file that is not text), with one line
 * and exit code 2, and leaves no file behind. The scenario here would take long to simulate (a
 * year, 1,000 replications): a refusal that came after the run would not finish in any test budget.
 */
class CompareOutputTest {

  @TempDir Path dir;

  private static final String LONG =
      """
      name: long
      replications: 1000
      horizon: 365d
      services:
        - name: zebra
          instances: 40
          request: {cpu: 1, memory: 2Gi}
          usage: {cpu: 250m, memory: 1Gi}
      timeline:
        - at: 1h
          release: {service: zebra, version: "2"}
      """;

  private Path scenario(String text) throws IOException {
    return Files.writeString(dir.resolve("scenario.yaml"), text);
  }

  /** Everything under {@code d}, relative, hidden files included. */
  private static Set<String> tree(Path d) throws IOException {
    try (Stream<Path> s = Files.walk(d)) {
      return new TreeSet<>(s.map(p -> d.relativize(p).toString()).toList());
    }
  }

  @Test
  void aFileInTheWayOfTheCsvDirectory() throws IOException {
    Path f = scenario(LONG);
    Path out = Files.writeString(dir.resolve("out"), "mine\n");
    Set<String> before = tree(dir);
    Invocation r = Invocation.platformsim("compare", f.toString(), "--csv", out.toString());
    r.assertOneLineError("compare", "--csv " + out + ": a file is in the way (not a directory)");
    assertEquals(before, tree(dir));
    assertEquals("mine\n", Files.readString(out));
  }

  @Test
  void aChartsDirectoryBelowAFile() throws IOException {
    Path f = scenario(LONG);
    Path file = Files.writeString(dir.resolve("file"), "");
    Path out = file.resolve("charts");
    Set<String> before = tree(dir);
    Invocation r = Invocation.platformsim("compare", f.toString(), "--charts", out.toString());
    r.assertOneLineError(
        "compare",
        "--charts " + out + ": cannot create it, " + file + " is a file, not a directory");
    assertEquals(before, tree(dir));
  }

  @Test
  void aDirectoryInTheWayOfAnOutputFile() throws IOException {
    Path f = scenario(LONG);
    Path out = Files.createDirectories(dir.resolve("csv/rollouts.csv"));
    Set<String> before = tree(dir);
    Invocation r =
        Invocation.platformsim("compare", f.toString(), "--csv", out.getParent().toString());
    r.assertOneLineError(
        "compare", "--csv " + out + ": a directory is in the way of the file rollouts.csv");
    assertEquals(before, tree(dir), "no summary.csv, no temporary file");
  }

  @Test
  void aReadOnlyDirectoryStandsInForAFullDisk() throws IOException {
    Path f = scenario(LONG);
    Path ro = Files.createDirectory(dir.resolve("ro"));
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      boolean enforced;
      try {
        Files.delete(Files.createTempFile(ro, "probe", ".tmp"));
        enforced = false;
      } catch (IOException e) {
        enforced = true;
      }
      assumeTrue(enforced, "running as a user (root) who writes into read-only directories");
      Invocation r = Invocation.platformsim("compare", f.toString(), "--csv", ro.toString());
      r.assertOneLineError("compare", "--csv " + ro + ": cannot write into it (permission denied)");
      assertEquals(Set.of(""), tree(ro));
    } finally {
      Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void aScenarioTooLargeForTheHeapIsRefusedWithTheSizeAndTheHeap() throws IOException {
    // A million instances: by SyntheticFleet's rule (4,000 B per pod, 5,000 B per machine) about
    // 8.4 GiB per replication, far above the tests' -Xmx2g (pom.xml, surefire argLine).
    Path f =
        scenario(
            LONG.replace("instances: 40", "instances: 1000000")
                .replace("request: {cpu: 1, memory: 2Gi}", "request: {cpu: 100m, memory: 128Mi}")
                .replace("usage: {cpu: 250m, memory: 1Gi}", "usage: {cpu: 50m, memory: 64Mi}"));
    Path out = dir.resolve("csv");
    Invocation r = Invocation.platformsim("compare", f.toString(), "--csv", out.toString());
    // One line, no "Running ..." progress line: nothing was simulated.
    r.assertOneLineError(
        "compare",
        "scenario 'long' (",
        "not enough memory: ",
        // Replications at once: one per processor (Replications.run), at most the 1,000 asked for.
        String.format(
            Locale.ROOT,
            "%,d machines need an estimated ",
            Math.min(Runtime.getRuntime().availableProcessors(), 1000) * 1_000_000L),
        "MiB of heap",
        String.format(
            Locale.ROOT,
            "but the maximum heap is %,d MiB",
            Runtime.getRuntime().maxMemory() / (1024 * 1024)));
    assertEquals(Set.of("", "scenario.yaml"), tree(dir), "no output directory made");
  }

  @Test
  void aBinaryScenarioFileIsNamedAsSuch() throws IOException {
    Path f = Files.write(dir.resolve("chart.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0});
    Invocation r = Invocation.platformsim("compare", f.toString());
    r.assertOneLineError("compare", f + ":1: binary file (a NUL byte at byte 5)");
  }

  @Test
  void aLatin1ScenarioFileIsNamedAsNotUtf8() throws IOException {
    byte[] text =
        LONG.replace("name: long", "name: caf?")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    int at = LONG.indexOf("long") + 3; // the '?' (0-based), replaced by é in ISO-8859-1
    text[at] = (byte) 0xE9;
    Path f = Files.write(dir.resolve("latin1.yaml"), text);
    Invocation r = Invocation.platformsim("compare", f.toString());
    r.assertOneLineError("compare", f + ":1: not UTF-8 text at byte " + (at + 1) + " (0xE9)");
  }
}
