package io.platformsim.examples.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A notebook under {@code examples/notebooks}, run as a user runs it: a real {@code jshell} on the
 * class path, here the test class path (the shaded jar is built after the tests).
 */
final class Notebook {

  private final String fileName;
  private final Path path;

  private Notebook(String fileName) {
    this.fileName = fileName;
    // Maven runs tests in the module directory; an IDE may run them from the repository root.
    Path inModule = Path.of("notebooks", fileName);
    this.path = Files.exists(inModule) ? inModule : Path.of("examples", "notebooks", fileName);
  }

  /** The notebook {@code examples/notebooks/<fileName>}. */
  static Notebook named(String fileName) {
    return new Notebook(fileName);
  }

  /** The notebook's source text. */
  String text() throws IOException {
    return Files.readString(path);
  }

  /**
   * Runs the notebook and returns its non-blank standard-output lines, stripped. Fails the test if
   * jshell exits non-zero or writes anything to standard error (a notebook statement that does not
   * compile or throws is reported there).
   *
   * <p>The snippets run inside jshell's own JVM ({@code --execution local}), not in the second JVM
   * jshell launches by default and waits for over a debugger connection. That wait has a wall-clock
   * limit of 5 s ({@code JdiExecutionControlProvider}'s default timeout, jdk.jshell); on a loaded
   * machine the second JVM can take longer to start and connect back, and jshell then exits 1 with
   * "Launching JShell execution engine threw: ... TimeoutException" on standard error and nothing
   * run (reproduced here with {@code --execution "jdi:hostname(127.0.0.1),timeout(10)"}; openjdk
   * PR 30236 raises the same limit in jshell's own tests for loaded machines). That is the likely
   * cause of the notebook test that failed once at load average 15 and passed on rerun. Local
   * execution runs the same statements with no launch and no time limit. No wall-clock limit is
   * put on the run either (the 240 s {@code waitFor} there was came after standard output had been
   * read to its end, that is after jshell had finished, so it never limited anything).
   */
  List<String> run() throws Exception {
    // Surefire runs tests through a manifest-only jar; its real class path is in this property.
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path jshellBin = Path.of(System.getProperty("java.home"), "bin", "jshell");
    String jshell = Files.isExecutable(jshellBin) ? jshellBin.toString() : "jshell";
    Path err = Files.createTempFile("notebook", ".err");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(
              jshell,
              "--execution",
              "local",
              "--class-path",
              classPath,
              // JDK 17's local execution compiles against --class-path but loads classes only from
              // jshell's own class path (NoClassDefFoundError otherwise): give it both.
              "-J-cp",
              "-J" + classPath,
              "-J-Dfile.encoding=UTF-8",
              path.toString());
      pb.redirectError(err.toFile());
      boolean windows =
          System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
      pb.redirectInput(ProcessBuilder.Redirect.from(new File(windows ? "NUL" : "/dev/null")));
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      // The JDK's preferences store announces its first use on a fresh machine (a CI runner):
      // "Created user preferences directory." is jshell's, not the notebook's, so it is not an
      // error.
      String stderr =
          Files.readString(err)
              .lines()
              .filter(l -> !l.contains("Created user preferences directory"))
              .collect(java.util.stream.Collectors.joining("\n"));
      assertEquals(0, p.exitValue(), fileName + ": jshell failed:\n" + stderr + out);
      assertTrue(
          stderr.isBlank(),
          fileName + ": jshell reported errors:\n" + stderr + "\nstdout:\n" + out);
      return out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    } finally {
      Files.deleteIfExists(err);
    }
  }

  /**
   * Asserts the header documents the user's run command and the last statement is {@code /exit}.
   */
  void assertDocumentsItsCommandAndEndsWithExit() throws IOException {
    String text = text();
    assertTrue(
        text.contains(
            "jshell --class-path examples/target/platformsim.jar examples/notebooks/" + fileName),
        fileName + " does not document its run command");
    List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    assertEquals("/exit", lines.get(lines.size() - 1), fileName + " must end with /exit");
  }
}
