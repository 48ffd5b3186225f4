package io.platformsim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.math3.random.RandomGenerator;

/** Invariants of the engine under random models that schedule and cancel as they run. */
class SimulationProperties {

  /**
   * A random model: each event records itself, then schedules up to three new events at random
   * delays (0 included, for ties) and sometimes cancels a random earlier handle. Returns the trace
   * of (time, event id) pairs.
   */
  private static List<long[]> runRandomModel(long seed, int budget) {
    Simulation sim = new Simulation();
    RandomGenerator rng = RandomStreams.of(seed, 0).stream("model");
    List<long[]> trace = new ArrayList<>();
    List<Long> handles = new ArrayList<>();
    long[] nextId = {0};
    class Spawner {
      void spawn() {
        if (nextId[0] >= budget) {
          return;
        }
        long id = nextId[0]++;
        long delay = rng.nextInt(4) == 0 ? 0 : rng.nextInt(1_000);
        handles.add(
            sim.schedule(
                delay,
                () -> {
                  trace.add(new long[] {sim.now(), id});
                  int children = rng.nextInt(4);
                  for (int i = 0; i < children; i++) {
                    spawn();
                  }
                  if (rng.nextInt(5) == 0 && !handles.isEmpty()) {
                    sim.cancel(handles.get(rng.nextInt(handles.size())));
                  }
                }));
      }
    }
    Spawner spawner = new Spawner();
    for (int i = 0; i < 5; i++) {
      spawner.spawn();
    }
    sim.run();
    return trace;
  }

  @Property(tries = 60)
  void timeNeverGoesBackwards(@ForAll long seed) {
    List<long[]> trace = runRandomModel(seed, 2_000);
    for (int i = 1; i < trace.size(); i++) {
      assertTrue(trace.get(i)[0] >= trace.get(i - 1)[0], "time went backwards at event " + i);
    }
  }

  @Property(tries = 30)
  void sameSeedGivesTheSameEventTrace(@ForAll long seed) {
    List<long[]> a = runRandomModel(seed, 1_000);
    List<long[]> b = runRandomModel(seed, 1_000);
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i)[0], b.get(i)[0]);
      assertEquals(a.get(i)[1], b.get(i)[1]);
    }
  }

  @Property(tries = 100)
  void runUntilInStepsFiresWhatOneRunUntilFires(
      @ForAll @IntRange(min = 0, max = 2_000) int split, @ForAll long seed) {
    // Two simulations with the same fixed events; one stops halfway, the other does not.
    RandomGenerator rng = RandomStreams.of(seed, 0).stream("times");
    Simulation once = new Simulation();
    Simulation twice = new Simulation();
    List<Long> a = new ArrayList<>();
    List<Long> b = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      long t = rng.nextInt(3_000);
      once.scheduleAt(t, () -> a.add(once.now()));
      twice.scheduleAt(t, () -> b.add(twice.now()));
    }
    once.runUntil(2_500);
    twice.runUntil(split);
    assertTrue(b.stream().allMatch(t -> t <= split));
    twice.runUntil(2_500);
    assertEquals(a, b);
    assertEquals(once.pending(), twice.pending());
  }
}
