package io.platformsim.core.platform;

import java.util.Arrays;

/**
 * A summary of a set of durations in milliseconds: count, mean, min, median, p95 and max.
 * Percentiles use the nearest-rank definition: the p-th percentile of n sorted values is the value
 * at rank ceil(p/100 · n) (1-based), so it is always one of the observed values.
 *
 * @param count number of durations
 * @param mean arithmetic mean (0 when empty)
 * @param min smallest (0 when empty)
 * @param median nearest-rank 50th percentile (0 when empty)
 * @param p95 nearest-rank 95th percentile (0 when empty)
 * @param max largest (0 when empty)
 */
public record DurationSummary(long count, double mean, long min, long median, long p95, long max) {

  /** The summary of no durations. */
  public static final DurationSummary EMPTY = new DurationSummary(0, 0, 0, 0, 0, 0);

  /** Summarizes {@code millis} (the array is not modified). */
  public static DurationSummary of(long[] millis) {
    if (millis.length == 0) {
      return EMPTY;
    }
    long[] sorted = millis.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (long v : sorted) {
      sum += v;
    }
    return new DurationSummary(
        sorted.length,
        sum / sorted.length,
        sorted[0],
        nearestRank(sorted, 50),
        nearestRank(sorted, 95),
        sorted[sorted.length - 1]);
  }

  private static long nearestRank(long[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "n=%d mean=%.1fs min=%.1fs p50=%.1fs p95=%.1fs max=%.1fs",
        count,
        mean / 1000,
        min / 1000.0,
        median / 1000.0,
        p95 / 1000.0,
        max / 1000.0);
  }
}
