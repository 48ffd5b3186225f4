package io.platformsim.examples.notebooks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code examples/notebooks/rollout.jsh} and checks the LeSP figures against hand calculation
 * and the KuSP ones against the upstream rolling-update bounds.
 *
 * <p>LeSP (everything fixed): zebra has 8 machines, rolling 25% = batches of ceil(8 × 0.25) = 2, so
 * 4 batches. Per machine: drain 30 s + fetch 150 MB at 100 MB/s = 1.5 s + extract 5 s + start 45 s
 * + health check 15 s = 96.5 s; a batch ends when both its machines are back, so the app rollout
 * takes 4 × 96.5 = <b>386</b> s, with at most <b>2</b> machines out of service and 8 × 96.5 =
 * <b>772</b> machine-seconds out of service. The image change bakes 600 s, then 4 batches of 2 new
 * machines, each boot 30 s + converge 300 s + deploy without drain (1.5 + 5 + 45 + 15 = 66.5 s) =
 * 396.5 s, before as many old machines go: 600 + 4 × 396.5 = <b>2186</b> s with <b>0</b> wanted
 * machines out of service (new ones serve before old ones leave).
 *
 * <p>KuSP: maxUnavailable 25% of 8 rounds down to 2 (k/k {@code pkg/controller/deployment/util}
 * ResolveFenceposts), so at most 2 pods are unavailable; no bake and no machine boot, so both
 * rollouts end well before LeSP's.
 */
class RolloutNotebookTest {

  @Test
  void notebookPrintsTheHandDerivedFigures() throws Exception {
    List<String> lines = Notebook.named("rollout.jsh").run();
    String all = String.join("\n", lines);
    assertTrue(lines.contains("lesp_app_rollout_seconds: 386.0"), all);
    assertTrue(lines.contains("lesp_app_max_unavailable: 2"), all);
    assertTrue(lines.contains("lesp_app_unavailable_instance_seconds: 772.0"), all);
    assertTrue(lines.contains("lesp_image_rollout_seconds: 2186.0"), all);
    assertTrue(lines.contains("lesp_image_max_unavailable: 0"), all);
    assertTrue(value(lines, "kusp_app_max_unavailable") <= 2, all);
    assertTrue(value(lines, "kusp_image_max_unavailable") <= 2, all);
    double kuspApp = value(lines, "kusp_app_rollout_seconds");
    double kuspImage = value(lines, "kusp_image_rollout_seconds");
    assertTrue(kuspApp > 0 && kuspApp < 386, all);
    assertTrue(kuspImage > 0 && kuspImage < 2186, all);
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("base-image rollout p50")), "comparison table");
  }

  @Test
  void notebookDocumentsItsCommandAndEndsWithExit() throws Exception {
    Notebook.named("rollout.jsh").assertDocumentsItsCommandAndEndsWithExit();
  }

  private static double value(List<String> lines, String key) {
    for (String l : lines) {
      if (l.startsWith(key + ": ")) {
        return Double.parseDouble(l.substring(key.length() + 2));
      }
    }
    throw new AssertionError("no line " + key);
  }
}
