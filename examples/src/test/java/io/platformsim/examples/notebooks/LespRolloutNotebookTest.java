package io.platformsim.examples.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code examples/notebooks/lesp-rollout.jsh} in a real jshell on the test class path and
 * checks it prints exactly the hand-derived figures of issue 4's deterministic case.
 *
 * <p>Derivation (every duration fixed, no failures; 40 machines; boot 30 s; converge 300 s; deploy
 * = drain 10 s + fetch 20 s + restart 15 s + health check 15 s; a new machine's first deploy has no
 * drain):
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
    List<String> lines = Notebook.named("lesp-rollout.jsh").run();
    assertEquals(
        List.of(
            "rolling_rollout_seconds: 240",
            "bluegreen_rollout_seconds: 380",
            "image_rollout_seconds: 2120",
            "converge_fleet_seconds: 1200"),
        lines,
        String.join("\n", lines));
  }

  @Test
  void notebookDocumentsItsCommandAndEndsWithExit() throws Exception {
    Notebook.named("lesp-rollout.jsh").assertDocumentsItsCommandAndEndsWithExit();
  }
}
