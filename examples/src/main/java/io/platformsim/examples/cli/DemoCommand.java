package io.platformsim.examples.cli;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.engine.DurationSampler;
import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.ReplicationModel;
import io.platformsim.core.engine.ReplicationResult;
import io.platformsim.core.engine.Replications;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.engine.Tally;
import io.platformsim.core.engine.TimeWeightedAverage;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.math3.random.RandomGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code platformsim demo}: the discrete-event engine on a small LeSP question — how long does a
 * fleet-wide configuration-management run take when an orchestrator converges N machines at most P
 * at a time, converge durations are lognormal and a failed converge is retried?
 *
 * <p>The defaults follow the published Voxer figures (reference/calibration.md, S6: about 200
 * nodes, 30 minutes at 30-way parallelism): 200 machines, 30 at a time, a median converge of 4
 * minutes with a p99 of 10 minutes (the p99 is this demo's assumption). It prints each figure's
 * mean over the replications with a 95% Student-t confidence interval; the same seed prints the
 * same table whatever the number of threads.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Simulates a fleet-wide configuration-management run: an orchestrator converges "
          + "--machines machines, at most --parallelism at a time; converge durations are "
          + "lognormal (--median, --p99) or --fixed; a failed converge (--failure-probability) "
          + "is retried. Prints each figure's mean over --replications runs with a 95%% "
          + "confidence interval.",
      "Durations are written like 90s, 4m, 1.5h or 1500ms."
    })
