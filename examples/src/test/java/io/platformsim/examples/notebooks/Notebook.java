package io.platformsim.examples.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

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
   * <p>Nothing in the run depends on the machine's speed, its load or its history; jshell's own
   * defaults had three ways to fail a correct notebook that a rerun would pass:
   *
   * <ul>
   *   <li>A fresh user home: the first jshell run ever writes "&lt;date&gt;
   *       java.util.prefs.FileSystemPreferences$1 run" and "INFO: Created user preferences
   *       directory." to standard error (two lines; a filter here used to drop only the second, so
   *       the first notebook test on a fresh CI runner, CapacityPlanningNotebookTest, failed and
   *       the rerun passed). Each run now gets a preferences root of its own ({@code
   *       java.util.prefs.userRoot}) whose directory exists already: no message, and no lock shared
   *       with other jshell processes of the same user (the JDK's file lock gives up after about
   *       1.5 s of retries and logs "Couldn't flush user prefs ... Couldn't get file lock", a
   *       failure that only concurrent runs on a loaded machine meet).
   *   <li>The execution engine: by default the snippets run in a second JVM that jshell launches
   *       and waits for over a debugger connection for at most 5 s ({@code
   *       JdiExecutionControlProvider}'s default timeout, jdk.jshell; openjdk PR 30236 raises it in
   *       jshell's own tests for loaded machines); too slow a start on a loaded machine exits 1
   *       with "Launching JShell execution engine threw: ... TimeoutException". {@code --execution
   *       local} runs the same statements in jshell's own JVM: no launch, no time limit.
   *   <li>No wall-clock limit on the run: standard output is read to its end, which comes when
   *       jshell exits (the former 240 s {@code waitFor} came after that read, so it never limited
   *       anything; a hung simulation is stopped by the engine's event limits instead).
   * </ul>
   */
  List<String> run() throws Exception {
    // Surefire runs tests through a manifest-only jar; its real class path is in this property.
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path jshellBin = Path.of(System.getProperty("java.home"), "bin", "jshell");
    String jshell = Files.isExecutable(jshellBin) ? jshellBin.toString() : "jshell";
    Path err = Files.createTempFile("notebook", ".err");
    Path prefs = Files.createTempDirectory("notebook-prefs");
    // The directory the JDK would otherwise create, and announce, on first use.
    Files.createDirectories(prefs.resolve(".java").resolve(".userPrefs"));
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
              "-J-Djava.util.prefs.userRoot=" + prefs,
              "-J-Dfile.encoding=UTF-8",
              path.toString());
      pb.redirectError(err.toFile());
      boolean windows =
          System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
      pb.redirectInput(ProcessBuilder.Redirect.from(new File(windows ? "NUL" : "/dev/null")));
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      String stderr = Files.readString(err);
      assertEquals(0, p.exitValue(), fileName + ": jshell failed:\n" + stderr + out);
      assertTrue(
          stderr.isBlank(),
          fileName + ": jshell reported errors:\n" + stderr + "\nstdout:\n" + out);
      return out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    } finally {
      Files.deleteIfExists(err);
      deleteTree(prefs);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
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
