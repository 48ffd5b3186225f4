package io.platformsim.scheduler.packing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Readers for the public benchmark formats. All of them split on whitespace, so CRLF line endings
 * and leading spaces (both common in the published files) are fine. Every problem is reported as a
 * {@link PackingFileException} naming the file, line and field: a wrong item count, a token that is
 * not an integer or does not fit in 64 bits, a negative size, an item larger than the bin, a
 * non-positive capacity.
 *
 * <ul>
 *   <li><b>BPP</b> (BPPLIB, Delorme, Iori and Martello 2018): the number of items {@code n}, the
 *       bin capacity {@code c}, then {@code n} item sizes, one per line.
 *   <li><b>VBP</b> (VPSolver, used by the vector-packing benchmarks): the number of dimensions
 *       {@code d}, the {@code d} capacities, the number of item types {@code m}, then {@code m}
 *       lines of {@code d} sizes and a demand (the number of identical items of that type).
 *   <li><b>OR-Library</b> {@code binpack*.txt} (Beasley; Falkenauer's instances): the number of
 *       problems, then per problem an id line, a line {@code capacity n best-known}, and {@code n}
 *       sizes in the original arrival order.
 * </ul>
 */
public final class PackingFiles {

  /** The most sizes (items × dimensions) one file may expand to, to bound memory. */
  static final long MAX_VALUES = 20_000_000L;

  private PackingFiles() {}

  /**
   * Reads a BPP file; the instance is named after the file name.
   *
   * @throws PackingFileException if the content is malformed
   * @throws UncheckedIOException if the file cannot be read
   */
  public static PackingInstance readBpp(Path file) {
    return readBpp(file.getFileName().toString(), read(file));
  }

  /** Reads BPP text; {@code name} is used in error messages and as the instance name. */
  public static PackingInstance readBpp(String name, String text) {
    Tokens in = new Tokens(name, text);
    int n = in.nextCount("number of items");
    long c = in.nextPositive("bin capacity");
    // Allocate no more than the file holds, so a wrong count in the header cannot exhaust memory;
    // reading past the last token reports the missing sizes.
    long[] sizes = new long[Math.min(n, in.remaining())];
    for (int i = 0; i < n; i++) {
      sizes[i] = in.nextSize("item " + (i + 1) + " size", c, n, i);
    }
    in.expectEnd("the " + n + " item sizes announced on line 1");
    return PackingInstance.oneDimensional(c, sizes).named(name);
  }

  /** Reads a VBP file; the instance is named after the file name. */
  public static PackingInstance readVbp(Path file) {
    return readVbp(file.getFileName().toString(), read(file));
  }

  /** Reads VBP text, expanding each item type into {@code demand} identical items. */
  public static PackingInstance readVbp(String name, String text) {
    Tokens in = new Tokens(name, text);
    int d = in.nextCount("number of dimensions");
    if (d == 0) {
      throw in.error("number of dimensions", "must be at least 1, got 0");
    }
    long[] cap = new long[d];
    for (int j = 0; j < d; j++) {
      cap[j] = in.nextPositive("capacity " + (j + 1));
    }
    int m = in.nextCount("number of item types");
    List<long[]> items = new ArrayList<>();
    for (int t = 0; t < m; t++) {
      long[] v = new long[d];
      for (int j = 0; j < d; j++) {
        v[j] = in.nextSize("item type " + (t + 1) + " size " + (j + 1), cap[j], m, t);
      }
      int demand = in.nextCount("item type " + (t + 1) + " demand");
      if ((items.size() + (long) demand) * d > MAX_VALUES) {
        throw in.error(
            "item type " + (t + 1) + " demand",
            "more than " + MAX_VALUES + " sizes in total (items × dimensions)");
      }
      for (int k = 0; k < demand; k++) {
        items.add(v);
      }
    }
    in.expectEnd("the " + m + " item types announced on line 3");
    return PackingInstance.of(cap, items.toArray(new long[0][])).named(name);
  }

  /** Reads an OR-Library {@code binpack} file: every problem, named by its id line. */
  public static List<PackingInstance> readOrLibrary(Path file) {
    return readOrLibrary(file.getFileName().toString(), read(file));
  }

  /** Reads OR-Library {@code binpack} text. */
  public static List<PackingInstance> readOrLibrary(String name, String text) {
    Tokens in = new Tokens(name, text);
    int problems = in.nextCount("number of problems");
    List<PackingInstance> out = new ArrayList<>(problems);
    for (int p = 0; p < problems; p++) {
      String id = in.nextWord("problem " + (p + 1) + " id");
      long c = in.nextPositive(id + " capacity");
      int n = in.nextCount(id + " number of items");
      in.nextLong(id + " best known");
      long[] sizes = new long[Math.min(n, in.remaining())];
      for (int i = 0; i < n; i++) {
        sizes[i] = in.nextSize(id + " item " + (i + 1) + " size", c, n, i);
      }
      out.add(PackingInstance.oneDimensional(c, sizes).named(id));
    }
    in.expectEnd("the " + problems + " problems announced on line 1");
    return List.copyOf(out);
  }

  private static String read(Path file) {
    try {
      // ISO-8859-1 maps every byte, so a stray non-UTF-8 byte becomes a 'not an integer' error
      // with a line number instead of a decoding failure.
      return Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Whitespace-separated tokens with their 1-based line numbers. */
  private static final class Tokens {
    private final String file;
    private final List<String> tokens = new ArrayList<>();
    private final List<Integer> lines = new ArrayList<>();
    private int next;
    private int lastLine;

    Tokens(String file, String text) {
      this.file = file;
      try (BufferedReader r = new BufferedReader(new StringReader(text))) {
        String line;
        int number = 0;
        while ((line = r.readLine()) != null) {
          number++;
          for (String t : line.trim().split("\\s+")) {
            if (!t.isEmpty()) {
              tokens.add(t);
              lines.add(number);
            }
          }
        }
        lastLine = number;
      } catch (IOException e) {
        throw new UncheckedIOException(e); // cannot happen for a StringReader
      }
    }

    PackingFileException error(String field, String problem) {
      int line = next == 0 ? 1 : lines.get(next - 1);
      return new PackingFileException(file, line, field, problem);
    }

    private String nextToken(String field) {
      if (next >= tokens.size()) {
        throw new PackingFileException(
            file,
            lastLine,
            field,
            "missing: the file ends" + (tokens.isEmpty() ? " (it is empty)" : ""));
      }
      return tokens.get(next++);
    }

    /** The number of tokens not read yet. */
    int remaining() {
      return tokens.size() - next;
    }

    String nextWord(String field) {
      return nextToken(field);
    }

    long nextLong(String field) {
      String t = nextToken(field);
      if (!t.matches("[+-]?\\d+")) {
        throw error(field, "'" + abbreviate(t) + "' is not an integer");
      }
      try {
        return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
      } catch (NumberFormatException e) {
        throw error(field, "'" + abbreviate(t) + "' does not fit in a 64-bit integer");
      }
    }

    int nextCount(String field) {
      long v = nextLong(field);
      if (v < 0) {
        throw error(field, "must not be negative, got " + v);
      }
      if (v > 50_000_000L) {
        throw error(field, v + " is more than the 50,000,000 this reader accepts");
      }
      return (int) v;
    }

    long nextPositive(String field) {
      long v = nextLong(field);
      if (v <= 0) {
        throw error(field, "must be positive, got " + v);
      }
      return v;
    }

    long nextSize(String field, long capacity, int announced, int index) {
      if (next >= tokens.size()) {
        throw new PackingFileException(
            file,
            lastLine,
            field,
            "missing: the file ends after " + index + " of the " + announced + " announced");
      }
      long v = nextLong(field);
      if (v < 0) {
        throw error(field, "must not be negative, got " + v);
      }
      if (v > capacity) {
        throw error(field, v + " is larger than the bin capacity " + capacity);
      }
      return v;
    }

    void expectEnd(String what) {
      if (next < tokens.size()) {
        int line = lines.get(next);
        throw new PackingFileException(
            file,
            line,
            "end of data",
            "found '" + abbreviate(tokens.get(next)) + "' after " + what);
      }
    }

    private static String abbreviate(String t) {
      return t.length() <= 40 ? t : t.substring(0, 37) + "...";
    }
  }
}
