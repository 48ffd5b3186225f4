package io.platformsim.fleet.usage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Invariants of the VPA rule over generated series. */
class RightSizingProperties {

  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

  private static List<UsageSample> series(List<Double> cpu, List<Long> mem, double factor) {
    List<UsageSample> out = new ArrayList<>();
    for (int i = 0; i < cpu.size(); i++) {
      long m = mem.get(i % mem.size());
      out.add(
          new UsageSample(
              T0.plusSeconds(1800L * i), "s", cpu.get(i) * factor, Math.round(m * factor)));
    }
    return out;
  }

  @Property(tries = 200)
  void targetCoversThePercentileAndTheMinimum(
      @ForAll @Size(min = 1, max = 200) List<@DoubleRange(min = 0, max = 64) Double> cpu,
      @ForAll @Size(min = 1, max = 20) List<@LongRange(min = 0, max = 100_000_000_000L) Long> mem) {
    UsageProfile p = UsageProfile.ofSeries(series(cpu, mem, 1)).get("s");
    RightSizing rule = RightSizing.vpaDefaults();
    Recommendation r = rule.recommend(p);
    assertTrue(r.target().milliCpu() >= 25 && r.target().memoryMib() >= 250, r::toString);
    assertTrue(r.target().milliCpu() >= p.cpuCores().p90() * 1000 - 1e-6, r::toString);
    assertTrue(
        r.target().memoryMib() * (double) (1L << 20) >= p.memoryPeakBytes().p90(), r::toString);
    assertTrue(r.lowerBound().milliCpu() <= r.target().milliCpu());
    assertTrue(r.target().milliCpu() <= r.upperBound().milliCpu());
    assertTrue(r.lowerBound().memoryMib() <= r.target().memoryMib());
    assertTrue(r.target().memoryMib() <= r.upperBound().memoryMib());
  }

  @Property(tries = 200)
  void scalingUsageUpNeverLowersTheTarget(
      @ForAll @Size(min = 1, max = 200) List<@DoubleRange(min = 0, max = 64) Double> cpu,
      @ForAll @Size(min = 1, max = 20) List<@LongRange(min = 0, max = 10_000_000_000L) Long> mem,
      @ForAll @DoubleRange(min = 1, max = 10) double factor) {
    RightSizing rule = RightSizing.vpaDefaults();
    Recommendation base = rule.recommend(UsageProfile.ofSeries(series(cpu, mem, 1)).get("s"));
    Recommendation up = rule.recommend(UsageProfile.ofSeries(series(cpu, mem, factor)).get("s"));
    assertTrue(up.target().milliCpu() >= base.target().milliCpu(), () -> base + " -> " + up);
    assertTrue(up.target().memoryMib() >= base.target().memoryMib(), () -> base + " -> " + up);
  }
}
