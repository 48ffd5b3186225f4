package io.platformsim.examples.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code examples/notebooks/kusp-rollout.jsh} in a real jshell on the test class path and
 * checks it prints exactly the figures derived by hand from upstream Kubernetes v1.31 rules.
 *
 * <ul>
 *   <li><b>rollout</b>, 10 replicas, maxSurge 25% → ⌈2.5⌉ = 3, maxUnavailable 25% → ⌊2.5⌋ = 2 (k/k
 *       pkg/controller/deployment/util/deployment_util.go ResolveFenceposts); a new pod is
 *       available 1 s (start) + 5 s (readiness initial delay) = 6 s after creation. Syncs
 *       (pkg/controller/deployment/rolling.go; totals are sums of spec.replicas): t=0: new → min(13
 *       − 10, 10) = 3; old → 10 − (10 − 8) = 8 (maxScaledDown 13 − 8 − 3 = 2); new → 3 + (13 − 11)
 *       = 5; no more (13 − 8 − 5 = 0): <b>5/8</b>. t=6: 5 new available → old 8 − (13 − 8) = 3; new
 *       → 5 + min(13 − 8, 5) = 10: <b>10/3</b>. t=12: 10 new available → old 0: <b>10/0</b>; all
 *       new pods available: <b>12</b> s.
 *   <li><b>pulls</b> at 10 MB/s: (50 + 100 + 20) MB / 10 MB/s = <b>17</b> s; the update shares the
 *       50 MB and 100 MB layers: 20 MB / 10 MB/s = <b>2</b> s.
 *   <li><b>crash loop</b>: restart delays 10, 20, 40, 80, 160, 300, 300 s (kubelet backOffPeriod 10
 *       s doubling to MaxContainerBackOff 300 s), starts at the running sums <b>0 10 30 70 150 310
 *       610 910</b>.
 *   <li><b>eviction</b>: the last heartbeat (120 s) is stamped by the monitor pass at 120 s
 *       (node-monitor-period 5 s); Ready Unknown a node-monitor-grace-period (40 s, v1.31) later;
 *       the NoExecute taint one pass (5 s) later, as upstream's taint pass reads the condition
 *       observed before the pass; pods evicted after the NoExecute toleration of 300 s
 *       (defaulttolerationseconds admission): 40 + 5 + 300 = <b>345</b> s from the last heartbeat.
 * </ul>
 */
class KuspRolloutNotebookTest {

  @Test
  void notebookPrintsTheHandDerivedFigures() throws Exception {
    List<String> lines = Notebook.named("kusp-rollout.jsh").run();
    assertEquals(
        List.of(
            "rollout_seconds: 12",
            "rollout_steps: 5/8 10/3 10/0",
            "pull_seconds_first: 17",
            "pull_seconds_update: 2",
            "crashloop_start_seconds: 0 10 30 70 150 310 610 910",
            "eviction_seconds: 345"),
        lines,
        String.join("\n", lines));
  }

  @Test
  void notebookDocumentsItsCommandAndEndsWithExit() throws Exception {
    Notebook.named("kusp-rollout.jsh").assertDocumentsItsCommandAndEndsWithExit();
  }
}
