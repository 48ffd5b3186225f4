package io.platformsim.core.experiment.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.experiment.migration.MigrationLedger.Column;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Invariants of the ledger over random segment sequences and costs: the books balance whatever the
 * timeline looks like.
 */
class MigrationLedgerProperties {

  private static final double HOUR = 3_600_000.0;
  private static final List<String> NAMES = List.of("a", "b", "c");

  /**
   * Segments of the given lengths (hours), the i-th in a state drawn from {@code sides} (three
   * digits 0-2 per segment: LESP, DUAL at 0.5, KUSP), each state costing its own price.
   */
  @Property(tries = 60)
  void theBooksBalance(
      @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 1, max = 2000) Integer> hours,
      @ForAll @Size(min = 12, max = 12) List<@IntRange(min = 0, max = 26) Integer> sides,
      @ForAll @IntRange(min = 1, max = 50) int lespPrice,
      @ForAll @IntRange(min = 1, max = 50) int kuspPrice,
      @ForAll @IntRange(min = 0, max = 3000) int firstWaveHours) {
    List<Segment> segments = new ArrayList<>();
    Map<MigrationState, SteadyFigures> figures = new HashMap<>();
    long t = 0;
    for (int i = 0; i < hours.size(); i++) {
      MigrationState s = MigrationState.allOnLesp(NAMES);
      int code = sides.get(i);
      for (String name : NAMES) {
        int side = code % 3;
        code /= 3;
        s =
            s.with(
                name,
                side == 0
                    ? ServiceState.ON_LESP
                    : side == 1 ? ServiceState.dual(0.5) : ServiceState.ON_KUSP);
      }
      double lesp = lespPrice * (3 - s.count(Side.KUSP));
      double kusp = kuspPrice * (3 - s.count(Side.LESP));
      figures.put(s, new SteadyFigures(0, 0, lesp, kusp, 0, 0, 0, 0, 0, 0, 0));
      segments.add(new Segment(t, t + hours.get(i) * 3_600_000L, s));
      t += hours.get(i) * 3_600_000L;
    }
    SteadyFigures stay = new SteadyFigures(0, 0, 3.0 * lespPrice, 0, 0, 0, 0, 0, 0, 0, 0);
    SteadyFigures moved = new SteadyFigures(0, 0, 0, 3.0 * kuspPrice, 0, 0, 0, 0, 0, 0, 0);
    long firstWave = Math.min(t, firstWaveHours * 3_600_000L);
    MigrationLedger l = MigrationLedger.of(segments, figures::get, stay, moved, firstWave);

    long month = MigrationPlan.MONTH.toMillis();
    double cumulative = 0;
    for (int m = 0; m < l.months().length; m++) {
      double[] row = l.months()[m];
      // every service is on exactly one side at every instant, so in every month's mean
      assertEquals(
          3,
          row[Column.SERVICES_ON_LESP.ordinal()]
              + row[Column.SERVICES_DUAL.ordinal()]
              + row[Column.SERVICES_ON_KUSP.ordinal()],
          1e-9);
      // the month's mean cost per hour times its hours is what the cumulative cost grew by
      long length = Math.min((m + 1) * month, t) - m * month;
      cumulative += row[Column.TOTAL_COST_PER_HOUR.ordinal()] * length / HOUR;
      assertEquals(cumulative, row[Column.CUMULATIVE_COST_USD.ordinal()], 1e-6 * (1 + cumulative));
      // the big bang never costs more than staying (KuSP cheaper) or less (dearer), by its price
      double stayed = row[Column.STAY_ON_LESP_CUMULATIVE_USD.ordinal()];
      double bang = row[Column.BIG_BANG_CUMULATIVE_USD.ordinal()];
      assertTrue(kuspPrice <= lespPrice ? bang <= stayed + 1e-6 : bang >= stayed - 1e-6);
    }
    // at the break-even the migration has cost exactly what staying would have
    if (!Double.isNaN(l.breakEvenMonth())) {
      double at = l.breakEvenMonth() * month;
      assertTrue(at >= firstWave - 1e-3 && at <= t + 1e-3, "break-even at " + at);
      double spent = 0;
      for (Segment s : segments) {
        double to = Math.min(at, s.endMillis());
        if (to > s.startMillis()) {
          spent += figures.get(s.state()).totalCostPerHour() * (to - s.startMillis()) / HOUR;
        }
      }
      double stayedThen = stay.totalCostPerHour() * at / HOUR;
      assertTrue(spent <= stayedThen + 1e-6 * (1 + spent), spent + " > " + stayedThen);
    }
  }
}
