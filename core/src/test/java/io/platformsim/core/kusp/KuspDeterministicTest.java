package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.ImageLayer;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The deterministic cases (fixed durations, zero scheduling and controller latency, ample
 * capacity), each expected value derived by hand from upstream rules in the comments.
 */
class KuspDeterministicTest {

  static final ImageDescription WEB_V1 =
      ImageDescription.of(
          "web:1",
          new ImageLayer("sha256:base", 50_000_000),
          new ImageLayer("sha256:runtime", 100_000_000),
          new ImageLayer("sha256:app-1", 20_000_000));
  static final ImageDescription WEB_V2 =
      ImageDescription.of(
          "web:2",
          new ImageLayer("sha256:base", 50_000_000),
          new ImageLayer("sha256:runtime", 100_000_000),
          new ImageLayer("sha256:app-2", 20_000_000));

  /**
   * Identity that issues at once (unlimited authority): these tests check the controllers' and
   * kubelet's arithmetic; the authority's queueing is tested in {@code KuspIdentityTest}.
   */
  static final KuspIdentity INSTANT_IDENTITY = KuspIdentity.DEFAULT.withAuthorityCapacity(0);

  static KuspPlatform cluster(int nodes, KuspConfig.Builder b) {
    return new KuspPlatform(
        BoundedSimulation.create(),
        RandomStreams.of(7, 0),
        b.initialNodes(nodes).identity(INSTANT_IDENTITY).build());
  }

  static Service web(int replicas, long startupMillis, long healthMillis) {
    return Service.builder("web")
        .instances(replicas)
        .request(Resources.of(200, 256))
        .usage(Resources.of(100, 128))
        .image(WEB_V1)
        .startup(Duration.ofMillis(startupMillis))
        .healthCheck(Duration.ofMillis(healthMillis))
        .build();
  }

  /**
   * 10 replicas, maxSurge 25% → ⌈2.5⌉ = 3, maxUnavailable 25% → ⌊2.5⌋ = 2 (ResolveFenceposts). A
   * pod is Ready 1 s (container start) + 5 s (readiness initial delay, first check passes) = 6 s
   * after it is created. Controller steps (rolling.go; totals are sums of {@code spec.replicas},
   * GetReplicaCountForReplicaSets), each instant after all syncs:
   *
   * <ul>
   *   <li>t=0: new = min(10+3−10, 10−0) = 3; scale-down: maxScaledDown = 13 − 8 − (3 − 0) = 2 and
   *       available 10 − minAvailable 8 = 2 → old 8; total 11 → new += min(13−11, 7) → 5; now
   *       maxScaledDown = 13 − 8 − 5 = 0. Step 5/8.
   *   <li>t=6: 5 new available; total 13, no scale-up; maxScaledDown = 13 − 8 − 0 = 5, available 5
   *       + 8 − 8 = 5 → old 3; total 8 → new += min(5, 5) → 10; maxScaledDown = 13 − 8 − 5 = 0.
   *       Step 10/3.
   *   <li>t=12: 10 new available; maxScaledDown = 5, available 13 − 8 = 5 → old min(3, 5) → 0. Step
   *       10/0, and every new pod is available: complete at 12 s.
   * </ul>
   */
  @Test
  void rollingUpdateOfTenReplicasTakesTwoWavesOfSixSeconds() {
    KuspPlatform k = cluster(5, KuspConfig.builder().preloadedImages(WEB_V1, WEB_V2));
    k.deploy(
        web(10, 1000, 0),
        DeploymentSpec.builder().readiness(Probe.withInitialDelaySeconds(5)).build());
    k.simulation().run();
    assertEquals(10, k.available("web"));
    k.publishImage("web", "2", WEB_V2);
    long start = k.simulation().now();
    k.apply(Release.app("web", "2"));
    k.simulation().run();
    RolloutRecord r = k.rollouts().get(0);
    assertEquals(RolloutRecord.Outcome.COMPLETED, r.outcome());
    assertEquals(12_000, r.durationMillis());
    assertEquals(
        List.of(
            new ReplicaSetStep(start, 5, 8),
            new ReplicaSetStep(start + 6000, 10, 3),
            new ReplicaSetStep(start + 12_000, 10, 0)),
        k.replicaSetSteps("web", start));
    // Never fewer than replicas − maxUnavailable = 8 available: the most out of service is 2.
    assertEquals(2, r.maxOutOfService());
    assertEquals(10, r.instancesChanged());
  }

