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
 *   <li>{@link EventLimits} guard against a hung model, counted in events rather than wall-clock
 *       time: firing more than {@link EventLimits#perInstant()} events at one simulated instant, or
 *       more than {@link EventLimits#perRun()} in one {@code run}/{@code runUntil}, throws an
 *       {@link EventLimitException} before the event that would pass the limit, which stays
 *       pending. {@code new Simulation()} has {@link EventLimits#DEFAULT} (a per-instant limit
 *       only).
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
  private final EventLimits limits;
  private EventAction[] actions;
  private long now;
  private long eventsFired;
  // The simulated time of the last event fired, how many fired there in a row, and the most that
  // ever did (updated when the clock moves on): the per-instant guard and its statistic.
  private long instant = Long.MIN_VALUE;
  private long firedAtInstant;
  private long busiestInstant;
  private boolean stopRequested;
  private boolean running;

  /**
   * A simulation whose clock starts at 0 ms with no events pending, guarded by {@link
   * EventLimits#DEFAULT}.
   */
  public Simulation() {
    this(0L, EventLimits.DEFAULT);
  }

  /** A simulation whose clock starts at 0 ms with no events pending, guarded by {@code limits}. */
  public Simulation(EventLimits limits) {
    this(0L, limits);
  }

  private Simulation(long start, EventLimits limits) {
    if (limits == null) {
      throw new IllegalArgumentException("limits must not be null");
    }
    this.queue = new EventQueue();
    this.limits = limits;
    this.actions = new EventAction[queue.slotCapacity()];
    this.now = start;
  }

  /**
   * A simulation whose clock starts at {@code startMillis} (any value, e.g. an epoch time), guarded
   * by {@link EventLimits#DEFAULT}.
   */
  public static Simulation startingAt(long startMillis) {
    return new Simulation(startMillis, EventLimits.DEFAULT);
  }

  /** A simulation whose clock starts at {@code startMillis}, guarded by {@code limits}. */
  public static Simulation startingAt(long startMillis, EventLimits limits) {
    return new Simulation(startMillis, limits);
  }

  /** The limits that guard this simulation against a hung model. */
  public EventLimits limits() {
    return limits;
  }

  /**
   * The most events fired one after another at one simulated instant so far: how close the model
   * has come to {@link EventLimits#perInstant()}.
   */
  public long eventsAtBusiestInstant() {
    return Math.max(busiestInstant, firedAtInstant);
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
   * @throws EventLimitException if the event would pass {@link EventLimits#perInstant()}
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
   * @throws EventLimitException if the next event would pass one of the {@link #limits()}
   * @throws IllegalStateException if called from inside an event
   */
  public long run() {
    enter();
    long before = eventsFired;
    try {
      while (!stopRequested && !queue.isEmpty()) {
        checkRun(before);
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
   * @throws EventLimitException if the next event would pass one of the {@link #limits()}; the
   *     clock then stays at the last event fired
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
        checkRun(before);
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

  private void checkRun(long before) {
    long fired = eventsFired - before;
    if (fired >= limits.perRun()) {
      long next = queue.peekTime();
      throw new EventLimitException(
          EventLimitException.Kind.PER_RUN,
          limits.perRun(),
          next,
          "simulation run fired "
              + fired
              + " events (EventLimits.perRun "
              + limits.perRun()
              + ") and reached "
              + now
              + " ms with "
              + queue.size()
              + " pending, the next at "
              + next
              + " ms from "
              + nextSource()
              + ": a model that never runs dry (a periodic controller) needs runUntil(horizon),"
              + " or a larger perRun");
    }
  }

  private void fireNext() {
    long time = queue.peekTime();
    if (time == instant) {
      if (firedAtInstant >= limits.perInstant()) {
        throw new EventLimitException(
            EventLimitException.Kind.PER_INSTANT,
            limits.perInstant(),
            time,
            "simulation stuck at "
                + time
                + " ms: "
                + firedAtInstant
                + " events fired at this instant without the clock moving (EventLimits.perInstant "
                + limits.perInstant()
                + "), "
                + queue.size()
                + " pending, the next from "
                + nextSource()
                + ": a model that reschedules itself with zero delay?");
      }
      firedAtInstant++;
    } else {
      busiestInstant = Math.max(busiestInstant, firedAtInstant);
      instant = time;
      firedAtInstant = 1;
    }
    int slot = EventQueue.slotOf(queue.poll());
    EventAction action = actions[slot];
    actions[slot] = null;
    now = time;
    eventsFired++;
    action.fire();
  }

  // Where the next event was scheduled: its action's class, a lambda named by the class that wrote
  // it (the JVM's generated suffix differs from run to run, so it is left out).
  private String nextSource() {
    EventAction next = actions[EventQueue.slotOf(queue.peekHandle())];
    String name = next.getClass().getName();
    int lambda = name.indexOf("$$Lambda");
    return lambda >= 0 ? name.substring(0, lambda) + " (a lambda)" : name;
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
