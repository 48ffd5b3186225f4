package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.ImageLayer;
import io.platformsim.core.workload.Resources;
import org.junit.jupiter.api.Test;

/** The kubelet's pure rules: back-off, probes, QoS, restart policy, image cache GC. */
class KubeletRulesTest {

  @Test
  void backOffSequenceIsTenDoublingToThreeHundredSeconds() {
    // kubelet.go backOffPeriod 10 s, MaxContainerBackOff 300 s.
    long[] expected = {10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000};
    for (int n = 1; n <= expected.length; n++) {
      assertEquals(expected[n - 1], CrashLoopBackOff.DEFAULT.delayBeforeRestart(n), "restart " + n);
    }
    assertEquals(300_000, CrashLoopBackOff.DEFAULT.delayBeforeRestart(1000));
    assertEquals(600_000, CrashLoopBackOff.DEFAULT.resetMillis());
    assertThrows(
        IllegalArgumentException.class, () -> CrashLoopBackOff.DEFAULT.delayBeforeRestart(0));
  }

  @Test
  void probeDefaultsAndFenceposts() {
    // SetDefaults_Probe: initialDelay 0, period 10 s, failureThreshold 3.
    assertEquals(new Probe(0, 10_000, 3), Probe.DEFAULT);
    // Healthy at once: the first probe at the initial delay passes.
    assertEquals(0, Probe.DEFAULT.firstSuccessAfter(0));
    assertEquals(5_000, Probe.withInitialDelaySeconds(5).firstSuccessAfter(5_000));
    // Healthy at 12 s, probes at 0, 10, 20 s: the one at 20 s passes.
    assertEquals(20_000, Probe.DEFAULT.firstSuccessAfter(12_000));
    // Exactly on a probe time counts: healthy at 10 s, passes at 10 s.
    assertEquals(10_000, Probe.DEFAULT.firstSuccessAfter(10_000));
    // Never healthy: failures at 0, 10, 20 s; the third (threshold 3) at 20 s.
    assertEquals(20_000, Probe.DEFAULT.failedAfter());
    assertEquals(35_000, new Probe(15_000, 10_000, 3).failedAfter());
  }

  @Test
  void qosClassFollowsGetPodQOS() {
    assertEquals(QosClass.BEST_EFFORT, QosClass.of(Resources.ZERO, null));
    assertEquals(QosClass.BURSTABLE, QosClass.of(Resources.of(500, 512), null));
    assertEquals(QosClass.GUARANTEED, QosClass.of(Resources.of(500, 512), Resources.of(500, 512)));
    // Requests unset default to the limits: still Guaranteed.
    assertEquals(QosClass.GUARANTEED, QosClass.of(Resources.ZERO, Resources.of(500, 512)));
    assertEquals(QosClass.BURSTABLE, QosClass.of(Resources.of(500, 512), Resources.of(1000, 512)));
    // Only a CPU limit: not Guaranteed (memory limit missing).
    assertEquals(QosClass.BURSTABLE, QosClass.of(Resources.of(500, 0), Resources.of(500, 0)));
  }

  @Test
  void restartPolicy() {
    assertTrue(RestartPolicy.ALWAYS.restarts(0));
    assertTrue(RestartPolicy.ALWAYS.restarts(1));
    assertFalse(RestartPolicy.ON_FAILURE.restarts(0));
    assertTrue(RestartPolicy.ON_FAILURE.restarts(137));
    assertFalse(RestartPolicy.NEVER.restarts(1));
  }

  @Test
  void imageCacheSharesLayersAndCollectsAtEightyFivePercentDownToEighty() {
    ImageCache cache = new ImageCache(1_000);
    ImageDescription a =
        ImageDescription.of("a:1", new ImageLayer("base", 400), new ImageLayer("a", 300));
    ImageDescription b =
        ImageDescription.of("b:1", new ImageLayer("base", 400), new ImageLayer("b", 200));
    assertEquals(700, cache.missingBytes(a));
    cache.store(a, 0);
    // Shared base layer: only b's own 200 bytes are missing.
    assertEquals(200, cache.missingBytes(b));
    cache.store(b, 1_000);
    assertEquals(900, cache.usedBytes());
    assertEquals(90, cache.usagePercent());
    // Above 85%, but nothing is older than imageMinimumGCAge (2 min) yet.
    assertEquals(0, cache.collectGarbage(60_000));
    // b is in use; a's layer "a" is unused and least recently used: removing it (300 B) gets to
    // 600 B = 60% ≤ 80%. The shared "base" is used by b's running container and stays.
    cache.acquire(b, 200_000);
    assertEquals(300, cache.collectGarbage(200_000));
    assertFalse(cache.hasLayer("a"));
    assertTrue(cache.hasLayer("base"));
    assertEquals(600, cache.usedBytes());
    // Below the high threshold nothing happens.
    assertEquals(0, cache.collectGarbage(400_000));
  }

  @Test
  void imageCacheGcStopsAtTheLowThreshold() {
    ImageCache cache = new ImageCache(1_000);
    for (int i = 0; i < 9; i++) {
      cache.store(ImageDescription.of("i:" + i, new ImageLayer("l" + i, 100)), i);
    }
    // 900 B = 90% > 85%: free until ≤ 800 B (80%): one 100 B layer, the least recently used l0.
    assertEquals(100, cache.collectGarbage(1_000_000));
    assertFalse(cache.hasLayer("l0"));
    assertTrue(cache.hasLayer("l1"));
    assertEquals(800, cache.usedBytes());
  }

  @Test
  void nodeTypeAndAllocatable() {
    KuspConfig c =
        KuspConfig.builder()
            .nodeType(new NodeType("t", Resources.of(4000, 16_384), 100_000_000_000L, 0.2, 110))
            .reserved(Resources.of(100, 1024), Resources.of(100, 512))
            .daemonSets()
            .build();
    // capacity − kube-reserved − system-reserved − memory.available 100 Mi.
    assertEquals(Resources.of(3800, 16_384 - 1024 - 512 - 100), c.allocatable());
    assertEquals(110, NodeType.DEFAULT_MAX_PODS);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                KuspConfig.builder()
                    .daemonSets(new DaemonSet("huge", Resources.of(100_000, 1)))
                    .build());
    assertTrue(e.getMessage().contains("daemonSets"), e.getMessage());
  }
}
