package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Invariants of the node lifecycle controller over random crashes in a 3-zone cluster: whatever
 * crashes when, Ready goes Unknown 40 s to 45 s after the last heartbeat (grace period, then the
 * next 5 s pass), the taint comes at least one pass later on a 100 ms tick, a zone never taints two
 * nodes less than 10 s apart (0.1 nodes/s, burst 1, the fastest rate), and pods (all with the
 * default 300 s toleration) are evicted exactly 300 s after their node's taint.
 */
class NodeLifecycleProperties {

  @Property(tries = 30)
  void taintsAreRateLimitedAndEvictionsFollowTheToleration(
      @ForAll @IntRange(min = 3, max = 18) int nodes,
      @ForAll @IntRange(min = 1, max = 10) int crashes,
      @ForAll @LongRange(min = 0, max = 120_000) long firstCrash,
      @ForAll @LongRange(min = 0, max = 30_000) long spacing,
      @ForAll long seed) {
    KuspPlatform k =
        new KuspPlatform(
            new Simulation(),
            RandomStreams.of(seed, 0),
            KuspConfig.builder()
                .initialNodes(nodes)
                .preloadedImages(KuspDeterministicTest.WEB_V1)
                .identity(KuspDeterministicTest.INSTANT_IDENTITY)
                .build());
    k.deploy(
        Service.builder("web")
            .instances(nodes)
            .request(Resources.of(500, 256))
            .usage(Resources.of(100, 128))
            .image(KuspDeterministicTest.WEB_V1)
            .startup(Duration.ZERO)
            .healthCheck(Duration.ZERO)
            .build());
    Simulation sim = k.simulation();
    int n = Math.min(crashes, nodes);
    for (int i = 0; i < n; i++) {
      String name = "node-" + (i + 1);
      sim.scheduleAt(firstCrash + i * spacing, () -> k.crashNode(name));
    }
    sim.runUntil(3_600_000);

    Map<String, List<Long>> taintsByZone = new HashMap<>();
    for (NodeEviction e : k.evictions()) {
      long silence = e.notReadyAt() - e.lastHeartbeat();
      assertTrue(silence >= 40_000 && silence < 45_000, e.toString());
      assertEquals(
          0, e.notReadyAt() % NodeLifecycleController.NODE_MONITOR_PERIOD_MILLIS, e.toString());
      if (e.taintedAt() >= 0) {
        assertTrue(
            e.taintedAt() >= e.notReadyAt() + NodeLifecycleController.NODE_MONITOR_PERIOD_MILLIS,
            e.toString());
        assertEquals(0, e.taintedAt() % ZoneTainting.TAINTING_PERIOD_MILLIS, e.toString());
        String zone = zoneOf(k, e.node());
        taintsByZone.computeIfAbsent(zone, z -> new ArrayList<>()).add(e.taintedAt());
        if (e.podsEvicted() > 0) {
          assertEquals(e.taintedAt() + 300_000, e.evictedAt(), e.toString());
        }
      } else {
        assertEquals(-1, e.evictedAt(), e.toString());
      }
    }
    for (List<Long> times : taintsByZone.values()) {
      times.sort(null);
      for (int i = 1; i < times.size(); i++) {
        assertTrue(times.get(i) - times.get(i - 1) >= 10_000, times.toString());
      }
    }
    assertEquals(n, k.evictions().size(), "every crashed node went Ready Unknown within the hour");
  }

  private static String zoneOf(KuspPlatform k, String node) {
    for (Node x : k.nodes()) {
      if (x.name().equals(node)) {
        return x.zone();
      }
    }
    throw new AssertionError(node);
  }
}
