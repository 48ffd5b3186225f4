package io.platformsim.core.engine;

/**
 * What happens when a scheduled event fires. It runs on the thread that drives the {@link
 * Simulation}, with {@link Simulation#now()} equal to the event's time; it may schedule and cancel
 * events (including ones at the current time, which run after it) and may call {@link
 * Simulation#stop()}, but must not call {@code run}, {@code runUntil} or {@code step} itself.
 *
 * <p>Processes are small state machines whose transitions are event actions: no thread per process.
 */
@FunctionalInterface
public interface EventAction {

  /** Performs the event; the simulation clock reads the event's time. */
  void fire();
}
