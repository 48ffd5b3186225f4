package io.platformsim.core.experiment.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.experiment.DefaultScenario;
import io.platformsim.core.experiment.ScenarioFileException;
import io.platformsim.core.workload.Service;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The plan file reader: the shipped example, every key, and errors naming file, line and field. */
class MigrationPlanFileTest {

  private static final long DAY = Duration.ofDays(1).toMillis();

  @Test
  void theExamplePlanIsTheBuiltInPlanWithRollbacksAndFitsTheBuiltInFleet() {
    MigrationPlan plan = MigrationPlanFile.load(Path.of("../examples/migration/plan.yaml"));
    MigrationPlan expected =
        MigrationPlan.builder().start(LocalDate.of(2027, 1, 4)).rollbackProbability(0.1).build();
    assertEquals(expected, plan);
    List<Service> fleet = DefaultScenario.build().workload().services();
    // 60 services in 4 waves of 15.
    assertEquals(List.of(15, 15, 15, 15), plan.waves(fleet).stream().map(List::size).toList());
  }

  @Test
  void anEmptyFileIsTheBuiltInPlan() {
    assertEquals(MigrationPlan.defaults(), MigrationPlanFile.parse("# nothing\n", "p.yaml"));
  }

  @Test
  void readsEveryKey() {
    String yaml =
        """
        start: 2028-02-29
        waves: [[a, b], [c]]
        spacing: 3d
        readiness: {median: 1d, p99: 4d}
        traffic:
          - {after: 12h, share: 0.5}
          - {after: 2d, share: 1}
        bake: 0s
        rollback: {probability: 0.25, retry: 1d, forced: [2]}
        risk: {a: 1, b: 0.5}
        calls: {a: [b, c], c: []}
        horizon: 90d
        """;
    MigrationPlan expected =
        MigrationPlan.builder()
            .start(LocalDate.of(2028, 2, 29))
            .waves(List.of(List.of("a", "b"), List.of("c")))
            .waveSpacing(Duration.ofDays(3))
            .readiness(DurationDistribution.logNormal(DAY, 4 * DAY))
            .trafficSteps(
                List.of(
                    new TrafficStep(Duration.ofHours(12), 0.5),
                    new TrafficStep(Duration.ofDays(2), 1.0)))
            .bake(Duration.ZERO)
            .rollbackProbability(0.25)
            .rollbackRetry(Duration.ofDays(1))
            .forcedRollbacks(Set.of(2))
            .risk(Map.of("a", 1.0, "b", 0.5))
            .calls(Map.of("a", List.of("b", "c"), "c", List.of()))
            .horizon(Duration.ofDays(90))
            .build();
    assertEquals(expected, MigrationPlanFile.parse(yaml, "p.yaml"));
  }

  @Test
  void readsAnOrderingAndAFixedReadiness() {
    MigrationPlan p =
        MigrationPlanFile.parse(
            "ordering: {policy: largest-first, waves: 2}\nreadiness: 36h\n", "p.yaml");
    assertEquals(new Waves.Ordered("largest-first", 2), p.waves());
    assertEquals(DurationDistribution.fixed(36 * 3_600_000L), p.readiness());
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(
            "horizon: 10d\nspacin: 3d\n",
            "p.yaml:2: spacin: unknown field 'spacin'; did you mean 'spacing'?"),
        Arguments.of("spacing: 0s\n", "p.yaml:1: spacing: must be above 0, was '0s'"),
        Arguments.of(
            "spacing: 14\n",
            "p.yaml:1: spacing: expected a duration with a unit, e.g. 90s, 10m, 1h30m, 250ms"
                + " (units ms s m h d), was '14'"),
        Arguments.of(
            "start: 2027-13-01\n", "p.yaml:1: start: expected a date YYYY-MM-DD, was '2027-13-01'"),
        Arguments.of(
            "traffic:\n  - {after: 0s, share: 0.5}\n  - {after: 1d, share: 0.2}\n  - {after: 2d, share: 1}\n",
            "p.yaml:3: traffic[1].share: must not fall below the previous step's 0.5, was '0.2'"),
        Arguments.of(
            "traffic:\n  - {after: 1d, share: 0.5}\n  - {after: 1d, share: 1}\n",
            "p.yaml:3: traffic[1].after: must be later than the previous step's, was '1d'"),
        Arguments.of(
            "traffic:\n  - {after: 0s, share: 0.5}\n",
            "p.yaml:2: traffic[0].share: the last step must move all traffic (1), was '0.5'"),
        Arguments.of(
            "traffic:\n  - {after: 0s, share: 1.5}\n",
            "p.yaml:2: traffic[0].share: must be in [0, 1], was '1.5'"),
        Arguments.of(
            "rollback:\n  probability: 2\n",
            "p.yaml:2: rollback.probability: must be in [0, 1], was '2'"),
        Arguments.of(
            "rollback: {forced: [5]}\n",
            "p.yaml:1: rollback.forced: wave 5 is not in 1..4, was '5'"),
        Arguments.of(
            "waves: [[a, b], [c]]\nrollback: {forced: [3]}\n",
            "p.yaml:2: rollback.forced: wave 3 is not in 1..2, was '3'"),
        Arguments.of(
            "waves:\n  - [a, b]\n  - [c, a]\n",
            "p.yaml:3: waves[1]: service 'a' is already in wave 1"),
        Arguments.of("waves:\n  - [a]\n  - []\n", "p.yaml:3: waves[1]: wave is empty"),
        Arguments.of(
            "waves: [[a]]\nordering: {policy: smallest-first}\n",
            "p.yaml:2: ordering: give either waves (lists of services) or ordering, not both"),
        Arguments.of(
            "ordering: {policy: random}\n",
            "p.yaml:1: ordering.policy: unknown policy 'random'; known: smallest-first, "
                + "largest-first, least-risky-first, dependency-order"),
        Arguments.of(
            "ordering:\n  policy: dependency-order\n",
            "p.yaml:2: ordering.policy: dependency-order needs a call graph (calls), the plan has"
                + " none"),
        Arguments.of(
            "ordering: {policy: smallest-first, waves: 0}\n",
            "p.yaml:1: ordering.waves: must be in [1, 10000], was 0"),
        Arguments.of(
            "readiness: {min: 5d, max: 2d}\n",
            "p.yaml:1: readiness.max: must be above min 5d (write a plain duration for a fixed"
                + " one), was '2d'"),
        Arguments.of("risk: {a: high}\n", "p.yaml:1: risk.a: expected a number, was 'high'"),
        Arguments.of(
            "calls: {a: b}\n", "p.yaml:1: calls.a: expected a list ('- ' items), was 'b'"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("errors")
  void errorsNameFileLineFieldAndValue(String yaml, String message) {
    ScenarioFileException e =
        assertThrows(ScenarioFileException.class, () -> MigrationPlanFile.parse(yaml, "p.yaml"));
    assertEquals(message, e.getMessage());
  }

  @Test
  void aMissingFileIsNamed() {
    ScenarioFileException e =
        assertThrows(
            ScenarioFileException.class,
            () -> MigrationPlanFile.load(Path.of("no-such-plan.yaml")));
    assertEquals("no-such-plan.yaml: no such file", e.getMessage());
  }
}
