package io.platformsim.core.engine;

import java.util.Arrays;
import org.apache.commons.math3.distribution.ConstantRealDistribution;
import org.apache.commons.math3.distribution.EnumeratedRealDistribution;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.distribution.WeibullDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A distribution of durations in milliseconds, built from the figures a capacity planner knows (a
 * fixed time, a range, a mean, a median and a p99, measured samples) and backed by Commons Math.
 *
 * <p>A distribution is an immutable description; to draw from it, bind it to a random stream with
 * {@link #sampler(RandomGenerator)} (whole milliseconds, for the simulation clock) or {@link
 * #realDistribution(RandomGenerator)} (the underlying continuous Commons Math distribution, in
 * milliseconds).
 *
 * <p><b>Rounding.</b> A sampler rounds each continuous draw to the nearest whole millisecond,
 * halves rounding up ({@link Math#round(double)}), and clamps the result to {@link
 * #minMillis()}..{@link #maxMillis()}; a draw beyond {@code Long.MAX_VALUE} ms saturates there.
 * Rounding moves the mean by at most half a millisecond, which is immaterial for durations of
 * seconds and more.
 *
 * <p>Every factory rejects impossible parameters (negative, NaN or infinite figures, a p99 not
 * above the median, a minimum above the maximum, no samples) with an {@link
 * IllegalArgumentException} that names the parameter and its value.
 */
public sealed interface DurationDistribution
    permits DurationDistribution.Fixed,
        DurationDistribution.Uniform,
        DurationDistribution.Exponential,
        DurationDistribution.LogNormal,
        DurationDistribution.Weibull,
        DurationDistribution.Gamma,
        DurationDistribution.Empirical {

  /**
   * The 99th percentile of the standard normal distribution, z₀.₉₉ = Φ⁻¹(0.99) (e.g. Abramowitz
   * &amp; Stegun table 26.5; {@code NormalDistribution.inverseCumulativeProbability(0.99)}).
   */
  double Z_99 = 2.3263478740408408;

  /** The continuous Commons Math distribution, in milliseconds, drawing from {@code rng}. */
  RealDistribution realDistribution(RandomGenerator rng);

  /** The mean of the continuous distribution in milliseconds (before rounding). */
  double meanMillis();

  /** The smallest whole-millisecond value a sampler returns. */
  default long minMillis() {
    return 0L;
  }

  /** The largest whole-millisecond value a sampler returns. */
  default long maxMillis() {
    return Long.MAX_VALUE;
  }

  /** A sampler of whole milliseconds drawing from {@code rng} (see the rounding rule above). */
  default DurationSampler sampler(RandomGenerator rng) {
    if (rng == null) {
      throw new IllegalArgumentException("rng must not be null");
    }
    return new DurationSampler(this, realDistribution(rng));
  }

  /** Always {@code millis}. */
  static DurationDistribution fixed(long millis) {
    return new Fixed(millis);
  }

  /** Every whole millisecond in {@code [minMillis, maxMillis]} equally likely. */
  static DurationDistribution uniform(long minMillis, long maxMillis) {
    return new Uniform(minMillis, maxMillis);
  }

  /** Exponential with the given mean (memoryless; e.g. times between independent failures). */
  static DurationDistribution exponentialWithMean(double meanMillis) {
    return new Exponential(meanMillis);
  }

  /**
   * Lognormal with the given median and 99th percentile: μ = ln(median), σ = (ln p99 − ln median) /
   * z₀.₉₉. The usual shape of task and start-up durations: most near the median, a long right tail.
   */
  static DurationDistribution logNormal(double medianMillis, double p99Millis) {
    return new LogNormal(medianMillis, p99Millis);
  }

  /** Weibull with shape k and scale λ (ms): F(x) = 1 − exp(−(x/λ)^k). */
  static DurationDistribution weibull(double shape, double scaleMillis) {
    return new Weibull(shape, scaleMillis);
  }

  /** Gamma with shape k and scale θ (ms): mean kθ, variance kθ². */
  static DurationDistribution gamma(double shape, double scaleMillis) {
    return new Gamma(shape, scaleMillis);
  }

  /**
   * The empirical distribution of measured durations: each draw is one of the samples, each sample
   * equally likely (resampling, as in a bootstrap). Needs at least one sample.
   */
  static DurationDistribution empirical(double... samplesMillis) {
    return new Empirical(samplesMillis);
  }

  /** See {@link DurationDistribution#fixed(long)}. */
  record Fixed(long millis) implements DurationDistribution {
    /** Validates the duration. */
    public Fixed {
      if (millis < 0) {
        throw new IllegalArgumentException(
            "fixed duration millis must not be negative, was " + millis);
      }
    }

    @Override
    public RealDistribution realDistribution(RandomGenerator rng) {
      return new ConstantRealDistribution(millis);
    }

    @Override
    public double meanMillis() {
      return millis;
    }

    @Override
    public long minMillis() {
      return millis;
    }

    @Override
    public long maxMillis() {
      return millis;
    }

    @Override
    public String toString() {
      return "fixed(" + millis + " ms)";
    }
  }

  /**
   * See {@link DurationDistribution#uniform(long, long)}. The continuous distribution is uniform on
   * [min − ½, max + ½), so that rounding gives every whole millisecond the same weight.
   */
  record Uniform(long minMillis, long maxMillis) implements DurationDistribution {
    /** Validates the range. */
    public Uniform {
      if (minMillis < 0) {
        throw new IllegalArgumentException(
            "uniform minMillis must not be negative, was " + minMillis);
      }
      if (minMillis > maxMillis) {
        throw new IllegalArgumentException(
            "uniform minMillis " + minMillis + " is greater than maxMillis " + maxMillis);
      }
    }

    @Override
    public RealDistribution realDistribution(RandomGenerator rng) {
      return new UniformRealDistribution(rng, minMillis - 0.5, maxMillis + 0.5);
    }

    @Override
    public double meanMillis() {
      return (minMillis + (double) maxMillis) / 2;
    }

    @Override
    public String toString() {
      return "uniform(" + minMillis + " .. " + maxMillis + " ms)";
    }
  }

  /** See {@link DurationDistribution#exponentialWithMean(double)}. */
  record Exponential(double meanMillis) implements DurationDistribution {
    /** Validates the mean. */
    public Exponential {
      requirePositiveFinite("exponential meanMillis", meanMillis);
    }

    @Override
    public RealDistribution realDistribution(RandomGenerator rng) {
      return new ExponentialDistribution(rng, meanMillis);
    }

    @Override
    public String toString() {
      return "exponential(mean " + meanMillis + " ms)";
    }
  }

  /** See {@link DurationDistribution#logNormal(double, double)}. */
  record LogNormal(double medianMillis, double p99Millis) implements DurationDistribution {
    /** Validates median and p99. */
    public LogNormal {
      requirePositiveFinite("lognormal medianMillis", medianMillis);
      requirePositiveFinite("lognormal p99Millis", p99Millis);
      if (!(p99Millis > medianMillis)) {
        throw new IllegalArgumentException(
            "lognormal p99Millis "
                + p99Millis
                + " must be above medianMillis "
                + medianMillis
                + " (use fixed(...) for a constant duration)");
      }
    }

    // StrictMath, not Math: Math.log may differ in the last bit between CPUs, and the same seed
    // must give bit-identical draws on any machine (Commons Math samples with its pure-Java
    // FastMath for the same reason).

    /** μ, the mean of ln X: ln(median). */
    public double mu() {
      return StrictMath.log(medianMillis);
    }

    /** σ, the standard deviation of ln X: (ln p99 − ln median) / z₀.₉₉. */
    public double sigma() {
      return (StrictMath.log(p99Millis) - StrictMath.log(medianMillis)) / Z_99;
    }

    @Override
    public RealDistribution realDistribution(RandomGenerator rng) {
      // Commons Math names μ the "scale" and σ the "shape" of its lognormal.
      return new LogNormalDistribution(rng, mu(), sigma());
    }

    @Override
    public double meanMillis() {
      double s = sigma();
      return StrictMath.exp(mu() + s * s / 2);
    }

    @Override
    public String toString() {
      return "lognormal(median " + medianMillis + " ms, p99 " + p99Millis + " ms)";
    }
  }

  /** See {@link DurationDistribution#weibull(double, double)}. */
  record Weibull(double shape, double scaleMillis) implements DurationDistribution {
    /** Validates shape and scale. */
    public Weibull {
      requirePositiveFinite("weibull shape", shape);
      requirePositiveFinite("weibull scaleMillis", scaleMillis);
    }

    @Override
    public RealDistribution realDistribution(RandomGenerator rng) {
      return new WeibullDistribution(rng, shape, scaleMillis);
    }

    @Override
    public double meanMillis() {
      return scaleMillis * org.apache.commons.math3.special.Gamma.gamma(1 + 1 / shape);
    }

    @Override
    public String toString() {
      return "weibull(shape " + shape + ", scale " + scaleMillis + " ms)";
    }
  }

  /** See {@link DurationDistribution#gamma(double, double)}. */
  record Gamma(double shape, double scaleMillis) implements DurationDistribution {
    /** Validates shape and scale. */
    public Gamma {
      requirePositiveFinite("gamma shape", shape);
      requirePositiveFinite("gamma scaleMillis", scaleMillis);
    }

    @Override
    public RealDistribution realDistribution(RandomGenerator rng) {
      return new GammaDistribution(rng, shape, scaleMillis);
    }

    @Override
    public double meanMillis() {
      return shape * scaleMillis;
    }

    @Override
    public String toString() {
      return "gamma(shape " + shape + ", scale " + scaleMillis + " ms)";
    }
  }

  /**
   * See {@link DurationDistribution#empirical(double...)}. Holds a private sorted copy of the
   * samples.
   */
  final class Empirical implements DurationDistribution {
    private final double[] sorted;

    private Empirical(double[] samplesMillis) {
      if (samplesMillis == null || samplesMillis.length == 0) {
        throw new IllegalArgumentException("empirical samplesMillis must not be empty");
      }
      for (int i = 0; i < samplesMillis.length; i++) {
        double v = samplesMillis[i];
        if (!(v >= 0) || Double.isInfinite(v)) {
          throw new IllegalArgumentException(
              "empirical samplesMillis[" + i + "] must be finite and not negative, was " + v);
        }
      }
      this.sorted = samplesMillis.clone();
      Arrays.sort(sorted);
    }

    /** Number of samples. */
    public int sampleCount() {
      return sorted.length;
    }

    /** The samples, sorted ascending (a copy). */
    public double[] samplesMillis() {
      return sorted.clone();
    }

    @Override
    public RealDistribution realDistribution(RandomGenerator rng) {
      return new EnumeratedRealDistribution(rng, sorted);
    }

    @Override
    public double meanMillis() {
      double sum = 0;
      for (double v : sorted) {
        sum += v;
      }
      return sum / sorted.length;
    }

    @Override
    public long minMillis() {
      return Math.round(sorted[0]);
    }

    @Override
    public long maxMillis() {
      return Math.round(sorted[sorted.length - 1]);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Empirical e && Arrays.equals(sorted, e.sorted);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(sorted);
    }

    @Override
    public String toString() {
      return "empirical("
          + sorted.length
          + " samples, "
          + sorted[0]
          + " .. "
          + sorted[sorted.length - 1]
          + " ms)";
    }
  }

  private static void requirePositiveFinite(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be positive and finite, was " + value);
    }
  }
}
