package io.platformsim.core.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A service's load over time as a multiple of its nominal usage ({@link Service#usage()} per wanted
 * instance at factor 1), held constant between steps: a daily peak, a spike, a ramp in stairs. Both
 * platforms read the same curve, so their auto-scalers see the same demand.
 *
 * <pre>{@code
 * LoadCurve day = LoadCurve.constant(0.5).then(8 * 3_600_000L, 1.0).then(18 * 3_600_000L, 0.5);
 * day.factorAt(9 * 3_600_000L);   // 1.0
 * }</pre>
 *
 * @param steps the steps in time order; the first at time 0; times strictly increasing; factors
 *     finite and at least 0
 */
public record LoadCurve(List<Step> steps) {

  /**
   * From {@code atMillis} on (until the next step) the load is {@code factor}.
   *
   * @param atMillis simulation time, at least 0
   * @param factor load multiple, finite and at least 0
   */
  public record Step(long atMillis, double factor) {
    /** Validates the step. */
    public Step {
      if (atMillis < 0) {
        throw new IllegalArgumentException("load step atMillis must be >= 0, was " + atMillis);
      }
      if (!(factor >= 0) || Double.isInfinite(factor)) {
        throw new IllegalArgumentException("load factor must be finite and >= 0, was " + factor);
      }
    }
  }

  /** Validates the order of the steps and copies them. */
  public LoadCurve {
    if (steps == null || steps.isEmpty()) {
      throw new IllegalArgumentException("a load curve needs at least one step");
    }
    if (steps.get(0).atMillis() != 0) {
      throw new IllegalArgumentException(
          "the first load step must be at 0 ms, was " + steps.get(0).atMillis());
    }
    for (int i = 1; i < steps.size(); i++) {
      if (steps.get(i).atMillis() <= steps.get(i - 1).atMillis()) {
        throw new IllegalArgumentException(
            "load step times must increase: "
                + steps.get(i).atMillis()
                + " ms after "
                + steps.get(i - 1).atMillis()
                + " ms");
      }
    }
    steps = List.copyOf(steps);
  }

  /** The load {@code factor} at all times. */
  public static LoadCurve constant(double factor) {
    return new LoadCurve(List.of(new Step(0, factor)));
  }

  /** One day, the period of {@link #diurnal(double, double, long, long, long)}: 24 h. */
  public static final long DAY_MILLIS = 86_400_000L;

  /**
   * A daily sinusoid held in steps: {@link #diurnal(double, double, long, long, long, long)} with a
   * period of one day ({@link #DAY_MILLIS}).
   */
  public static LoadCurve diurnal(
      double low, double high, long peakAtMillis, long stepMillis, long untilMillis) {
    return diurnal(low, high, peakAtMillis, DAY_MILLIS, stepMillis, untilMillis);
  }

  /**
   * A periodic load, a sinusoid between {@code low} and {@code high} peaking at {@code
   * peakAtMillis} (and every period after and before it), discretised into steps: from each {@code
   * k × stepMillis} below {@code untilMillis} the factor is the sinusoid's value at that instant,
   * {@code (low + high)/2 + (high − low)/2 × cos(2π (t − peakAt) ÷ period)}, held until the next
   * step. Sampling at the step's start makes the factor exactly {@code high} on the step starting
   * at the peak and {@code low} on the step starting half a period later when both are multiples of
   * the step, and, for a period that is a multiple of the step, the mean over a whole period
   * exactly {@code (low + high)/2} (the cosines of equally spaced angles sum to 0). The last step
   * holds beyond {@code untilMillis}.
   *
   * <pre>{@code
   * // trough 0.5 at 02:00, peak 1.5 at 14:00, in 5-minute steps, for 2 days
   * LoadCurve day = LoadCurve.diurnal(0.5, 1.5, 14 * 3_600_000L, 300_000L, 2 * LoadCurve.DAY_MILLIS);
   * day.factorAt(14 * 3_600_000L);  // 1.5
   * day.factorAt(2 * 3_600_000L);   // 0.5
   * }</pre>
   *
   * @param low the trough factor, finite and at least 0
   * @param high the peak factor, finite and at least {@code low}
   * @param peakAtMillis a time of the peak, at least 0
   * @param periodMillis the period (a day for a diurnal curve), above 0
   * @param stepMillis length of a step, above 0 and at most the period
   * @param untilMillis time from which no more steps are made (the horizon), above 0
   * @throws IllegalArgumentException naming the first bad argument
   */
  public static LoadCurve diurnal(
      double low,
      double high,
      long peakAtMillis,
      long periodMillis,
      long stepMillis,
      long untilMillis) {
    if (!(low >= 0) || Double.isInfinite(low)) {
      throw new IllegalArgumentException("diurnal low must be finite and >= 0, was " + low);
    }
    if (!(high >= low) || Double.isInfinite(high)) {
      throw new IllegalArgumentException(
          "diurnal high must be finite and >= low " + low + ", was " + high);
    }
    if (peakAtMillis < 0) {
      throw new IllegalArgumentException("diurnal peakAt must be >= 0 ms, was " + peakAtMillis);
    }
    if (periodMillis <= 0) {
      throw new IllegalArgumentException("diurnal period must be > 0 ms, was " + periodMillis);
    }
    if (stepMillis <= 0 || stepMillis > periodMillis) {
      throw new IllegalArgumentException(
          "diurnal step must be in (0, period " + periodMillis + "] ms, was " + stepMillis);
    }
    if (untilMillis <= 0) {
      throw new IllegalArgumentException("diurnal until must be > 0 ms, was " + untilMillis);
    }
    double mid = (low + high) / 2;
    double amplitude = (high - low) / 2;
    List<Step> steps = new ArrayList<>();
    for (long t = 0; t < untilMillis; t += stepMillis) {
      // The phase is taken modulo the period first so long horizons keep full precision.
      double phase = Math.floorMod(t - peakAtMillis, periodMillis) / (double) periodMillis;
      double f = mid + amplitude * Math.cos(2 * Math.PI * phase);
      steps.add(new Step(t, Math.max(low, Math.min(high, f))));
    }
    return new LoadCurve(steps);
  }

  /** A copy that changes to {@code factor} at {@code atMillis}, after every existing step. */
  public LoadCurve then(long atMillis, double factor) {
    List<Step> more = new ArrayList<>(steps);
    more.add(new Step(atMillis, factor));
    return new LoadCurve(more);
  }

  /** The factor held at {@code timeMillis} (the last step at or before it). */
  public double factorAt(long timeMillis) {
    double f = steps.get(0).factor();
    for (Step s : steps) {
      if (s.atMillis() > timeMillis) {
        break;
      }
      f = s.factor();
    }
    return f;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("LoadCurve[");
    for (int i = 0; i < steps.size(); i++) {
      sb.append(i == 0 ? "" : ", ")
          .append(
              String.format(
                  Locale.ROOT,
                  "%.1fs: x%.2f",
                  steps.get(i).atMillis() / 1000.0,
                  steps.get(i).factor()));
    }
    return sb.append(']').toString();
  }
}
