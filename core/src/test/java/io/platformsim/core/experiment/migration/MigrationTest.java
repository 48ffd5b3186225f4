package io.platformsim.core.experiment.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.engine.Estimate;
import io.platformsim.core.experiment.Comparison;
import io.platformsim.core.experiment.ComparisonResult;
import io.platformsim.core.experiment.Figure;
import io.platformsim.core.experiment.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The checks of issue 18, point 5, on {@link MigrationScenarios#small} (no timeline events, so
 * compare's cost is the steady one) with one wave whose readiness takes a fixed 31 days: month 0
 * (30.4 days) is all on LeSP, and after 31 + 7 days of dual running + 7 of bake (the default
 * traffic steps and bake) every service is on KuSP, so months 2 and 3 are all on KuSP.
 */
class MigrationTest {

  private static final Scenario SCENARIO = MigrationScenarios.small(2);

  private static MigrationPlan.Builder oneWave() {
    return MigrationPlan.builder()
        .waves(List.of(List.of("api", "batch", "web")))
        .readiness(new DurationDistribution.Fixed(Duration.ofDays(31).toMillis()))
        .horizon(Duration.ofHours(4 * 730));
  }

  private static MigrationResult plain;

  @BeforeAll
  static void run() {
    plain = Migration.run(SCENARIO, oneWave().build(), 2, 2);
  }

  /** Whether the two estimates agree within their intervals plus {@code slack} of {@code b}. */
  private static void agree(Estimate a, Estimate b, double slack) {
    double tolerance =
        (Double.isNaN(a.halfWidth()) ? 0 : a.halfWidth())
            + (Double.isNaN(b.halfWidth()) ? 0 : b.halfWidth())
            + slack * Math.abs(b.mean());
    assertTrue(
        Math.abs(a.mean() - b.mean()) <= tolerance,
        a + " vs " + b + " (tolerance " + tolerance + ")");
  }

  @Test
  void beforeTheFirstWaveAndAfterTheLastDrainTheCostIsCompares() {
    ComparisonResult compare = Comparison.run(SCENARIO);
    // compare's mean includes its first minutes (machines booting, not yet all billed), a steady
    // state does not: 1% covers that start-up, the intervals cover the rest
    agree(
        plain.months().get(0).totalCostPerHour(),
        compare.lesp().estimate(Figure.COST_PER_HOUR).orElseThrow(),
        0.01);
    agree(
        plain.months().get(3).totalCostPerHour(),
        compare.kusp().estimate(Figure.COST_PER_HOUR).orElseThrow(),
        0.01);
    assertEquals(0, plain.months().get(0).kuspCostPerHour().mean());
    assertEquals(0, plain.months().get(3).lespCostPerHour().mean());
  }

  @Test
  void theServiceCountIsConservedInEveryMonth() {
    assertEquals(4, plain.months().size());
    for (MonthRow r : plain.months()) {
      assertEquals(
          3,
          r.servicesOnLesp().mean() + r.servicesDual().mean() + r.servicesOnKusp().mean(),
          1e-9,
          "month " + r.month());
    }
    assertEquals(3, plain.months().get(0).servicesOnLesp().mean(), 1e-9);
    assertEquals(3, plain.months().get(3).servicesOnKusp().mean(), 1e-9);
  }

  @Test
  void aForcedRollbackCostsMore() {
    MigrationResult rolledBack =
        Migration.run(SCENARIO, oneWave().forcedRollbacks(Set.of(1)).build(), 2, 2);
    // the rolled-back wave pays a second dual-running week and stays on the dearer LeSP while it
    // waits for the retry
    double plainEnd = plain.months().get(3).cumulativeCostUsd().mean();
    double rolledEnd = rolledBack.months().get(3).cumulativeCostUsd().mean();
    assertTrue(rolledEnd > plainEnd, rolledEnd + " <= " + plainEnd);
    assertTrue(
        rolledBack.totalMigrationCostUsd().mean() > plain.totalMigrationCostUsd().mean(),
        rolledBack.totalMigrationCostUsd() + " vs " + plain.totalMigrationCostUsd());
  }

  @Test
  void kuspCheaperPaysBackAfterTheDualRunning() {
    // KuSP costs less than LeSP here (the steady states above), so the savings lost during dual
    // running come back after the drain, within the horizon, and after the wave started (31 d)
    Estimate breakEven = plain.breakEvenMonth();
    assertNotNull(breakEven);
    assertEquals(0, plain.neverBrokeEven());
    assertTrue(breakEven.mean() > 31 * 24 / 730.0, breakEven.toString());
    assertTrue(
        plain.peakOverlapCostPerHour().mean() > plain.months().get(0).totalCostPerHour().mean());
  }

  @Test
  void theSameSeedGivesTheSameResultOnOneOrTwoThreads() {
    MigrationPlan plan = MigrationPlan.builder().horizon(Duration.ofHours(2 * 730)).build();
    assertEquals(Migration.run(SCENARIO, plan, 2, 1), Migration.run(SCENARIO, plan, 2, 2));
  }

  @Test
  void anOverlayPodRangeInsideTheLegacyNetworkIsReportedNotRefused() {
    // the small scenario keeps both defaults: LeSP 10.0.0.0/8, KuSP overlay 10.0.0.0/16 inside it
    String conflict = plain.addressConflict().orElseThrow();
    assertTrue(conflict.contains("10.0.0.0/16") && conflict.contains("10.0.0.0/8"), conflict);
    assertTrue(plain.toString().contains(conflict), plain.toString());
    // overlay pods share no range with the machines: nothing counted, nothing exhausted
    for (MonthRow r : plain.months()) {
      assertEquals(0, r.sharedAddressesUsed().mean());
      assertEquals(0, r.addressesExhausted().mean());
    }
  }
}
