package io.platformsim.core.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A set of output files written all together or not at all.
 *
 * <p>{@link #write()} first writes every file to a hidden temporary name in its target's directory
 * ({@code .summary.csv.<random>.tmp}), forced to disk; only when all of them are written does it
 * move each into place, with {@link StandardCopyOption#ATOMIC_MOVE} (a rename: a reader sees the
 * old file or the new one, never half of one) or, where the file system cannot do that, {@link
 * StandardCopyOption#REPLACE_EXISTING}. If anything fails (a full disk, a read-only directory, a
 * directory in the way, an exception from a {@link Content}) every temporary file is deleted, files
 * already moved are taken back out and the versions they replaced are put back; the exception is
 * then thrown with one line naming the path and the reason. So after a failed write the targets are
 * as they were before it. (A crash of the JVM between two moves can still leave a mixed set; the
 * temporary names are hidden and never read by anything.)
 *
 * <p>{@link #checkDirectory} is the preflight: it tells before a long run whether a directory could
 * take the files, without creating anything.
 *
 * <pre>{@code
 * OutputFiles.checkDirectory(dir, List.of("summary.csv", "chart.png")); // before the run
 * new OutputFiles()
 *     .text(dir.resolve("summary.csv"), csv)
 *     .bytes(dir.resolve("chart.png"), out -> ChartUtils.writeChartAsPNG(out, chart, 800, 600))
 *     .write();                                                         // both or neither
 * }</pre>
 *
 * <p>Mutable while files are added (not thread-safe); {@link #write()} may be called again.
 */
public final class OutputFiles {

  /** Writes one file's bytes to a stream that {@link OutputFiles} opens, flushes and closes. */
  @FunctionalInterface
  public interface Content {
    /** Writes the whole file to {@code out}. */
    void writeTo(OutputStream out) throws IOException;
  }

  /** Moves one file over another: {@link #moveIntoPlace}, or a failing one in tests. */
  @FunctionalInterface
  interface Mover {
    void move(Path from, Path to) throws IOException;
  }

  private final Map<Path, Content> files = new LinkedHashMap<>();
  private final Mover mover;

  /** An empty set of files. */
  public OutputFiles() {
    this(OutputFiles::moveIntoPlace);
  }

  OutputFiles(Mover mover) {
    this.mover = mover;
  }

  /**
   * Adds {@code target} with {@code text} in UTF-8.
   *
   * @throws IllegalArgumentException if {@code target} has no file name or is already in the set
   */
  public OutputFiles text(Path target, String text) {
    Objects.requireNonNull(text, "text");
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return bytes(target, out -> out.write(bytes));
  }

  /**
   * Adds {@code target}, whose bytes {@code content} writes when the set is written.
   *
   * @throws IllegalArgumentException if {@code target} has no file name or is already in the set
   */
  public OutputFiles bytes(Path target, Content content) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(content, "content");
    Path name = target.getFileName();
    if (name == null || name.toString().equals("..") || name.toString().equals(".")) {
      throw new IllegalArgumentException(target + ": not a file name");
    }
    Path key = target.toAbsolutePath().normalize();
    for (Path p : files.keySet()) {
      if (p.toAbsolutePath().normalize().equals(key)) {
        throw new IllegalArgumentException(target + ": already in this set of files");
      }
    }
    files.put(target, content);
    return this;
  }

  /** The files of the set, in the order they were added. */
  public List<Path> targets() {
    return List.copyOf(files.keySet());
  }

  /**
   * Writes every file of the set, all or none (see the class comment), creating missing
   * directories.
   *
   * @return the files written, in the order they were added
   * @throws IOException with a message {@code "<path>: <reason>"} if any file cannot be written;
   *     then no file of the set has changed and no temporary file is left
   */
  public List<Path> write() throws IOException {
    Map<Path, Path> temps = new LinkedHashMap<>(); // target -> its new content
    Map<Path, Path> backups = new LinkedHashMap<>(); // target -> the version it replaces
    List<Path> moved = new ArrayList<>();
    Path current = null;
    try {
      for (Map.Entry<Path, Content> e : files.entrySet()) {
        current = e.getKey();
        Path dir = directoryOf(current);
        Files.createDirectories(dir);
        if (Files.isDirectory(current)) {
          throw new FileSystemException(current.toString(), null, "a directory is in the way");
        }
        Path temp = Files.createTempFile(dir, "." + current.getFileName() + ".", ".tmp");
        temps.put(current, temp);
        writeFully(temp, e.getValue());
      }
      for (Map.Entry<Path, Path> e : temps.entrySet()) {
        current = e.getKey();
        if (Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
          backups.put(current, backup(current));
        }
        mover.move(e.getValue(), current);
        moved.add(current);
      }
      current = null;
      return targets();
    } catch (IOException | RuntimeException | Error e) {
      rollBack(moved, backups, e);
      if (e instanceof IOException io) {
        throw new IOException(describe(current, io), io);
      }
      throw e;
    } finally {
      for (Path temp : temps.values()) {
        deleteQuietly(temp);
      }
      for (Path b : backups.values()) {
        deleteQuietly(b);
      }
    }
  }

  /**
   * Checks, without creating anything lasting, that {@code dir} could take files named {@code
   * names}: it is a directory (or does not exist yet and its nearest existing ancestor is a
   * directory), a probe file can be created in it (or in that ancestor) and deleted, and no name is
   * taken by a directory. Whether the disk has room is only known when writing.
   *
   * @throws IllegalArgumentException with a one-line message {@code "<path>: <reason>"} otherwise
   */
  public static void checkDirectory(Path dir, Collection<String> names) {
    Objects.requireNonNull(dir, "dir");
    if (Files.exists(dir)) {
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException(dir + ": a file is in the way (not a directory)");
      }
      for (String name : names) {
        Path target = dir.resolve(name);
        if (Files.isDirectory(target)) {
          throw new IllegalArgumentException(
              target + ": a directory is in the way of the file " + name);
        }
      }
      probe(dir, dir + ": cannot write into it");
      return;
    }
    Path ancestor = dir.toAbsolutePath().normalize().getParent();
    while (ancestor != null && !Files.exists(ancestor)) {
      ancestor = ancestor.getParent();
    }
    if (ancestor == null) {
      throw new IllegalArgumentException(dir + ": no existing directory above it");
    }
    if (!Files.isDirectory(ancestor)) {
      throw new IllegalArgumentException(
          dir + ": cannot create it, " + ancestor + " is a file, not a directory");
    }
    probe(ancestor, dir + ": cannot create it in " + ancestor);
  }

  /** Renames {@code from} over {@code to} atomically, or replaces it where that is not possible. */
  static void moveIntoPlace(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The reason of an I/O failure in words ("permission denied", "No space left on device"). */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  // Names the target, not the hidden temporary file the failure may have happened on.
  private static String describe(Path target, IOException e) {
    if (target == null && e instanceof FileSystemException fs && fs.getFile() != null) {
      return fs.getFile() + ": " + reason(e);
    }
    return (target == null ? "" : target + ": ") + reason(e);
  }

  private static void probe(Path dir, String what) {
    try {
      Path p = Files.createTempFile(dir, ".platformsim-probe-", ".tmp");
      Files.delete(p);
    } catch (IOException e) {
      throw new IllegalArgumentException(what + " (" + reason(e) + ")", e);
    }
  }

  private static Path directoryOf(Path target) {
    Path parent = target.toAbsolutePath().getParent();
    return parent == null ? target.toAbsolutePath().getRoot() : parent;
  }

  private static void writeFully(Path temp, Content content) throws IOException {
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel))) {
      content.writeTo(out);
      out.flush();
      // On disk before the rename makes it visible: a crash after it never shows an empty file.
      channel.force(true);
    }
  }

  /** A hard link to {@code target} under a hidden name (a copy where links are not supported). */
  private static Path backup(Path target) throws IOException {
    Path b = Files.createTempFile(directoryOf(target), "." + target.getFileName() + ".", ".old");
    Files.delete(b);
    try {
      Files.createLink(b, target);
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(
          target, b, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    }
    return b;
  }

  private static void rollBack(List<Path> moved, Map<Path, Path> backups, Throwable cause) {
    for (Path target : moved) {
      try {
        Path old = backups.get(target);
        if (old == null) {
          Files.deleteIfExists(target);
        } else {
          moveIntoPlace(old, target);
        }
      } catch (IOException | RuntimeException e) {
        cause.addSuppressed(e);
      }
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // Best effort: a hidden leftover is harmless, and the write's own outcome matters more.
    }
  }

  @Override
  public String toString() {
    return "OutputFiles" + files.keySet();
  }
}
