package io.platformsim.examples.cli;

import io.platformsim.core.engine.Estimate;
import io.platformsim.core.experiment.migration.MigrationResult;
import io.platformsim.core.experiment.migration.MonthRow;
import io.platformsim.core.experiment.migration.Segment;
import io.platformsim.core.experiment.migration.ServiceState;
import io.platformsim.core.experiment.migration.Side;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CSV files of {@code platformsim migrate --csv} (RFC 4180, header first, numbers with a dot):
 *
 * <ul>
 *   <li>{@code months.csv}: one row per month of 730 h: {@code month,from}, then for each figure of
 *       {@link MonthColumn} (in its order) {@code <key>_mean,<key>_ci95_low,<key>_ci95_high}; an
 *       interval end is empty with one replication. Fractions stay fractions, costs are USD per
 *       hour or cumulative USD.
 *   <li>{@code segments.csv}: the first replication's timeline, one row per segment (a stretch in
 *       which every service stays in one state): {@code start_days,end_days,on_lesp,dual,on_kusp,
 *       dual_shares}, the last listing each dual-running service as {@code name=share} (KuSP's
 *       share of its traffic), separated by semicolons.
 * </ul>
 */
final class MigrateCsv {

  /** The files {@code --csv} writes, in order. */
  static final List<String> FILES = List.of("months.csv", "segments.csv");

  private MigrateCsv() {}

  static String file(String name, MigrationResult r) {
    return switch (name) {
      case "months.csv" -> months(r);
      case "segments.csv" -> segments(r);
      default -> throw new IllegalStateException("no CSV named " + name);
    };
  }

  static String months(MigrationResult r) {
    StringBuilder sb = new StringBuilder("month,from");
    for (MonthColumn c : MonthColumn.values()) {
      sb.append(',')
          .append(c.key())
          .append("_mean,")
          .append(c.key())
          .append("_ci95_low,")
          .append(c.key())
          .append("_ci95_high");
    }
    sb.append('\n');
    for (MonthRow m : r.months()) {
      sb.append(m.month()).append(',').append(MigrateTable.monthStart(r.plan(), m.month()));
      for (MonthColumn c : MonthColumn.values()) {
        Estimate e = c.of(m);
        sb.append(',')
            .append(num(e.mean()))
            .append(',')
            .append(num(e.lower()))
            .append(',')
            .append(num(e.upper()));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  static String segments(MigrationResult r) {
    StringBuilder sb = new StringBuilder("start_days,end_days,on_lesp,dual,on_kusp,dual_shares\n");
    for (Segment s : r.firstReplicationSegments()) {
      StringBuilder shares = new StringBuilder();
      for (Map.Entry<String, ServiceState> e : s.state().services().entrySet()) {
        if (e.getValue().side() == Side.DUAL) {
          shares
              .append(shares.length() == 0 ? "" : ";")
              .append(e.getKey())
              .append('=')
              .append(num(e.getValue().kuspShare()));
        }
      }
      sb.append(num(s.startMillis() / 86_400_000.0))
          .append(',')
          .append(num(s.endMillis() / 86_400_000.0))
          .append(',')
          .append(s.state().count(Side.LESP))
          .append(',')
          .append(s.state().count(Side.DUAL))
          .append(',')
          .append(s.state().count(Side.KUSP))
          .append(',')
          .append(quote(shares.toString()))
          .append('\n');
    }
    return sb.toString();
  }

  /** A locale-independent number: integers without decimals, others with up to 6; NaN empty. */
  static String num(double v) {
    if (!Double.isFinite(v)) {
      return "";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    String s = String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** Quotes a field holding a comma, quote or line break (RFC 4180). */
  private static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
