package io.platformsim.fleet.usage;

import io.platformsim.core.workload.LoadCurve;
import java.util.ArrayList;
import java.util.List;

/**
 * A service's measured day as a {@link LoadCurve}: the CPU series folded onto one day (UTC time of
 * day), averaged per step, and normalised so that the mean step is 1. Multiplying the profile's
 * usage by this curve replays the measured daily shape around it.
 *
 * <p>CPU drives the curve because it follows request load; memory mostly does not (caches, heaps).
 * A step of the day with no sample gets factor 1 (the mean level), so gaps in an export neither
 * spike nor silence the load. The mean is over the steps that have samples, so a series with gaps
 * still averages 1 over those steps.
 */
public final class DailyLoad {

  private DailyLoad() {}

  /**
   * The daily curve of {@code service} in {@code samples}, repeated from 0 until {@code
   * untilMillis}.
   *
   * @param samples rows of any services; only {@code service}'s are used, at least one
   * @param stepMillis step length, above 0 and dividing a day ({@link LoadCurve#DAY_MILLIS})
   * @param untilMillis the curve's horizon, at least 0 (steps start before it)
   */
  public static LoadCurve curve(
      List<UsageSample> samples, String service, long stepMillis, long untilMillis) {
    if (stepMillis <= 0 || LoadCurve.DAY_MILLIS % stepMillis != 0) {
      throw new IllegalArgumentException(
          "stepMillis must be above 0 and divide a day, was " + stepMillis);
    }
    int steps = (int) (LoadCurve.DAY_MILLIS / stepMillis);
    double[] sum = new double[steps];
    int[] count = new int[steps];
    for (UsageSample s : samples) {
      if (s.service().equals(service)) {
        int k = (int) (Math.floorMod(s.at().toEpochMilli(), LoadCurve.DAY_MILLIS) / stepMillis);
        sum[k] += s.cpuCores();
        count[k]++;
      }
    }
    double total = 0;
    int filled = 0;
    for (int k = 0; k < steps; k++) {
      if (count[k] > 0) {
        total += sum[k] / count[k];
        filled++;
      }
    }
    if (filled == 0) {
      throw new IllegalArgumentException("no samples of service '" + service + "'");
    }
    double mean = total / filled;
    double[] factor = new double[steps];
    for (int k = 0; k < steps; k++) {
      factor[k] = count[k] == 0 || mean == 0 ? 1.0 : sum[k] / count[k] / mean;
    }
    List<LoadCurve.Step> out = new ArrayList<>();
    for (long t = 0, k = 0; t == 0 || t < untilMillis; t += stepMillis, k++) {
      out.add(new LoadCurve.Step(t, factor[(int) (k % steps)]));
    }
    return new LoadCurve(out);
  }
}
