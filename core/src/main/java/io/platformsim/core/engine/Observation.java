package io.platformsim.core.engine;

/**
 * What one replication saw of one figure: a value ({@link Kind#OBSERVED}), only a lower bound
 * because the thing measured had not happened by the horizon ({@link Kind#CENSORED}, e.g. a failure
 * never recovered from: the time to the horizon; a rollout still running: its time so far), or
 * nothing at all ({@link Kind#ABSENT}, e.g. no instance was deployed, so there is no deploy time
 * and no bound on one). A censored figure is never recorded as 0 or as if observed.
 *
 * @param kind observed, censored or absent
 * @param value the value (observed), the lower bound (censored), NaN (absent)
 */
public record Observation(Kind kind, double value) {

  /** The three ways a replication can report a figure. */
  public enum Kind {
    /** The figure's value was measured. */
    OBSERVED,
    /** The measured event had not happened by the horizon; {@code value} is a lower bound. */
    CENSORED,
    /** Nothing to measure in this replication. */
    ABSENT
  }

  private static final Observation ABSENT = new Observation(Kind.ABSENT, Double.NaN);

  /**
   * Checks the value is finite unless absent (then NaN).
   *
   * @throws IllegalArgumentException otherwise
   */
  public Observation {
    if (kind == null) {
      throw new IllegalArgumentException("kind must not be null");
    }
    if (kind == Kind.ABSENT ? !Double.isNaN(value) : !Double.isFinite(value)) {
      throw new IllegalArgumentException(
          kind == Kind.ABSENT
              ? "an absent observation has no value, was " + value
              : "a"
                  + (kind == Kind.OBSERVED ? "n observed value" : " censored lower bound")
                  + " must be finite, was "
                  + value);
    }
  }

  /** A measured value. */
  public static Observation observed(double value) {
    return new Observation(Kind.OBSERVED, value);
  }

  /** Not seen by the horizon; the true value is at least {@code lowerBound}. */
  public static Observation censored(double lowerBound) {
    return new Observation(Kind.CENSORED, lowerBound);
  }

  /** Nothing to measure. */
  public static Observation absent() {
    return ABSENT;
  }

  /** Whether this holds a value or a bound (not absent). */
  public boolean present() {
    return kind != Kind.ABSENT;
  }

  /** Whether this is only a lower bound. */
  public boolean isCensored() {
    return kind == Kind.CENSORED;
  }

  /** Whether this is a measured value. */
  public boolean isObserved() {
    return kind == Kind.OBSERVED;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case OBSERVED -> Estimate.format(value);
      case CENSORED -> "≥ " + Estimate.format(value) + " (censored)";
      case ABSENT -> "absent";
    };
  }
}
