package io.platformsim.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code platformsim} command: the one command-line entry of the project. Each capability is a
 * subcommand; run without one, it prints the usage.
 */
@Command(
    name = "platformsim",
    mixinStandardHelpOptions = true,
    version = "platformsim 0.1.0-SNAPSHOT",
    description = "Simulates services on a machine-based platform (LeSP) and on Kubernetes (KuSP).",
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      PackCommand.class,
      CompareCommand.class,
      PlanCommand.class,
      ImportCommand.class,
      MigrateCommand.class,
    })
public final class PlatformsimCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** Runs the command line and returns its exit code (0 success, 2 bad usage, 1 failure). */
  public static int run(String... args) {
    return new CommandLine(new PlatformsimCommand()).execute(args);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }
}
