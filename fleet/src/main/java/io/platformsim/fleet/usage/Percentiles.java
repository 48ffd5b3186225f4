package io.platformsim.fleet.usage;

import java.util.Arrays;
import java.util.Locale;

/**
 * Five points of a usage distribution, in the unit of the resource (cores for CPU, bytes for
 * memory): the 50th, 90th, 95th and 99th percentiles and the maximum, the columns of the
 * percentiles CSV ({@link UsagePercentilesReader}) and what {@link UsageProfile#ofSeries} computes
 * from a time series.
 *
 * <p>{@link #at(double)} reads any percentile from 0.5 to 1: exact at the five points, linear
 * between neighbours (so the VPA default percentiles 0.5, 0.9 and 0.95 are always exact).
 *
 * @param p50 median, finite and at least 0
 * @param p90 90th percentile, at least {@code p50}
 * @param p95 95th percentile, at least {@code p90}
 * @param p99 99th percentile, at least {@code p95}
 * @param max maximum, at least {@code p99}
 */
public record Percentiles(double p50, double p90, double p95, double p99, double max) {

  /** The fractions the five points stand for. */
  private static final double[] LEVELS = {0.5, 0.9, 0.95, 0.99, 1.0};

  /** Validates: finite, non-negative and non-decreasing. */
  public Percentiles {
    double[] v = {p50, p90, p95, p99, max};
    String[] names = {"p50", "p90", "p95", "p99", "max"};
    for (int i = 0; i < v.length; i++) {
      if (!(v[i] >= 0) || Double.isInfinite(v[i])) {
        throw new IllegalArgumentException(names[i] + " must be finite and >= 0, was " + v[i]);
      }
      if (i > 0 && v[i] < v[i - 1]) {
        throw new IllegalArgumentException(
            names[i] + " (" + v[i] + ") must be >= " + names[i - 1] + " (" + v[i - 1] + ")");
      }
    }
  }

  /**
   * The nearest-rank percentiles of {@code values}: the {@code q}-th percentile is the smallest
   * value with at least a fraction {@code q} of the values at or below it, i.e. the value of rank
   * {@code ceil(q * n)} in ascending order (1-based). No interpolation, so every point is an
   * observed value.
   *
   * @param values at least one value, each finite and at least 0 (not modified)
   */
  public static Percentiles nearestRank(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("percentiles need at least one value");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double[] p = new double[LEVELS.length];
    for (int i = 0; i < LEVELS.length; i++) {
      p[i] = sorted[rank(LEVELS[i], sorted.length) - 1];
    }
    return new Percentiles(p[0], p[1], p[2], p[3], p[4]);
  }

  /** The 1-based nearest rank of fraction {@code q} among {@code n} values. */
  static int rank(double q, int n) {
    // The small epsilon keeps 0.9 * 10 at rank 9 despite 0.9 * 10 = 9.000000000000002 in binary.
    return Math.max(1, Math.min(n, (int) Math.ceil(q * n - 1e-9)));
  }

  /**
   * The {@code q}-th percentile: exact at 0.5, 0.9, 0.95, 0.99 and 1, linear between the two
   * neighbouring points otherwise.
   *
   * @param q fraction from 0.5 to 1 (lower percentiles are not in the file format)
   */
  public double at(double q) {
    if (!(q >= 0.5 && q <= 1.0)) {
      throw new IllegalArgumentException("percentile must be in [0.5, 1], was " + q);
    }
    double[] v = {p50, p90, p95, p99, max};
    for (int i = 0; i < LEVELS.length; i++) {
      if (q == LEVELS[i]) {
        return v[i];
      }
      if (q < LEVELS[i]) {
        double f = (q - LEVELS[i - 1]) / (LEVELS[i] - LEVELS[i - 1]);
        return v[i - 1] + f * (v[i] - v[i - 1]);
      }
    }
    return max;
  }

  /** Every point multiplied by {@code factor} (finite, at least 0). */
  public Percentiles scaled(double factor) {
    return new Percentiles(p50 * factor, p90 * factor, p95 * factor, p99 * factor, max * factor);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "p50 %.4g, p90 %.4g, p95 %.4g, p99 %.4g, max %.4g", p50, p90, p95, p99, max);
  }
}
