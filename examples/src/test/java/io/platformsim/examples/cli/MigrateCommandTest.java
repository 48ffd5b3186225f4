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
