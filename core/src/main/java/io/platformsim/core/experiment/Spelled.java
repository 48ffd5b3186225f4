package io.platformsim.core.experiment;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How {@link ScenarioWriter} spells a value in a scenario file so that {@link Units} and the YAML
 * layer read back exactly that value: durations in {@code d h m s ms} parts ({@code 1h30m}), CPU in
 * millicores ({@code 1500m}), memory in the largest binary unit that divides it ({@code 4Gi},
 * {@code 3000Mi}), sizes in the largest unit that divides them ({@code 150MB}, {@code 30MiB},
 * {@code 7B}), doubles in Java's shortest round-trip form, text plain when YAML and JSON Schema
 * read it as that text and double-quoted otherwise.
 */
final class Spelled {

  /** Duration units, largest first, with their milliseconds. */
  private static final String[] DURATION_UNITS = {"d", "h", "m", "s", "ms"};

  private static final long[] DURATION_MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};

  /** Size units tried in order: decimal first (as artifacts are advertised), then binary. */
  private static final String[] SIZE_UNITS = {"TB", "GB", "MB", "kB", "GiB", "MiB", "KiB"};

  private static final long[] SIZE_BYTES = {
    1_000_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L << 30, 1L << 20, 1L << 10
  };

  /**
   * Text a YAML reader takes as itself without quotes: a letter first, then letters, digits and
   * {@code . _ / -} (no flow indicator, no {@code ": "}, no {@code " #"}).
   */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9._/-]*");

  /**
   * Words a YAML 1.1 reader (which some editors' schema checkers use) takes as booleans or null;
   * quoted so a name {@code yes} stays text there too. The scenario reader itself reads any scalar
   * as its text.
   */
  private static final Set<String> YAML_WORDS =
      Set.of("true", "false", "null", "yes", "no", "on", "off", "y", "n");

  private Spelled() {}

  /** {@code 0s}, {@code 250ms}, {@code 1h30m}, {@code 30d}; a negative value as {@code -5ms}. */
  static String duration(long millis) {
    if (millis == 0) {
      return "0s";
    }
    if (millis < 0) {
      return millis + "ms"; // no such duration: the reader reports it at its line
    }
    StringBuilder sb = new StringBuilder();
    long rest = millis;
    for (int i = 0; i < DURATION_UNITS.length; i++) {
      long n = rest / DURATION_MILLIS[i];
      if (n > 0) {
        sb.append(n).append(DURATION_UNITS[i]);
        rest -= n * DURATION_MILLIS[i];
      }
    }
    return sb.toString();
  }

  /** Millicores: {@code 1500m}. */
  static String cpu(long milliCpu) {
    return milliCpu + "m";
  }

  /** MiB as {@code 2Ti}, {@code 4Gi} or {@code 3000Mi}: the largest unit that divides it. */
  static String memory(long mib) {
    if (mib != 0 && mib % (1L << 20) == 0) {
      return mib / (1L << 20) + "Ti";
    }
    if (mib != 0 && mib % 1024 == 0) {
      return mib / 1024 + "Gi";
    }
    return mib + "Mi";
  }

  /** Bytes as {@code 150MB}, {@code 30MiB} or {@code 7B}: the largest unit that divides them. */
  static String bytes(long bytes) {
    if (bytes > 0) {
      for (int i = 0; i < SIZE_UNITS.length; i++) {
        if (bytes % SIZE_BYTES[i] == 0) {
          return bytes / SIZE_BYTES[i] + SIZE_UNITS[i];
        }
      }
    }
    return bytes + "B";
  }

  /**
   * Java's shortest decimal that parses back to the same double ({@link Double#toString}), with the
   * exponent's sign always written ({@code 1.0E+10}) so YAML 1.1 readers also see a number.
   */
  static String decimal(double d) {
    String s = Double.toString(d);
    int e = s.indexOf('E');
    if (e >= 0 && s.charAt(e + 1) != '-') {
      s = s.substring(0, e + 1) + "+" + s.substring(e + 1);
    }
    return s;
  }

  /** {@code 25%} or {@code 3}. */
  static String countOrPercent(int value, boolean percent) {
    return percent ? value + "%" : Integer.toString(value);
  }

  /** {@code zebra} as is; anything else double-quoted with YAML escapes ({@code "zebra:1"}). */
  static String text(String s) {
    if (PLAIN.matcher(s).matches() && !YAML_WORDS.contains(s.toLowerCase(Locale.ROOT))) {
      return s;
    }
    StringBuilder sb = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            cp -> {
              if (cp == '"' || cp == '\\') {
                sb.append('\\').appendCodePoint(cp);
              } else if (cp >= 0x20 && cp < 0x7f) {
                sb.appendCodePoint(cp);
              } else if (cp <= 0xffff) {
                // Escaped, not written raw: YAML folds line breaks and forbids some code points.
                sb.append(String.format(Locale.ROOT, "\\u%04x", cp));
              } else {
                sb.append(String.format(Locale.ROOT, "\\U%08x", cp));
              }
            });
    return sb.append('"').toString();
  }
}
