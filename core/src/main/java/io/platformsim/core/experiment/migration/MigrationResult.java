package io.platformsim.core.experiment.migration;

import io.platformsim.core.engine.Estimate;
import io.platformsim.core.output.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@link Migration#run} found: one {@link MonthRow} per month of the plan's horizon, the
 * break-even, the peak overlap cost and the total migration cost, each an {@link Estimate} over the
 * replications (mean ± 95% Student-t half-width), and replication 0's segments (for charts).
 * Definitions: {@link MigrationLedger}. Immutable.
 *
 * @param scenario the scenario's name
 * @param plan the plan run
 * @param replications how many replications
 * @param seed the master seed
 * @param months one row per month, month 0 first
 * @param breakEvenMonth months from the start until the cumulative savings against staying on LeSP
 *     are back at 0, over the replications that broke even within the horizon; null if none did
 * @param neverBrokeEven replications that did not break even within the horizon
 * @param peakOverlapCostPerHour the largest total cost per hour while both platforms are in use
 * @param totalMigrationCostUsd what the move cost beyond staying on LeSP until the last LeSP pool
 *     was drained (or the horizon)
 * @param firstReplicationSegments replication 0's segments, from 0 to the horizon
 * @param addressConflict why KuSP's pod range collides with the legacy network (an overlay range
 *     inside it: calls between the sides would be ambiguous), or empty; reported, not refused
 */
public record MigrationResult(
    String scenario,
    MigrationPlan plan,
    int replications,
    long seed,
    List<MonthRow> months,
    Estimate breakEvenMonth,
    int neverBrokeEven,
    Estimate peakOverlapCostPerHour,
    Estimate totalMigrationCostUsd,
    List<Segment> firstReplicationSegments,
    Optional<String> addressConflict) {

  /** Copies the lists. */
  public MigrationResult {
    months = List.copyOf(months);
    firstReplicationSegments = List.copyOf(firstReplicationSegments);
    addressConflict = addressConflict == null ? Optional.empty() : addressConflict;
  }

  /** A table per month (means; ± the 95% half-width of the total cost) and the summary below it. */
  @Override
  public String toString() {
    String[] header = {
      "month",
      "LeSP machines",
      "KuSP nodes",
      "LeSP $/h",
      "KuSP $/h",
      "total $/h",
      "on LeSP",
      "dual",
      "on KuSP",
      "certs/day",
      "principals",
      "cumulative $",
      "stay on LeSP $",
      "big bang $"
    };
    List<String[]> rows = new ArrayList<>();
    rows.add(header);
    for (MonthRow r : months) {
      rows.add(
          new String[] {
            String.valueOf(r.month()),
            f1(r.lespMachines().mean()),
            f1(r.kuspNodes().mean()),
            f2(r.lespCostPerHour().mean()),
            f2(r.kuspCostPerHour().mean()),
            f2(r.totalCostPerHour().mean()) + " ± " + f2(r.totalCostPerHour().halfWidth()),
            f1(r.servicesOnLesp().mean()),
            f1(r.servicesDual().mean()),
            f1(r.servicesOnKusp().mean()),
            f0(r.certificatesPerDay().mean()),
            f0(r.principals().mean()),
            f0(r.cumulativeCostUsd().mean()),
            f0(r.stayOnLespCumulativeUsd().mean()),
            f0(r.bigBangCumulativeUsd().mean())
          });
    }
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "Migration of %s: %d replications, seed %d, months of 730 h%n",
            scenario,
            replications,
            seed));
    out.append(TextTable.align(rows, 1));
    out.append("break-even month   ")
        .append(
            breakEvenMonth == null
                ? "never within the horizon"
                : f2(breakEvenMonth.mean()) + " ± " + f2(breakEvenMonth.halfWidth()))
        .append(neverBrokeEven > 0 ? " (" + neverBrokeEven + " never broke even)" : "")
        .append(System.lineSeparator());
    out.append("peak overlap $/h   ")
        .append(f2(peakOverlapCostPerHour.mean()))
        .append(" ± ")
        .append(f2(peakOverlapCostPerHour.halfWidth()))
        .append(System.lineSeparator());
    out.append("migration cost $   ")
        .append(f0(totalMigrationCostUsd.mean()))
        .append(" ± ")
        .append(f0(totalMigrationCostUsd.halfWidth()))
        .append(System.lineSeparator());
    addressConflict.ifPresent(
        c -> out.append("addresses          ").append(c).append(System.lineSeparator()));
    if (months.stream().anyMatch(r -> r.addressesExhausted().mean() > 0)) {
      out.append("addresses          the shared range was exhausted in months");
      for (MonthRow r : months) {
        if (r.addressesExhausted().mean() > 0) {
          out.append(' ').append(r.month());
        }
      }
      out.append(System.lineSeparator());
    }
    return out.toString();
  }

  private static String f0(double v) {
    return fmt("%.0f", v);
  }

  private static String f1(double v) {
    return fmt("%.1f", v);
  }

  private static String f2(double v) {
    return fmt("%.2f", v);
  }

  private static String fmt(String format, double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, format, v);
  }
}
