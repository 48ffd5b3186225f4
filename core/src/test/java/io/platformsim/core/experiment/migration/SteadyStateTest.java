package io.platformsim.core.experiment.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.experiment.Scenario;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Steady states of {@link MigrationScenarios#small}: api (8 instances), batch (4) and web (20,
 * autoscaled at 60% CPU on both platforms, nominal usage 600m of 1000m, so exactly at its target).
 */
class SteadyStateTest {

  private static final List<String> NAMES = List.of("api", "batch", "web");
  private static final MigrationState LESP = MigrationState.allOnLesp(NAMES);
  private static final MigrationState KUSP = MigrationState.allOnKusp(NAMES);

  private static Scenario scenario;
  private static SteadyState steady;

  @BeforeAll
  static void evaluate() {
    scenario = MigrationScenarios.small(1);
    steady = new SteadyState(scenario, 7, 0);
  }

  @Test
  void aSideWithNoServiceHasNoMachineAndCostsNothing() {
    SteadyFigures lesp = steady.of(LESP);
    assertEquals(0, lesp.kuspNodes());
    assertEquals(0, lesp.kuspCostPerHour());
    // one machine per LeSP instance: 8 + 4 + 20
    assertEquals(32, lesp.lespMachines(), 1e-9);
    assertTrue(lesp.lespCostPerHour() > 0, lesp.toString());
    SteadyFigures kusp = steady.of(KUSP);
    assertEquals(0, kusp.lespMachines());
    assertEquals(0, kusp.lespCostPerHour());
    assertTrue(kusp.kuspNodes() > 0, kusp.toString());
  }

  @Test
  void eachSidesAutoscalingFollowsItsShare() {
    // LeSP target tracking (AWS: capacity × metric ÷ target, rounded up): web at 75% of its load
    // uses 0.75 × 600m = 450m of 1000m, so ceil(20 × 0.45 ÷ 0.6) = 15 machines; + api 8 + batch 4
    SteadyFigures quarter = steady.of(LESP.with("web", ServiceState.dual(0.25)));
    assertEquals(8 + 4 + 15, quarter.lespMachines(), 1e-9);
    // at share 1 (the bake) LeSP web has no load: its pool at the policy's minimum, 2
    SteadyFigures all = steady.of(LESP.with("web", ServiceState.dual(1)));
    assertEquals(8 + 4 + 2, all.lespMachines(), 1e-9);
    // KuSP's HPA: 5 pods at a quarter of the load, 20 at all of it: fewer nodes, lower cost
    assertTrue(quarter.kuspCostPerHour() < all.kuspCostPerHour(), quarter + " vs " + all);
  }

  @Test
  void aDualServiceAtShareZeroStillRunsItsKuspPods() {
    // api has no HPA: its Deployment keeps 8 pods with no traffic, paid for on KuSP while LeSP
    // serves it all, exactly as before
    SteadyFigures standing = steady.of(LESP.with("api", ServiceState.dual(0)));
    SteadyFigures lesp = steady.of(LESP);
    assertEquals(lesp.lespMachines(), standing.lespMachines());
    assertEquals(lesp.lespCostPerHour(), standing.lespCostPerHour());
    assertTrue(standing.kuspNodes() > 0 && standing.kuspCostPerHour() > 0, standing.toString());
    assertTrue(standing.totalCostPerHour() > lesp.totalCostPerHour());
  }

  @Test
  void certificatesPerDayIncludeTheRenewalsHoldersNeed() {
    // LeSP: 32 machines, 90-day certificates renewed at 2/3 (60 days = 1440 h): 32 × 24 / 1440 a
    // day (LespIdentity.DEFAULT); nothing new is issued in the window
    assertEquals(32 * 24 / 1440.0, steady.of(LESP).certificatesPerDay(), 1e-9);
    // KuSP: 32 pods, 24 h certificates renewed at half (12 h): 32 × 2 a day (KuspIdentity.DEFAULT)
    assertEquals(64, steady.of(KUSP).certificatesPerDay(), 1e-9);
    // principals add up across the sides: a service in dual running holds both kinds of identity
    SteadyFigures dual = steady.of(LESP.with("api", ServiceState.dual(0.5)));
    assertTrue(dual.principals() > steady.of(LESP).principals(), dual.toString());
  }

  @Test
  void equalStatesAreEvaluatedOnceAndTheOrderDoesNotMatter() {
    SteadyState fresh = new SteadyState(scenario, 7, 0);
    MigrationState half = LESP.with("web", ServiceState.dual(0.5));
    SteadyFigures first = fresh.of(half);
    assertSame(
        first, fresh.of(MigrationState.allOnLesp(NAMES).with("web", ServiceState.dual(0.5))));
    assertEquals(1, fresh.evaluated());
    // another instance evaluating another state first gets the same figures for this one
    SteadyState other = new SteadyState(scenario, 7, 0);
    other.of(KUSP);
    assertEquals(first, other.of(half));
  }

  @Test
  void refusesAStateOfOtherServices() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> steady.of(MigrationState.allOnLesp(List.of("api", "web"))));
    assertTrue(e.getMessage().contains("batch"), e.getMessage());
  }
}
