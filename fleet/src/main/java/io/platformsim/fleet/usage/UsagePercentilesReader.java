package io.platformsim.fleet.usage;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads usage percentiles, the CSV {@code service,resource,p50,p90,p95,p99,max} (header required):
 * for each service one {@code cpu} row in cores and one {@code memory} row in bytes, the figures
 * non-decreasing left to right. The result is one {@link UsageProfile} per service ({@link
 * UsageProfile#ofPercentiles}). A bad row, a repeated {@code (service, resource)} or a service
 * missing one of its two rows is a {@link UsageFileException} naming the file, the line, the column
 * and the value.
 */
public final class UsagePercentilesReader {

  /** The header, in order. */
  public static final List<String> COLUMNS =
      List.of("service", "resource", "p50", "p90", "p95", "p99", "max");

  private UsagePercentilesReader() {}

  /** The profiles of the file at {@code path}, by service name. */
  public static Map<String, UsageProfile> read(Path path) {
    try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return read(path.toString(), in);
    } catch (IOException e) {
      throw new UsageFileException(path.toString(), 0, "", "cannot read: " + e.getMessage());
    }
  }

  /**
   * The profiles read from {@code in}, by service name in sorted order.
   *
   * @param file the name to put in error messages
   */
  public static Map<String, UsageProfile> read(String file, Reader in) {
    List<CsvRows.Row> rows;
    try {
      rows = CsvRows.read(file, in, COLUMNS);
    } catch (UncheckedIOException e) {
      throw new UsageFileException(file, 0, "", "cannot read: " + e.getCause().getMessage());
    }
    Map<String, Percentiles> cpu = new TreeMap<>();
    Map<String, Percentiles> memory = new TreeMap<>();
    Map<String, Integer> firstLine = new TreeMap<>();
    for (CsvRows.Row row : rows) {
      String[] f = row.fields();
      int line = row.line();
      String service = CsvRows.name(file, line, "service", f[0]);
      Map<String, Percentiles> target;
      if (f[1].equals("cpu")) {
        target = cpu;
      } else if (f[1].equals("memory")) {
        target = memory;
      } else {
        throw new UsageFileException(
            file, line, "resource", "must be 'cpu' or 'memory', was '" + f[1] + "'");
      }
      double[] v = new double[5];
      for (int i = 0; i < 5; i++) {
        v[i] = CsvRows.nonNegative(file, line, COLUMNS.get(i + 2), f[i + 2]);
        if (i > 0 && v[i] < v[i - 1]) {
          throw new UsageFileException(
              file,
              line,
              COLUMNS.get(i + 2),
              "must be >= " + COLUMNS.get(i + 1) + " (" + f[i + 1] + "), was '" + f[i + 2] + "'");
        }
      }
      if (target.containsKey(service)) {
        throw new UsageFileException(
            file, line, "resource", "second '" + f[1] + "' row for service '" + service + "'");
      }
      target.put(service, new Percentiles(v[0], v[1], v[2], v[3], v[4]));
      firstLine.putIfAbsent(service, line);
    }
    Map<String, UsageProfile> out = new TreeMap<>();
    for (Map.Entry<String, Integer> e : firstLine.entrySet()) {
      String s = e.getKey();
      for (String resource : List.of("cpu", "memory")) {
        if (!(resource.equals("cpu") ? cpu : memory).containsKey(s)) {
          throw new UsageFileException(
              file, e.getValue(), "resource", "service '" + s + "' has no '" + resource + "' row");
        }
      }
      out.put(s, UsageProfile.ofPercentiles(s, cpu.get(s), memory.get(s)));
    }
    return Collections.unmodifiableMap(out);
  }
}
