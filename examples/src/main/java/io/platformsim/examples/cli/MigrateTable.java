package io.platformsim.examples.cli;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.engine.Estimate;
import io.platformsim.core.experiment.migration.MigrationPlan;
import io.platformsim.core.experiment.migration.MigrationResult;
import io.platformsim.core.experiment.migration.MonthRow;
import io.platformsim.core.experiment.migration.TrafficStep;
import io.platformsim.core.experiment.migration.Waves;
import io.platformsim.core.output.TextTable;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code platformsim migrate} table: a heading naming the scenario, the plan and the
 * replications; two month tables (fleet and cost per hour, then allocation, identity and cumulative
 * cost: one table would be over 200 characters wide), one row per month of 730 h with the calendar
 * date it starts on; then the break-even month, the peak overlap cost and the total migration cost.
 * Every figure is the mean ± the 95% half-width over the replications.
 */
final class MigrateTable {

  /** Hours in a month: the AWS pricing convention (8760 h / 12) the migration results use. */
  static final long HOURS_PER_MONTH = MigrationPlan.HOURS_PER_MONTH;

  private static final List<MonthColumn> FLEET =
      List.of(
          MonthColumn.LESP_MACHINES,
          MonthColumn.KUSP_NODES,
          MonthColumn.LESP_COST,
          MonthColumn.KUSP_COST,
          MonthColumn.TOTAL_COST,
          MonthColumn.ON_LESP,
          MonthColumn.DUAL,
          MonthColumn.ON_KUSP);

  private static final List<MonthColumn> IDENTITY_AND_TOTALS =
      List.of(
          MonthColumn.LESP_CPU,
          MonthColumn.KUSP_CPU,
          MonthColumn.CERTIFICATES,
          MonthColumn.PRINCIPALS,
          MonthColumn.BLAST_RADIUS,
          MonthColumn.CUMULATIVE,
          MonthColumn.STAY_ON_LESP,
          MonthColumn.BIG_BANG,
          MonthColumn.SHARED_ADDRESSES,
          MonthColumn.ADDRESSES_EXHAUSTED);

  private MigrateTable() {}

  static String of(MigrationResult r) {
    String nl = System.lineSeparator();
    StringBuilder sb = new StringBuilder();
    sb.append("Migration of scenario '")
        .append(r.scenario())
        .append("': ")
        .append(r.replications())
        .append(r.replications() == 1 ? " replication" : " replications")
        .append(", seed ")
        .append(r.seed())
        .append(nl)
        .append("Plan: ")
        .append(describe(r.plan()))
        .append(nl)
        .append("Per month of 730 h: time-weighted mean ± 95% half-width over the replications")
        .append(nl)
        .append(nl);
    sb.append(table(r, FLEET)).append(nl).append(table(r, IDENTITY_AND_TOTALS)).append(nl);
    List<String[]> totals = new ArrayList<>();
    totals.add(
        new String[] {
          "break-even month", breakEven(r),
        });
    totals.add(
        new String[] {
          "peak overlap cost",
          MonthColumn.format(MonthColumn.Kind.DOLLARS_PER_HOUR, r.peakOverlapCostPerHour())
              + " USD/h"
        });
    totals.add(
        new String[] {
          "total migration cost",
          MonthColumn.format(MonthColumn.Kind.DOLLARS, r.totalMigrationCostUsd()) + " USD"
        });
    r.addressConflict().ifPresent(c -> totals.add(new String[] {"address conflict", c}));
    sb.append(TextTable.align(totals, 2));
    return sb.toString();
  }

  /**
   * The break-even month (months from the plan's start) over the replications that broke even, and
   * how many did not within the horizon.
   */
  static String breakEven(MigrationResult r) {
    Estimate e = r.breakEvenMonth();
    String never =
        r.neverBrokeEven() == 0
            ? ""
            : "never within the horizon in "
                + r.neverBrokeEven()
                + " of "
                + r.replications()
                + " replications";
    if (e == null) {
      return never.isEmpty() ? "never" : never;
    }
    String months =
        String.format(Locale.ROOT, "%.1f", e.mean())
            + (Double.isNaN(e.halfWidth())
                ? ""
                : String.format(Locale.ROOT, " ± %.1f", e.halfWidth()))
            + " months from the start";
    return never.isEmpty() ? months : months + " (" + never + ")";
  }

