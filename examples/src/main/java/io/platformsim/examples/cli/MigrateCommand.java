package io.platformsim.examples.cli;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.experiment.Scenario;
import io.platformsim.core.experiment.ScenarioMemory;
import io.platformsim.core.experiment.migration.Migration;
import io.platformsim.core.experiment.migration.MigrationPlan;
import io.platformsim.core.experiment.migration.MigrationPlanFile;
import io.platformsim.core.experiment.migration.MigrationResult;
import io.platformsim.core.experiment.migration.MigrationTimeline;
import io.platformsim.core.output.OutputFiles;
import io.platformsim.examples.report.MigrationCharts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code platformsim migrate [scenario.yaml] [--plan plan.yaml]}: runs a migration of the
 * scenario's services from LeSP to KuSP by a plan ({@link MigrationPlan#defaults()} without {@code
 * --plan}) and prints, per month of 730 h, both platforms' machines and cost, the services on each
 * side, CPU allocation, identity figures and the cumulative cost against staying on LeSP and a
 * big-bang move; then the break-even month, the peak overlap cost and the total migration cost,
 * each a mean with its 95% interval over replications ({@link Migration#run}). Or one JSON object
 * ({@code --json}, {@link MigrateJson}); optionally CSV files ({@link MigrateCsv}) and PNG charts
 * ({@link MigrationCharts}).
 *
 * <p>As {@code compare}: before anything runs it checks the scenario file, the plan file, the
 * options, that the plan fits the scenario (its timeline is expanded once: explicit waves naming
 * unknown services, a dependency order without a call graph, ... fail here), that the scenario fits
 * the heap and that the output directories can take the files; each failure is one line on standard
 * error and exit code 2, with nothing written. Files are written together after the run, all or
 * none. Progress goes to standard error unless {@code -q}.
 */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Simulates the migration of a scenario's services from the legacy machine",
      "platform (LeSP) to Kubernetes (KuSP) by a plan: waves of services, readiness",
      "work, dual running with traffic shifted in steps, a bake, then the LeSP pool",
      "drained; rollbacks. Both platforms are billed meanwhile. Prints per month",
      "(730 h): LeSP machines, KuSP nodes, cost per hour of each and their sum,",
      "services on LeSP / dual / on KuSP, CPU allocation, certificates per day,",
      "principals, host blast radius, cumulative cost against staying on LeSP and a",
      "big-bang move; then the break-even month, the peak overlap cost and the total",
      "migration cost. Each figure is a mean with a 95%% confidence interval over",
      "replications.",
      "",
      "Without a file it runs the built-in scenario; without --plan the default plan:",
      "4 waves, smallest first, 14 days apart, traffic 1%% -> 10%% -> 50%% -> 100%% over",
      "a week of dual running, 7 days of bake, no rollbacks, 365 days reported.",
      "The plan file: examples/migration/README.md.",
      "",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:migrated",
      "1:failed while running or writing files (no file is left half-written)",
      "2:bad input (one line on standard error): the scenario or plan file, an option,",
      "  an output directory that cannot take the files, a scenario too large for the heap"
    })
public final class MigrateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ScenarioInput input;

  @Option(
      names = "--plan",
      paramLabel = "<plan.yaml>",
      description = "Migration plan file (default: the built-in plan, see above).")
  Path planFile;

  @Option(names = "--json", description = "Print one JSON object instead of the table.")
  boolean json;

  @Option(
      names = "--csv",
      paramLabel = "<dir>",
      description = "Write months.csv and segments.csv into <dir> (checked before the run).")
  Path csvDir;

  @Option(
      names = "--charts",
      paramLabel = "<dir>",
      description =
          "Write migration-cost.png and services-by-side.png into <dir> (checked before the run).")
  Path chartsDir;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress on standard error.")
  boolean quiet;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Scenario scenario;
    MigrationPlan plan;
    try {
      scenario = input.load();
      plan = planFile == null ? MigrationPlan.defaults() : MigrationPlanFile.load(planFile);
      checkPlanFits(scenario, plan);
      ScenarioInput.checkOutput("--csv", csvDir, MigrateCsv.FILES);
      ScenarioInput.checkOutput("--charts", chartsDir, MigrationCharts.FILES);
      ScenarioMemory.check(scenario);
    } catch (IllegalArgumentException e) {
      err.println("platformsim migrate: " + e.getMessage());
      err.flush();
      return 2;
    }
    scenario
        .envelopeWarning()
        .ifPresent(
            w -> {
              err.println("platformsim migrate: warning: " + w);
              err.flush();
            });
    if (!quiet) {
      err.printf(
          Locale.ROOT,
          "Migrating '%s': %d services, %d replications; plan: %s%n",
          scenario.name(),
          scenario.workload().services().size(),
          scenario.replications(),
          MigrateTable.describe(plan));
      err.flush();
    }
    MigrationResult result;
    try {
      result = Migration.run(scenario, plan);
    } catch (RuntimeException e) {
      err.println("platformsim migrate: the simulation failed: " + e.getMessage());
      err.flush();
      return 1;
    }
    out.print(json ? MigrateJson.of(result) + System.lineSeparator() : MigrateTable.of(result));
    out.flush();
    OutputFiles files = new OutputFiles();
    List<String> wrote = new ArrayList<>();
    if (csvDir != null) {
      for (String name : MigrateCsv.FILES) {
        files.text(csvDir.resolve(name), MigrateCsv.file(name, result));
      }
      wrote.add(String.join(", ", MigrateCsv.FILES) + " to " + csvDir);
    }
    if (chartsDir != null) {
      MigrationCharts.addTo(files, result, chartsDir);
      wrote.add(MigrationCharts.FILES.size() + " charts to " + chartsDir);
    }
    try {
      files.write();
    } catch (IOException | RuntimeException e) {
      err.println("platformsim migrate: cannot write: " + e.getMessage());
      err.flush();
      return 1;
    }
    if (!quiet) {
      for (String w : wrote) {
        err.println("wrote " + w);
      }
      err.flush();
    }
    return 0;
  }

  /**
   * Expands the plan once for the scenario (pure, no simulation: milliseconds) so a plan that
   * cannot apply to this scenario's services fails before the run with the plan's own message.
   *
   * @throws IllegalArgumentException naming the plan file (or the built-in plan) and the reason
   */
  private void checkPlanFits(Scenario scenario, MigrationPlan plan) {
    try {
      MigrationTimeline.of(scenario, plan, RandomStreams.of(scenario.seed(), 0));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          (planFile == null ? "the default plan" : planFile.toString())
              + " does not fit scenario '"
              + scenario.name()
              + "': "
              + e.getMessage(),
          e);
    }
  }
}
