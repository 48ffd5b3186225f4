package io.platformsim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code platformsim migrate}'s refusals: each bad input is one line on standard error with exit
 * code 2, before anything runs, and no output directory or file is created.
 */
class MigrateCommandTest {

  @TempDir Path dir;

  private Path csv() {
    return dir.resolve("csv");
  }

  private Path charts() {
    return dir.resolve("charts");
  }

  private Invocation migrate(String... args) {
    String[] all = new String[args.length + 6];
    all[0] = "migrate";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--csv";
    all[args.length + 2] = csv().toString();
    all[args.length + 3] = "--charts";
    all[args.length + 4] = charts().toString();
    all[args.length + 5] = "-q";
    return Invocation.platformsim(all);
  }

  private void assertNothingWritten(Invocation i) {
    assertEquals("", i.out(), "nothing on standard output");
    assertFalse(Files.exists(csv()), "no --csv directory");
    assertFalse(Files.exists(charts()), "no --charts directory");
  }

  @Test
  void aMissingPlanFileIsOneLine() {
    Path missing = dir.resolve("missing-plan.yaml");
    Invocation i = migrate("--plan", missing.toString());
    i.assertOneLineError("migrate", "missing-plan.yaml", "no such file");
    assertNothingWritten(i);
  }

  @Test
  void aBadPlanValueIsOneLineNamingTheFileLineFieldAndValue() throws Exception {
    Path plan = dir.resolve("plan.yaml");
    Files.writeString(plan, "spacing: 14d\nrollback:\n  probability: 1.5\n");
    Invocation i = migrate("--plan", plan.toString());
    i.assertOneLineError("migrate", "plan.yaml", ":3", "probability", "1.5");
    assertNothingWritten(i);
  }

  @Test
  void aPlanNamingAServiceTheScenarioLacksIsOneLine() throws Exception {
    Path plan = dir.resolve("plan.yaml");
    Files.writeString(plan, "waves:\n  - [zebra]\n  - [no-such-service]\n");
    Invocation i = migrate("--plan", plan.toString());
    i.assertOneLineError("migrate", "plan.yaml", "no-such-service");
    assertNothingWritten(i);
  }

  @Test
  void anUnknownOrderingPolicyIsOneLineListingTheKnownOnes() throws Exception {
    Path plan = dir.resolve("plan.yaml");
    Files.writeString(plan, "ordering: {policy: alphabetical, waves: 2}\n");
    Invocation i = migrate("--plan", plan.toString());
    i.assertOneLineError("migrate", "alphabetical", "smallest-first", "largest-first");
    assertNothingWritten(i);
  }

  @Test
  void replicationsOutOfRangeIsOneLine() {
    Invocation i = migrate("-r", "0");
    i.assertOneLineError("migrate", "--replications", "was 0");
    assertNothingWritten(i);
  }

  @Test
  void aMissingScenarioFileIsOneLine() {
    Invocation i = migrate(dir.resolve("missing.yaml").toString());
    i.assertOneLineError("migrate", "missing.yaml");
    assertNothingWritten(i);
  }

  @Test
  void anOutputPathThatIsAFileIsRefusedBeforeTheRun() throws Exception {
    Files.writeString(csv(), "in the way");
    Invocation i = migrate();
    i.assertOneLineError("migrate", "--csv", csv().toString());
    assertEquals("", i.out());
    assertEquals("in the way", Files.readString(csv()));
    assertFalse(Files.exists(charts()));
  }

  /** Two services and one replication: a migration in a few seconds. */
  private static final String SMALL =
      """
      name: small
      seed: 5
      replications: 1
      horizon: 1h
      services:
        - name: zebra
          instances: 4
          request: {cpu: 1000m, memory: 2Gi}
          usage: {cpu: 250m, memory: 1Gi}
        - name: cheetah
          instances: 6
          request: {cpu: 500m, memory: 1Gi}
          usage: {cpu: 100m, memory: 512Mi}
      kusp:
        initialNodes: 2
      """;

  /**
   * Two waves of one service each, 14 days apart, readiness 2 days, the default traffic steps (full
   * share after 7 days) and bake (7 days), 60 days reported: 1440 h, 2 months of 730 h (the second
   * cut short at 710 h). Wave 2 starts on day 14 and is drained on day 14 + 2 + 7 + 7 = 30, in
   * month 0 (730 h = 30.4 d): month 1 has both services on KuSP.
   */
  private static final String PLAN =
      """
      start: 2027-01-04
      ordering: {policy: smallest-first, waves: 2}
      spacing: 14d
      readiness: 2d
      horizon: 60d
      """;

