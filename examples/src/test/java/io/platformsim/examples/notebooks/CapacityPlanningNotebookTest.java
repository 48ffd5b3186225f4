package io.platformsim.examples.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code examples/notebooks/capacity-planning.jsh} and checks its static plan against hand
 * calculation, and that the simulation and the sweep print their tables.
 *
 * <p>Hand calculation (prices: AWS on-demand us-east-1, as in {@code InstanceMenu.AWS_DEFAULT}):
 *
 * <ul>
 *   <li>LeSP agents reserve 200m / 400 MiB per machine. zebra needs 2000m + 200m = 2200m and 4096 +
 *       400 = 4496 MiB: the 2-vCPU types are too small, the cheapest 4-vCPU type with ≥ 4496 MiB is
 *       <b>c5.xlarge</b> ($0.17). cheetah needs 1200m / 2448 MiB: <b>c5.large</b> (2 vCPU, 4096
 *       MiB, $0.085).
 *   <li>Pools with 20% headroom: ceil(24 × 1.2) = 29 and ceil(36 × 1.2) = 44: <b>73</b> machines,
 *       29 × 0.17 + 44 × 0.085 = 4.93 + 3.74 = <b>8.67</b> USD/h.
 *   <li>KuSP: CPU requested 24 × 2000 + 36 × 1000 = 84 000m. Room for pods per node = capacity − 3
 *       DaemonSets × 100m: 3700m on the 4-CPU node, 7700m on the 8-CPU ones; memory and pod slots
 *       bind less. Nodes = ceil(1.1 × 84 000 ÷ room): ceil(24.97) = <b>25</b> × $0.192 =
 *       <b>4.80</b>; ceil(12.0) = <b>12</b> × $0.384 = <b>4.61</b> (m5.2xlarge) and 12 × $0.504 =
 *       <b>6.05</b> (r5.2xlarge).
 * </ul>
 */
class CapacityPlanningNotebookTest {

  @Test
  void notebookPrintsTheHandDerivedPlanAndTheTables() throws Exception {
    List<String> lines = Notebook.named("capacity-planning.jsh").run();
    assertEquals(
        List.of(
            "lesp_type_zebra: c5.xlarge",
            "lesp_type_cheetah: c5.large",
            "lesp_machines: 73",
            "lesp_plan_cost_per_hour: 8.67",
            "kusp_plan_generic-4x16: 25 nodes, 4.80 USD/h",
            "kusp_plan_m5.2xlarge: 12 nodes, 4.61 USD/h",
            "kusp_plan_r5.2xlarge: 12 nodes, 6.05 USD/h"),
        lines.subList(0, 7),
        String.join("\n", lines));
    assertTrue(
        // The row ends with the paired ratio, "0.53x" or "0.53x ± 0.01".
        lines.stream()
            .anyMatch(
                l ->
                    l.startsWith("cost per hour")
                        && l.matches(".*\\d\\.\\d\\dx( ± \\d+\\.\\d\\d)?")),
        "comparison table");
    // The static plan already says KuSP is cheaper (4.61 < 8.67 USD/h); the simulation agrees.
    assertTrue(lines.contains("simulated_kusp_cheaper: true"), String.join("\n", lines));
    long sweepRows =
        lines.stream()
            .filter(l -> l.startsWith("generic-4x16 ") || l.startsWith("m5.2xlarge "))
            .count();
    assertEquals(4, sweepRows, "2 node types x 2 headrooms");
  }

  @Test
  void notebookDocumentsItsCommandAndEndsWithExit() throws Exception {
    Notebook.named("capacity-planning.jsh").assertDocumentsItsCommandAndEndsWithExit();
  }
}
