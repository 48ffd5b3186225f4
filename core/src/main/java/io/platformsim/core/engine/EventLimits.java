package io.platformsim.core.engine;

/**
 * How many events a {@link Simulation} may fire before it is judged hung: a guard counted in
 * events, so it trips at the same event on an idle laptop and on a CI runner at load 15, unlike a
 * wall-clock timeout.
 *
 * <ul>
 *   <li>{@code perInstant}: events fired one after another at the same simulated time. A model that
 *       reschedules itself with zero delay (two controllers waking each other at one instant) never
 *       moves the clock; past this count the simulation throws an {@link EventLimitException}
 *       naming the instant and the last event's source.
 *   <li>{@code perRun}: events fired by one call of {@link Simulation#run()} or {@link
 *       Simulation#runUntil(long)}. A model with periodic controllers never runs dry, so {@code
 *       run()} on it would go on for ever in simulated time; tests bound each run with it.
 * </ul>
 *
 * <p>{@link #DEFAULT} guards every {@code new Simulation()}: {@value #DEFAULT_PER_INSTANT} events
 * at one instant and no bound per run. Why that figure: a model's busiest legitimate instant is a
 * deployment or release of every service at once. Measured with {@link
 * Simulation#eventsAtBusiestInstant()} on the scale benchmark's synthetic fleet (KuSP, deploy then
 * release all): 2,638 events for 2,000 pods, 25,026 for 20,000, about 1.3 per pod, so even
 * 1,000,000 pods in one simulation (the scale run splits them into clusters of at most 5,000 nodes)
 * stay 7 times below it; LeSP's busiest instants are smaller (5,964 for 20,000 instances). A
 * zero-delay loop of trivial events reaches it in about half a second (100,000,000 took 4.8 s on a
 * 2-core CI machine). {@link #NONE} switches both limits off.
 *
 * @param perInstant most events fired at one simulated instant, at least 1
 * @param perRun most events fired by one {@code run}/{@code runUntil} call, at least 1
 */
public record EventLimits(long perInstant, long perRun) {

  /** {@link #DEFAULT}'s limit of events at one simulated instant. */
  public static final long DEFAULT_PER_INSTANT = 10_000_000L;

  /** No limit: {@link Long#MAX_VALUE} for both. */
  public static final EventLimits NONE = new EventLimits(Long.MAX_VALUE, Long.MAX_VALUE);

  /** {@value #DEFAULT_PER_INSTANT} events at one instant, no limit per run. */
  public static final EventLimits DEFAULT = new EventLimits(DEFAULT_PER_INSTANT, Long.MAX_VALUE);

  /**
   * Checks the limits.
   *
   * @throws IllegalArgumentException if either limit is below 1
   */
  public EventLimits {
    if (perInstant < 1) {
      throw new IllegalArgumentException("perInstant must be at least 1, was " + perInstant);
    }
    if (perRun < 1) {
      throw new IllegalArgumentException("perRun must be at least 1, was " + perRun);
    }
  }

  /** These limits with at most {@code events} at one simulated instant. */
  public EventLimits withPerInstant(long events) {
    return new EventLimits(events, perRun);
  }

  /** These limits with at most {@code events} per {@code run}/{@code runUntil} call. */
  public EventLimits withPerRun(long events) {
    return new EventLimits(perInstant, events);
  }

  @Override
  public String toString() {
    return "EventLimits[perInstant="
        + (perInstant == Long.MAX_VALUE ? "none" : perInstant)
        + ", perRun="
        + (perRun == Long.MAX_VALUE ? "none" : perRun)
        + "]";
  }
}
