package io.platformsim.examples.cli;

import io.platformsim.core.experiment.Comparison;
import io.platformsim.core.experiment.ComparisonReport;
import io.platformsim.core.experiment.ComparisonResult;
import io.platformsim.core.experiment.PlatformRegistry;
import io.platformsim.core.experiment.Precision;
import io.platformsim.core.experiment.Scenario;
import io.platformsim.core.experiment.ScenarioMemory;
import io.platformsim.core.output.OutputFiles;
import io.platformsim.examples.report.ComparisonCharts;
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
 * {@code platformsim compare [scenario.yaml]}: runs a scenario (the built-in one without a file) on
 * LeSP and KuSP and prints both side by side with 95% confidence intervals and the ratio; or one
 * JSON object ({@code --json}); optionally writes CSV files and PNG charts. Progress goes to
 * standard error, results to standard output. {@code --platforms} picks other platforms by name
 * from {@link PlatformRegistry#withVariants()}, e.g. {@code lesp,kusp,kusp-rightsized}.
 *
 * <p>Before anything runs it checks what would make the run useless: the scenario file, the options
 * (and that each platform {@code --platforms} names can run the scenario), that the scenario fits
 * the heap ({@link ScenarioMemory}) and that the {@code --csv} and {@code --charts} directories can
 * take the files ({@link OutputFiles#checkDirectory}); each failure is one line on standard error
 * and exit code 2, within a second. The files are written together after the run, all or none
 * ({@link OutputFiles}): a failed write leaves no file behind, not even a part.
 *
 * <p>Exit codes: 0 success; 2 bad input (scenario file, option values, an output directory that
 * cannot take the files, a scenario too large for the heap), one line on standard error naming
 * file, line and field or the path and the reason; 1 a failure while running or writing.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs a scenario on the legacy machine platform (LeSP) and on Kubernetes",
      "(KuSP) and compares them: machines and cost, CPU and memory allocation and",
      "usage, stranded capacity, rollout times (p50/p95/max) of app releases and",
      "base-image changes, capacity unavailable during rollouts, time to scale out",
      "for a load spike, time to recover from a machine failure, identity figures.",
      "Each figure is a mean with a 95%% confidence interval over independent",
      "replications, run in parallel with common random numbers.",
      "",
      "Without a file it runs the built-in scenario (examples/scenarios/default.yaml):",
      "zebra (JVM), cheetah (Ruby + Nginx) and 58 generated services; a release of",
      "every service, a base-image change, a load spike and a machine failure over",
      "8 simulated hours. The YAML schema: examples/scenarios/README.md.",
      "",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:compared",
      "1:failed while running or writing files (no file is left half-written)",
      "2:bad input (one line on standard error): the scenario file, an option, an",
      "  output directory that cannot take the files, a scenario too large for the heap"
    })
public final class CompareCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ScenarioInput input;

  @Option(
      names = "--precision",
      paramLabel = "<target>",
      description = {
        "Keep adding replications until every headline figure's 95%% half-width is at most",
        "<target> of its mean (e.g. 5%% or 0.05): machines, cost, CPU and memory allocation,",
        "app rollout p50, time to recover, time to scale out. Replaces --replications."
      })
  String precision;

  @Option(
      names = "--precision-cap",
      paramLabel = "<n>",
      description = "Most replications --precision may run (default: 100).")
  Integer precisionCap;

  @Option(names = "--json", description = "Print one JSON object instead of the table.")
  boolean json;

  @Option(
      names = "--csv",
      paramLabel = "<dir>",
      description =
          "Write summary.csv, replications.csv, timeseries.csv and rollouts.csv into <dir>"
              + " (checked before the run).")
  Path csvDir;

  @Option(
      names = "--charts",
      paramLabel = "<dir>",
      description =
          "Write utilization.png, machines.png and rollouts.png into <dir> (checked before the run).")
  Path chartsDir;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress on standard error.")
  boolean quiet;

  @Option(
      names = "--platforms",
      split = ",",
      paramLabel = "<name>",
      description = {
        "Platforms to run, in order; the first is the baseline every ratio divides by",
        "(default: lesp,kusp). Known: lesp, kusp, kusp-rightsized (KuSP with each",
        "service's deployment.rightSized request, e.g. from 'platformsim import --usage';",
        "a scenario without one is refused). lesp,kusp,kusp-rightsized shows bin packing's",
        "effect (kusp/lesp) and right-sizing's (kusp-rightsized/kusp) side by side."
      })
  List<String> platforms;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Scenario scenario;
    Precision rule;
    PlatformRegistry registry;
    try {
      scenario = input.load();
      rule = precisionRule();
      registry = registry(scenario);
      ScenarioInput.checkOutput("--csv", csvDir, CSV_FILES);
      ScenarioInput.checkOutput("--charts", chartsDir, ComparisonCharts.FILES);
      // Before any platform is built: a clear refusal instead of an OutOfMemoryError mid-run
      // (under --precision, for as many replications as the cap allows).
      ScenarioMemory.check(
          rule == null
              ? scenario
              : scenario.withReplications(Math.min(rule.cap(), Scenario.MAX_REPLICATIONS)));
    } catch (IllegalArgumentException e) {
      err.println("platformsim compare: " + e.getMessage());
      err.flush();
      return 2;
    }
    scenario
        .envelopeWarning()
        .ifPresent(
            w -> {
              err.println("platformsim compare: warning: " + w);
              err.flush();
            });
    ComparisonResult result;
    try {
      result =
          rule == null
              ? Comparison.run(
                  scenario, registry, progress(err, scenario, "" + scenario.replications()))
              : Comparison.run(
                  scenario,
                  registry,
                  progress(err, scenario, "up to " + rule.cap()),
                  rule,
                  Runtime.getRuntime().availableProcessors());
    } catch (RuntimeException e) {
      if (!quiet) {
        err.println();
      }
      err.println("platformsim compare: the simulation failed: " + e.getMessage());
      err.flush();
      return 1;
    }
    for (String w : result.warnings()) {
      err.println("platformsim compare: warning: " + w);
    }
    err.flush();
    if (json) {
      out.println(CompareJson.of(result));
    } else {
      out.print(ComparisonReport.table(result));
    }
    out.flush();
    OutputFiles files = new OutputFiles();
    List<String> wrote = new ArrayList<>();
    if (csvDir != null) {
      for (String name : CSV_FILES) {
        files.text(csvDir.resolve(name), csv(name, result));
      }
      wrote.add(String.join(", ", CSV_FILES) + " to " + csvDir);
    }
    if (chartsDir != null) {
      ComparisonCharts.addTo(files, result, chartsDir);
      wrote.add(ComparisonCharts.FILES.size() + " charts to " + chartsDir);
    }
    try {
      files.write();
    } catch (IOException | RuntimeException e) {
      err.println("platformsim compare: cannot write: " + e.getMessage());
      err.flush();
      return 1;
    }
    for (String w : wrote) {
      note(err, "wrote " + w);
    }
    return 0;
  }

  /** The CSV files {@code --csv} writes, in order. */
  static final List<String> CSV_FILES =
      List.of("summary.csv", "replications.csv", "timeseries.csv", "rollouts.csv");

  private static String csv(String name, ComparisonResult result) {
    return switch (name) {
      case "summary.csv" -> ComparisonReport.summaryCsv(result);
      case "replications.csv" -> ComparisonReport.replicationsCsv(result);
      case "timeseries.csv" -> ComparisonReport.timeSeriesCsv(result);
      case "rollouts.csv" -> ComparisonReport.rolloutsCsv(result);
      default -> throw new IllegalStateException("no CSV named " + name);
    };
  }

  /**
   * The platforms {@code --platforms} names, from {@link PlatformRegistry#withVariants()}, in the
   * order given ({@link PlatformRegistry#standard()} without the option), each checked against
   * {@code scenario} ({@code PlatformFactory.adapt}: {@code kusp-rightsized} refuses a scenario
   * without right-sized requests) so a variant that cannot run fails before anything runs.
   *
   * @throws IllegalArgumentException naming the option, the unknown or repeated name and the known
   *     ones, or why a platform cannot run the scenario
   */
  private PlatformRegistry registry(Scenario scenario) {
    if (platforms == null) {
      return PlatformRegistry.standard();
    }
    PlatformRegistry known = PlatformRegistry.withVariants();
    List<String> names = new ArrayList<>();
    for (String p : platforms) {
      String name = p.strip();
      if (!known.names().contains(name)) {
        throw new IllegalArgumentException(
            "--platforms: unknown platform '"
                + name
                + "'; known: "
                + String.join(", ", known.names()));
      }
      if (names.contains(name)) {
        throw new IllegalArgumentException("--platforms: '" + name + "' is named twice");
      }
      names.add(name);
    }
    PlatformRegistry chosen = known.only(names.toArray(new String[0]));
    for (String name : names) {
      chosen.factory(name).adapt(scenario);
    }
    return chosen;
  }

  /**
   * The {@code --precision} rule, or null without the option: {@code 5%} or {@code 0.05}; the cap
   * from {@code --precision-cap} (default {@link Precision#DEFAULT_CAP}).
   *
   * @throws IllegalArgumentException naming the option and the value
   */
  private Precision precisionRule() {
    if (precision == null) {
      if (precisionCap != null) {
        throw new IllegalArgumentException("--precision-cap: needs --precision");
      }
      return null;
    }
    if (input.replications != null) {
      throw new IllegalArgumentException(
          "--precision: chooses the number of replications itself; drop --replications");
    }
    String text = precision.strip();
    boolean percent = text.endsWith("%");
    double target;
    try {
      target = Double.parseDouble(percent ? text.substring(0, text.length() - 1).strip() : text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--precision: expected a fraction like 0.05 or a percentage like 5%, was '"
              + precision
              + "'");
    }
    if (percent) {
      target /= 100;
    }
    int cap = precisionCap == null ? Precision.DEFAULT_CAP : precisionCap;
    try {
      return Precision.relative(target, cap);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          (precisionCap != null && e.getMessage().contains("cap")
                  ? "--precision-cap: "
                  : "--precision: ")
              + e.getMessage()
              + " ('"
              + (e.getMessage().contains("cap") ? String.valueOf(cap) : precision)
              + "')");
    }
  }

  private void note(PrintWriter err, String message) {
    if (!quiet) {
      err.println(message);
      err.flush();
    }
  }

  /**
   * Progress on standard error: a line when the run starts, then the replications done; on a
   * terminal one line rewritten in place, otherwise one line per replication.
   */
  private Comparison.Progress progress(PrintWriter err, Scenario s, String count) {
    if (quiet) {
      return Comparison.Progress.NONE;
    }
    boolean terminal = System.console() != null;
    err.printf(
        Locale.ROOT,
        "Running '%s': %d services, %s replications on %s (%s simulated each)%n",
        s.name(),
        s.workload().services().size(),
        count,
        platforms == null ? "LeSP and KuSP" : String.join(", ", platforms),
        String.format(Locale.ROOT, "%.1f h", s.horizonMillis() / 3_600_000.0));
    err.flush();
    return (done, total) -> {
      synchronized (err) {
        int width = 30;
        int filled = done * width / total;
        String bar =
            "["
                + "#".repeat(filled)
                + " ".repeat(width - filled)
                + "] "
                + done
                + "/"
                + total
                + " replications";
        if (terminal) {
          err.print("\r" + bar + (done == total ? System.lineSeparator() : ""));
        } else {
          err.println(bar);
        }
        err.flush();
      }
    };
  }
}
