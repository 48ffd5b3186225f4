package io.platformsim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine's guard against a hung model: limits counted in events, so a model that loops for ever
 * at one instant, or a run that never ends, is stopped at the same event with the same message on
 * any machine and at any load. Expected counts follow from the limits by hand.
 */
class EventLimitsTest {

  /** An event that reschedules itself with zero delay: the clock never moves again. */
  private static final class ZeroDelayLoop implements EventAction {
    private final Simulation sim;

    ZeroDelayLoop(Simulation sim) {
      this.sim = sim;
    }

    @Override
    public void fire() {
      sim.schedule(0, this);
    }
  }

  /** An event that reschedules itself every second: the model never runs dry. */
  private static final class EverySecond implements EventAction {
    private final Simulation sim;

    EverySecond(Simulation sim) {
      this.sim = sim;
    }

    @Override
    public void fire() {
      sim.schedule(1_000, this);
    }
  }

  @Test
  void aModelLoopingAtOneInstantIsStoppedWithAMessageNamingTheInstant() {
    Simulation sim = new Simulation(EventLimits.DEFAULT.withPerInstant(1_000));
    sim.schedule(1_000, () -> {});
    sim.schedule(5_000, new ZeroDelayLoop(sim));
    EventLimitException e = assertThrows(EventLimitException.class, sim::run);
    // One event at 1 s, then exactly the limit of 1,000 at 5 s; the 1,001st is refused unfired.
    assertEquals(1 + 1_000, sim.eventsFired());
    assertEquals(EventLimitException.Kind.PER_INSTANT, e.kind());
    assertEquals(1_000, e.limit());
    assertEquals(5_000, e.timeMillis());
    assertEquals(5_000, sim.now());
    assertEquals(1, sim.pending());
    assertEquals(1_000, sim.eventsAtBusiestInstant());
    assertEquals(
        "simulation stuck at 5000 ms: 1000 events fired at this instant without the clock moving"
            + " (EventLimits.perInstant 1000), 1 pending, the next from "
            + ZeroDelayLoop.class.getName()
            + ": a model that reschedules itself with zero delay?",
        e.getMessage());
  }

  @Test
  void everyNewSimulationStopsAZeroDelayLoopAtTheDefaultLimit() {
    Simulation sim = new Simulation();
    sim.schedule(60_000, new ZeroDelayLoop(sim));
    EventLimitException e = assertThrows(EventLimitException.class, sim::run);
    assertEquals(EventLimits.DEFAULT_PER_INSTANT, sim.eventsFired());
    assertEquals(60_000, e.timeMillis());
  }

  @Test
  void theStopIsTheSameEventEveryTime() {
    long[] fired = new long[2];
    String[] messages = new String[2];
    for (int i = 0; i < 2; i++) {
      Simulation sim = new Simulation(EventLimits.NONE.withPerInstant(10_000));
      sim.schedule(0, new ZeroDelayLoop(sim));
      messages[i] = assertThrows(EventLimitException.class, sim::run).getMessage();
      fired[i] = sim.eventsFired();
    }
    assertEquals(10_000, fired[0]);
    assertEquals(fired[0], fired[1]);
    assertEquals(messages[0], messages[1]);
  }

  @Test
  void aHungReplicationFailsTheWholeRunWithTheSameMessageWhateverTheThreads() {
    // Replication r loops from (r + 1) s on: replication 0 is reported first, as Replications
    // waits for the replications in index order.
    ReplicationModel model =
        streams -> {
          Simulation sim = new Simulation(EventLimits.DEFAULT.withPerInstant(1_000));
          sim.schedule((streams.replication() + 1) * 1_000L, new ZeroDelayLoop(sim));
          sim.run();
          return Map.of("never", 0.0);
        };
    String oneThread =
        assertThrows(IllegalStateException.class, () -> Replications.run(3, 4, 1, model))
            .getMessage();
    String twoThreads =
        assertThrows(IllegalStateException.class, () -> Replications.run(3, 4, 2, model))
            .getMessage();
    assertEquals(
        "replication 0 failed: "
            + EventLimitException.class.getName()
            + ": simulation stuck at 1000 ms: 1000 events fired at this instant without the clock"
            + " moving (EventLimits.perInstant 1000), 1 pending, the next from "
            + ZeroDelayLoop.class.getName()
            + ": a model that reschedules itself with zero delay?",
        oneThread);
    assertEquals(oneThread, twoThreads);
  }

