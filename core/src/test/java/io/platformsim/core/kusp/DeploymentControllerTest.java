package io.platformsim.core.kusp;

import static io.platformsim.core.kusp.KuspDeterministicTest.WEB_V1;
import static io.platformsim.core.kusp.KuspDeterministicTest.WEB_V2;
import static io.platformsim.core.kusp.KuspDeterministicTest.cluster;
import static io.platformsim.core.kusp.KuspDeterministicTest.web;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.Simulation;
import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.workload.Release;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Deployment controller on small clusters (zero scheduling and controller latency, preloaded
 * images): a resize during a rollout, the unavailability bound, and the Progressing condition's
 * deadline. Expected values are derived in the comments from the upstream rules (k/k v1.31
 * pkg/controller/deployment).
 */
class DeploymentControllerTest {

  /**
   * A rollout of 10 replicas (maxSurge 25% → 3, maxUnavailable 25% → 2) whose new pods never get
   * Ready stops at new 5 / old 8 (see {@code KuspBehaviourTest.aBrokenReleaseNeverCompletes...}):
   * both ReplicaSets carry the annotations desired 10, max 13. A resize then is a scaling event
   * (k/k sync.go {@code isScalingEvent}: an active ReplicaSet's desired annotation differs) and
   * {@code sync.go scale} spreads {@code toAdd = replicas + MaxSurge − 13} over the two, largest
   * first, each getting {@code round(size · (replicas + MaxSurge) / 13) − size} (deployment_util.go
   * {@code getReplicaSetFraction}), bounded by what is left:
   *
   * <ul>
   *   <li>to 20: MaxSurge ⌈5⌉ = 5, toAdd 25 − 13 = 12; old round(8 · 25/13 = 15.38) − 8 = 7, new
   *       round(5 · 25/13 = 9.62) − 5 = 5 (12 − 7 left): old 15, new 10. Then the rolling update:
   *       total 25 = 20 + 5, no surge left; maxScaledDown = 25 − (20 − 5) − 10 unavailable = 0.
   *       (Before proportional scaling the model gave all 12 to the new ReplicaSet: new 17.)
   *   <li>to 5: MaxSurge ⌈1.25⌉ = 2, toAdd 7 − 13 = −6, oldest first among equal sizes; old round(8
   *       · 7/13 = 4.31) − 8 = −4, new round(5 · 7/13 = 2.69) − 5 = −2: old 4, new 3. Then total 7
   *       = 5 + 2; maxScaledDown = 7 − (5 − ⌊1.25⌋) − 3 = 0.
   * </ul>
   */
  @ParameterizedTest
  @CsvSource({"20, 10, 15", "5, 3, 4"})
  void aResizeDuringARolloutIsSpreadInProportionToTheReplicaSets(
      int resizeTo, int expectedNew, int expectedOld) {
    KuspPlatform k = cluster(5, KuspConfig.builder().preloadedImages(WEB_V1, WEB_V2));
    k.deploy(web(10, 1000, 0));
    Simulation sim = k.simulation();
    sim.run();
    k.publishImage("web", "2", WEB_V2);
    long start = sim.now();
    k.apply(Release.app("web", "2").failingHealthCheck(1.0));
    sim.runUntil(start + 10_000);
    assertEquals(List.of(new ReplicaSetStep(start, 5, 8)), k.replicaSetSteps("web", start));
    long resize = sim.now();
    k.scale("web", resizeTo);
    sim.runUntil(resize + 60_000);
    assertEquals(
        List.of(new ReplicaSetStep(resize, expectedNew, expectedOld)),
        k.replicaSetSteps("web", resize));
    // The old version's pods are healthy: all of its ReplicaSet becomes available.
    assertEquals(expectedOld, k.available("web"));
    assertEquals(resizeTo, k.replicas("web"));
  }

