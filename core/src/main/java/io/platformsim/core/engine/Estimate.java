package io.platformsim.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A figure estimated from independent replications: the mean and its 95% confidence interval from
 * Student's t distribution, mean ± t₀.₉₇₅,ₙ₋₁ · s / √n (s the sample standard deviation).
 *
 * <p>With one replication the interval is undefined: {@code halfWidth} is NaN. With identical
 * values it is 0.
 *
 * <p>Censoring ({@link Observation}): a replication that only bounds the figure from below
 * contributes its lower bound, so with {@code censored > 0} the mean is itself a lower bound of the
 * figure's mean and the interval is the interval of that bound, not of the figure. A replication
 * with nothing to measure (absent) contributes nothing: {@code n} counts the others.
 *
 * @param name the figure's name
 * @param n number of replications
 * @param mean mean over the replications
 * @param stdDev sample standard deviation over the replications (divisor n − 1; 0 for n = 1)
 * @param halfWidth half the width of the 95% confidence interval
 * @param censored how many of the {@code n} values are censored lower bounds
 * @param absent replications that had nothing to measure (not in {@code n})
 */
public record Estimate(
    String name, int n, double mean, double stdDev, double halfWidth, int censored, int absent) {

  /** An estimate from {@code n} observed values, none censored or absent. */
  public Estimate(String name, int n, double mean, double stdDev, double halfWidth) {
    this(name, n, mean, stdDev, halfWidth, 0, 0);
  }

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

  /**
   * The estimate of one figure over replications in index order: observed values and censored lower
   * bounds count (see the class comment), absent ones are counted in {@link #absent()} only.
   *
   * @throws IllegalArgumentException if no observation is present
   */
  public static Estimate of(String name, List<Observation> observations) {
    List<Double> values = new ArrayList<>(observations.size());
    int censored = 0;
    for (Observation o : observations) {
      if (o.present()) {
        values.add(o.value());
        censored += o.isCensored() ? 1 : 0;
      }
    }
    if (values.isEmpty()) {
      throw new IllegalArgumentException(name + ": no replication observed or bounded it");
    }
    double[] v = new double[values.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = values.get(i);
    }
    Estimate e = of(name, v);
    return new Estimate(
        name, e.n, e.mean, e.stdDev, e.halfWidth, censored, observations.size() - v.length);
  }

  /** Values that were measured, not censored: {@code n − censored}. */
  public int observed() {
    return n - censored;
  }

  /**
   * Half-width ÷ |mean|: 0 when both are 0, infinite when only the mean is 0, NaN with one value.
   */
  public double relativeHalfWidth() {
    if (Double.isNaN(halfWidth)) {
      return Double.NaN;
    }
    if (mean == 0) {
      return halfWidth == 0 ? 0 : Double.POSITIVE_INFINITY;
    }
    return halfWidth / Math.abs(mean);
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
    String notes = censored > 0 ? ", " + censored + " censored" : "";
    notes += absent > 0 ? ", " + absent + " absent" : "";
    return name
        + " = "
        + (censored > 0 ? "≥ " : "")
        + format(mean)
        + " ± "
        + format(halfWidth)
        + " (95% CI, n="
        + n
        + notes
        + ")";
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
