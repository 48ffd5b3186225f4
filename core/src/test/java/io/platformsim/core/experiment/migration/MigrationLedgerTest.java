package io.platformsim.core.experiment.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.experiment.migration.MigrationLedger.Column;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ledger's arithmetic on hand-made segments and figures (no simulation): every expected value
 * is worked out in the comments from the definitions in {@link MigrationLedger}.
 */
class MigrationLedgerTest {

  private static final long HOUR = 3_600_000L;
  private static final long MONTH = 730 * HOUR;

  private static final MigrationState LESP = MigrationState.allOnLesp(List.of("a", "b"));
  private static final MigrationState DUAL =
      LESP.with("a", ServiceState.dual(0.5)).with("b", ServiceState.dual(0.5));
  private static final MigrationState KUSP = MigrationState.allOnKusp(List.of("a", "b"));

  /** A state's figures: only the costs matter here (LeSP, KuSP USD per hour). */
  private static SteadyFigures cost(double lesp, double kusp) {
    return new SteadyFigures(lesp, kusp, lesp, kusp, 0, 0, 0, 0, 0, 0, 0);
  }

  // all on LeSP 10 $/h; dual 10 + 5 = 15 $/h; all on KuSP 6 $/h
  private static final Map<MigrationState, SteadyFigures> FIGURES =
      Map.of(LESP, cost(10, 0), DUAL, cost(10, 5), KUSP, cost(0, 6));

  /** LeSP for month 0, dual for half of month 1 (365 h), KuSP to the end of month 3. */
  private static MigrationLedger ledger() {
    List<Segment> segments =
        List.of(
            new Segment(0, MONTH, LESP),
            new Segment(MONTH, MONTH + MONTH / 2, DUAL),
            new Segment(MONTH + MONTH / 2, 4 * MONTH, KUSP));
    return MigrationLedger.of(segments, FIGURES::get, FIGURES.get(LESP), FIGURES.get(KUSP), MONTH);
  }

  @Test
  void monthsAreTimeWeightedMeans() {
    double[][] m = ledger().months();
    assertEquals(4, m.length);
    assertEquals(10, m[0][Column.TOTAL_COST_PER_HOUR.ordinal()], 1e-9);
    // half the month at 15, half at 6
    assertEquals((15 + 6) / 2.0, m[1][Column.TOTAL_COST_PER_HOUR.ordinal()], 1e-9);
    assertEquals(6, m[3][Column.TOTAL_COST_PER_HOUR.ordinal()], 1e-9);
    // services: month 1 is half dual (2 services), half on KuSP
    assertEquals(1, m[1][Column.SERVICES_DUAL.ordinal()], 1e-9);
    assertEquals(1, m[1][Column.SERVICES_ON_KUSP.ordinal()], 1e-9);
    for (double[] row : m) {
      assertEquals(
          2,
          row[Column.SERVICES_ON_LESP.ordinal()]
              + row[Column.SERVICES_DUAL.ordinal()]
              + row[Column.SERVICES_ON_KUSP.ordinal()],
          1e-9);
    }
  }

  @Test
  void cumulativeCostsAndBaselines() {
    double[][] m = ledger().months();
    // month 0: 730 h × 10; month 1 adds 365 h × 15 + 365 h × 6
    assertEquals(7300, m[0][Column.CUMULATIVE_COST_USD.ordinal()], 1e-6);
    assertEquals(7300 + 365 * 15 + 365 * 6, m[1][Column.CUMULATIVE_COST_USD.ordinal()], 1e-6);
    assertEquals(2 * 7300, m[1][Column.STAY_ON_LESP_CUMULATIVE_USD.ordinal()], 1e-6);
    // big bang: LeSP until the first wave (month 1), then 6 $/h
    assertEquals(7300, m[0][Column.BIG_BANG_CUMULATIVE_USD.ordinal()], 1e-6);
    assertEquals(7300 + 3 * 730 * 6, m[3][Column.BIG_BANG_CUMULATIVE_USD.ordinal()], 1e-6);
  }

  @Test
  void breakEvenPeakAndTotalMigrationCost() {
    MigrationLedger l = ledger();
    // savings fall by 5 $/h for 365 h to −1825 USD, then rise by 10 − 6 = 4 $/h: back at 0
    // 1825 / 4 = 456.25 h later, at 730 + 365 + 456.25 = 1551.25 h = 2.125 months
    assertEquals(1551.25 / 730, l.breakEvenMonth(), 1e-9);
    assertEquals(15, l.peakOverlapCostPerHour(), 1e-9);
    // extra paid until every service is on KuSP: the dual half month, 365 h × (15 − 10)
    assertEquals(1825, l.totalMigrationCostUsd(), 1e-6);
  }

  @Test
  void neverBreaksEvenWhenKuspCostsMore() {
    Map<MigrationState, SteadyFigures> dear =
        Map.of(LESP, cost(10, 0), DUAL, cost(10, 5), KUSP, cost(0, 11));
    MigrationLedger l =
        MigrationLedger.of(
            List.of(new Segment(0, MONTH, DUAL), new Segment(MONTH, 2 * MONTH, KUSP)),
            dear::get,
            dear.get(LESP),
            dear.get(KUSP),
            0);
    assertTrue(Double.isNaN(l.breakEvenMonth()), "break-even " + l.breakEvenMonth());
    // dual for the whole first month: 730 h × 5
    assertEquals(3650, l.totalMigrationCostUsd(), 1e-6);
  }

  @Test
  void aShortLastMonthIsAveragedOverWhatItCovers() {
    // horizon 1.5 months: month 1 covers 365 h, all of them dual
    MigrationLedger l =
        MigrationLedger.of(
            List.of(new Segment(0, MONTH, LESP), new Segment(MONTH, MONTH + MONTH / 2, DUAL)),
            FIGURES::get,
            FIGURES.get(LESP),
            FIGURES.get(KUSP),
            MONTH);
    assertEquals(2, l.months().length);
    assertEquals(15, l.months()[1][Column.TOTAL_COST_PER_HOUR.ordinal()], 1e-9);
    assertEquals(7300 + 365 * 15, l.months()[1][Column.CUMULATIVE_COST_USD.ordinal()], 1e-6);
  }

  @Test
  void refusesSegmentsWithAGap() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                MigrationLedger.of(
                    List.of(new Segment(0, HOUR, LESP), new Segment(2 * HOUR, 3 * HOUR, KUSP)),
                    FIGURES::get,
                    FIGURES.get(LESP),
                    FIGURES.get(KUSP),
                    0));
    assertTrue(e.getMessage().contains("contiguous"), e.getMessage());
  }
}
