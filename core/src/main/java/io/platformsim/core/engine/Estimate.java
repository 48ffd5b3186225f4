package io.platformsim.core.engine;

import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A figure estimated from independent replications: the mean and its 95% confidence interval from
 * Student's t distribution, mean ± t₀.₉₇₅,ₙ₋₁ · s / √n (s the sample standard deviation).
 *
 * <p>With one replication the interval is undefined: {@code halfWidth} is NaN. With identical
 * values it is 0.
 *
 * @param name the figure's name
 * @param n number of replications
 * @param mean mean over the replications
 * @param stdDev sample standard deviation over the replications (divisor n − 1; 0 for n = 1)
 * @param halfWidth half the width of the 95% confidence interval
 */
public record Estimate(String name, int n, double mean, double stdDev, double halfWidth) {

  /** The confidence level of {@link #halfWidth()}. */
  public static final double CONFIDENCE = 0.95;

  /**
   * The estimate of {@code values}, one per replication.
   *
   * @throws IllegalArgumentException if there are no values or one is NaN or infinite
   */
  public static Estimate of(String name, double... values) {
    if (values == null || values.length == 0) {
      throw new IllegalArgumentException(name + ": values must not be empty");
    }
    int n = values.length;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(values[i]) || Double.isInfinite(values[i])) {
        throw new IllegalArgumentException(
            name + ": values[" + i + "] must be finite, was " + values[i]);
      }
      sum += values[i];
    }
    double mean = sum / n;
    if (n == 1) {
      return new Estimate(name, 1, mean, 0.0, Double.NaN);
    }
    // Two-pass variance: exact for the short series replications produce.
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(squares / (n - 1));
    // No random generator: only the quantile function is used.
    double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.5 + CONFIDENCE / 2);
    return new Estimate(name, n, mean, sd, t * sd / Math.sqrt(n));
  }

  /** Lower end of the 95% confidence interval. */
  public double lower() {
    return mean - halfWidth;
  }

  /** Upper end of the 95% confidence interval. */
  public double upper() {
    return mean + halfWidth;
  }

  @Override
  public String toString() {
    return name + " = " + format(mean) + " ± " + format(halfWidth) + " (95% CI, n=" + n + ")";
  }

  /**
   * Compact, locale-independent rendering for {@code toString()}s: whole numbers without decimals,
   * magnitudes of 100 and more with one decimal, smaller ones with four significant digits.
   */
  static String format(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return String.valueOf(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (Math.abs(v) >= 100) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.4g", v);
  }
}
