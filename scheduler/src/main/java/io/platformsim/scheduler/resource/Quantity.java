package io.platformsim.scheduler.resource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A Kubernetes resource quantity ("500m", "2", "1.5Gi", "10M", "1e3"): an exact decimal amount with
 * the format it was written in. The one parser of quantities in platformsim: the scheduler's
 * resource vectors, KuSP manifests, scenario files and {@code platformsim pack} CSVs all read their
 * CPU, memory and size numbers through {@link #parse(String)}.
 *
 * <p>Grammar and rounding follow k8s.io/apimachinery {@code pkg/api/resource/quantity.go} ({@code
 * ParseQuantity}, {@code parseQuantityString}) and {@code suffix.go}:
 *
 * <pre>
 * quantity ::= [+|-] number suffix
 * number   ::= digits | digits. | .digits | digits.digits
 * suffix   ::= "" | n | u | m | k | M | G | T | P | E       (decimal SI, 10^-9 .. 10^18)
 *            | Ki | Mi | Gi | Ti | Pi | Ei                  (binary SI, 2^10 .. 2^60)
 *            | e [+|-] digits | E [+|-] digits              (decimal exponent)
 * </pre>
 *
 * <p>No whitespace is allowed anywhere. As upstream, a non-zero amount finer than 10^-9 is rounded
 * away from zero to the next nano unit ("0.9n" is 1n), a binary-SI amount is capped at 2^63 − 1
 * ("9Ei"), and {@link #value()} / {@link #milliValue()} round fractions up ({@code
 * Quantity.Value()} / {@code MilliValue()}). Two deliberate differences: a number needs at least
 * one digit (upstream's scanner lets "." through as 0), and an exponent must lie in [−{@value
 * #MAX_EXPONENT}, {@value #MAX_EXPONENT}] (upstream truncates it to 32 bits).
 *
 * <p>{@link #toString()} is upstream's canonical form ({@code CanonicalizeBytes}): no fractional
 * digits, the largest suffix that keeps the amount exact, the format it was parsed in.
 *
 * @param amount the exact amount in base units (cores, bytes, ...), at most nine decimals; stored
 *     without trailing zeros, so equal amounts in one format are equal quantities
 * @param format the notation the amount was written in, used again by {@link #toString()}
 */
public record Quantity(BigDecimal amount, Format format) implements Comparable<Quantity> {

  /**
   * Largest amount the scheduler accepts in base units (2^52, about 4.5e15): keeps every score
   * product of the scorers (at most {@code value * 100}) far from {@code long} overflow.
   */
  public static final long MAX = 1L << 52;

  /** Largest exponent magnitude accepted in the {@code 1e3} notation. */
  public static final int MAX_EXPONENT = 1000;

  /** The three notations of upstream {@code resource.Format}. */
  public enum Format {
    /** {@code 12M}: powers of 1000 with SI suffixes (and plain numbers, and {@code m}). */
    DECIMAL_SI,
    /** {@code 12Mi}: powers of 1024. */
    BINARY_SI,
    /** {@code 12e6}. */
    DECIMAL_EXPONENT
  }

  private static final String[] DECIMAL_SUFFIXES = {
    "n", "u", "m", "", "k", "M", "G", "T", "P", "E"
  };
  private static final String[] BINARY_SUFFIXES = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
  private static final BigDecimal BINARY_CAP = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final BigDecimal NANO = BigDecimal.ONE.movePointLeft(9);

  /** Validates the fields; the amount keeps at most nine decimals, as upstream rounds to nano. */
  public Quantity {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(format, "format");
    amount = amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
    if (amount.scale() > 9 && amount.signum() != 0) {
      throw new IllegalArgumentException(
          "quantity " + amount.toPlainString() + " is finer than 10^-9");
    }
  }

  /** {@code value} base units in {@code format}: {@code of(1536L << 20, BINARY_SI)} is 1536Mi. */
  public static Quantity of(long value, Format format) {
    return new Quantity(BigDecimal.valueOf(value), format);
  }

  /** {@code milli} thousandths of a base unit in decimal SI: {@code ofMilli(1500)} is 1500m. */
  public static Quantity ofMilli(long milli) {
    return new Quantity(BigDecimal.valueOf(milli, 3), Format.DECIMAL_SI);
  }

  /**
   * Parses {@code text} by the upstream grammar.
   *
   * @throws IllegalArgumentException saying what is wrong with {@code text} (the message does not
   *     name a field; callers add it)
   */
  public static Quantity parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("a quantity must not be empty");
    }
    int pos = 0;
    int end = text.length();
    boolean negative = false;
    if (text.charAt(0) == '+' || text.charAt(0) == '-') {
      negative = text.charAt(0) == '-';
      pos++;
    }
    int numberStart = pos;
    int digits = 0;
    while (pos < end && isDigit(text.charAt(pos))) {
      pos++;
      digits++;
    }
    if (pos < end && text.charAt(pos) == '.') {
      pos++;
      while (pos < end && isDigit(text.charAt(pos))) {
        pos++;
        digits++;
      }
    }
    if (digits == 0) {
      throw new IllegalArgumentException(
          "'" + abbreviate(text) + "' is not a quantity: it needs a number");
    }
    String number = text.substring(numberStart, pos);
    String suffix = text.substring(pos);
    BigDecimal amount =
        new BigDecimal(
            number.endsWith(".") ? number + "0" : number.startsWith(".") ? "0" + number : number);
    Format format;
    int binaryPower = binaryPower(suffix);
    int decimalExponent = decimalExponent(suffix);
    if (binaryPower > 0) {
      format = Format.BINARY_SI;
      amount = amount.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(10 * binaryPower)));
    } else if (isExponent(suffix)) {
      format = Format.DECIMAL_EXPONENT;
      amount = amount.scaleByPowerOfTen(exponent(text, suffix));
    } else if (decimalExponent != Integer.MIN_VALUE) {
      format = Format.DECIMAL_SI;
      amount = amount.scaleByPowerOfTen(decimalExponent);
    } else {
      throw new IllegalArgumentException(
          "'"
              + abbreviate(text)
              + "' has an unknown suffix '"
              + abbreviate(suffix)
              + "' (expected n u m k M G T P E, Ki Mi Gi Ti Pi Ei or an exponent like e3)");
    }
    amount = roundUpToNano(amount);
    if (format == Format.BINARY_SI && amount.compareTo(BINARY_CAP) > 0) {
      amount = BINARY_CAP; // quantity.go: "The max is just a simple cap" for binarySI
    }
    if (format == Format.BINARY_SI
        && amount.signum() != 0
        && amount.compareTo(BigDecimal.ONE) < 0) {
      format = Format.DECIMAL_SI; // as upstream: a binary fraction below 1 is shown in decimal
    }
    return new Quantity(negative ? amount.negate() : amount, format);
  }

  /**
   * Parses {@code text} into a non-negative {@code long} at most {@link #MAX}: base units, or with
   * {@code milli} thousandths (CPU is stored in milli-CPU, so "500m" gives 500 and "2" gives 2000).
   * Fractions round up. Surrounding whitespace is ignored.
   *
   * @param field name of the field being parsed, used in the error message
   * @throws IllegalArgumentException naming {@code field} and the text if malformed, negative or
   *     larger than {@link #MAX}
   */
  public static long parse(String field, String text, boolean milli) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(field + ": quantity is empty");
    }
    Quantity q;
    try {
      q = parse(text.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
    }
    if (q.signum() < 0) {
      throw new IllegalArgumentException(field + ": negative quantity '" + text + "'");
    }
    if (!q.fitsMax(milli)) {
      throw new IllegalArgumentException(
          field
              + ": quantity '"
              + text
              + "' exceeds the maximum "
              + MAX
              + (milli ? " milli-units" : " units"));
    }
    return milli ? q.milliValue() : q.value();
  }

  /**
   * Checks a raw value in base units.
   *
   * @throws IllegalArgumentException naming {@code field} if negative or above {@link #MAX}
   */
  public static long check(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + ": negative quantity " + value);
    }
    if (value > MAX) {
      throw new IllegalArgumentException(
          field + ": quantity " + value + " exceeds the maximum " + MAX);
    }
    return value;
  }

  /** -1, 0 or 1 as the amount is negative, zero or positive. */
  public int signum() {
    return amount.signum();
  }

  /**
   * Whether {@link #value()} (or with {@code milli}, {@link #milliValue()}) is at most {@link
   * #MAX}.
   */
  public boolean fitsMax(boolean milli) {
    BigDecimal scaled = milli ? amount.movePointRight(3) : amount;
    return scaled.setScale(0, RoundingMode.UP).compareTo(BigDecimal.valueOf(MAX)) <= 0;
  }

  /**
   * The amount in base units, a fraction rounded away from zero (upstream {@code Value()}).
   *
   * @throws ArithmeticException if it does not fit in a {@code long}
   */
  public long value() {
    return amount.setScale(0, RoundingMode.UP).longValueExact();
  }

  /**
   * The amount in thousandths of a base unit, a fraction rounded away from zero (upstream {@code
   * MilliValue()}).
   *
   * @throws ArithmeticException if it does not fit in a {@code long}
   */
  public long milliValue() {
    return amount.movePointRight(3).setScale(0, RoundingMode.UP).longValueExact();
  }

  /** Orders by amount; the format does not matter ({@code 1Gi} equals {@code 1024Mi}). */
  @Override
  public int compareTo(Quantity other) {
    return amount.compareTo(other.amount);
  }

  /** The canonical form, e.g. {@code 1536Mi}, {@code 1500m}, {@code 2G}, {@code 12e6}. */
  @Override
  public String toString() {
    if (amount.signum() == 0) {
      return "0";
    }
    if (format == Format.BINARY_SI
        && amount.abs().compareTo(BigDecimal.valueOf(1024)) >= 0
        && amount.stripTrailingZeros().scale() <= 0) {
      BigInteger mantissa = amount.toBigIntegerExact();
      int power = 0;
      while (power < 6 && mantissa.getLowestSetBit() >= 10) {
        mantissa = mantissa.shiftRight(10);
        power++;
      }
      return mantissa + BINARY_SUFFIXES[power];
    }
    // Largest exponent that is a multiple of 3 and keeps the mantissa whole (AsCanonicalBytes).
    BigDecimal stripped = amount.stripTrailingZeros();
    int exponent = Math.floorDiv(-stripped.scale(), 3) * 3;
    BigInteger mantissa = stripped.scaleByPowerOfTen(-exponent).toBigIntegerExact();
    if (format == Format.DECIMAL_EXPONENT || exponent > 18) {
      return mantissa + (exponent == 0 ? "" : "e" + exponent);
    }
    return mantissa + DECIMAL_SUFFIXES[exponent / 3 + 3];
  }

  private static BigDecimal roundUpToNano(BigDecimal amount) {
    if (amount.signum() == 0) {
      return BigDecimal.ZERO;
    }
    if (amount.scale() <= 9) {
      return amount;
    }
    // |amount| < 10^(precision - scale): when that is at most 10^-9 the answer is one nano,
    // without asking BigDecimal to round away an enormous scale.
    if (amount.precision() - amount.scale() <= -9) {
      return amount.signum() > 0 ? NANO : NANO.negate();
    }
    return amount.setScale(9, RoundingMode.UP);
  }

  private static boolean isExponent(String suffix) {
    if (suffix.length() < 2 || (suffix.charAt(0) != 'e' && suffix.charAt(0) != 'E')) {
      return false;
    }
    int i = suffix.charAt(1) == '+' || suffix.charAt(1) == '-' ? 2 : 1;
    if (i == suffix.length()) {
      return false;
    }
    for (; i < suffix.length(); i++) {
      if (!isDigit(suffix.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int exponent(String text, String suffix) {
    String digits = suffix.substring(suffix.charAt(1) == '+' ? 2 : 1);
    long e;
    try {
      e = digits.length() > 6 ? Long.MAX_VALUE : Long.parseLong(digits);
    } catch (NumberFormatException ex) {
      e = Long.MAX_VALUE;
    }
    if (Math.abs(e) > MAX_EXPONENT) {
      throw new IllegalArgumentException(
          "'"
              + abbreviate(text)
              + "' has an exponent outside [-"
              + MAX_EXPONENT
              + ", "
              + MAX_EXPONENT
              + "]");
    }
    return (int) e;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static String abbreviate(String t) {
    return t.length() <= 40 ? t : t.substring(0, 37) + "...";
  }

  /** 1 for Ki up to 6 for Ei; 0 if {@code suffix} is not a binary-SI suffix. */
  private static int binaryPower(String suffix) {
    for (int p = 1; p < BINARY_SUFFIXES.length; p++) {
      if (BINARY_SUFFIXES[p].equals(suffix)) {
        return p;
      }
    }
    return 0;
  }

  /** -9 for n up to 18 for E, 0 for none; {@link Integer#MIN_VALUE} if not a decimal-SI suffix. */
  private static int decimalExponent(String suffix) {
    for (int i = 0; i < DECIMAL_SUFFIXES.length; i++) {
      if (DECIMAL_SUFFIXES[i].equals(suffix)) {
        return 3 * (i - 3);
      }
    }
    return Integer.MIN_VALUE;
  }
}
