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