  /**
   * A resize with one active ReplicaSet gives it all (sync.go {@code scale}, {@code
   * FindActiveOrLatest}): 4 → 7 replicas, 7 available.
   */
  @Test
  void aResizeWithOneReplicaSetScalesIt() {
    KuspPlatform k = cluster(3, KuspConfig.builder().preloadedImages(WEB_V1));
    k.deploy(web(4, 1000, 0));
    k.simulation().run();
    long at = k.simulation().now();
    k.scale("web", 7);
    k.simulation().run();
    assertEquals(List.of(new ReplicaSetStep(at, 7, 0)), k.replicaSetSteps("web", at));
    assertEquals(7, k.available("web"));
  }

  /**
   * maxUnavailable written as 10 on 4 replicas: MaxUnavailable caps it at 4 (deployment_util.go
   * {@code MaxUnavailable}), so MinAvailable is 0, not −6. With maxSurge 0 the new ReplicaSet
   * cannot grow (total 4 = 4 + 0); maxScaledDown = 4 − 0 − 0 = 4 takes every old replica at once;
   * then the new ReplicaSet goes to 4. At most the 4 replicas are ever unavailable, and the rollout
   * takes one wave: ready 1 s + 5 s after creation. (The uncapped MinAvailable −6 gives the same
   * steps: old ReplicaSets can lose no more than they have, so the cap shows in the scaling only
   * through the bound it keeps; RolloutBoundsTest checks the cap itself against upstream's
   * TestMaxUnavailable.)
   */
  @Test
  void maxUnavailableAboveTheReplicasIsCappedAtThem() {
    KuspPlatform k = cluster(3, KuspConfig.builder().preloadedImages(WEB_V1, WEB_V2));
    k.deploy(
        web(4, 1000, 0),
        DeploymentSpec.builder()
            .maxSurge("0")
            .maxUnavailable("10")
            .readiness(Probe.withInitialDelaySeconds(5))
            .build());
    Simulation sim = k.simulation();
    sim.run();
    k.publishImage("web", "2", WEB_V2);
    long start = sim.now();
    k.apply(Release.app("web", "2"));
    sim.run();
    assertEquals(List.of(new ReplicaSetStep(start, 4, 0)), k.replicaSetSteps("web", start));
    RolloutRecord r = k.rollouts().get(0);
    assertEquals(6_000, r.durationMillis());
    assertEquals(4, r.maxOutOfService());
    assertEquals(4, k.available("web"));
  }

  /**
   * maxUnavailable 100% on 4 replicas (⌊4⌋ = 4, the cap) with maxSurge 25% (1): the first sync adds
   * one new replica (total 5 = 4 + 1) and scales the old ReplicaSet by maxScaledDown = 5 − 0 − 1 =
   * 4 to 0; the next adds the other 3 new ones. Never more than 4 unavailable.
   */
  @Test
  void maxUnavailableOfAHundredPercentNeverLeavesMoreThanTheReplicasUnavailable() {
    KuspPlatform k = cluster(3, KuspConfig.builder().preloadedImages(WEB_V1, WEB_V2));
    k.deploy(
        web(4, 1000, 0),
        DeploymentSpec.builder()
            .maxUnavailable("100%")
            .readiness(Probe.withInitialDelaySeconds(5))
            .build());
    Simulation sim = k.simulation();
    sim.run();
    k.publishImage("web", "2", WEB_V2);
    long start = sim.now();
    k.apply(Release.app("web", "2"));
    int leastAvailable = 4;
    while (sim.step()) {
      leastAvailable = Math.min(leastAvailable, k.available("web"));
    }
    assertEquals(0, leastAvailable);
    assertEquals(List.of(new ReplicaSetStep(start, 4, 0)), k.replicaSetSteps("web", start));
    assertEquals(4, k.rollouts().get(0).maxOutOfService());
    assertEquals(6_000, k.rollouts().get(0).durationMillis());
  }