  @Test
  void runsAMigrationAndWritesTheJsonTheCsvAndTheCharts() throws Exception {
    Path scenario = dir.resolve("small.yaml");
    Files.writeString(scenario, SMALL);
    Path plan = dir.resolve("plan.yaml");
    Files.writeString(plan, PLAN);
    Invocation i = migrate(scenario.toString(), "--plan", plan.toString(), "--json");
    assertEquals(0, i.exitCode(), i.err());
    assertEquals(1, i.out().lines().count(), "one line: " + i.out());
    String json = i.out();
    assertTrue(json.contains("\"months\":[{\"month\":0,\"from\":\"2027-01-04\","), json);
    assertTrue(json.contains("{\"month\":1,\"from\":\"2027-02-03\","), json);
    assertFalse(json.contains("\"month\":2,"), "2 months in 60 days: " + json);
    // Month 1: both services drained from LeSP by day 30, so both on KuSP the whole month.
    String month1 = json.substring(json.indexOf("{\"month\":1,"));
    assertTrue(month1.contains("\"servicesOnKusp\":{\"mean\":2.0,"), month1);
    assertTrue(month1.contains("\"servicesOnLesp\":{\"mean\":0.0,"), month1);
    assertTrue(month1.contains("\"lespCostPerHour\":{\"mean\":0.0,"), month1);
    for (String name : MigrateCsv.FILES) {
      assertTrue(Files.size(csv().resolve(name)) > 0, name);
    }
    assertEquals(3, Files.readAllLines(csv().resolve("months.csv")).size(), "header + 2 months");
    for (String name : io.platformsim.examples.report.MigrationCharts.FILES) {
      assertTrue(Files.size(charts().resolve(name)) > 1000, name);
    }
  }

  @Test
  void theJsonIsByteIdenticalForTheSameSeedAndCarriesTheSeedAndReplications() throws Exception {
    Path scenario = dir.resolve("small.yaml");
    Files.writeString(scenario, SMALL);
    Path plan = dir.resolve("plan.yaml");
    Files.writeString(plan, PLAN);
    String[] args = {"migrate", scenario.toString(), "--plan", plan.toString(), "--json", "-q"};
    String[] seeded = {
      "migrate",
      scenario.toString(),
      "--plan",
      plan.toString(),
      "--json",
      "-q",
      "-s",
      "9",
      "-r",
      "2"
    };
    Invocation a = Invocation.platformsim(args);
    Invocation b = Invocation.platformsim(args);
    assertEquals(0, a.exitCode(), a.err());
    assertEquals(a.out(), b.out(), "same seed, same bytes");
    assertEquals("5", a.member("seed"));
    assertEquals("1", a.member("replications"));
    Invocation c = Invocation.platformsim(seeded);
    assertEquals(0, c.exitCode(), c.err());
    assertEquals("9", c.member("seed"));
    assertEquals("2", c.member("replications"));
  }

  @Test
  void theExamplePlanFileRunsAndTheTableShowsItsRollbacks() throws Exception {
    Path scenario = dir.resolve("small.yaml");
    Files.writeString(scenario, SMALL);
    // Maven runs tests in the module directory; an IDE may run them from the repository root.
    Path example =
        Files.exists(Path.of("migration", "plan.yaml"))
            ? Path.of("migration", "plan.yaml")
            : Path.of("examples", "migration", "plan.yaml");
    Invocation i =
        Invocation.platformsim("migrate", scenario.toString(), "--plan", example.toString(), "-q");
    assertEquals(0, i.exitCode(), i.err());
    assertEquals("", i.err(), "-q: nothing on standard error");
    // plan.yaml: smallest-first in 4 waves, one attempt in ten rolled back, retried after 14 days.
    assertTrue(i.out().contains("4 waves smallest-first 14 d apart"), i.out());
    assertTrue(i.out().contains("rollback 10% per wave, retry after 14 d"), i.out());
    // 365 days = 8760 h = 12 months of 730 h: rows 0 to 11 in each of the two month tables.
    assertEquals(2, i.out().lines().filter(l -> l.startsWith("11 ")).count(), i.out());
    assertFalse(i.out().lines().anyMatch(l -> l.startsWith("12 ")), i.out());
  }

  @Test
  void helpListsThePlanOptionAndTheDefaultPlan() {
    Invocation i = Invocation.platformsim("migrate", "--help");
    assertEquals(0, i.exitCode());
    assertTrue(i.out().contains("--plan=<plan.yaml>"), i.out());
    assertTrue(i.out().contains("4 waves, smallest first, 14 days apart"), i.out());
    Invocation top = Invocation.platformsim("--help");
    assertTrue(top.out().contains("migrate"), top.out());
  }
}
