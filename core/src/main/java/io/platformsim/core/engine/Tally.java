package io.platformsim.core.engine;

import java.util.Arrays;

/**
 * Statistics of a series of observations (e.g. one duration per rollout): count, mean, minimum,
 * maximum, sample standard deviation and percentiles.
 *
 * <p>Mean and variance are kept with Welford's running update (numerically stable for long series);
 * the observations themselves are kept in a growing primitive array so that any percentile can be
 * asked for afterwards (sorted lazily, once per batch of additions).
 *
 * <p><b>Percentile definition</b> (the same as Commons Math's default {@code Percentile} estimator,
 * Hyndman &amp; Fan type 6): for p in (0, 100] and n sorted values x₁ ≤ … ≤ xₙ, let pos = p·(n +
 * 1)/100; below 1 the answer is x₁, at n or above it is xₙ, otherwise x⌊pos⌋ + (pos −
 * ⌊pos⌋)·(x⌊pos⌋+1 − x⌊pos⌋). p = 0 gives the minimum.
 *
 * <p>An empty tally has count 0 and NaN for every other figure. The standard deviation of one
 * observation is 0. Not thread-safe.
 */
public final class Tally {

  private final String name;
  private double[] values = new double[16];
  private int count;
  private boolean sorted = true;
  private double mean;
  private double m2;
  private double min = Double.NaN;
  private double max = Double.NaN;

  /** An empty tally with a name used by {@link #toString()}. */
  public Tally(String name) {
    this.name = name == null ? "tally" : name;
  }

  /** An empty, unnamed tally. */
  public Tally() {
    this("tally");
  }

  /**
   * Records one observation.
   *
   * @throws IllegalArgumentException if {@code value} is NaN or infinite
   */
  public void add(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + ": observation must be finite, was " + value);
    }
    if (count == values.length) {
      values = Arrays.copyOf(values, count * 2);
    }
    if (count > 0 && value < values[count - 1]) {
      sorted = false;
    }
    values[count++] = value;
    double delta = value - mean;
    mean += delta / count;
    m2 += delta * (value - mean);
    if (count == 1) {
      min = value;
      max = value;
    } else {
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
  }

  /** The name given at construction. */
  public String name() {
    return name;
  }

  /** Number of observations. */
  public long count() {
    return count;
  }

  /** Arithmetic mean; NaN if empty. */
  public double mean() {
    return count == 0 ? Double.NaN : mean;
  }

  /** Smallest observation; NaN if empty. */
  public double min() {
    return min;
  }

  /** Largest observation; NaN if empty. */
  public double max() {
    return max;
  }

  /** Sample variance (divisor n − 1); 0 for one observation, NaN if empty. */
  public double variance() {
    if (count == 0) {
      return Double.NaN;
    }
    return count == 1 ? 0.0 : m2 / (count - 1);
  }

  /** Sample standard deviation (divisor n − 1); 0 for one observation, NaN if empty. */
  public double stdDev() {
    return Math.sqrt(variance());
  }

  /**
   * The p-th percentile by the definition in the class comment; NaN if empty.
   *
   * @throws IllegalArgumentException if p is outside [0, 100] or NaN
   */
  public double percentile(double p) {
    if (!(p >= 0 && p <= 100)) {
      throw new IllegalArgumentException(name + ": percentile p must be in [0, 100], was " + p);
    }
    if (count == 0) {
      return Double.NaN;
    }
    if (!sorted) {
      Arrays.sort(values, 0, count);
      sorted = true;
    }
    double pos = p * (count + 1) / 100;
    if (pos < 1) {
      return values[0];
    }
    if (pos >= count) {
      return values[count - 1];
    }
    int lower = (int) Math.floor(pos);
    double fraction = pos - lower;
    double lo = values[lower - 1];
    return lo + fraction * (values[lower] - lo);
  }

  /** The median (50th percentile). */
  public double median() {
    return percentile(50);
  }

  /** A snapshot of the figures, printable and comparable. */
  public Summary summary() {
    return new Summary(
        name, count, mean(), stdDev(), min, percentile(50), percentile(95), percentile(99), max);
  }

  @Override
  public String toString() {
    return summary().toString();
  }

  /**
   * An immutable snapshot of a {@link Tally}.
   *
   * @param name the tally's name
   * @param count number of observations
   * @param mean arithmetic mean
   * @param stdDev sample standard deviation
   * @param min smallest observation
   * @param p50 median
   * @param p95 95th percentile
   * @param p99 99th percentile
   * @param max largest observation
   */
  public record Summary(
      String name,
      long count,
      double mean,
      double stdDev,
      double min,
      double p50,
      double p95,
      double p99,
      double max) {

    @Override
    public String toString() {
      return name
          + ": n="
          + count
          + " mean="
          + Estimate.format(mean)
          + " sd="
          + Estimate.format(stdDev)
          + " min="
          + Estimate.format(min)
          + " p50="
          + Estimate.format(p50)
          + " p95="
          + Estimate.format(p95)
          + " p99="
          + Estimate.format(p99)
          + " max="
          + Estimate.format(max);
    }
  }
}
