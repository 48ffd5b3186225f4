package io.platformsim.core.engine;

/**
 * The time-weighted average of a quantity that holds its value between updates (piecewise
 * constant): busy machines, pods pending, utilization. Each {@link #update(long, double)} closes
 * the interval during which the previous value held; the average over [start, t] is ∫value dt / (t
 * − start).
 *
 * <p>Times are simulation milliseconds and must not go backwards. Several updates at the same time
 * are fine: only the last one's value is held afterwards (the others held for zero time). Not
 * thread-safe.
 */
public final class TimeWeightedAverage {

  private final String name;
  private final long start;
  private long lastTime;
  private double value;
  private double integral;
  private double min;
  private double max;

  /**
   * A quantity that holds {@code initialValue} from {@code startMillis} on.
   *
   * @throws IllegalArgumentException if {@code initialValue} is NaN or infinite
   */
  public TimeWeightedAverage(String name, long startMillis, double initialValue) {
    this.name = name == null ? "time-weighted" : name;
    requireFinite(initialValue);
    this.start = startMillis;
    this.lastTime = startMillis;
    this.value = initialValue;
    this.min = initialValue;
    this.max = initialValue;
  }

  /** The value changes to {@code newValue} at {@code timeMillis}. */
  public void update(long timeMillis, double newValue) {
    requireFinite(newValue);
    advance(timeMillis);
    value = newValue;
    min = Math.min(min, newValue);
    max = Math.max(max, newValue);
  }

  /**
   * The value changes by {@code delta} at {@code timeMillis} (e.g. +1 when a machine gets busy).
   */
  public void add(long timeMillis, double delta) {
    update(timeMillis, value + delta);
  }

  /** The value held now. */
  public double current() {
    return value;
  }

  /** The smallest value held so far (including the initial one). */
  public double min() {
    return min;
  }

  /** The largest value held so far (including the initial one). */
  public double max() {
    return max;
  }

  /** The name given at construction. */
  public String name() {
    return name;
  }

  /**
   * ∫value dt over [start, {@code untilMillis}] in value·milliseconds, the current value held
   * through {@code untilMillis}. Does not change the state.
   *
   * @throws IllegalArgumentException if {@code untilMillis} is before the last update
   */
  public double integral(long untilMillis) {
    checkNotBefore(untilMillis);
    return integral + value * (double) (untilMillis - lastTime);
  }

  /**
   * The time-weighted average over [start, {@code untilMillis}]. Over an empty interval (until ==
   * start) it is the value held, the limit of the average as the interval shrinks.
   *
   * @throws IllegalArgumentException if {@code untilMillis} is before the last update
   */
  public double average(long untilMillis) {
    double total = integral(untilMillis);
    long span = untilMillis - start;
    return span == 0 ? value : total / span;
  }

  @Override
  public String toString() {
    return name
        + ": current="
        + Estimate.format(value)
        + " average(to "
        + lastTime
        + " ms)="
        + Estimate.format(average(lastTime))
        + " min="
        + Estimate.format(min)
        + " max="
        + Estimate.format(max);
  }

  private void advance(long timeMillis) {
    checkNotBefore(timeMillis);
    integral += value * (double) (timeMillis - lastTime);
    lastTime = timeMillis;
  }

  private void checkNotBefore(long timeMillis) {
    if (timeMillis < lastTime) {
      throw new IllegalArgumentException(
          name
              + ": timeMillis "
              + timeMillis
              + " is before the last update at "
              + lastTime
              + " ms");
    }
  }

  private void requireFinite(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + ": value must be finite, was " + v);
    }
  }
}