  /**
   * A configuration change ({@code kubectl rollout restart} after a ConfigMap edit) is a new
   * ReplicaSet with the same image: the same two waves as the app release above, 6 s each, and no
   * pull even at 1 MB/s (an app release's new 20 MB layer would add 20 s per wave at that rate).
   */
  @Test
  void configurationChangeRollsTheSameImageWithoutPulling() {
    KuspPlatform k =
        cluster(5, KuspConfig.builder().preloadedImages(WEB_V1).nodeBandwidth(1_000_000));
    k.deploy(
        web(10, 1000, 0),
        DeploymentSpec.builder().readiness(Probe.withInitialDelaySeconds(5)).build());
    k.simulation().run();
    long start = k.simulation().now();
    k.apply(Release.config("web", "cfg-2"));
    k.simulation().run();
    RolloutRecord r = k.rollouts().get(0);
    assertEquals(Release.Kind.CONFIG, r.release().kind());
    assertEquals(RolloutRecord.Outcome.COMPLETED, r.outcome());
    assertEquals(12_000, r.durationMillis());
    assertEquals(
        List.of(
            new ReplicaSetStep(start, 5, 8),
            new ReplicaSetStep(start + 6000, 10, 3),
            new ReplicaSetStep(start + 12_000, 10, 0)),
        k.replicaSetSteps("web", start));
    assertEquals(10, r.instancesChanged());
  }

  /**
   * Pull time = missing bytes ÷ bandwidth: first 50 + 100 + 20 MB = 170 MB at 10 MB/s = 17 s; the
   * next version shares the 50 MB and 100 MB layers, so only 20 MB: 2 s.
   */
  @Test
  void pullsOnlyTheMissingLayers() {
    KuspPlatform k =
        cluster(1, KuspConfig.builder().nodeBandwidth(10_000_000).registryBandwidth(1_000_000_000));
    k.deploy(web(1, 0, 0));
    k.simulation().run();
    k.publishImage("web", "2", WEB_V2);
    k.apply(Release.app("web", "2"));
    k.simulation().run();
    List<PodStartup> s = k.startups();
    assertEquals(2, s.size());
    assertEquals(17_000, s.get(0).pull());
    assertEquals(2_000, s.get(1).pull());
    assertEquals(170_000_000 + 20_000_000, k.kuspMetrics().imageBytesPulled());
  }

  /**
   * A container that exits at once restarts after 10, 20, 40, 80, 160, 300, 300 s (kubelet
   * backOffPeriod 10 s doubling to MaxContainerBackOff 300 s): starts at 0, 10, 30, 70, 150, 310,
   * 610, 910 s.
   */
  @Test
  void crashLoopBackOffDoublesToFiveMinutes() {
    KuspPlatform k = cluster(1, KuspConfig.builder().preloadedImages(WEB_V1));
    k.deploy(web(1, 0, 0), DeploymentSpec.builder().crashAfterMillis(0).build());
    k.simulation().runUntil(1_000_000);
    Pod p = k.pods("web").get(0);
    long[] starts = java.util.Arrays.copyOf(p.startTimes(), 8);
    assertArrayEquals(
        new long[] {0, 10_000, 30_000, 70_000, 150_000, 310_000, 610_000, 910_000}, starts);
    assertEquals(PodPhase.RUNNING, p.phase());
    assertEquals(ContainerState.WAITING, p.containerState());
    assertEquals("CrashLoopBackOff", p.waitingReason());
  }

  /**
   * Heartbeats every 10 s from joining at 0; a crash at 125 s leaves the last one at 120 s, which
   * the monitor pass at 120 s (node-monitor-period 5 s) stamps. Ready Unknown at the pass 40 s
   * later (node-monitor-grace-period, v1.31): 160 s; the node is queued for tainting at the next
   * pass (upstream reads the condition observed before the pass), 165 s, and tainted at once (a
   * full bucket); its pods are evicted 300 s later (DefaultTolerationSeconds): 465 s, 345 s after
   * the last heartbeat.
   */
  @Test
  void podsAreEvictedGracePlusTolerationAfterTheLastHeartbeat() {
    KuspPlatform k =
        cluster(
            2,
            KuspConfig.builder()
                .preloadedImages(WEB_V1)
                .nodeProvisioning(DurationDistribution.fixed(60_000)));
    k.deploy(web(2, 1000, 0), DeploymentSpec.builder().build());
    k.simulation().runUntil(125_000);
    String victim = k.pods("web").get(0).nodeName();
    k.crashNode(victim);
    k.simulation().run();
    NodeEviction e = k.evictions().get(0);
    assertEquals(victim, e.node());
    assertEquals(120_000, e.lastHeartbeat());
    assertEquals(160_000, e.notReadyAt());
    assertEquals(165_000, e.taintedAt());
    assertEquals(465_000, e.evictedAt());
    assertEquals(345_000, e.heartbeatToEvictionMillis());
    assertTrue(e.podsEvicted() >= 1);
    assertEquals(2, k.available("web"));
    assertEquals(e.podsEvicted(), k.metrics().failuresRecovered());
  }
}
