package io.platformsim.fleet.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Percentiles and VPA recommendations on small series, every expected figure worked out by hand
 * from the rule in kubernetes/autoscaler vertical-pod-autoscaler/pkg/recommender/logic/
 * recommender.go (percentile, then times 1 + margin, then at least the pod minimum).
 */
class RightSizingTest {

  private static final long MIB = 1L << 20;
  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

  /** Ten hourly samples of "api": CPU 0.1 .. 1.0 cores, memory 100 .. 1000 MiB. */
  private static List<UsageSample> tenHours() {
    List<UsageSample> out = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      out.add(new UsageSample(T0.plusSeconds(3600L * (i - 1)), "api", 0.1 * i, 100 * i * MIB));
    }
    return out;
  }

  @Test
  void nearestRankPercentilesOfTenValues() {
    // n = 10: p50 is rank ceil(5) = 5, p90 rank 9, p95 rank ceil(9.5) = 10, p99 rank 10.
    UsageProfile p = UsageProfile.ofSeries(tenHours()).get("api");
    assertEquals(10, p.samples());
    assertEquals(0.5, p.cpuCores().p50(), 1e-12);
    assertEquals(0.9, p.cpuCores().p90(), 1e-12);
    assertEquals(1.0, p.cpuCores().p95(), 1e-12);
    assertEquals(1.0, p.cpuCores().p99(), 1e-12);
    assertEquals(1.0, p.cpuCores().max(), 1e-12);
    assertEquals(500.0 * MIB, p.memoryBytes().p50());
    // All ten samples fall in one 24 h interval: one peak, 1000 MiB.
    assertEquals(
        new Percentiles(1000.0 * MIB, 1000.0 * MIB, 1000.0 * MIB, 1000.0 * MIB, 1000.0 * MIB),
        p.memoryPeakBytes());
  }

  @Test
  void vpaDefaultsOnTenHours() {
    Recommendation r =
        RightSizing.vpaDefaults().recommend(UsageProfile.ofSeries(tenHours()).get("api"));
    // CPU: p90 0.9 * 1.15 = 1.035 cores; p50 0.5 * 1.15 = 0.575; p95 1.0 * 1.15 = 1.15.
    // Memory: the single 24 h peak 1000 MiB * 1.15 = 1150 MiB for all three.
    assertEquals(Resources.of(1035, 1150), r.target());
    assertEquals(Resources.of(575, 1150), r.lowerBound());
    assertEquals(Resources.of(1150, 1150), r.upperBound());
  }

  @Test
  void hourlyMemoryIntervalMakesEverySampleAPeak() {
    UsageProfile p = UsageProfile.ofSeries(tenHours(), Duration.ofHours(1)).get("api");
    Recommendation r = RightSizing.vpaDefaults().recommend(p);
    // Peaks 100 .. 1000 MiB: p90 900 * 1.15 = 1035, p50 500 * 1.15 = 575, p95 1000 * 1.15 = 1150.
    assertEquals(1035, r.target().memoryMib());
    assertEquals(575, r.lowerBound().memoryMib());
    assertEquals(1150, r.upperBound().memoryMib());
  }

  @Test
  void peaksAreTakenPerIntervalFromTheFirstSample() {
    // Two days: day 1 peaks at 300 MiB, day 2 at 800 MiB; p50 of the peaks (rank 1) is 300 MiB.
    List<UsageSample> s =
        List.of(
            new UsageSample(T0, "a", 1, 300 * MIB),
            new UsageSample(T0.plusSeconds(3600), "a", 1, 200 * MIB),
            new UsageSample(T0.plusSeconds(86_400), "a", 1, 800 * MIB),
            new UsageSample(T0.plusSeconds(90_000), "a", 1, 100 * MIB));
    UsageProfile p = UsageProfile.ofSeries(s).get("a");
    assertEquals(300.0 * MIB, p.memoryPeakBytes().p50());
    assertEquals(800.0 * MIB, p.memoryPeakBytes().p90());
  }

  @Test
  void podMinimumsLiftATinyService() {
    // 0.01 cores * 1.15 = 11.5m < 25m; 100 MiB * 1.15 = 115 MiB < 250 MiB (recommender.go flags).
    List<UsageSample> s = List.of(new UsageSample(T0, "tiny", 0.01, 100 * MIB));
    Recommendation r = RightSizing.vpaDefaults().recommend(UsageProfile.ofSeries(s).get("tiny"));
    assertEquals(Resources.of(25, 250), r.target());
    assertEquals(Resources.of(25, 250), r.lowerBound());
    assertEquals(Resources.of(25, 250), r.upperBound());
  }

  @Test
  void minimumIsAppliedAfterTheMargin() {
    // 220 MiB * 1.15 = 253 MiB: above the 250 MiB minimum only because of the margin.
    List<UsageSample> s = List.of(new UsageSample(T0, "m", 0.022, 220 * MIB));
    Recommendation r = RightSizing.vpaDefaults().recommend(UsageProfile.ofSeries(s).get("m"));
    // CPU 22m * 1.15 = 25.3m, rounded up to 26m: above the 25m minimum too.
    assertEquals(Resources.of(26, 253), r.target());
  }

  @ParameterizedTest(name = "margin {0}: target {1}m / {2}Mi")
  @CsvSource({"0.0, 900, 1000", "0.15, 1035, 1150", "0.5, 1350, 1500", "1.0, 1800, 2000"})
  void marginScalesTheTarget(double margin, long milliCpu, long mib) {
    UsageProfile p = UsageProfile.ofSeries(tenHours()).get("api");
    Recommendation r = RightSizing.vpaDefaults().withMarginFraction(margin).recommend(p);
    assertEquals(Resources.of(milliCpu, mib), r.target());
  }

  @Test
  void rightSizedServiceTakesTheTargetAsRequestAndP50AsUsage() {
    Service api =
        Service.builder("api")
            .instances(3)
            .request(Resources.of(2000, 4096))
            .usage(Resources.of(1, 1))
            .build();
    UsageProfile p = UsageProfile.ofSeries(tenHours()).get("api");
    Service sized = RightSizing.vpaDefaults().rightSized(api, p);
    assertEquals(Resources.of(1035, 1150), sized.request());
    assertEquals(Resources.of(500, 500), sized.usage()); // p50: 0.5 cores, 500 MiB
    assertEquals(3, sized.instances());
    assertEquals(api.image(), sized.image());
    Recommendation other =
        new Recommendation("web", Resources.ZERO, Resources.ZERO, Resources.ZERO);
    assertThrows(IllegalArgumentException.class, () -> RightSizing.rightSized(api, other));
  }

  @Test
  void percentilesInterpolateBetweenThePoints() {
    Percentiles p = new Percentiles(0.2, 0.4, 0.5, 0.8, 1.0);
    assertEquals(0.4, p.at(0.9), 0);
    // 0.8 lies 3/4 of the way from 0.5 to 0.9: 0.2 + 0.75 * 0.2 = 0.35.
    assertEquals(0.35, p.at(0.8), 1e-12);
    // 0.97 lies half way from 0.95 to 0.99: 0.5 + 0.5 * 0.3 = 0.65.
    assertEquals(0.65, p.at(0.97), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> p.at(0.3));
    assertThrows(IllegalArgumentException.class, () -> new Percentiles(0.5, 0.4, 0.5, 0.8, 1.0));
  }

  @Test
  void toStringsReadWell() {
    UsageProfile p = UsageProfile.ofSeries(tenHours()).get("api");
    assertEquals(
        "api: target 1035m/1150Mi (lower 575m/1150Mi, upper 1150m/1150Mi)",
        RightSizing.vpaDefaults().recommend(p).toString());
    assertEquals(
        "RightSizing[cpu p90.0 (lower p50.0, upper p95.0), memory peaks p90.0 (lower p50.0, upper"
            + " p95.0), margin 0.15, minimum 25m/250Mi]",
        RightSizing.vpaDefaults().toString());
  }
}
