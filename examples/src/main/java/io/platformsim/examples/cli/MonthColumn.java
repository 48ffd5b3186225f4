package io.platformsim.examples.cli;

import io.platformsim.core.engine.Estimate;
import io.platformsim.core.experiment.migration.MonthRow;
import java.util.Locale;
import java.util.function.Function;

/**
 * One figure of a migration month ({@link MonthRow}), as {@code platformsim migrate} prints it: the
 * key its JSON member and CSV columns carry (the record component's name, so the three outputs name
 * a figure alike), the table header, and how its table cell is formatted. Declaration order is the
 * order of the table, the JSON object and the CSV columns.
 */
enum MonthColumn {
  LESP_MACHINES("lespMachines", "LeSP machines", Kind.COUNT, MonthRow::lespMachines),
  KUSP_NODES("kuspNodes", "KuSP nodes", Kind.COUNT, MonthRow::kuspNodes),
  LESP_COST("lespCostPerHour", "LeSP $/h", Kind.DOLLARS_PER_HOUR, MonthRow::lespCostPerHour),
  KUSP_COST("kuspCostPerHour", "KuSP $/h", Kind.DOLLARS_PER_HOUR, MonthRow::kuspCostPerHour),
  TOTAL_COST("totalCostPerHour", "total $/h", Kind.DOLLARS_PER_HOUR, MonthRow::totalCostPerHour),
  ON_LESP("servicesOnLesp", "on LeSP", Kind.COUNT, MonthRow::servicesOnLesp),
  DUAL("servicesDual", "dual", Kind.COUNT, MonthRow::servicesDual),
  ON_KUSP("servicesOnKusp", "on KuSP", Kind.COUNT, MonthRow::servicesOnKusp),
  LESP_CPU("lespCpuAllocation", "LeSP CPU alloc", Kind.FRACTION, MonthRow::lespCpuAllocation),
  KUSP_CPU("kuspCpuAllocation", "KuSP CPU alloc", Kind.FRACTION, MonthRow::kuspCpuAllocation),
  CERTIFICATES("certificatesPerDay", "certs/day", Kind.COUNT, MonthRow::certificatesPerDay),
  PRINCIPALS("principals", "principals", Kind.COUNT, MonthRow::principals),
  BLAST_RADIUS("hostBlastRadius", "host blast radius", Kind.COUNT, MonthRow::hostBlastRadius),
  CUMULATIVE("cumulativeCostUsd", "cumulative $", Kind.DOLLARS, MonthRow::cumulativeCostUsd),
  STAY_ON_LESP(
      "stayOnLespCumulativeUsd", "stay on LeSP $", Kind.DOLLARS, MonthRow::stayOnLespCumulativeUsd),
  BIG_BANG("bigBangCumulativeUsd", "big bang $", Kind.DOLLARS, MonthRow::bigBangCumulativeUsd),
  SHARED_ADDRESSES(
      "sharedAddressesUsed", "shared addresses", Kind.COUNT, MonthRow::sharedAddressesUsed),
  ADDRESSES_EXHAUSTED(
      "addressesExhausted", "addr. exhausted", Kind.FRACTION, MonthRow::addressesExhausted);

  /** How a figure's cell reads: the unit decides the decimals. */
  enum Kind {
    /** Machines, services, principals: means of counts, one decimal. */
    COUNT("%.1f", 1, ""),
    /** US dollars per hour, cents. */
    DOLLARS_PER_HOUR("%.2f", 1, ""),
    /** Cumulative US dollars, whole dollars. */
    DOLLARS("%.0f", 1, ""),
    /** A fraction printed as a percentage (the JSON and CSV keep the fraction). */
    FRACTION("%.1f", 100, "%");

    private final String format;
    private final double scale;
    private final String suffix;

    Kind(String format, double scale, String suffix) {
      this.format = format;
      this.scale = scale;
      this.suffix = suffix;
    }
  }

  private final String key;
  private final String header;
  private final Kind kind;
  private final Function<MonthRow, Estimate> figure;

  MonthColumn(String key, String header, Kind kind, Function<MonthRow, Estimate> figure) {
    this.key = key;
    this.header = header;
    this.kind = kind;
    this.figure = figure;
  }

  /** The JSON member and CSV column name: the {@link MonthRow} component's name. */
  String key() {
    return key;
  }

  /** The table header. */
  String header() {
    return header;
  }

  /** This figure of {@code row}. */
  Estimate of(MonthRow row) {
    return figure.apply(row);
  }

  /** {@code mean ± half-width} in this figure's unit; the mean alone with one replication. */
  String cell(MonthRow row) {
    return format(kind, of(row));
  }

  /** {@code e} as {@code mean ± half-width} in {@code kind}'s unit; the mean alone if undefined. */
  static String format(Kind kind, Estimate e) {
    if (e == null) {
      return "-";
    }
    String mean = String.format(Locale.ROOT, kind.format, e.mean() * kind.scale) + kind.suffix;
    if (Double.isNaN(e.halfWidth())) {
      return mean;
    }
    return mean
        + " ± "
        + String.format(Locale.ROOT, kind.format, e.halfWidth() * kind.scale)
        + kind.suffix;
  }
}
