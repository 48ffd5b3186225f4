package io.platformsim.examples.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code examples/notebooks/your-fleet.jsh} on the fixtures of {@code examples/fleet} and
 * checks what it prints against hand counts of those files (examples/fleet/README.md describes
 * them):
 *
 * <ul>
 *   <li>Manifests: 13 workloads, 33 pods, 27,920m CPU and 52,100 MiB as written (worked out per
 *       workload in {@code ManifestReaderTest}); ops/debug lacks a memory request and shop/cart
 *       every request; skipped by kind: 3 ConfigMaps, 1 CronJob, 1 Job, 1 Secret (in list.yaml), 4
 *       Services, 1 ServiceAccount ({@code grep kind:} over the files; HPAs, PDBs, PriorityClasses
 *       and the LimitRange attach to workloads and are not skipped).
 *   <li>Inventory: EC2 19 mapped machines (checkout 6, search 5, catalog 4, payments 4) and 2
 *       untagged; the auto-scaling groups web-asg 3 and worker 5; the CSV legacy-billing 3 and
 *       reports 4: 34 machines, 2 unmapped.
 *   <li>VPA targets from percentiles.csv: p90 × 1.15 — web 0.4 cores → 460m and 300 MiB → 345 MiB;
 *       batch 3.0 cores → 3450m and 6144 MiB → 7065.6, rounded up to 7066 MiB.
 *   <li>Pairing: 11 manifest services (the two DaemonSets are none) and 2 inventory-only ones
 *       (reports, legacy-billing): 13; LeSP derived for the 5 manifest services with no machines
 *       (batch, debug.ops, cart.shop, postgres.shop, redis.shop); KuSP derived for the 2.
 * </ul>
 */
class YourFleetNotebookTest {

  private static final Pattern PLAN =
      Pattern.compile(
          "plan_(m5\\.x?2?xlarge): (\\d+) nodes, lower bound (\\d+), (\\d+\\.\\d\\d) USD/h");

  @Test
  void notebookImportsPlansComparesAndRightSizesTheFixtures() throws Exception {
    List<String> lines = Notebook.named("your-fleet.jsh").run();
    String all = String.join("\n", lines);
    assertEquals(
        List.of(
            "workloads: 13",
            "pods: 33",
            "cpu_millis: 27920",
            "memory_mib: 52100",
            "missing_requests: [ops/debug, shop/cart]",
            "skipped: {ConfigMap=3, CronJob=1, Job=1, Secret=1, Service=4, ServiceAccount=1}",
            "legacy_machines: 34",
            "legacy_unmapped: 2",
            "vpa_target_batch: 3450m CPU, 7066 MiB",
            "vpa_target_web: 460m CPU, 345 MiB",
            "services: 13",
            "lesp_derived: 5",
            "kusp_derived: 2"),
        lines.subList(0, 13),
        all);
    // the derived lines name each derived service and the rule
    for (String s : List.of("batch", "debug.ops", "cart.shop", "postgres.shop", "redis.shop")) {
      assertTrue(
          lines.stream().anyMatch(l -> l.startsWith(s + ": lesp derived (")), s + "\n" + all);
    }
    // the plan: a packing is never below its lower bound, and both types are planned
    int planned = 0;
    for (String l : lines) {
      Matcher m = PLAN.matcher(l);
      if (m.matches()) {
        planned++;
        assertTrue(Integer.parseInt(m.group(2)) >= Integer.parseInt(m.group(3)), l);
      }
    }
    assertEquals(2, planned, all);
    // the comparison: three platforms side by side, every rollout finished on all three
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("figure") && l.contains("KuSP right-sized")),
        all);
    String unfinished =
        lines.stream().filter(l -> l.startsWith("rollouts unfinished")).findFirst().orElseThrow();
    assertEquals(
        List.of("0.0 ± 0.0", "0.0 ± 0.0", "0.0 ± 0.0"),
        List.of(unfinished.substring("rollouts unfinished".length()).strip().split(" {2,}")),
        unfinished);
  }

  @Test
  void notebookDocumentsItsCommandAndEndsWithExit() throws Exception {
    Notebook.named("your-fleet.jsh").assertDocumentsItsCommandAndEndsWithExit();
  }
}
