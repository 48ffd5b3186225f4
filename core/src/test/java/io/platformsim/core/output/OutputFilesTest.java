package io.platformsim.core.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {

  @TempDir Path dir;

  /** The names in {@code d}, hidden temporary files included. */
  private static Set<String> names(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void writesEveryFileIntoPlaceAndLeavesNoTemporaryFile() throws IOException {
    Path out = dir.resolve("a/b");
    List<Path> written =
        new OutputFiles()
            .text(out.resolve("summary.csv"), "x,y\n1,2\n")
            .bytes(out.resolve("chart.png"), o -> o.write(new byte[] {1, 2, 3}))
            .write();
    assertEquals(List.of(out.resolve("summary.csv"), out.resolve("chart.png")), written);
    assertEquals(Set.of("chart.png", "summary.csv"), names(out));
    assertEquals("x,y\n1,2\n", Files.readString(out.resolve("summary.csv")));
    assertEquals(3, Files.size(out.resolve("chart.png")));
  }

  @Test
  void replacesAnExistingFile() throws IOException {
    Files.writeString(dir.resolve("summary.csv"), "old, and longer than the new one\n");
    new OutputFiles().text(dir.resolve("summary.csv"), "new\n").write();
    assertEquals("new\n", Files.readString(dir.resolve("summary.csv")));
    assertEquals(Set.of("summary.csv"), names(dir));
  }

  @Test
  void diskFullHalfwayThroughALaterFileLeavesNoFileAndThePreviousVersionIntact()
      throws IOException {
    // A full disk shows up as an IOException from a write after some bytes went out.
    Files.writeString(dir.resolve("summary.csv"), "previous run\n");
    OutputFiles files =
        new OutputFiles()
            .text(dir.resolve("timeseries.csv"), "t\n0\n")
            .text(dir.resolve("summary.csv"), "this run\n")
            .bytes(
                dir.resolve("rollouts.csv"),
                o -> {
                  o.write(new byte[64 * 1024]);
                  throw new IOException("No space left on device");
                });
    IOException e = assertThrows(IOException.class, files::write);
    assertEquals(dir.resolve("rollouts.csv") + ": No space left on device", e.getMessage());
    assertEquals(Set.of("summary.csv"), names(dir), "no new file, no temporary file");
    assertEquals("previous run\n", Files.readString(dir.resolve("summary.csv")));
  }

  @Test
  void aFailedMoveTakesBackTheFilesAlreadyMovedAndRestoresWhatTheyReplaced() throws IOException {
    Files.writeString(dir.resolve("b.csv"), "old b\n");
    AtomicInteger moves = new AtomicInteger();
    OutputFiles files =
        new OutputFiles(
                (from, to) -> {
                  if (moves.incrementAndGet() == 3) {
                    throw new IOException("Input/output error");
                  }
                  OutputFiles.moveIntoPlace(from, to);
                })
            .text(dir.resolve("a.csv"), "new a\n")
            .text(dir.resolve("b.csv"), "new b\n")
            .text(dir.resolve("c.csv"), "new c\n");
    IOException e = assertThrows(IOException.class, files::write);
    assertEquals(dir.resolve("c.csv") + ": Input/output error", e.getMessage());
    assertEquals(Set.of("b.csv"), names(dir), "a.csv taken back out, nothing hidden left");
    assertEquals("old b\n", Files.readString(dir.resolve("b.csv")));
  }

  @Test
  void aDirectoryInTheWayOfALaterFileLeavesNoFile() throws IOException {
    Files.createDirectory(dir.resolve("rollouts.csv"));
    OutputFiles files =
        new OutputFiles()
            .text(dir.resolve("summary.csv"), "s\n")
            .text(dir.resolve("rollouts.csv"), "r\n");
    IOException e = assertThrows(IOException.class, files::write);
    assertTrue(e.getMessage().startsWith(dir.resolve("rollouts.csv") + ": "), e.getMessage());
    assertEquals(Set.of("rollouts.csv"), names(dir));
  }

  @Test
  void aFailureInsideTheContentIsRethrownAndLeavesNoFile() throws IOException {
    OutputFiles files =
        new OutputFiles()
            .text(dir.resolve("summary.csv"), "s\n")
            .bytes(
                dir.resolve("chart.png"),
                o -> {
                  throw new IllegalStateException("chart failed");
                });
    assertThrows(IllegalStateException.class, files::write);
    assertEquals(Set.of(), names(dir));
  }

  /** Makes {@code d} read-only; false if this user can write anyway (root ignores the mode). */
  private static boolean readOnly(Path d) throws IOException {
    Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      Files.delete(Files.createTempFile(d, "probe", ".tmp"));
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  @Test
  void aReadOnlyDirectoryIsRefusedByTheCheckAndTheWriteLeavesNothing() throws IOException {
    Path ro = Files.createDirectory(dir.resolve("ro"));
    try {
      assumeTrue(readOnly(ro), "running as a user (root) who writes into read-only directories");
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> OutputFiles.checkDirectory(ro, List.of("summary.csv")));
      assertEquals(ro + ": cannot write into it (permission denied)", e.getMessage());
      IllegalArgumentException below =
          assertThrows(
              IllegalArgumentException.class,
              () -> OutputFiles.checkDirectory(ro.resolve("new/deeper"), List.of("x")));
      assertEquals(
          ro.resolve("new/deeper") + ": cannot create it in " + ro + " (permission denied)",
          below.getMessage());
      IOException w =
          assertThrows(
              IOException.class,
              () -> new OutputFiles().text(ro.resolve("summary.csv"), "s\n").write());
      assertEquals(ro.resolve("summary.csv") + ": permission denied", w.getMessage());
      assertEquals(Set.of(), names(ro));
    } finally {
      Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void checkRefusesAFileInTheWayAndAFileAsParent() throws IOException {
    Path file = Files.writeString(dir.resolve("out"), "not a directory\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> OutputFiles.checkDirectory(file, List.of("a")));
    assertEquals(file + ": a file is in the way (not a directory)", e.getMessage());
    Path below = file.resolve("csv");
    IllegalArgumentException p =
        assertThrows(
            IllegalArgumentException.class, () -> OutputFiles.checkDirectory(below, List.of("a")));
    assertEquals(
        below + ": cannot create it, " + file + " is a file, not a directory", p.getMessage());
    assertEquals("not a directory\n", Files.readString(file));
  }

  @Test
  void checkRefusesADirectoryInTheWayOfAFile() throws IOException {
    Files.createDirectory(dir.resolve("machines.png"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> OutputFiles.checkDirectory(dir, List.of("utilization.png", "machines.png")));
    assertEquals(
        dir.resolve("machines.png") + ": a directory is in the way of the file machines.png",
        e.getMessage());
  }

  @Test
  void checkAcceptsAnExistingOrACreatableDirectoryAndCreatesNothing() throws IOException {
    OutputFiles.checkDirectory(dir, List.of("summary.csv"));
    OutputFiles.checkDirectory(dir.resolve("x/y/z"), List.of("summary.csv"));
    assertEquals(Set.of(), names(dir), "no directory made, no probe left");
  }

  @Test
  void aTargetTwiceOrWithoutAFileNameIsRefused() {
    OutputFiles files = new OutputFiles().text(dir.resolve("a.csv"), "");
    assertThrows(IllegalArgumentException.class, () -> files.text(dir.resolve("./a.csv"), ""));
    assertThrows(IllegalArgumentException.class, () -> files.text(dir.resolve(".."), ""));
    assertFalse(files.toString().isEmpty());
  }
}
