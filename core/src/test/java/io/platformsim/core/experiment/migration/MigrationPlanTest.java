package io.platformsim.core.experiment.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.platformsim.core.engine.DurationDistribution;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The plan's defaults (issue 18) and its validation messages, each naming field and value. */
class MigrationPlanTest {

  @Test
  void defaultsAreTheIssuesBuiltInPlan() {
    MigrationPlan p = MigrationPlan.defaults();
    // Issue 18 point 4: 4 waves, smallest first, two weeks apart, one week of dual running.
    assertEquals(new Waves.Ordered("smallest-first", 4), p.waves());
    assertEquals(Duration.ofDays(14), p.waveSpacing());
    // Issue 18 point 1: 1% -> 10% -> 50% -> 100% over days; the last step one week in.
    assertEquals(
        List.of(0.01, 0.10, 0.50, 1.0),
        p.trafficSteps().stream().map(TrafficStep::kuspShare).toList());
    assertEquals(Duration.ofDays(7), p.trafficSteps().get(3).after());
    assertEquals(DurationDistribution.uniform(2 * 86_400_000L, 5 * 86_400_000L), p.readiness());
    assertEquals(0.0, p.rollbackProbability());
    assertEquals(Duration.ofDays(365), p.horizon());
  }

  @Test
  void printsOnOneLine() {
    assertEquals(
        "MigrationPlan[start 2027-01-01, 4 waves smallest-first every 14 d, readiness uniform("
            + "172800000 .. 432000000 ms), traffic [0 h 0.01, 24 h 0.1, 72 h 0.5, 168 h 1.0], bake"
            + " 168 h, rollback p 0.0 retry 14 d forced [], horizon 365 d]",
        MigrationPlan.defaults().toString());
  }

  private static TrafficStep step(long days, double share) {
    return new TrafficStep(Duration.ofDays(days), share);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            (UnaryOperator<MigrationPlan.Builder>) b -> b.waveSpacing(Duration.ZERO),
            "waveSpacing must be above 0, was PT0S"),
        Arguments.of(
            (UnaryOperator<MigrationPlan.Builder>) b -> b.horizon(Duration.ofDays(-1)),
            "horizon must be above 0, was PT-24H"),
        Arguments.of(
            (UnaryOperator<MigrationPlan.Builder>) b -> b.bake(Duration.ofDays(-1)),
            "bake must not be negative, was PT-24H"),
        Arguments.of(
            (UnaryOperator<MigrationPlan.Builder>) b -> b.rollbackProbability(1.5),
            "rollbackProbability must be in [0, 1], was 1.5"),
        Arguments.of(
            (UnaryOperator<MigrationPlan.Builder>) b -> b.rollbackRetry(Duration.ZERO),
            "rollbackRetry must be above 0, was PT0S"),
        Arguments.of(
            (UnaryOperator<MigrationPlan.Builder>)
                b -> b.trafficSteps(List.of(step(0, 0.5), step(1, 0.2), step(2, 1))),
            "trafficSteps[1].share must not fall below 0.5, was 0.2"),
        Arguments.of(
            (UnaryOperator<MigrationPlan.Builder>)
                b -> b.trafficSteps(List.of(step(1, 0.5), step(1, 1))),
            "trafficSteps[1].after must be after PT24H, was PT24H"),
        Arguments.of(
            (UnaryOperator<MigrationPlan.Builder>) b -> b.trafficSteps(List.of(step(0, 0.5))),
            "the last traffic step's share must be 1 (all traffic on KuSP), was 0.5"),
        Arguments.of(
            (UnaryOperator<MigrationPlan.Builder>) b -> b.trafficSteps(List.of()),
            "trafficSteps must not be empty"),
        Arguments.of(
            (UnaryOperator<MigrationPlan.Builder>) b -> b.forcedRollbacks(Set.of(5)),
            "forcedRollbacks names wave 5, but waves are 1..4"),
        Arguments.of(
            (UnaryOperator<MigrationPlan.Builder>) b -> b.forcedRollbacks(Set.of(0)),
            "forcedRollbacks names wave 0, but waves are 1..4"),
        Arguments.of(
            (UnaryOperator<MigrationPlan.Builder>) b -> b.ordering("random", 2),
            "unknown ordering policy 'random'; known: smallest-first, largest-first, "
                + "least-risky-first, dependency-order"),
        Arguments.of(
            (UnaryOperator<MigrationPlan.Builder>) b -> b.ordering("largest-first", 0),
            "ordering waves must be at least 1, was 0"),
        Arguments.of(
            (UnaryOperator<MigrationPlan.Builder>)
                b -> b.waves(List.of(List.of("a", "b"), List.of("c", "a"))),
            "service 'a' is in wave 1 and wave 2"),
        Arguments.of(
            (UnaryOperator<MigrationPlan.Builder>) b -> b.waves(List.of(List.of("a"), List.of())),
            "wave 2 is empty"),
        Arguments.of(
            (UnaryOperator<MigrationPlan.Builder>) b -> b.risk(Map.of("a", Double.NaN)),
            "risk of 'a' must be a finite number, was NaN"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("invalid")
  void refusesWithAMessageNamingFieldAndValue(
      UnaryOperator<MigrationPlan.Builder> change, String message) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> change.apply(MigrationPlan.builder()).build());
    assertEquals(message, e.getMessage());
  }

  static Stream<Arguments> fleetMismatch() {
    return Stream.of(
        Arguments.of(
            MigrationPlan.builder().waves(List.of(List.of("a", "x"), List.of("b", "c"))).build(),
            "waves name services not in the fleet: [x]"),
        Arguments.of(
            MigrationPlan.builder().waves(List.of(List.of("a"), List.of("c"))).build(),
            "waves leave out services: [b]"),
        Arguments.of(
            MigrationPlan.builder().risk(Map.of("zz", 1.0)).build(),
            "risk names services not in the fleet: [zz]"),
        Arguments.of(
            MigrationPlan.builder().calls(Map.of("a", List.of("q"))).build(),
            "calls names services not in the fleet: [q]"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("fleetMismatch")
  void refusesAPlanThatDoesNotFitTheFleet(MigrationPlan plan, String message) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> plan.waves(Fleet.of("a:1", "b:1", "c:1")));
    assertEquals(message, e.getMessage());
  }
}