  @Test
  void aLambdaIsNamedByTheClassThatWroteItWithoutTheJvmsSuffix() {
    Simulation sim = new Simulation(EventLimits.DEFAULT.withPerInstant(2));
    for (int i = 0; i < 3; i++) {
      sim.schedule(7, () -> {});
    }
    EventLimitException e = assertThrows(EventLimitException.class, sim::run);
    assertEquals(
        "simulation stuck at 7 ms: 2 events fired at this instant without the clock moving"
            + " (EventLimits.perInstant 2), 1 pending, the next from "
            + EventLimitsTest.class.getName()
            + " (a lambda): a model that reschedules itself with zero delay?",
        e.getMessage());
  }

  @Test
  void eventsUpToTheLimitAtEachInstantRunAndTheCountRestartsWhenTheClockMoves() {
    Simulation sim = new Simulation(EventLimits.DEFAULT.withPerInstant(3));
    List<Long> times = new ArrayList<>();
    for (long t : new long[] {0, 0, 0, 1, 1, 1, 2}) {
      sim.scheduleAt(t, () -> times.add(sim.now()));
    }
    assertEquals(7, sim.run());
    assertEquals(List.of(0L, 0L, 0L, 1L, 1L, 1L, 2L), times);
    assertEquals(3, sim.eventsAtBusiestInstant());
  }

  @Test
  void theCountAtOneInstantCarriesOverFromOneCallToTheNext() {
    Simulation sim = new Simulation(EventLimits.DEFAULT.withPerInstant(2));
    for (int i = 0; i < 3; i++) {
      sim.scheduleAt(4, () -> {});
    }
    sim.step(); // the first event at 4 ms
    // runUntil fires the second and is refused at the third: the step's event counted too.
    EventLimitException e = assertThrows(EventLimitException.class, () -> sim.runUntil(4));
    assertEquals(4, e.timeMillis());
    assertEquals(2, sim.eventsFired());
    assertThrows(EventLimitException.class, sim::step);
  }

  @Test
  void aRunThatNeverEndsIsStoppedAtThePerRunLimitAndCanGoOnWithRunUntil() {
    Simulation sim = new Simulation(EventLimits.NONE.withPerRun(50));
    sim.schedule(0, new EverySecond(sim));
    EventLimitException e = assertThrows(EventLimitException.class, sim::run);
    // Events at 0, 1 s, ..., 49 s fire; the 51st, at 50 s, stays pending.
    assertEquals(EventLimitException.Kind.PER_RUN, e.kind());
    assertEquals(50, sim.eventsFired());
    assertEquals(49_000, sim.now());
    assertEquals(50_000, e.timeMillis());
    assertEquals(1, sim.pending());
    assertEquals(
        "simulation run fired 50 events (EventLimits.perRun 50) and reached 49000 ms with 1"
            + " pending, the next at 50000 ms from "
            + EverySecond.class.getName()
            + ": a model that never runs dry (a periodic controller) needs runUntil(horizon),"
            + " or a larger perRun",
        e.getMessage());
    // The limit is per call: 50 s to 99 s are 50 more events, within a fresh budget.
    assertEquals(50, sim.runUntil(99_000));
    assertEquals(99_000, sim.now());
    // 100 s to 150 s would be 51: refused at the 51st, the clock left at the 50th (149 s).
    assertThrows(EventLimitException.class, () -> sim.runUntil(150_000));
    assertEquals(149_000, sim.now());
  }

  @Test
  void theDefaultGuardsOnlyTheInstantAndNoneGuardsNothing() {
    assertSame(EventLimits.DEFAULT, new Simulation().limits());
    assertSame(EventLimits.DEFAULT, Simulation.startingAt(5).limits());
    assertEquals(
        new EventLimits(EventLimits.DEFAULT_PER_INSTANT, Long.MAX_VALUE), EventLimits.DEFAULT);
    assertEquals("EventLimits[perInstant=none, perRun=none]", EventLimits.NONE.toString());
    assertEquals(
        "EventLimits[perInstant=10000000, perRun=20]",
        EventLimits.DEFAULT.withPerRun(20).toString());
  }

  @Test
  void limitsBelowOneAreRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EventLimits.NONE.withPerInstant(0));
    assertEquals("perInstant must be at least 1, was 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> EventLimits.NONE.withPerRun(-1));
    assertEquals("perRun must be at least 1, was -1", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Simulation(null));
  }
}
