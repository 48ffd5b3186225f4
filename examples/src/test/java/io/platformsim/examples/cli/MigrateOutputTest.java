package io.platformsim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.experiment.migration.MigrationResult;
import io.platformsim.examples.report.HandMadeMigration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The table, JSON and CSV of {@code platformsim migrate} on {@link HandMadeMigration}, whose
 * figures are derived by hand in its comment: each output must carry them unchanged.
 */
class MigrateOutputTest {

  private final MigrationResult r = HandMadeMigration.result();

  @Test
  void tableHasARowPerMonthAndTheTotals() {
    String table = MigrateTable.of(r);
    List<String> lines = table.lines().map(String::strip).toList();
    // Month 1 starts 730 h = 30 d 10 h after 2027-01-04: on 2027-02-03.
    assertEquals(
        List.of(
            "1",
            "2027-02-03",
            "12.0 ± 0.0",
            "2.0 ± 0.0",
            "6.00 ± 0.00",
            "4.00 ± 0.00",
            "10.00 ± 0.00",
            "2.0 ± 0.0",
            "1.0 ± 0.0",
            "1.0 ± 0.0"),
        cells(lines, "1 ", 0),
        table);
    // Month 2 starts 1460 h = 60 d 20 h after 2027-01-04: on 2027-03-05; the second table.
    assertEquals(
        List.of(
            "2",
            "2027-03-05",
            "0.0% ± 0.0%",
            "70.0% ± 0.0%",
            "20.0 ± 0.0",
            "4.0 ± 0.0",
            "12.0 ± 0.0",
            "18250 ± 0",
            "21900 ± 0",
            "14600 ± 0",
            "40.0 ± 0.0",
            "0.0% ± 0.0%"),
        cells(lines, "2 ", 1),
        table);
    assertEquals(2, lines.stream().filter(l -> l.startsWith("month ")).count(), "two tables");
    assertEquals(
        List.of("break-even month", "2.0 ± 0.0 months from the start"),
        cells(lines, "break-even month", 0));
    // 11 ± 12.7062 × 0.70711 / √2 = 11.00 ± 6.35.
    assertEquals(
        List.of("peak overlap cost", "11.00 ± 6.35 USD/h"), cells(lines, "peak overlap", 0));
    assertEquals(
        List.of("total migration cost", "100 ± 0 USD"), cells(lines, "total migration", 0));
    assertTrue(table.contains("2 waves smallest-first 14 d apart"), table);
    assertTrue(
        table.contains("readiness 2 d; traffic 50% at 0 d 100% at 1 d; bake 7 d; horizon 91.25 d"),
        table);
  }

  /**
   * The cells (split at two or more spaces) of the {@code nth} line starting with {@code start}.
   */
  private static List<String> cells(List<String> lines, String start, int nth) {
    List<String> found = lines.stream().filter(l -> l.startsWith(start)).toList();
    assertTrue(found.size() > nth, start + " in " + lines);
    return List.of(found.get(nth).split("\\s{2,}"));
  }

  @Test
  void breakEvenSaysHowManyReplicationsNeverBrokeEven() {
    MigrationResult never = withBreakEven(null, 2);
    assertEquals("never within the horizon in 2 of 2 replications", MigrateTable.breakEven(never));
  }

  @Test
  void jsonHasTheIssuesKeysAndTheHandFigures() {
    Map<String, Object> json = parse(MigrateJson.of(r));
    assertEquals(
        List.of(
            "scenario",
            "seed",
            "replications",
            "breakEvenMonth",
            "neverBrokeEven",
            "peakOverlapCostPerHour",
            "totalMigrationCostUsd",
            "addressConflict",
            "months",
            "plan"),
        new ArrayList<>(json.keySet()));
    assertEquals(2.0, figure(json, "breakEvenMonth").get("mean"));
    assertEquals(11.0, figure(json, "peakOverlapCostPerHour").get("mean"));
    List<Map<String, Object>> months = list(json.get("months"));
    assertEquals(3, months.size());
    Map<String, Object> m1 = months.get(1);
    Set<String> keys = new LinkedHashSet<>(List.of("month", "from"));
    for (MonthColumn c : MonthColumn.values()) {
      keys.add(c.key());
    }
    assertEquals(keys, m1.keySet());
    for (String issueKey :
        List.of("lespCostPerHour", "kuspCostPerHour", "servicesOnLesp", "servicesOnKusp")) {
      assertTrue(m1.containsKey(issueKey), issueKey);
    }
    assertEquals(1, m1.get("month"));
    assertEquals("2027-02-03", m1.get("from"));
    assertEquals(6.0, figure(m1, "lespCostPerHour").get("mean"));
    assertEquals(List.of(6.0, 6.0), figure(m1, "lespCostPerHour").get("ci95"));
    assertEquals(4.0, figure(m1, "kuspCostPerHour").get("mean"));
    assertEquals(2.0, figure(m1, "servicesOnLesp").get("mean"));
    assertEquals(1.0, figure(m1, "servicesOnKusp").get("mean"));
    assertEquals(2, figure(m1, "servicesOnKusp").get("n"));
    Map<String, Object> plan = figure(json, "plan");
    assertEquals("2027-01-04", plan.get("start"));
    assertEquals(Map.of("policy", "smallest-first", "count", 2), plan.get("waves"));
    assertEquals(14.0, plan.get("waveSpacingDays"));
    assertEquals(
        List.of(
            Map.of("afterDays", 0.0, "kuspShare", 0.5), Map.of("afterDays", 1.0, "kuspShare", 1.0)),
        plan.get("trafficSteps"));
    assertEquals(7.0, plan.get("bakeDays"));
    // 3 × 730 h = 2190 h = 91.25 d.
    assertEquals(91.25, plan.get("horizonDays"));
    assertEquals(2.0, figure(plan, "readiness").get("meanDays"));
  }

