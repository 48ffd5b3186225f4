package io.platformsim.core.experiment.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.workload.Service;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The ordering policies on tiny fleets whose orders are worked out by hand in each row. */
class WaveOrderingTest {

  // a:3 b:1 c:3 d:5 instances.
  private static final List<Service> FLEET = Fleet.of("a:3", "b:1", "c:3", "d:5");

  static Stream<Arguments> orders() {
    MigrationPlan plain = MigrationPlan.defaults();
    MigrationPlan scored =
        MigrationPlan.builder().risk(Map.of("a", 0.5, "b", 0.9, "c", 0.5, "d", 0.1)).build();
    MigrationPlan tied =
        MigrationPlan.builder().risk(Map.of("a", 1.0, "b", 1.0, "c", 1.0, "d", 1.0)).build();
    MigrationPlan graph =
        MigrationPlan.builder()
            .calls(Map.of("a", List.of("b"), "c", List.of("a", "d"), "d", List.of("b")))
            .build();
    MigrationPlan chain =
        MigrationPlan.builder()
            .calls(Map.of("a", List.of("b"), "b", List.of("c"), "c", List.of("d")))
            .build();
    return Stream.of(
        // fewest instances first: b(1), then a(3) and c(3) by name, then d(5)
        Arguments.of("smallest-first", plain, List.of("b", "a", "c", "d")),
        // most first: d(5), a(3) and c(3) by name, b(1)
        Arguments.of("largest-first", plain, List.of("d", "a", "c", "b")),
        // d 0.1; a and c tie at 0.5 with 3 instances each -> name; b 0.9 last
        Arguments.of("least-risky-first", scored, List.of("d", "a", "c", "b")),
        // all scores equal -> instances: b(1), a(3), c(3), d(5)
        Arguments.of("least-risky-first", tied, List.of("b", "a", "c", "d")),
        // no scores -> the score is the instance count
        Arguments.of("least-risky-first", plain, List.of("b", "a", "c", "d")),
        // b calls nobody: first; then a (waits on b) and d (waits on b) ready: a by name, then
        // d; c waits on a and d: last
        Arguments.of("dependency-order", graph, List.of("b", "a", "d", "c")),
        // a -> b -> c -> d: the leaf d first, back up the chain
        Arguments.of("dependency-order", chain, List.of("d", "c", "b", "a")));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("orders")
  void ordersByHand(String policy, MigrationPlan plan, List<String> expected) {
    assertEquals(expected, WaveOrderings.named(policy).order(FLEET, plan));
  }

  @Test
  void aCallCycleIsAnErrorNamingIt() {
    MigrationPlan plan =
        MigrationPlan.builder()
            .calls(Map.of("a", List.of("b"), "b", List.of("c"), "c", List.of("a"), "d", List.of()))
            .build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> WaveOrderings.named("dependency-order").order(FLEET, plan));
    assertTrue(e.getMessage().contains("a -> b -> c -> a"), e.getMessage());
  }

  @Test
  void aSelfCallIsACycle() {
    MigrationPlan plan = MigrationPlan.builder().calls(Map.of("b", List.of("b"))).build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> WaveOrderings.named("dependency-order").order(FLEET, plan));
    assertTrue(e.getMessage().contains("b -> b"), e.getMessage());
  }

  @Test
  void dependencyOrderWithoutACallGraphIsAnErrorNamingThePolicy() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MigrationPlan.builder().ordering("dependency-order", 2).build());
    assertTrue(e.getMessage().contains("dependency-order"), e.getMessage());
    IllegalArgumentException direct =
        assertThrows(
            IllegalArgumentException.class,
            () -> WaveOrderings.named("dependency-order").order(FLEET, MigrationPlan.defaults()));
    assertTrue(direct.getMessage().startsWith("dependency-order"), direct.getMessage());
  }

  @Test
  void leastRiskyNamesTheServicesWithoutAScore() {
    MigrationPlan plan = MigrationPlan.builder().risk(Map.of("a", 1.0, "c", 2.0)).build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> WaveOrderings.named("least-risky-first").order(FLEET, plan));
    assertTrue(e.getMessage().contains("[b, d]"), e.getMessage());
  }

  @Test
  void anUnknownPolicyNamesTheKnownOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> WaveOrderings.named("random"));
    assertEquals(
        "unknown ordering policy 'random'; known: smallest-first, largest-first, "
            + "least-risky-first, dependency-order",
        e.getMessage());
  }

  static Stream<Arguments> cuts() {
    return Stream.of(
        // 4 services, 2 waves: 2 + 2 in smallest-first order b a c d
        Arguments.of(2, List.of(List.of("b", "a"), List.of("c", "d"))),
        // 4 into 3: 4 mod 3 = 1 -> the first wave one larger
        Arguments.of(3, List.of(List.of("b", "a"), List.of("c"), List.of("d"))),
        // more waves than services: one service per wave
        Arguments.of(9, List.of(List.of("b"), List.of("a"), List.of("c"), List.of("d"))),
        Arguments.of(1, List.of(List.of("b", "a", "c", "d"))));
  }

  @ParameterizedTest(name = "{0} waves")
  @MethodSource("cuts")
  void anOrderIsCutIntoNearEqualWaves(int count, List<List<String>> expected) {
    MigrationPlan plan = MigrationPlan.builder().ordering("smallest-first", count).build();
    assertEquals(expected, plan.waves(FLEET));
  }
}
