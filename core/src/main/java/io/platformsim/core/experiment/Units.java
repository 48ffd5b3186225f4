package io.platformsim.core.experiment;

import io.platformsim.core.workload.Resources;
import io.platformsim.core.yaml.ScalarReader;
import io.platformsim.scheduler.resource.Quantity;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The units of scenario files: durations ({@code 1h30m}), CPU ({@code 500m}, {@code 2}), memory
 * ({@code 4Gi}, {@code 2G}) and sizes ({@code 200MB}, {@code 30MiB}). CPU, memory and sizes are
 * read by the one quantity parser, {@link Quantity} (Kubernetes rules: fractions round up); a
 * scenario file only narrows which suffixes each field takes, and, as it always did, allows blanks
 * between the number and the unit ({@code 4 Gi}).
 */
final class Units {

  private Units() {}

  private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

  /** A number, optional blanks, then the unit: the trailing letters. */
  private static final Pattern NUMBER_AND_UNIT = Pattern.compile("(.*?)\\s*([A-Za-z]*)");

  private static final Set<String> MEMORY_SUFFIXES =
      Set.of("Ki", "Mi", "Gi", "Ti", "k", "M", "G", "T");

  /** Size units as written (bytes with a B) and the quantity suffix each stands for. */
  private static final Map<String, String> SIZE_SUFFIXES =
      Map.of(
          "B", "", "kB", "k", "KB", "k", "MB", "M", "GB", "G", "TB", "T", "KiB", "Ki", "MiB", "Mi",
          "GiB", "Gi");

  /** Milliseconds from a duration with units, e.g. {@code 90s}, {@code 1h30m}. */
  static final ScalarReader<Long> DURATION =
      v -> {
        Long ms = parseDuration(v);
        if (ms == null) {
          throw new IllegalArgumentException(
              "expected a duration with a unit, e.g. 90s, 10m, 1h30m, 250ms (units ms s m h d),"
                  + " was '"
                  + v
                  + "'");
        }
        return ms;
      };

  /** Millicores from {@code 500m} or cores {@code 2} / {@code 0.5} (a Kubernetes CPU quantity). */
  static final ScalarReader<Long> MILLI_CPU =
      text -> {
        String v = text.trim();
        Quantity q = quantity(v, Set.of("", "m"), null);
        if (q == null) {
          throw new IllegalArgumentException(
              "expected CPU as millicores like 500m or cores like 2 or 0.5, was '" + v + "'");
        }
        return bounded(q, true, v, " millicores");
      };

  /**
   * MiB (rounded up) from a memory quantity with a unit: {@code 512Mi}, {@code 4Gi}, {@code 1G}.
   */
  static final ScalarReader<Long> MEMORY_MIB =
      text -> {
        String v = text.trim();
        Quantity q = quantity(v, MEMORY_SUFFIXES, null);
        if (q == null) {
          throw new IllegalArgumentException(
              "expected memory with a unit like 512Mi, 4Gi or 2G (Ki Mi Gi Ti k M G T),"
                  + " was '"
                  + v
                  + "'");
        }
        return Resources.mibOfBytes(bounded(q, false, v, " bytes"));
      };

  /** Bytes from a size with a unit: {@code 200MB}, {@code 1.5GB}, {@code 30MiB}, {@code 512B}. */
  static final ScalarReader<Long> BYTES =
      text -> {
        String v = text.trim();
        Quantity q = quantity(v, SIZE_SUFFIXES.keySet(), SIZE_SUFFIXES);
        if (q == null) {
          throw new IllegalArgumentException(
              "expected a size with a unit like 200MB, 1.5GB or 30MiB"
                  + " (B kB MB GB TB KiB MiB GiB), was '"
                  + v
                  + "'");
        }
        return bounded(q, false, v, " bytes");
      };

  /** Milliseconds of {@code 1h30m}, {@code 90s}, {@code 250ms}; null if malformed. */
  static Long parseDuration(String text) {
    String t = text.trim();
    if (t.isEmpty()) {
      return null;
    }
    Matcher m = DURATION_PART.matcher(t);
    int pos = 0;
    double total = 0;
    // Whole-number parts are also summed exactly: a double holds whole milliseconds exactly only
    // up to 2^53, and a written duration such as Scenario.NEVER must read back as itself.
    long exact = 0;
    boolean whole = true;
    while (pos < t.length()) {
      if (!m.find(pos) || m.start() != pos) {
        return null;
      }
      double v = Double.parseDouble(m.group(1));
      long unit =
          switch (m.group(2)) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 86_400_000;
          };
      total += v * unit;
      if (whole && m.group(1).indexOf('.') < 0) {
        try {
          exact = Math.addExact(exact, Math.multiplyExact(Long.parseLong(m.group(1)), unit));
        } catch (ArithmeticException | NumberFormatException e) {
          whole = false;
        }
      } else {
        whole = false;
      }
      pos = m.end();
    }
    if (total > Long.MAX_VALUE / 2) {
      return null;
    }
    return whole ? exact : Math.round(total);
  }

  /**
   * The non-negative quantity {@code v} if its unit is one of {@code units} (rewritten to a
   * quantity suffix through {@code suffixOf} when given); null if it is not such a quantity.
   */
  private static Quantity quantity(String v, Set<String> units, Map<String, String> suffixOf) {
    Matcher m = NUMBER_AND_UNIT.matcher(v);
    if (!m.matches() || m.group(1).isEmpty() || !units.contains(m.group(2))) {
      return null;
    }
    String suffix = suffixOf == null ? m.group(2) : suffixOf.get(m.group(2));
    try {
      Quantity q = Quantity.parse(m.group(1) + suffix);
      return q.signum() < 0 ? null : q;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static long bounded(Quantity q, boolean milli, String v, String unit) {
    if (!q.fitsMax(milli)) {
      throw new IllegalArgumentException(
          "'" + v + "' is more than the largest quantity, " + Quantity.MAX + unit);
    }
    return milli ? q.milliValue() : q.value();
  }
}
