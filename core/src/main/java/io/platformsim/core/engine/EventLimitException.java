package io.platformsim.core.engine;

/**
 * A {@link Simulation} went past one of its {@link EventLimits}: the model is stuck at one instant
 * or a run never ends. Thrown before the offending event fires, so that event stays pending (at
 * {@link #timeMillis()}) and the clock stays at the last event fired. The message names the limit,
 * the simulated time and where the next event was scheduled from; it is the same on every machine
 * and at any load.
 */
public final class EventLimitException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /** Which limit was passed. */
  public enum Kind {
    /** {@link EventLimits#perInstant()}: the clock did not move. */
    PER_INSTANT,
    /** {@link EventLimits#perRun()}: one run fired too many events. */
    PER_RUN
  }

  private final Kind kind;
  private final long limit;
  private final long timeMillis;

  EventLimitException(Kind kind, long limit, long timeMillis, String message) {
    super(message);
    this.kind = kind;
    this.limit = limit;
    this.timeMillis = timeMillis;
  }

  /** Which limit was passed. */
  public Kind kind() {
    return kind;
  }

  /** The limit that was passed, in events. */
  public long limit() {
    return limit;
  }

  /** The simulated time of the event that would have passed the limit (still pending). */
  public long timeMillis() {
    return timeMillis;
  }
}
