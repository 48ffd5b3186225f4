package io.platformsim.core.engine;

import org.apache.commons.math3.distribution.RealDistribution;

/**
 * Draws whole-millisecond durations from a {@link DurationDistribution} bound to one random stream:
 * each draw of the continuous distribution is rounded to the nearest millisecond (halves up) and
 * clamped to the distribution's {@link DurationDistribution#minMillis() min} .. {@link
 * DurationDistribution#maxMillis() max}. Allocation-free per draw. Not thread-safe (neither are the
 * random streams).
 */
public final class DurationSampler {

  private final DurationDistribution distribution;
  private final RealDistribution real;
  private final long min;
  private final long max;

  DurationSampler(DurationDistribution distribution, RealDistribution real) {
    this.distribution = distribution;
    this.real = real;
    this.min = distribution.minMillis();
    this.max = distribution.maxMillis();
  }

  /** The next duration in whole milliseconds. */
  public long next() {
    long v = Math.round(real.sample());
    return v < min ? min : (v > max ? max : v);
  }

  /** The distribution drawn from. */
  public DurationDistribution distribution() {
    return distribution;
  }

  @Override
  public String toString() {
    return "DurationSampler[" + distribution + "]";
  }
}
