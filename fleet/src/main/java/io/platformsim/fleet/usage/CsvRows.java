package io.platformsim.fleet.usage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plain CSV both usage formats share: a header line naming the columns in order, then one row
 * per line, fields split at commas and trimmed (no quoting: no field of these formats holds a
 * comma). Blank lines and lines starting with {@code #} are skipped.
 */
final class CsvRows {

  /** One data row: its 1-based line and its trimmed fields. */
  record Row(int line, String[] fields) {}

  private CsvRows() {}

  /** The data rows of {@code in}, after checking the header is {@code columns}. */
  static List<Row> read(String file, Reader in, List<String> columns) {
    List<Row> rows = new ArrayList<>();
    boolean header = false;
    try (BufferedReader r = new BufferedReader(in)) {
      String text;
      int line = 0;
      while ((text = r.readLine()) != null) {
        line++;
        String t = text.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        String[] fields = t.split(",", -1);
        for (int i = 0; i < fields.length; i++) {
          fields[i] = fields[i].strip();
        }
        if (!header) {
          List<String> got = new ArrayList<>();
          for (String f : fields) {
            got.add(f.toLowerCase(Locale.ROOT));
          }
          if (!got.equals(columns)) {
            throw new UsageFileException(
                file,
                line,
                "header",
                "expected '" + String.join(",", columns) + "', was '" + t + "'");
          }
          header = true;
          continue;
        }
        if (fields.length != columns.size()) {
          throw new UsageFileException(
              file,
              line,
              "row",
              "expected " + columns.size() + " fields, was " + fields.length + ": '" + t + "'");
        }
        rows.add(new Row(line, fields));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    if (!header) {
      throw new UsageFileException(
          file, 0, "", "empty: expected the header '" + String.join(",", columns) + "'");
    }
    if (rows.isEmpty()) {
      throw new UsageFileException(file, 0, "", "no data rows after the header");
    }
    return rows;
  }

  /** A finite, non-negative decimal. */
  static double nonNegative(String file, int line, String field, String value) {
    double d;
    try {
      d = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new UsageFileException(file, line, field, "not a number: '" + value + "'");
    }
    if (!(d >= 0) || Double.isInfinite(d)) {
      throw new UsageFileException(
          file, line, field, "must be a finite number >= 0, was '" + value + "'");
    }
    return d;
  }

  /** A non-blank name. */
  static String name(String file, int line, String field, String value) {
    if (value.isEmpty()) {
      throw new UsageFileException(file, line, field, "must not be empty");
    }
    return value;
  }
}
