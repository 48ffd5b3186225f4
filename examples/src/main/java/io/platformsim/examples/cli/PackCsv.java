package io.platformsim.examples.cli;

import io.platformsim.scheduler.packing.PackingFileException;
import io.platformsim.scheduler.packing.PackingInstance;
import io.platformsim.scheduler.resource.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The CSV format of {@code platformsim pack} for multi-resource requests.
 *
 * <pre>
 * # comment lines and blank lines are ignored
 * cpu,memory            header: one column per resource (an optional first column "name")
 * 4000,16Gi             the node (bin) size, unless --node gives it
 * 500,1Gi               one row per item (pod, instance, VM) ...
 * 1500,6Gi
 * </pre>
 *
 * <p>Values are non-negative whole numbers in the column's unit (for example CPU in millicores,
 * memory in bytes), written as Kubernetes quantities and read by the scheduler's {@link Quantity}:
 * optionally with a binary suffix {@code Ki Mi Gi Ti Pi Ei} (powers of 1024), a decimal suffix
 * {@code k M G T P E} (powers of 1000) or an exponent ({@code 4e3}). A value that is not a whole
 * number of units ({@code 0.5}, {@code 500m}) is refused, so every number is exact. The node size
 * comes from {@code --node cpu=4000,memory=16Gi} (every column named once) or, without it, from the
 * first row after the header. Every problem is a {@link PackingFileException} naming the file, line
 * and column.
 */
final class PackCsv {

  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._/-]*");

  /** A parsed CSV: the instance, the resource names and the item names ({@code null} if none). */
  record Parsed(PackingInstance instance, List<String> resources, List<String> labels) {}

  private PackCsv() {}

  static Parsed parse(String file, String text, String nodeOption) {
    String[] lines = text.split("\r?\n", -1);
    List<String> header = null;
    boolean named = false;
    long[] node = null;
    int nodeLine = 0;
    List<long[]> items = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int ln = 1; ln <= lines.length; ln++) {
      String line = lines[ln - 1].trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split(",", -1);
      for (int c = 0; c < cells.length; c++) {
        cells[c] = cells[c].trim();
      }
      if (header == null) {
        header = new ArrayList<>(Arrays.asList(cells));
        named = header.get(0).equalsIgnoreCase("name");
        if (named) {
          header.remove(0);
        }
        if (header.isEmpty()) {
          throw new PackingFileException(file, ln, "header", "needs at least one resource column");
        }
        for (int c = 0; c < header.size(); c++) {
          String h = header.get(c);
          if (!NAME.matcher(h).matches()) {
            throw new PackingFileException(
                file,
                ln,
                "header column " + (c + 1),
                "'" + h + "' is not a resource name (letters, digits, . _ / -)");
          }
          if (header.indexOf(h) != c) {
            throw new PackingFileException(file, ln, "header", "resource '" + h + "' twice");
          }
        }
        if (nodeOption != null) {
          node = parseNodeOption(nodeOption, header);
        }
        continue;
      }
      int expected = header.size() + (named ? 1 : 0);
      if (cells.length != expected) {
        throw new PackingFileException(
            file,
            ln,
            "row",
            "expected "
                + expected
                + " values ("
                + (named ? "name, " : "")
                + String.join(", ", header)
                + "), found "
                + cells.length);
      }
      long[] v = new long[header.size()];
      for (int c = 0; c < v.length; c++) {
        v[c] = quantity(file, ln, header.get(c), cells[c + (named ? 1 : 0)]);
      }
      if (node == null) {
        for (int c = 0; c < v.length; c++) {
          if (v[c] <= 0) {
            throw new PackingFileException(
                file, ln, "node " + header.get(c), "the node size must be positive, got " + v[c]);
          }
        }
        node = v;
        nodeLine = ln;
        continue;
      }
      for (int c = 0; c < v.length; c++) {
        if (v[c] > node[c]) {
          throw new PackingFileException(
              file,
              ln,
              header.get(c),
              cells[c + (named ? 1 : 0)]
                  + " = "
                  + v[c]
                  + " is larger than the node's "
                  + node[c]
                  + (nodeLine > 0 ? " (line " + nodeLine + ")" : " (--node)"));
        }
      }
      items.add(v);
      if (named) {
        labels.add(cells[0]);
      }
    }
    if (header == null) {
      throw new PackingFileException(file, 0, "header", "missing: the file has no data");
    }
    if (node == null) {
      throw new PackingFileException(
          file, 0, "node", "missing: give --node or a first row with the node size");
    }
    return new Parsed(
        PackingInstance.of(node, items.toArray(new long[0][])).named(file),
        List.copyOf(header),
        named ? List.copyOf(labels) : null);
  }

  /** Parses {@code cpu=4000,memory=16Gi}; every resource of the header exactly once. */
  static long[] parseNodeOption(String option, List<String> header) {
    Map<String, Long> values = new LinkedHashMap<>();
    for (String part : option.split(",")) {
      String p = part.trim();
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new PackingFileException(
            "--node", 0, "'" + p + "'", "expected resource=quantity, for example cpu=4000");
      }
      String name = p.substring(0, eq).trim();
      if (!header.contains(name)) {
        throw new PackingFileException(
            "--node", 0, name, "unknown resource (the file has " + String.join(", ", header) + ")");
      }
      if (values.containsKey(name)) {
        throw new PackingFileException("--node", 0, name, "given twice");
      }
      long v = quantity("--node", 0, name, p.substring(eq + 1).trim());
      if (v <= 0) {
        throw new PackingFileException("--node", 0, name, "must be positive, got " + v);
      }
      values.put(name, v);
    }
    long[] node = new long[header.size()];
    for (int c = 0; c < node.length; c++) {
      Long v = values.get(header.get(c));
      if (v == null) {
        throw new PackingFileException("--node", 0, header.get(c), "missing");
      }
      node[c] = v;
    }
    return node;
  }

  /**
   * A non-negative whole number of units read by the one quantity parser ({@link Quantity},
   * Kubernetes rules): {@code 4000}, {@code 16Gi}, {@code 1.5k}. A value that is not a whole number
   * ({@code 0.5}, {@code 1500m}) is refused rather than rounded, so every size is exact.
   */
  static long quantity(String file, int line, String field, String text) {
    Quantity q;
    try {
      q = Quantity.parse(text);
    } catch (IllegalArgumentException e) {
      throw new PackingFileException(
          file,
          line,
          field,
          "'"
              + abbreviate(text)
              + "' is not a quantity (a whole number with an optional k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi or Ei"
              + " suffix)");
    }
    if (q.signum() < 0) {
      throw new PackingFileException(file, line, field, "must not be negative, got " + text);
    }
    BigDecimal amount = q.amount();
    // A binary-SI amount of exactly 2^63 - 1 is the parser's cap (quantity.go caps binarySI there):
    // the text asked for more.
    if (amount.compareTo(LONG_MAX) > 0
        || (q.format() == Quantity.Format.BINARY_SI && amount.equals(LONG_MAX))) {
      throw new PackingFileException(
          file, line, field, "'" + abbreviate(text) + "' does not fit in a 64-bit integer");
    }
    if (amount.scale() > 0) {
      throw new PackingFileException(
          file,
          line,
          field,
          "'"
              + abbreviate(text)
              + "' is not a whole number of units (it is "
              + amount.toPlainString()
              + ")");
    }
    return amount.longValueExact();
  }

  private static String abbreviate(String t) {
    return t.length() <= 40 ? t : t.substring(0, 37) + "...";
  }
}
