package io.platformsim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** One run of the {@code platformsim} command line in-process, with its captured output. */
record Invocation(int exitCode, String out, String err) {

  /** Runs {@code platformsim args...} and captures standard output and standard error. */
  static Invocation platformsim(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new PlatformsimCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Invocation(code, out.toString(), err.toString());
  }

  /** The rest of the output line that starts with {@code label} and a space, trimmed. */
  String row(String label) {
    for (String line : out.split("\n")) {
      if (line.startsWith(label + " ")) {
        return line.substring(label.length()).trim();
      }
    }
    throw new AssertionError("no row '" + label + "' in:\n" + out);
  }

  /** The numeric columns of the row {@code label}. */
  double[] numbers(String label) {
    String[] cells = row(label).split("\\s+");
    double[] values = new double[cells.length];
    for (int i = 0; i < cells.length; i++) {
      values[i] = Double.parseDouble(cells[i]);
    }
    return values;
  }

  /** A JSON member's raw value in the output (number, string with quotes, or array). */
  String member(String name) {
    Matcher m =
        Pattern.compile("\"" + name + "\":(\"(?:[^\"\\\\]|\\\\.)*\"|\\[[^]]*]|[^,}]+)")
            .matcher(out);
    if (!m.find()) {
      throw new AssertionError("no member '" + name + "' in " + out);
    }
    return m.group(1);
  }

  /**
   * Asserts the command-line error contract: exit code 2, one line on standard error starting with
   * {@code "platformsim <command>: "}, no stack trace, and each fragment in it.
   */
  void assertOneLineError(String command, String... fragments) {
    assertEquals(2, exitCode, "exit code; err=" + err + " out=" + out);
    assertTrue(err.startsWith("platformsim " + command + ": "), err);
    assertEquals(1, err.split("\n").length, "one line: " + err);
    assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
    for (String f : fragments) {
      assertTrue(err.contains(f), "'" + f + "' in: " + err);
    }
  }
}
