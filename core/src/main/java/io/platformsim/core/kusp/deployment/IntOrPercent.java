package io.platformsim.core.kusp.deployment;

/**
 * A Kubernetes {@code IntOrString} as used by {@code maxSurge} and {@code maxUnavailable}: either
 * an absolute count or a percentage of the desired replicas.
 *
 * <p>Resolution follows k/k {@code pkg/util/intstr} {@code GetScaledValueFromIntOrPercent} as
 * called by {@code pkg/controller/deployment/util/deployment_util.go ResolveFenceposts} (v1.31): a
 * percentage is {@code pct · total / 100}, rounded up for {@code maxSurge} and down for {@code
 * maxUnavailable}.
 *
 * @param value the count, or the percentage when {@code percent}; at least 0
 * @param percent whether {@code value} is a percentage
 */
public record IntOrPercent(int value, boolean percent) {

  /** Validates the value. */
  public IntOrPercent {
    if (value < 0) {
      throw new IllegalArgumentException(
          "int-or-percent value must be >= 0, was " + value + (percent ? "%" : ""));
    }
  }

  /** An absolute count. */
  public static IntOrPercent of(int count) {
    return new IntOrPercent(count, false);
  }

  /** A percentage of the desired replicas. */
  public static IntOrPercent percent(int pct) {
    return new IntOrPercent(pct, true);
  }

  /**
   * Parses {@code "3"} or {@code "25%"} (the forms the API accepts).
   *
   * @param field the API field being parsed, named in the error
   * @throws IllegalArgumentException naming {@code field} and the text when malformed or negative
   */
  public static IntOrPercent parse(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(field + ": value must not be blank, was '" + text + "'");
    }
    String t = text.strip();
    boolean pct = t.endsWith("%");
    String digits = pct ? t.substring(0, t.length() - 1) : t;
    if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 9) {
      throw new IllegalArgumentException(
          field
              + ": malformed value '"
              + text
              + "', expected a non-negative integer or a percentage such as '25%'");
    }
    return new IntOrPercent(Integer.parseInt(digits), pct);
  }

  /**
   * The value scaled against {@code total}: a count as is, a percentage rounded up or down. Exact
   * integer arithmetic, as upstream ({@code math.Ceil}/{@code math.Floor} of {@code
   * value·total/100}).
   */
  public int scaled(int total, boolean roundUp) {
    if (!percent) {
      return value;
    }
    long num = (long) value * total;
    return (int) (roundUp ? (num + 99) / 100 : num / 100);
  }

  @Override
  public String toString() {
    return percent ? value + "%" : Integer.toString(value);
  }
}
