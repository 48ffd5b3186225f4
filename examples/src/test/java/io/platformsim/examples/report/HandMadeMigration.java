package io.platformsim.examples.report;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.engine.Estimate;
import io.platformsim.core.experiment.migration.MigrationPlan;
import io.platformsim.core.experiment.migration.MigrationResult;
import io.platformsim.core.experiment.migration.MigrationState;
import io.platformsim.core.experiment.migration.MonthRow;
import io.platformsim.core.experiment.migration.Segment;
import io.platformsim.core.experiment.migration.ServiceState;
import io.platformsim.core.experiment.migration.TrafficStep;
import io.platformsim.core.experiment.migration.Waves;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A migration result built by hand, so the output of {@code platformsim migrate} can be checked
 * against figures known in advance: 4 services (a, b, c, d), 3 months of 730 h, 2 replications.
 *
 * <ul>
 *   <li>Month 0: all on LeSP, LeSP 10 USD/h, KuSP 0. Month 1: on average 2 on LeSP, 1 dual, 1 on
 *       KuSP, LeSP 6 USD/h, KuSP 4. Month 2: all on KuSP, KuSP 5 USD/h.
 *   <li>Cumulative cost at each month's end: 730 × 10 = 7300, + 730 × 10 = 14600, + 730 × 5 =
 *       18250. Staying on LeSP: 10 USD/h throughout: 7300, 14600, 21900. Big bang (all on KuSP from
 *       month 1): 7300, 7300 + 3650 = 10950, 14600.
 *   <li>Peak overlap cost: 10.5 and 11.5 USD/h in the two replications: mean 11, 95% half-width
 *       t(0.975, 1) × s / √2 = 12.7062 × 0.70711 / 1.41421 = 6.353.
 *   <li>Break-even in month 2 in both replications (half-width 0).
 * </ul>
 */
public final class HandMadeMigration {

  private HandMadeMigration() {}

  /** The plan: starts 2027-01-04, 2 waves smallest-first, 3 months (2190 h) reported. */
  public static MigrationPlan plan() {
    return new MigrationPlan(
        LocalDate.of(2027, 1, 4),
        new Waves.Ordered("smallest-first", 2),
        Duration.ofDays(14),
        new DurationDistribution.Fixed(Duration.ofDays(2).toMillis()),
        List.of(new TrafficStep(Duration.ZERO, 0.5), new TrafficStep(Duration.ofDays(1), 1.0)),
        Duration.ofDays(7),
        0,
        Duration.ofDays(14),
        Set.of(),
        Map.of(),
        Map.of(),
        Duration.ofHours(3 * 730));
  }

  /** The result described in the class comment. */
  public static MigrationResult result() {
    // Shared addresses: 20, 30 and 40; exhausted a quarter of month 1.
    List<MonthRow> months =
        List.of(
            month(0, 20, 0, 10, 0, 4, 0, 0, 0.5, 0, 40, 4, 0, 7300, 7300, 7300, 20, 0),
            month(1, 12, 2, 6, 4, 2, 1, 1, 0.5, 0.6, 60, 6, 10, 14600, 14600, 10950, 30, 0.25),
            month(2, 0, 3, 0, 5, 0, 0, 4, 0, 0.7, 20, 4, 12, 18250, 21900, 14600, 40, 0));
    return new MigrationResult(
        "hand-made",
        plan(),
        2,
        7,
        months,
        Estimate.of("breakEvenMonth", 2, 2),
        0,
        Estimate.of("peakOverlapCostPerHour", 10.5, 11.5),
        Estimate.of("totalMigrationCostUsd", 100, 100),
        segments(),
        Optional.empty());
  }

  /** Three segments: all on LeSP for 30 days, a and b dual at 50% for 10 days, all on KuSP. */
  public static List<Segment> segments() {
    List<String> names = List.of("a", "b", "c", "d");
    MigrationState lesp = state(names, ServiceState.ON_LESP);
    MigrationState kusp = state(names, ServiceState.ON_KUSP);
    TreeMap<String, ServiceState> mixed = new TreeMap<>(lesp.services());
    mixed.put("a", ServiceState.dual(0.5));
    mixed.put("b", ServiceState.dual(0.5));
    long day = 86_400_000L;
    return List.of(
        new Segment(0, 30 * day, lesp),
        new Segment(30 * day, 40 * day, new MigrationState(mixed)),
        new Segment(40 * day, 3 * 730 * 3_600_000L, kusp));
  }

  private static MigrationState state(List<String> names, ServiceState s) {
    TreeMap<String, ServiceState> map = new TreeMap<>();
    for (String n : names) {
      map.put(n, s);
    }
    return new MigrationState(map);
  }

  private static MonthRow month(int m, double... v) {
    return new MonthRow(
        m,
        e("lespMachines", v[0]),
        e("kuspNodes", v[1]),
        e("lespCostPerHour", v[2]),
        e("kuspCostPerHour", v[3]),
        e("totalCostPerHour", v[2] + v[3]),
        e("servicesOnLesp", v[4]),
        e("servicesOnKusp", v[6]),
        e("servicesDual", v[5]),
        e("lespCpuAllocation", v[7]),
        e("kuspCpuAllocation", v[8]),
        e("certificatesPerDay", v[9]),
        e("principals", v[10]),
        e("hostBlastRadius", v[11]),
        e("cumulativeCostUsd", v[12]),
        e("stayOnLespCumulativeUsd", v[13]),
        e("bigBangCumulativeUsd", v[14]),
        e("sharedAddressesUsed", v[15]),
        e("addressesExhausted", v[16]));
  }

  /** The same value in both replications: mean {@code v}, half-width 0. */
  private static Estimate e(String name, double v) {
    return Estimate.of(name, v, v);
  }
}
