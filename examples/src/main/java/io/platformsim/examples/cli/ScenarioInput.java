package io.platformsim.examples.cli;

import io.platformsim.core.experiment.DefaultScenario;
import io.platformsim.core.experiment.Scenario;
import io.platformsim.core.experiment.ScenarioFile;
import io.platformsim.core.output.OutputFiles;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The scenario options {@code compare} and {@code migrate} share: the scenario file (the built-in
 * scenario without one), {@code --replications} and {@code --seed}.
 */
final class ScenarioInput {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "<scenario.yaml>",
      description = "Scenario file (default: the built-in scenario).")
  Path file;

  @Option(
      names = {"-r", "--replications"},
      paramLabel = "<n>",
      description = "Replications (default: the scenario's; the built-in one has 8).")
  Integer replications;

  @Option(
      names = {"-s", "--seed"},
      paramLabel = "<seed>",
      description = "Master seed (default: the scenario's; the built-in one has 42).")
  Long seed;

  /**
   * The scenario with the replications and seed given.
   *
   * @throws IllegalArgumentException (a {@code ScenarioFileException} for the file) with a one-line
   *     message naming the bad value
   */
  Scenario load() {
    Scenario scenario = file == null ? DefaultScenario.build() : ScenarioFile.load(file);
    if (replications != null) {
      if (replications < 1 || replications > Scenario.MAX_REPLICATIONS) {
        throw new IllegalArgumentException(
            "--replications: must be in [1, "
                + Scenario.MAX_REPLICATIONS
                + "], was "
                + replications);
      }
      scenario = scenario.withReplications(replications);
    }
    if (seed != null) {
      scenario = scenario.withSeed(seed);
    }
    return scenario;
  }

  /**
   * Checks before a run that {@code dir} (the value of {@code option}; null when not given) can
   * take {@code names}, naming the option in the message.
   */
  static void checkOutput(String option, Path dir, List<String> names) {
    if (dir == null) {
      return;
    }
    try {
      OutputFiles.checkDirectory(dir, names);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + " " + e.getMessage(), e);
    }
  }
}
