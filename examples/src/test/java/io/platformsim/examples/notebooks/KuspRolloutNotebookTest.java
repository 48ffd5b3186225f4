package io.platformsim.examples.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code examples/notebooks/kusp-rollout.jsh} in a real jshell on the test class path and
 * checks it prints exactly the figures derived by hand from upstream Kubernetes v1.31 rules.
 *
 * <ul>
 *   <li><b>rollout</b>, 10 replicas, maxSurge 25% → ⌈2.5⌉ = 3, maxUnavailable 25% → ⌊2.5⌋ = 2
 *       (k/k pkg/controller/deployment/util/deployment_util.go ResolveFenceposts); a new pod is
 *       available 1 s (start) + 5 s (readiness initial delay) = 6 s after creation. Syncs
 *       (pkg/controller/deployment/rolling.go; totals are sums of spec.replicas):
 *       t=0: new → min(13 − 10, 10) = 3; old → 10 − (10 − 8) = 8 (maxScaledDown 13 − 8 − 3 = 2);
 *       new → 3 + (13 − 11) = 5; no more (13 − 8 − 5 = 0): <b>5/8</b>.
 *       t=6: 5 new available → old 8 − (13 − 8) = 3; new → 5 + min(13 − 8, 5) = 10: <b>10/3</b>.
 *       t=12: 10 new available → old 0: <b>10/0</b>; all new pods available: <b>12</b> s.
 *   <li><b>pulls</b> at 10 MB/s: (50 + 100 + 20) MB / 10 MB/s = <b>17</b> s; the update shares
 *       the 50 MB and 100 MB layers: 20 MB / 10 MB/s = <b>2</b> s.
 *   <li><b>crash loop</b>: restart delays 10, 20, 40, 80, 160, 300, 300 s (kubelet backOffPeriod
 *       10 s doubling to MaxContainerBackOff 300 s), starts at the running sums
 *       <b>0 10 30 70 150 310 610 910</b>.
 *   <li><b>eviction</b>: node-monitor-grace-period 40 s (v1.31) + NoExecute toleration 300 s
 *       (defaulttolerationseconds admission) = <b>340</b> s from the last heartbeat.
 * </ul>
 */
class KuspRolloutNotebookTest {

  @Test
  void notebookPrintsTheHandDerivedFigures() throws Exception {
    Path notebook = locate("notebooks/kusp-rollout.jsh");
    // Surefire runs tests through a manifest-only jar; its real class path is in this property.
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path jshellBin = Path.of(System.getProperty("java.home"), "bin", "jshell");
    String jshell = Files.isExecutable(jshellBin) ? jshellBin.toString() : "jshell";
    Path err = Files.createTempFile("kusp-notebook", ".err");
    ProcessBuilder pb = new ProcessBuilder(jshell, "--class-path", classPath,
        "-R-Dfile.encoding=UTF-8", notebook.toString());
    pb.redirectError(err.toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "jshell did not finish");
    String stderr = Files.readString(err);
    Files.deleteIfExists(err);
    assertEquals(0, p.exitValue(), "jshell failed: " + stderr + out);
    List<String> lines = out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    assertEquals(List.of(
        "rollout_seconds: 12",
        "rollout_steps: 5/8 10/3 10/0",
        "pull_seconds_first: 17",
        "pull_seconds_update: 2",
        "crashloop_start_seconds: 0 10 30 70 150 310 610 910",
        "eviction_seconds: 340"), lines, "stdout:\n" + out + "\nstderr:\n" + stderr);
  }

  @Test
  void notebookDocumentsItsCommandAndEndsWithExit() throws Exception {
    String text = Files.readString(locate("notebooks/kusp-rollout.jsh"));
    assertTrue(text.contains(
        "jshell --class-path examples/target/platformsim.jar examples/notebooks/kusp-rollout.jsh"));
    List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    assertEquals("/exit", lines.get(lines.size() - 1));
  }

  /** The file relative to the examples module (Maven's working directory) or the repository root. */
  private static Path locate(String relative) {
    Path inModule = Path.of(relative);
    return Files.exists(inModule) ? inModule : Path.of("examples").resolve(relative);
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
  }
}
