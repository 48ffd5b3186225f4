package io.platformsim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SimulationTest {

  private final Simulation sim = new Simulation();
  private final List<String> trace = new ArrayList<>();

  private EventAction record(String name) {
    return () -> trace.add(name + "@" + sim.now());
  }

  @Test
  void runsEventsInTimeOrderAndAdvancesTheClock() {
    sim.schedule(300, record("c"));
    sim.schedule(100, record("a"));
    sim.scheduleAt(200, record("b"));
    assertEquals(3, sim.run());
    assertEquals(List.of("a@100", "b@200", "c@300"), trace);
    assertEquals(300, sim.now());
    assertEquals(3, sim.eventsFired());
  }

  @Test
  void equalTimesRunInSchedulingOrderIncludingEventsScheduledForNow() {
    sim.schedule(
        10,
        () -> {
          trace.add("first@" + sim.now());
          sim.schedule(0, record("scheduled-by-first")); // same time: after those already queued
        });
    sim.schedule(10, record("second"));
    sim.scheduleAt(10, record("third"));
    sim.run();
    assertEquals(List.of("first@10", "second@10", "third@10", "scheduled-by-first@10"), trace);
  }

  @Test
  void schedulingInThePastIsAnErrorNamingTheTimes() {
    sim.schedule(50, () -> {});
    sim.run();
    var e1 = assertThrows(IllegalArgumentException.class, () -> sim.schedule(-1, () -> {}));
    assertTrue(
        e1.getMessage().contains("delayMillis") && e1.getMessage().contains("-1"), e1.getMessage());
    var e2 = assertThrows(IllegalArgumentException.class, () -> sim.scheduleAt(49, () -> {}));
    assertTrue(e2.getMessage().contains("49") && e2.getMessage().contains("50"), e2.getMessage());
    var e3 =
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(Long.MAX_VALUE, () -> {}));
    assertTrue(e3.getMessage().contains("overflow"), e3.getMessage());
    assertThrows(IllegalArgumentException.class, () -> sim.schedule(1, null));
    var e4 = assertThrows(IllegalArgumentException.class, () -> sim.runUntil(10));
    assertTrue(e4.getMessage().contains("10") && e4.getMessage().contains("50"), e4.getMessage());
  }

  @Test
  void cancellingPendingFiredAndCancelledEvents() {
    long fired = sim.schedule(1, record("fired"));
    long cancelled = sim.schedule(2, record("cancelled"));
    long kept = sim.schedule(3, record("kept"));
    assertTrue(sim.cancel(cancelled));
    assertFalse(sim.cancel(cancelled), "second cancel of the same event");
    assertTrue(sim.step());
    assertFalse(sim.cancel(fired), "cancel of an event that already fired");
    assertFalse(sim.cancel(EventQueue.NO_EVENT));
    assertTrue(sim.isPending(kept));
    sim.run();
    assertEquals(List.of("fired@1", "kept@3"), trace);
  }

  @Test
  void cancellingTheHeadMakesTheNextEventTheHead() {
    long head = sim.schedule(5, record("head"));
    sim.schedule(7, record("next"));
    assertEquals(OptionalLong.of(5), sim.peek());
    assertTrue(sim.cancel(head));
    assertEquals(OptionalLong.of(7), sim.peek());
    sim.run();
    assertEquals(List.of("next@7"), trace);
  }

  @Test
  void anEventCanCancelAnotherPendingEventButNotItself() {
    long[] victim = new long[1];
    long[] self = new long[1];
    self[0] =
        sim.schedule(
            1,
            () -> {
              trace.add("canceller@" + sim.now());
              assertTrue(sim.cancel(victim[0]));
              assertFalse(sim.cancel(self[0]), "the event being fired is no longer pending");
            });
    victim[0] = sim.schedule(2, record("victim"));
    sim.schedule(1, record("same-time"));
    sim.run();
    assertEquals(List.of("canceller@1", "same-time@1"), trace);
  }

  @Test
  void runUntilRunsEventsAtExactlyTheLimitAndMovesTheClockToIt() {
    sim.schedule(100, record("before"));
    sim.schedule(200, record("at"));
    sim.schedule(201, record("after"));
    assertEquals(2, sim.runUntil(200));
    assertEquals(List.of("before@100", "at@200"), trace);
    assertEquals(200, sim.now());
    assertEquals(0, sim.runUntil(200));
    assertEquals(0, sim.runUntil(150_000 - 149_800)); // same instant again, nothing new
    sim.runUntil(500);
    assertEquals(500, sim.now(), "the clock moves to the limit even past the last event");
    assertEquals(List.of("before@100", "at@200", "after@201"), trace);
    assertEquals(OptionalLong.empty(), sim.peek());
  }

  @Test
  void stopEndsTheRunAfterTheCurrentEventAndALaterRunResumes() {
    sim.schedule(1, record("a"));
    sim.schedule(
        2,
        () -> {
          trace.add("stopper@" + sim.now());
          sim.stop();
        });
    sim.schedule(2, record("same-time-after-stop"));
    sim.schedule(3, record("c"));
    assertEquals(2, sim.run());
    assertEquals(List.of("a@1", "stopper@2"), trace);
    assertEquals(2, sim.now());
    assertEquals(2, sim.pending());
    sim.run();
    assertEquals(List.of("a@1", "stopper@2", "same-time-after-stop@2", "c@3"), trace);
  }

  @Test
  void stopInRunUntilLeavesTheClockAtTheStoppingEvent() {
    sim.schedule(10, sim::stop);
    sim.schedule(20, record("later"));
    sim.runUntil(1_000);
    assertEquals(10, sim.now());
    sim.runUntil(1_000);
    assertEquals(1_000, sim.now());
    assertEquals(List.of("later@20"), trace);
  }

  @Test
  void stepFiresOneEventAtATime() {
    assertFalse(sim.step());
    sim.schedule(4, record("x"));
    sim.schedule(4, record("y"));
    assertTrue(sim.step());
    assertEquals(List.of("x@4"), trace);
    assertTrue(sim.step());
    assertFalse(sim.step());
  }

  @Test
  void runningFromInsideAnEventIsRefused() {
    sim.schedule(1, sim::run);
    var e = assertThrows(IllegalStateException.class, sim::run);
    assertTrue(e.getMessage().contains("inside an event"));
    // the simulation is still usable afterwards
    sim.schedule(1, record("after"));
    sim.run();
    assertEquals(List.of("after@2"), trace);
  }

  @Test
  void anExceptionFromAnEventPropagatesAndTheRunCanContinue() {
    sim.schedule(
        1,
        () -> {
          throw new IllegalStateException("boom");
        });
    sim.schedule(2, record("next"));
    assertThrows(IllegalStateException.class, sim::run);
    assertEquals(1, sim.now());
    sim.run();
    assertEquals(List.of("next@2"), trace);
  }

  @Test
  void startingAtAnOffset() {
    Simulation s = Simulation.startingAt(1_000_000);
    List<Long> times = new ArrayList<>();
    s.schedule(5, () -> times.add(s.now()));
    s.run();
    assertEquals(List.of(1_000_005L), times);
  }

  @Test
  void aDrainedRunGivesBackItsArraysAndOldHandlesStayStale() {
    Simulation sim = new Simulation();
    List<Long> fired = new ArrayList<>();
    long first = sim.schedule(1, () -> fired.add(sim.now()));
    for (int i = 2; i <= 10_000; i++) {
      sim.schedule(i, () -> fired.add(sim.now()));
    }
    sim.run();
    assertEquals(10_000, fired.size());
    // A new event reuses slot 0, the slot of the first handle; the old handle must not reach it.
    long next = sim.schedule(5, () -> fired.add(sim.now()));
    assertEquals(EventQueue.slotOf(first), EventQueue.slotOf(next));
    assertFalse(sim.cancel(first));
    assertTrue(sim.isPending(next));
    sim.run();
    assertEquals(10_005L, fired.get(fired.size() - 1));
  }
}