  private static String table(MigrationResult r, List<MonthColumn> columns) {
    List<String[]> rows = new ArrayList<>();
    String[] header = new String[columns.size() + 2];
    header[0] = "month";
    header[1] = "from";
    for (int c = 0; c < columns.size(); c++) {
      header[c + 2] = columns.get(c).header();
    }
    rows.add(header);
    for (MonthRow m : r.months()) {
      String[] row = new String[columns.size() + 2];
      row[0] = Integer.toString(m.month());
      row[1] = monthStart(r.plan(), m.month()).toString();
      for (int c = 0; c < columns.size(); c++) {
        row[c + 2] = columns.get(c).cell(m);
      }
      rows.add(row);
    }
    return TextTable.align(rows, 2);
  }

  /** The calendar day month {@code month} (730 h each) starts on, counted from the plan's start. */
  static LocalDate monthStart(MigrationPlan plan, int month) {
    return plan.start().atStartOfDay().plusHours(HOURS_PER_MONTH * month).toLocalDate();
  }

  /** The plan in one line: waves, spacing, traffic steps, bake, rollbacks, horizon. */
  static String describe(MigrationPlan p) {
    StringBuilder sb = new StringBuilder("from ").append(p.start()).append(", ");
    if (p.waves() instanceof Waves.Ordered o) {
      sb.append(o.count()).append(" waves ").append(o.policy());
    } else if (p.waves() instanceof Waves.Lists l) {
      sb.append(l.waves().size()).append(" listed waves");
    }
    sb.append(" ")
        .append(days(p.waveSpacing()))
        .append(" apart; readiness ")
        .append(readiness(p.readiness()));
    sb.append("; traffic");
    for (TrafficStep s : p.trafficSteps()) {
      sb.append(' ').append(percent(s.kuspShare())).append(" at ").append(days(s.after()));
    }
    sb.append("; bake ").append(days(p.bake()));
    if (p.rollbackProbability() > 0 || !p.forcedRollbacks().isEmpty()) {
      sb.append("; rollback ").append(percent(p.rollbackProbability())).append(" per wave");
      if (!p.forcedRollbacks().isEmpty()) {
        sb.append(", forced in waves ").append(p.forcedRollbacks());
      }
      sb.append(", retry after ").append(days(p.rollbackRetry()));
    }
    sb.append("; horizon ").append(days(p.horizon()));
    return sb.toString();
  }

  /** A readiness distribution in days: "2 d", "uniform 2 d to 5 d", "lognormal median ..." */
  private static String readiness(DurationDistribution d) {
    if (d instanceof DurationDistribution.Fixed f) {
      return days(Duration.ofMillis(f.millis()));
    }
    if (d instanceof DurationDistribution.Uniform u) {
      return "uniform "
          + days(Duration.ofMillis(u.minMillis()))
          + " to "
          + days(Duration.ofMillis(u.maxMillis()));
    }
    if (d instanceof DurationDistribution.LogNormal l) {
      return "lognormal median "
          + days(Duration.ofMillis(Math.round(l.medianMillis())))
          + ", p99 "
          + days(Duration.ofMillis(Math.round(l.p99Millis())));
    }
    return d.toString();
  }

  private static String percent(double fraction) {
    String s = String.format(Locale.ROOT, "%.2f", fraction * 100).replaceAll("\\.?0+$", "");
    return s + "%";
  }

  /** A duration in days ("14 d", "0.5 d"), or hours below a day ("6 h"). */
  static String days(Duration d) {
    double hours = d.toMillis() / 3_600_000.0;
    if (hours != 0 && hours < 24) {
      return String.format(Locale.ROOT, "%.3f", hours).replaceAll("\\.?0+$", "") + " h";
    }
    return String.format(Locale.ROOT, "%.3f", hours / 24).replaceAll("\\.?0+$", "") + " d";
  }
}
