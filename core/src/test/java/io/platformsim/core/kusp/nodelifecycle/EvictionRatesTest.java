package io.platformsim.core.kusp.nodelifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Zone states, rates and the token bucket. Upstream has no table test of ComputeZoneState; the rows
 * follow its doc comment and code in k/k node_lifecycle_controller.go (no Ready node → full; more
 * than 2 not Ready and at least 55% → partial) and the scenarios of
 * node_lifecycle_controller_test.go TestMonitorNodeHealthEvictPodsWithDisruption named below.
 */
class EvictionRatesTest {

  private static final EvictionRates R = EvictionRates.DEFAULTS;

  @ParameterizedTest(name = "{0} ready, {1} not ready -> {2}")
  @CsvSource({
    "0, 1, FULL_DISRUPTION",
    "0, 5, FULL_DISRUPTION",
    "0, 0, NORMAL",
    "1, 2, NORMAL", // 67% not ready, but only 2 nodes: not more than 2
    "3, 3, NORMAL", // 50% < 55%
    "9, 11, PARTIAL_DISRUPTION", // exactly 55%
    "10, 11, NORMAL", // 52%
    "1, 3, PARTIAL_DISRUPTION"
  })
  void zoneState(int ready, int notReady, ZoneState expected) {
    assertEquals(expected, R.zoneState(ready, notReady));
  }

  /**
   * setLimiterInZone with ReducedQPSFunc / HealthyQPSFunc: defaults 0.1 and 0.01, large above 50
   * nodes.
   */
  @ParameterizedTest(name = "{0} with {1} nodes -> {2}/s")
  @CsvSource({
    "NORMAL, 10, 0.1",
    "PARTIAL_DISRUPTION, 50, 0.0",
    "PARTIAL_DISRUPTION, 51, 0.01",
    "FULL_DISRUPTION, 10, 0.1",
    "FULL_DISRUPTION, 100, 0.1"
  })
  void rateByState(ZoneState state, int size, double qps) {
    assertEquals(qps, R.rate(state, size));
  }

  /**
   * TestMonitorNodeHealthEvictPodsWithDisruption "Network Disruption: Only zone is down - eviction
   * shouldn't take place".
   */
  @Test
  void everyZoneDownStopsEvictions() {
    ZoneLimits before = ZoneLimits.none().next(R, Map.of("z1", new ZoneCounts(2, 0)));
    ZoneLimits after = before.next(R, Map.of("z1", new ZoneCounts(0, 2)));
    assertEquals(new ZoneLimits.Limit(ZoneState.FULL_DISRUPTION, 0), after.of("z1"));
  }

  /**
   * "Network Disruption: One zone is down - eviction should take place": the other zone is healthy.
   */
  @Test
  void oneZoneDownOfTwoEvictsAtTheNormalRate() {
    ZoneLimits before =
        ZoneLimits.none().next(R, Map.of("z1", new ZoneCounts(1, 0), "z2", new ZoneCounts(1, 0)));
    ZoneLimits after =
        before.next(R, Map.of("z1", new ZoneCounts(0, 1), "z2", new ZoneCounts(1, 0)));
    assertEquals(new ZoneLimits.Limit(ZoneState.FULL_DISRUPTION, 0.1), after.of("z1"));
    assertEquals(new ZoneLimits.Limit(ZoneState.NORMAL, 0.1), after.of("z2"));
  }

  /**
   * "Partial Disruption" in a small zone (at most 50 nodes): tainting stops; a large zone slows to
   * 0.01/s.
   */
  @Test
  void partialDisruptionStopsSmallZonesAndSlowsLargeOnes() {
    ZoneLimits start =
        ZoneLimits.none()
            .next(R, Map.of("small", new ZoneCounts(4, 0), "large", new ZoneCounts(60, 0)));
    ZoneLimits after =
        start.next(R, Map.of("small", new ZoneCounts(1, 3), "large", new ZoneCounts(20, 40)));
    assertEquals(new ZoneLimits.Limit(ZoneState.PARTIAL_DISRUPTION, 0), after.of("small"));
    assertEquals(new ZoneLimits.Limit(ZoneState.PARTIAL_DISRUPTION, 0.01), after.of("large"));
  }

  /**
   * Leaving "all zones down": every zone takes its new state and rate, the one still down included.
   */
  @Test
  void leavingMasterDisruptionRestoresRates() {
    ZoneLimits down =
        ZoneLimits.none()
            .next(R, Map.of("z1", new ZoneCounts(1, 0), "z2", new ZoneCounts(1, 0)))
            .next(R, Map.of("z1", new ZoneCounts(0, 1), "z2", new ZoneCounts(0, 1)));
    assertEquals(0.0, down.of("z2").qps());
    ZoneLimits back = down.next(R, Map.of("z1", new ZoneCounts(1, 0), "z2", new ZoneCounts(0, 1)));
    assertEquals(new ZoneLimits.Limit(ZoneState.NORMAL, 0.1), back.of("z1"));
    assertEquals(new ZoneLimits.Limit(ZoneState.FULL_DISRUPTION, 0.1), back.of("z2"));
  }

  /**
   * Burst 1 at 0.1/s: one node now, the next 10 s later (the "one node per 10 s per zone" of the
   * default).
   */
  @Test
  void defaultBucketTaintsOneNodePerTenSeconds() {
    TokenBucket b = TokenBucket.full(R.nodeEvictionRate(), 0);
    assertTrue(b.canAccept(0));
    b = b.accept(0);
    assertFalse(b.canAccept(9_999));
    assertEquals(10_000, b.nextTokenMillis(100));
    assertTrue(b.canAccept(10_000));
  }

  /**
   * SwapLimiter: a bucket waiting for a token hands a drained bucket over; rate 0 never accepts.
   */
  @Test
  void swapKeepsAnEmptyBucketEmpty() {
    TokenBucket empty = TokenBucket.full(0.1, 0).accept(0);
    TokenBucket slower = empty.swap(0.01, 1_000);
    assertFalse(slower.canAccept(1_000));
    assertEquals(1_000 + 100_000, slower.nextTokenMillis(1_000));
    assertTrue(TokenBucket.full(0.1, 0).swap(0.01, 1_000).canAccept(1_000));
    TokenBucket stopped = empty.swap(0, 1_000);
    assertFalse(stopped.canAccept(Long.MAX_VALUE / 2));
    assertEquals(Long.MAX_VALUE, stopped.nextTokenMillis(5_000));
  }

  /** A bucket never lets more than burst + rate·t tokens through in t. */
  @Property
  void bucketNeverExceedsItsRate(
      @ForAll @IntRange(min = 1, max = 1000) int qpsMilli,
      @ForAll @IntRange(min = 1, max = 100) int steps,
      @ForAll @IntRange(min = 1, max = 5000) int stepMillis) {
    double qps = qpsMilli / 1000.0;
    TokenBucket b = TokenBucket.full(qps, 0);
    int accepted = 0;
    long now = 0;
    for (int i = 0; i < steps; i++, now += stepMillis) {
      while (b.canAccept(now)) {
        b = b.accept(now);
        accepted++;
      }
    }
    long span = now - stepMillis;
    assertTrue(
        accepted <= TokenBucket.EVICTION_BURST + Math.floor(qps * span / 1000.0) + 1e-9,
        accepted + " tokens in " + span + " ms at " + qps + "/s");
  }
}
