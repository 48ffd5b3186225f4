package io.platformsim.core.engine;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * A discrete-event simulation: a clock in whole milliseconds and the events pending on it.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>Time is a {@code long} count of simulated milliseconds, starting at 0 (or at the start
 *       given to {@link #startingAt(long)}); integer time makes ties exact.
 *   <li>Events run in time order; events at the same time run in the order they were scheduled
 *       (first in, first out), whether scheduled before the run or by an event during it.
 *   <li>The clock never goes backwards: scheduling an event before {@link #now()} (a negative
 *       delay, or an absolute time in the past) is an {@link IllegalArgumentException} naming the
 *       time and the clock.
 *   <li>{@link #schedule} and {@link #scheduleAt} return a {@code long} handle (see {@link
 *       EventQueue}); {@link #cancel(long)} removes the event if it is still pending and is a
 *       harmless {@code false} for an event that already fired or was already cancelled.
 *   <li>{@link #runUntil(long)} runs the events at times {@code <= t} — an event at exactly {@code
 *       t} <em>does</em> run — and then sets the clock to {@code t}, so {@code runUntil(a);
 *       runUntil(b)} runs the same events as {@code runUntil(b)}.
 *   <li>{@link #stop()} called by an event makes the active {@code run}/{@code runUntil} return
 *       once that event finishes; pending events stay pending and a later call resumes.
 *   <li>An exception thrown by an event propagates out of {@code run}/{@code runUntil}/{@code
 *       step}; that event is consumed, the clock reads its time, and the simulation can go on.
 * </ul>
 *
 * <p>One simulation belongs to one thread; it holds no static state, so any number run at once in
 * one JVM (one per replication, see {@link Replications}). Scheduling allocates nothing per event
 * beyond the caller's action object, once the internal arrays have grown.
 *
 * <pre>{@code
 * var sim = new Simulation();
 * sim.schedule(5_000, () -> System.out.println("at " + sim.now()));
 * long h = sim.schedule(9_000, () -> System.out.println("never"));
 * sim.cancel(h);
 * sim.run();            // prints "at 5000"
 * }</pre>
 */
public final class Simulation {

  private final EventQueue queue;
  private EventAction[] actions;
  private long now;
  private long eventsFired;
  private boolean stopRequested;
  private boolean running;

  /** A simulation whose clock starts at 0 ms with no events pending. */
  public Simulation() {
    this(0L);
  }

  private Simulation(long start) {
    this.queue = new EventQueue();
    this.actions = new EventAction[queue.slotCapacity()];
    this.now = start;
  }

  /** A simulation whose clock starts at {@code startMillis} (any value, e.g. an epoch time). */
  public static Simulation startingAt(long startMillis) {
    return new Simulation(startMillis);
  }

  /** The current simulated time in milliseconds. */
  public long now() {
    return now;
  }

  /** Number of events fired so far. */
  public long eventsFired() {
    return eventsFired;
  }

  /** Number of events pending. */
  public int pending() {
    return queue.size();
  }

  /**
   * Schedules {@code action} to fire {@code delayMillis} after now and returns its handle.
   *
   * @throws IllegalArgumentException if the delay is negative or now + delay overflows
   */
  public long schedule(long delayMillis, EventAction action) {
    if (delayMillis < 0) {
      throw new IllegalArgumentException(
          "delayMillis must not be negative, was " + delayMillis + " (now " + now + " ms)");
    }
    long time = now + delayMillis;
    if (time < now) {
      throw new IllegalArgumentException(
          "delayMillis " + delayMillis + " overflows the clock (now " + now + " ms)");
    }
    return enqueue(time, action);
  }

  /**
   * Schedules {@code action} to fire at the absolute time {@code timeMillis} and returns its
   * handle. A time equal to now is allowed: the event runs after the events already scheduled for
   * now.
   *
   * @throws IllegalArgumentException if {@code timeMillis} is before now
   */
  public long scheduleAt(long timeMillis, EventAction action) {
    if (timeMillis < now) {
      throw new IllegalArgumentException(
          "timeMillis " + timeMillis + " is in the past: the clock is at " + now + " ms");
    }
    return enqueue(timeMillis, action);
  }

  private long enqueue(long time, EventAction action) {
    if (action == null) {
      throw new IllegalArgumentException("action must not be null");
    }
    long handle = queue.add(time);
    int slot = EventQueue.slotOf(handle);
    if (slot >= actions.length) {
      actions = Arrays.copyOf(actions, queue.slotCapacity());
    }
    actions[slot] = action;
    return handle;
  }

  /**
   * Cancels a pending event. Returns {@code true} if it was pending, {@code false} if it already
   * fired, was already cancelled or the handle is {@link EventQueue#NO_EVENT}.
   */
  public boolean cancel(long handle) {
    if (!queue.cancel(handle)) {
      return false;
    }
    actions[EventQueue.slotOf(handle)] = null; // let the action be collected
    return true;
  }

  /** Whether the event with this handle is still pending. */
  public boolean isPending(long handle) {
    return queue.isPending(handle);
  }

  /** The time of the next pending event, or empty if none is pending. */
  public OptionalLong peek() {
    return queue.isEmpty() ? OptionalLong.empty() : OptionalLong.of(queue.peekTime());
  }

  /**
   * Fires the next pending event, ignoring {@link #stop()}.
   *
   * @return {@code false} if no event was pending
   * @throws IllegalStateException if called from inside an event
   */
  public boolean step() {
    enter();
    try {
      if (queue.isEmpty()) {
        return false;
      }
      fireNext();
      return true;
    } finally {
      running = false;
    }
  }

  /**
   * Fires events until none is pending or an event calls {@link #stop()}. Returning with nothing
   * pending, it shrinks its event arrays back to their initial size ({@link
   * EventQueue#trimIfEmpty()}); handles of fired or cancelled events stay stale.
   *
   * @return the number of events fired by this call
   * @throws IllegalStateException if called from inside an event
   */
  public long run() {
    enter();
    long before = eventsFired;
    try {
      while (!stopRequested && !queue.isEmpty()) {
        fireNext();
      }
      // Nothing pending: give back the arrays sized for the busiest moment of the run.
      if (queue.trimIfEmpty()) {
        actions = new EventAction[queue.slotCapacity()];
      }
    } finally {
      running = false;
    }
    return eventsFired - before;
  }

  /**
   * Fires every event at a time {@code <= untilMillis} (inclusive), then sets the clock to {@code
   * untilMillis}. If an event calls {@link #stop()}, returns at once and leaves the clock at that
   * event's time.
   *
   * @return the number of events fired by this call
   * @throws IllegalArgumentException if {@code untilMillis} is before now
   * @throws IllegalStateException if called from inside an event
   */
  public long runUntil(long untilMillis) {
    if (untilMillis < now) {
      throw new IllegalArgumentException(
          "untilMillis " + untilMillis + " is in the past: the clock is at " + now + " ms");
    }
    enter();
    long before = eventsFired;
    try {
      while (!stopRequested && !queue.isEmpty() && queue.peekTime() <= untilMillis) {
        fireNext();
      }
      if (!stopRequested) {
        now = untilMillis;
      }
    } finally {
      running = false;
    }
    return eventsFired - before;
  }

  /**
   * Asks the active {@link #run()} or {@link #runUntil(long)} to return after the current event.
   * Outside a run it has no effect: each run starts afresh.
   */
  public void stop() {
    stopRequested = true;
  }

  private void enter() {
    if (running) {
      throw new IllegalStateException(
          "run, runUntil and step must not be called from inside an event (now " + now + " ms)");
    }
    running = true;
    stopRequested = false;
  }

  private void fireNext() {
    long time = queue.peekTime();
    int slot = EventQueue.slotOf(queue.poll());
    EventAction action = actions[slot];
    actions[slot] = null;
    now = time;
    eventsFired++;
    action.fire();
  }

  @Override
  public String toString() {
    return "Simulation[now="
        + now
        + " ms, pending="
        + queue.size()
        + ", fired="
        + eventsFired
        + "]";
  }
}
