package io.platformsim.examples.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code examples/notebooks/migration.jsh} (smallest-first against largest-first on six
 * services) and checks what can be derived without the simulation:
 *
 * <ul>
 *   <li>The waves: the services have 2, 3, 4, 6, 8 and 12 instances (a to f); cut into 2 waves of
 *       3, smallest-first gives [a, b, c] then [d, e, f] and largest-first [f, e, d] then [c, b,
 *       a].
 *   <li>Conservation: every month holds the 6 services (on LeSP + dual + on KuSP), 4 months of 730
 *       h in 120 days (2880 h: 3 whole months and a part).
 *   <li>The end state: both plans end with every service on KuSP (the second wave starts on day 14
 *       and is drained by day 14 + 2 readiness + 7 traffic + 7 bake = 30, in month 1), the same
 *       state with the same scenario and seed, so month 3 costs the same per hour within the
 *       intervals.
 *   <li>The print format: a break-even month, a total migration cost and a peak overlap cost each
 *       as {@code mean ± half-width}, and which ordering was cheaper.
 * </ul>
 */
class MigrationNotebookTest {

  private static final List<String> ORDERINGS = List.of("smallest-first", "largest-first");

  @Test
  void bothOrderingsConserveTheServicesAndEndAtTheSameCost() throws Exception {
    List<String> lines = Notebook.named("migration.jsh").run();
    String all = String.join("\n", lines);
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : lines) {
      int colon = line.indexOf(": ");
      if (colon > 0 && !line.substring(0, colon).contains(" ")) {
        values.put(line.substring(0, colon), line.substring(colon + 2));
      }
    }
    assertEquals("[[a, b, c], [d, e, f]]", values.get("smallest-first_waves"), all);
    assertEquals("[[f, e, d], [c, b, a]]", values.get("largest-first_waves"), all);
    String number = "-?\\d+(\\.\\d+)?";
    double[][] end = new double[2][];
    for (int i = 0; i < 2; i++) {
      String o = ORDERINGS.get(i);
      assertEquals("6.0 6.0 6.0 6.0", values.get(o + "_services_per_month"), all);
      assertTrue(
          values
              .get(o + "_break_even_month")
              .matches(number + " ± " + number + "( \\(\\d+ never\\))?"),
          all);
      assertTrue(values.get(o + "_total_migration_cost_usd").matches(number + " ± " + number), all);
      assertTrue(
          values.get(o + "_peak_overlap_cost_per_hour").matches(number + " ± " + number), all);
      String[] cells = values.get(o + "_end_cost_per_hour").split(" ± ");
      end[i] = new double[] {Double.parseDouble(cells[0]), Double.parseDouble(cells[1])};
      assertTrue(end[i][0] > 0, "KuSP is billed at the end: " + all);
    }
    assertTrue(
        Math.abs(end[0][0] - end[1][0]) <= end[0][1] + end[1][1] + 1e-4,
        "same end state, same cost per hour within the intervals: " + all);
    assertTrue(ORDERINGS.contains(values.get("cheaper_ordering")), all);
  }

  @Test
  void notebookDocumentsItsCommandAndEndsWithExit() throws Exception {
    Notebook.named("migration.jsh").assertDocumentsItsCommandAndEndsWithExit();
  }
}
