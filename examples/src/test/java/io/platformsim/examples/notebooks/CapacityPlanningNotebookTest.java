package io.platformsim.examples.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code examples/notebooks/capacity-planning.jsh} and checks its static plan against hand
 * calculation, and that the simulation and the sweep print their tables.
 *
 * <p>Hand calculation (prices: AWS on-demand us-east-1, as in {@code InstanceMenu.AWS_DEFAULT}):
 * <ul>
 *   <li>LeSP agents reserve 200m / 400 MiB per machine. zebra needs 2000m + 200m = 2200m and
 *       4096 + 400 = 4496 MiB: the 2-vCPU types are too small, the cheapest 4-vCPU type with
 *       ≥ 4496 MiB is <b>c5.xlarge</b> ($0.17). cheetah needs 1200m / 2448 MiB: <b>c5.large</b>
 *       (2 vCPU, 4096 MiB, $0.085).
 *   <li>Pools with 20% headroom: ceil(24 × 1.2) = 29 and ceil(36 × 1.2) = 44: <b>73</b> machines,
 *       29 × 0.17 + 44 × 0.085 = 4.93 + 3.74 = <b>8.67</b> USD/h.
 *   <li>KuSP: CPU requested 24 × 2000 + 36 × 1000 = 84 000m. Room for pods per node = capacity −
 *       3 DaemonSets × 100m: 3700m on the 4-CPU node, 7700m on the 8-CPU ones; memory and pod
 *       slots bind less. Nodes = ceil(1.1 × 84 000 ÷ room): ceil(24.97) = <b>25</b> ×
 *       $0.192 = <b>4.80</b>; ceil(12.0) = <b>12</b> × $0.384 = <b>4.61</b> (m5.2xlarge) and 12 ×
 *       $0.504 = <b>6.05</b> (r5.2xlarge).
 * </ul>
 */
class CapacityPlanningNotebookTest {

  @Test
  void notebookPrintsTheHandDerivedPlanAndTheTables() throws Exception {
    List<String> lines = run("notebooks/capacity-planning.jsh");
    assertEquals(List.of(
        "lesp_type_zebra: c5.xlarge",
        "lesp_type_cheetah: c5.large",
        "lesp_machines: 73",
        "lesp_plan_cost_per_hour: 8.67",
        "kusp_plan_generic-4x16: 25 nodes, 4.80 USD/h",
        "kusp_plan_m5.2xlarge: 12 nodes, 4.61 USD/h",
        "kusp_plan_r5.2xlarge: 12 nodes, 6.05 USD/h"), lines.subList(0, 7), String.join("\n", lines));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("cost per hour") && l.endsWith("x")), "comparison table");
    // The static plan already says KuSP is cheaper (4.61 < 8.67 USD/h); the simulation agrees.
    assertTrue(lines.contains("simulated_kusp_cheaper: true"), String.join("\n", lines));
    long sweepRows = lines.stream().filter(l -> l.startsWith("generic-4x16 ") || l.startsWith("m5.2xlarge ")).count();
    assertEquals(4, sweepRows, "2 node types x 2 headrooms");
  }

  @Test
  void notebookDocumentsItsCommandAndEndsWithExit() throws Exception {
    String text = text("notebooks/capacity-planning.jsh");
    assertTrue(text.contains(
        "jshell --class-path examples/target/platformsim.jar examples/notebooks/capacity-planning.jsh"));
    List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    assertEquals("/exit", lines.get(lines.size() - 1));
  }

  // Runs the notebook in a real jshell on the test class path (as LespRolloutNotebookTest does).
  private static List<String> run(String relative) throws Exception {
    Path notebook = locate(relative);
    // Surefire runs tests through a manifest-only jar; its real class path is in this property.
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path jshellBin = Path.of(System.getProperty("java.home"), "bin", "jshell");
    String jshell = Files.isExecutable(jshellBin) ? jshellBin.toString() : "jshell";
    Path err = Files.createTempFile("notebook", ".err");
    ProcessBuilder pb = new ProcessBuilder(jshell, "--class-path", classPath, "-R-Dfile.encoding=UTF-8",
        "-R-Djava.awt.headless=true", notebook.toString());
    pb.redirectError(err.toFile());
    boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    pb.redirectInput(ProcessBuilder.Redirect.from(new File(windows ? "NUL" : "/dev/null")));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(240, TimeUnit.SECONDS), "jshell did not finish");
    String stderr = Files.readString(err);
    Files.deleteIfExists(err);
    assertEquals(0, p.exitValue(), "jshell failed: " + stderr + out);
    assertTrue(stderr.isBlank(), "jshell reported errors:\n" + stderr + "\nstdout:\n" + out);
    return out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  private static String text(String relative) throws Exception {
    return Files.readString(locate(relative));
  }

  /** The file relative to the examples module (Maven's working directory) or the repository root. */
  private static Path locate(String relative) {
    Path inModule = Path.of(relative);
    return Files.exists(inModule) ? inModule : Path.of("examples").resolve(relative);
  }
}
