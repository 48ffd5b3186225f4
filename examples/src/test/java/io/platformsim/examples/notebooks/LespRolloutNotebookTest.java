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
 * Runs {@code examples/notebooks/lesp-rollout.jsh} in a real jshell on the test class path and
 * checks it prints exactly the hand-derived figures of issue 4's deterministic case.
 *
 * <p>Derivation (every duration fixed, no failures; 40 machines; boot 30 s; converge 300 s;
 * deploy = drain 10 s + fetch 20 s + restart 15 s + health check 15 s; a new machine's first
 * deploy has no drain):
 *
 * <ul>
 *   <li>rolling, batches of 10: 40 / 10 = 4 batches; a batch ends when all its machines are back,
 *       each after 10 + 20 + 15 + 15 = 60 s; 4 × 60 = <b>240</b> s.
 *   <li>blue/green: 40 new machines at once, each 30 (boot) + 300 (converge on itself) + 50
 *       (deploy, no drain) = 380 s; switch when all are in service: <b>380</b> s.
 *   <li>image change: bake 600 s, then 4 batches of 10 new machines, each batch 380 s before the
 *       old ones terminate: 600 + 4 × 380 = <b>2120</b> s.
 *   <li>fleet-wide converge: at most 10 of 40 at once, 300 s each: ceil(40 / 10) × 300 =
 *       <b>1200</b> s.
 * </ul>
 */
class LespRolloutNotebookTest {

  @Test
  void notebookPrintsTheHandDerivedFigures() throws Exception {
    Path notebook = locate("notebooks/lesp-rollout.jsh");
    // Surefire runs tests through a manifest-only jar; its real class path is in this property.
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path jshellBin = Path.of(System.getProperty("java.home"), "bin", "jshell");
    String jshell = Files.isExecutable(jshellBin) ? jshellBin.toString() : "jshell";
    Path err = Files.createTempFile("lesp-notebook", ".err");
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
        "rolling_rollout_seconds: 240",
        "bluegreen_rollout_seconds: 380",
        "image_rollout_seconds: 2120",
        "converge_fleet_seconds: 1200"), lines, "stdout:\n" + out + "\nstderr:\n" + stderr);
  }

  @Test
  void notebookDocumentsItsCommandAndEndsWithExit() throws Exception {
    String text = Files.readString(locate("notebooks/lesp-rollout.jsh"));
    assertTrue(text.contains(
        "jshell --class-path examples/target/platformsim.jar examples/notebooks/lesp-rollout.jsh"));
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