  @Test
  void anAddressConflictIsPrintedAndInTheJson() {
    MigrationResult conflict =
        with(
            r.breakEvenMonth(), 0, Optional.of("pod range 10.0.0.0/8 overlaps the legacy network"));
    assertTrue(
        MigrateTable.of(conflict)
            .contains("address conflict      pod range 10.0.0.0/8 overlaps the legacy network"));
    assertEquals(
        "pod range 10.0.0.0/8 overlaps the legacy network",
        parse(MigrateJson.of(conflict)).get("addressConflict"));
    assertNull(parse(MigrateJson.of(r)).get("addressConflict"));
    assertEquals(
        0.25,
        figure(list(parse(MigrateJson.of(r)).get("months")).get(1), "addressesExhausted")
            .get("mean"));
  }

  @Test
  void jsonBreakEvenIsNullWhenNoReplicationBrokeEven() {
    Map<String, Object> json = parse(MigrateJson.of(withBreakEven(null, 2)));
    assertTrue(json.containsKey("breakEvenMonth"));
    assertNull(json.get("breakEvenMonth"));
    assertEquals(2, json.get("neverBrokeEven"));
  }

  @Test
  void monthsCsvHasAMeanAndIntervalColumnPerFigure() {
    List<String> lines = MigrateCsv.months(r).lines().toList();
    String[] header = lines.get(0).split(",");
    assertEquals(2 + 3 * MonthColumn.values().length, header.length);
    assertEquals(
        List.of(
            "month",
            "from",
            "lespMachines_mean",
            "lespMachines_ci95_low",
            "lespMachines_ci95_high",
            "kuspNodes_mean"),
        Arrays.asList(header).subList(0, 6));
    assertTrue(lines.get(0).contains(",lespCostPerHour_mean,"), lines.get(0));
    assertTrue(lines.get(0).endsWith(",addressesExhausted_ci95_high"), lines.get(0));
    assertEquals(4, lines.size(), "header and 3 months");
    assertTrue(lines.get(2).startsWith("1,2027-02-03,12,12,12,2,2,2,6,6,6,4,4,4,10,10,10,"));
    assertTrue(
        lines
            .get(3)
            .endsWith(",18250,18250,18250,21900,21900,21900,14600,14600,14600,40,40,40,0,0,0"));
  }

  @Test
  void segmentsCsvListsTheFirstReplicationsSegments() {
    assertEquals(
        """
        start_days,end_days,on_lesp,dual,on_kusp,dual_shares
        0,30,4,0,0,
        30,40,2,2,0,a=0.5;b=0.5
        40,91.25,0,0,4,
        """,
        MigrateCsv.segments(r));
  }

  private MigrationResult withBreakEven(
      io.platformsim.core.engine.Estimate breakEven, int neverBrokeEven) {
    return with(breakEven, neverBrokeEven, Optional.empty());
  }

  private MigrationResult with(
      io.platformsim.core.engine.Estimate breakEven,
      int neverBrokeEven,
      Optional<String> addressConflict) {
    return new MigrationResult(
        r.scenario(),
        r.plan(),
        r.replications(),
        r.seed(),
        r.months(),
        breakEven,
        neverBrokeEven,
        r.peakOverlapCostPerHour(),
        r.totalMigrationCostUsd(),
        r.firstReplicationSegments(),
        addressConflict);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String json) {
    // JSON is YAML 1.2 flow style: snakeyaml-engine (core's YAML parser) reads it.
    return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(json);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> figure(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.get(key);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }
}
