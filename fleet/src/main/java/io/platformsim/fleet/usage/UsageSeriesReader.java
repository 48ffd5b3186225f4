package io.platformsim.fleet.usage;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a usage time series, the CSV {@code timestamp,service,cpu_cores,memory_bytes} (header
 * required), as a Prometheus range query or a CloudWatch metric export flattens to: one row per
 * service and instant, CPU in cores and memory in bytes per instance.
 *
 * <p>{@code timestamp} is ISO-8601 with an offset ({@code 2026-01-05T10:00:00Z}, {@code
 * 2026-01-05T11:00:00+01:00}) or epoch seconds, whole or decimal ({@code 1767607200}, {@code
 * 1767607200.5}, Prometheus's form). {@code memory_bytes} may be decimal or in exponent form
 * ({@code 1.5e9}, as Prometheus prints large values); it is rounded to a whole byte. A bad row is a
 * {@link UsageFileException} naming the file, the line, the column and the value.
 */
public final class UsageSeriesReader {

  /** The header, in order. */
  public static final List<String> COLUMNS =
      List.of("timestamp", "service", "cpu_cores", "memory_bytes");

  private UsageSeriesReader() {}

  /** The samples of the file at {@code path}, in file order. */
  public static List<UsageSample> read(Path path) {
    try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return read(path.toString(), in);
    } catch (IOException e) {
      throw new UsageFileException(path.toString(), 0, "", "cannot read: " + e.getMessage());
    }
  }

  /**
   * The samples read from {@code in}, in file order.
   *
   * @param file the name to put in error messages
   */
  public static List<UsageSample> read(String file, Reader in) {
    List<UsageSample> out = new ArrayList<>();
    try {
      for (CsvRows.Row row : CsvRows.read(file, in, COLUMNS)) {
        String[] f = row.fields();
        int line = row.line();
        Instant at = timestamp(file, line, f[0]);
        String service = CsvRows.name(file, line, "service", f[1]);
        double cpu = CsvRows.nonNegative(file, line, "cpu_cores", f[2]);
        double mem = CsvRows.nonNegative(file, line, "memory_bytes", f[3]);
        if (mem > Long.MAX_VALUE) {
          throw new UsageFileException(file, line, "memory_bytes", "too large: '" + f[3] + "'");
        }
        out.add(new UsageSample(at, service, cpu, Math.round(mem)));
      }
    } catch (UncheckedIOException e) {
      throw new UsageFileException(file, 0, "", "cannot read: " + e.getCause().getMessage());
    }
    return List.copyOf(out);
  }

  static Instant timestamp(String file, int line, String value) {
    if (!value.isEmpty() && (Character.isDigit(value.charAt(0)) && !value.contains("-"))) {
      try {
        BigDecimal seconds = new BigDecimal(value);
        return Instant.ofEpochMilli(seconds.movePointRight(3).longValueExact());
      } catch (NumberFormatException | ArithmeticException e) {
        throw new UsageFileException(
            file,
            line,
            "timestamp",
            "epoch seconds must have at most 3 decimals and fit, was '" + value + "'");
      }
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new UsageFileException(
          file,
          line,
          "timestamp",
          "not ISO-8601 with an offset (2026-01-05T10:00:00Z) nor epoch seconds: '" + value + "'");
    }
  }
}