  /**
   * The broken rollout above makes its last progress at its start (5 new pods created, old ones
   * down to 8; k/k deployment_util.go {@code DeploymentProgressing}); nothing changes after that.
   * progress.go {@code requeueStuckDeployment} looks again 600 s (progressDeadlineSeconds) + 1 s
   * later, when {@code DeploymentTimedOut} (last update + 600 s strictly before now) holds: the
   * condition goes to ProgressDeadlineExceeded at start + 601 s, not before.
   */
  @Test
  void aStuckRolloutTimesOutOneSecondAfterItsDeadline() {
    KuspPlatform k = cluster(5, KuspConfig.builder().preloadedImages(WEB_V1, WEB_V2));
    k.deploy(web(10, 1000, 0));
    Simulation sim = k.simulation();
    sim.run();
    k.publishImage("web", "2", WEB_V2);
    long start = sim.now();
    k.apply(Release.app("web", "2").failingHealthCheck(1.0));
    sim.runUntil(start + 600_999);
    assertFalse(k.progressDeadlineExceeded("web"));
    sim.runUntil(start + 601_000);
    assertTrue(k.progressDeadlineExceeded("web"));
    // No rollback: the rollout stays in progress, and with the condition timed out nothing more
    // is scheduled for it, so the simulation runs dry.
    sim.run();
    assertEquals(RolloutRecord.Outcome.IN_PROGRESS, k.rollouts().get(0).outcome());
  }

  /**
   * New pods Ready 20 s after creation (1 s start + 19 s readiness delay): waves at 0, 20 and 40 s,
   * complete at 40 s (as {@code KuspDeterministicTest.rollingUpdateOfTenReplicas...} with 20 s
   * instead of 6 s). Each wave is progress (more available, fewer old pods), so a 30 s deadline is
   * never exceeded (the check at 31 s finds progress at 20 s and looks again at 51 s, after
   * completion); a 15 s deadline is exceeded at 0 + 15 + 1 = 16 s, and the rollout still completes
   * at 40 s (upstream only reports the timeout).
   */
  @ParameterizedTest
  @CsvSource({"30, false", "15, true"})
  void progressRestartsTheDeadline(long deadlineSeconds, boolean exceeded) {
    KuspPlatform k = cluster(5, KuspConfig.builder().preloadedImages(WEB_V1, WEB_V2));
    k.deploy(
        web(10, 1000, 0),
        DeploymentSpec.builder()
            .readiness(Probe.withInitialDelaySeconds(19))
            .progressDeadlineSeconds(deadlineSeconds)
            .build());
    Simulation sim = k.simulation();
    sim.run();
    k.publishImage("web", "2", WEB_V2);
    long start = sim.now();
    k.apply(Release.app("web", "2"));
    sim.runUntil(start + 15_999);
    assertFalse(k.progressDeadlineExceeded("web"));
    sim.run();
    assertEquals(exceeded, k.progressDeadlineExceeded("web"));
    RolloutRecord r = k.rollouts().get(0);
    assertEquals(RolloutRecord.Outcome.COMPLETED, r.outcome());
    assertEquals(40_000, r.durationMillis());
    assertEquals(
        List.of(
            new ReplicaSetStep(start, 5, 8),
            new ReplicaSetStep(start + 20_000, 10, 3),
            new ReplicaSetStep(start + 40_000, 10, 0)),
        k.replicaSetSteps("web", start));
  }

  /**
   * Recreate (recreate.go {@code rolloutRecreate}): the old ReplicaSet goes to 0 first and the new
   * one to 4 only once no old pod is left; new pods are Ready 6 s later, so 4 are out of service
   * for 6 s.
   */
  @Test
  void recreateReplacesEverythingInOneGo() {
    KuspPlatform k = cluster(3, KuspConfig.builder().preloadedImages(WEB_V1, WEB_V2));
    k.deploy(
        web(4, 1000, 0),
        DeploymentSpec.builder().recreate().readiness(Probe.withInitialDelaySeconds(5)).build());
    Simulation sim = k.simulation();
    sim.run();
    k.publishImage("web", "2", WEB_V2);
    long start = sim.now();
    k.apply(Release.app("web", "2"));
    sim.run();
    assertEquals(List.of(new ReplicaSetStep(start, 4, 0)), k.replicaSetSteps("web", start));
    RolloutRecord r = k.rollouts().get(0);
    assertEquals(6_000, r.durationMillis());
    assertEquals(4, r.maxOutOfService());
    assertEquals(4 * 6_000, r.outOfServiceMillis());
  }
}