public final class DemoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--machines",
      paramLabel = "<n>",
      defaultValue = "200",
      description = "Machines to converge (default: ${DEFAULT-VALUE}).")
  int machines;

  @Option(
      names = "--parallelism",
      paramLabel = "<n>",
      defaultValue = "30",
      description = "Converges the orchestrator runs at once (default: ${DEFAULT-VALUE}).")
  int parallelism;

  @Option(
      names = "--median",
      paramLabel = "<duration>",
      defaultValue = "4m",
      converter = DurationConverter.class,
      description = "Median converge duration (default: ${DEFAULT-VALUE}).")
  long medianMillis;

  @Option(
      names = "--p99",
      paramLabel = "<duration>",
      defaultValue = "10m",
      converter = DurationConverter.class,
      description = "99th-percentile converge duration (default: ${DEFAULT-VALUE}).")
  long p99Millis;

  @Option(
      names = "--fixed",
      description = "Every converge takes exactly --median (no randomness in durations).")
  boolean fixed;

  @Option(
      names = "--failure-probability",
      paramLabel = "<p>",
      defaultValue = "0.02",
      description = "Probability that a converge fails and is retried (default: ${DEFAULT-VALUE}).")
  double failureProbability;

  @Option(
      names = "--replications",
      paramLabel = "<n>",
      defaultValue = "10",
      description = "Independent replications (default: ${DEFAULT-VALUE}).")
  int replications;

  @Option(
      names = "--seed",
      paramLabel = "<seed>",
      defaultValue = "1",
      description = "Master seed; the same seed prints the same table (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--threads",
      paramLabel = "<n>",
      description =
          "Threads for the replications (default: the number of processors; the output does not depend on it).")
  Integer threads;

  @Override
  public Integer call() {
    validate();
    DurationDistribution converge =
        fixed
            ? DurationDistribution.fixed(medianMillis)
            : DurationDistribution.logNormal(medianMillis, p99Millis);
    FleetConverge model = new FleetConverge(machines, parallelism, converge, failureProbability);
    int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    ReplicationResult result = Replications.run(seed, replications, threadCount, model);

    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "Fleet-wide configuration-management run%n");
    out.printf(
        Locale.ROOT, "  %d machines, at most %d converging at once%n", machines, parallelism);
    out.printf(
        Locale.ROOT,
        "  converge duration %s (mean %.2f min)%n",
        fixed
            ? "fixed " + DurationConverter.format(medianMillis)
            : "lognormal, median "
                + DurationConverter.format(medianMillis)
                + ", p99 "
                + DurationConverter.format(p99Millis),
        converge.meanMillis() / 60_000);
    out.printf(
        Locale.ROOT,
        "  failure probability %s per converge (failed machines are retried)%n%n",
        failureProbability);
    out.print(result.toTable(2));
    out.flush();
    return 0;
  }

  private void validate() {
    CommandLine cl = spec.commandLine();
    if (machines < 1) {
      throw new ParameterException(cl, "--machines must be at least 1, was " + machines);
    }
    if (parallelism < 1) {
      throw new ParameterException(cl, "--parallelism must be at least 1, was " + parallelism);
    }
    if (replications < 1) {
      throw new ParameterException(cl, "--replications must be at least 1, was " + replications);
    }
    if (threads != null && threads < 1) {
      throw new ParameterException(cl, "--threads must be at least 1, was " + threads);
    }
    if (medianMillis <= 0) {
      throw new ParameterException(cl, "--median must be positive, was " + medianMillis + "ms");
    }
    if (!fixed && p99Millis <= medianMillis) {
      throw new ParameterException(
          cl,
          "--p99 "
              + DurationConverter.format(p99Millis)
              + " must be above --median "
              + DurationConverter.format(medianMillis)
              + " (or use --fixed)");
    }
    if (!(failureProbability >= 0 && failureProbability < 1)) {
      throw new ParameterException(
          cl, "--failure-probability must be in [0, 1), was " + failureProbability);
    }
  }

  /**
   * One replication of the fleet run. At time 0 every machine is waiting; the orchestrator keeps up
   * to {@code parallelism} converges going, taking machines first come, first served; when a
   * converge ends it either succeeds (the machine is ready) or fails and the machine queues again
   * at the back. Randomness: stream {@code converge-duration} for durations, {@code
   * converge-failure} for outcomes.
   */
  static final class FleetConverge implements ReplicationModel {
    private final int machines;
    private final int parallelism;
    private final DurationDistribution converge;
    private final double failureProbability;

    FleetConverge(
        int machines, int parallelism, DurationDistribution converge, double failureProbability) {
      this.machines = machines;
      this.parallelism = parallelism;
      this.converge = converge;
      this.failureProbability = failureProbability;
    }

    @Override
    public Map<String, Double> run(RandomStreams streams) {
      return new Run(streams).execute();
    }

    /** The mutable state of one replication; never shared between threads. */
    private final class Run {
      final Simulation sim = new Simulation();
      final DurationSampler duration;
      final RandomGenerator outcomes;
      final ArrayDeque<Integer> waiting = new ArrayDeque<>();
      final Tally converges = new Tally("converge run");
      final Tally ready = new Tally("machine ready");
      final TimeWeightedAverage busy = new TimeWeightedAverage("orchestrator busy", 0, 0);
      int running;
      int failed;

      Run(RandomStreams streams) {
        duration = converge.sampler(streams.stream("converge-duration"));
        outcomes = streams.stream("converge-failure");
        for (int m = 0; m < machines; m++) {
          waiting.add(m);
        }
      }

      Map<String, Double> execute() {
        startWhileSlotsFree();
        sim.run();
        long end = sim.now();
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("makespan [min]", minutes(end));
        figures.put("machine ready, mean [min]", minutes(ready.mean()));
        figures.put("machine ready, p90 [min]", minutes(ready.percentile(90)));
        figures.put("converge run, p50 [min]", minutes(converges.percentile(50)));
        figures.put("converge run, p99 [min]", minutes(converges.percentile(99)));
        figures.put(
            "orchestrator busy [%]", end == 0 ? 0.0 : 100 * busy.average(end) / parallelism);
        figures.put("failed converges", (double) failed);
        return figures;
      }

      void startWhileSlotsFree() {
        while (running < parallelism && !waiting.isEmpty()) {
          int machine = waiting.poll();
          long d = duration.next();
          running++;
          busy.update(sim.now(), running);
          sim.schedule(d, () -> finish(machine, d));
        }
      }

      void finish(int machine, long d) {
        running--;
        busy.update(sim.now(), running);
        converges.add(d);
        if (failureProbability > 0 && outcomes.nextDouble() < failureProbability) {
          failed++;
          waiting.add(machine);
        } else {
          ready.add(sim.now());
        }
        startWhileSlotsFree();
      }
    }

    private static double minutes(double millis) {
      return millis / 60_000.0;
    }
  }

  /**
   * Parses durations such as {@code 1500ms}, {@code 90s}, {@code 4m}, {@code 1.5h} into
   * milliseconds.
   */
  static final class DurationConverter implements CommandLine.ITypeConverter<Long> {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    @Override
    public Long convert(String value) {
      Matcher m = DURATION.matcher(value.trim());
      if (!m.matches()) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a duration; write e.g. 1500ms, 90s, 4m or 1.5h");
      }
      double amount = Double.parseDouble(m.group(1));
      double unit =
          switch (m.group(2)) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m" -> 60_000;
            default -> 3_600_000;
          };
      double millis = amount * unit;
      if (millis > Long.MAX_VALUE / 2) {
        throw new CommandLine.TypeConversionException("'" + value + "' is too long a duration");
      }
      return Math.round(millis);
    }

    /**
     * The shortest exact rendering in the units above, e.g. {@code 4m}, {@code 90s}, {@code
     * 1500ms}.
     */
    static String format(long millis) {
      if (millis != 0 && millis % 3_600_000 == 0) {
        return millis / 3_600_000 + "h";
      }
      if (millis != 0 && millis % 60_000 == 0) {
        return millis / 60_000 + "m";
      }
      if (millis != 0 && millis % 1_000 == 0) {
        return millis / 1_000 + "s";
      }
      return millis + "ms";
    }
  }
}
