package io.platformsim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Replications#observeUntil} against hand calculations. The model reports 9 in even and 11
 * in odd replications, so after n replications:
 *
 * <ul>
 *   <li>n even: mean 10, s² = n/(n − 1), half-width t(n−1)·s/√n = t(n−1)/√(n − 1);
 *   <li>n = 2k + 1: mean 10 − 1/n, s² = 2(k + 1)/n (two-point sample: k + 1 nines, k elevens).
 * </ul>
 *
 * With t quantiles from a Student-t table (0.975): t4 2.776445, t5 2.570582, t6 2.446912, t7
 * 2.364624, t16 2.119905, t17 2.109816, t18 2.100922, t29 2.045230, relative half-widths are: n=5
 * 0.1388, 6 0.1150, 7 0.1003, 8 0.0894; n=17 0.0532, 18 0.0512, 19 0.0497; n=30 0.0380.
 */
class SequentialStoppingTest {

  private static final ObservationModel ALTERNATING =
      streams -> Map.of("x", Observation.observed(streams.replication() % 2 == 0 ? 9 : 11));

  private static Predicate<ReplicationResult> within(double target) {
    return r -> r.estimate("x").relativeHalfWidth() <= target;
  }

  @ParameterizedTest(name = "target {0}, batch {1}, threads {2}: stops at {3}")
  @CsvSource({
    // 10%: n = 7 misses by a hair (0.1003), n = 8 meets it (0.0894).
    "0.10, 1, 1, 8",
    "0.10, 3, 2, 8",
    "0.10, 4, 4, 8",
    "0.10, 16, 3, 8",
    // 5%: n = 18 misses (0.0512), n = 19 meets it (0.0497).
    "0.05, 1, 1, 19",
    "0.05, 4, 2, 19",
    "0.05, 7, 4, 19",
  })
  void stopsAtTheFirstCountThatMeetsTheTargetWhateverTheBatchAndThreads(
      double target, int batch, int threads, int expected) {
    ReplicationResult r =
        Replications.observeUntil(1, 5, 100, batch, threads, ALTERNATING, within(target));
    assertEquals(expected, r.count());
    // Replication i is the same whatever the batch: the same as a fixed run of that count.
    assertEquals(
        Replications.observe(1, expected, 1, ALTERNATING).observations(), r.observations());
  }

  @ParameterizedTest(name = "batch {0}")
  @CsvSource({"1", "6", "64"})
  void stopsAtTheCapWhenTheTargetIsOutOfReach(int batch) {
    // 1%: at n = 30 the relative half-width is still 0.038.
    ReplicationResult r = Replications.observeUntil(1, 5, 30, batch, 2, ALTERNATING, within(0.01));
    assertEquals(30, r.count());
    assertEquals(2.045230 / Math.sqrt(29) / 10, r.estimate("x").relativeHalfWidth(), 1e-6);
  }

  @ParameterizedTest(name = "minimum {0}")
  @CsvSource({"2", "5"})
  void neverStopsBeforeTheMinimum(int minimum) {
    // A constant model meets any target from n = 2 (half-width 0).
    ReplicationResult r =
        Replications.observeUntil(
            1, minimum, 10, 1, 1, s -> Map.of("x", Observation.observed(1)), within(0.01));
    assertEquals(minimum, r.count());
  }

  @org.junit.jupiter.api.Test
  void rejectsAnImpossibleRange() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Replications.observeUntil(1, 5, 4, 1, 1, ALTERNATING, within(0.1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> Replications.observeUntil(1, 5, 10, 0, 1, ALTERNATING, within(0.1)));
  }
}
