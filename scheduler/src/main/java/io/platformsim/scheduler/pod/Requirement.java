package io.platformsim.scheduler.pod;

import java.util.List;
import java.util.Map;

/**
 * One label requirement {@code key op values}, evaluated like upstream {@code
 * labels.Requirement.Matches} (k8s.io/apimachinery pkg/labels/selector.go): NOT_IN also matches
 * when the key is absent; GT/LT need exactly one integer value and fail if the label does not parse
 * as an integer.
 */
public record Requirement(String key, Operator operator, List<String> values) {
  /** Validates arity per operator. */
  public Requirement {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("requirement.key is blank");
    }
    if (operator == null) {
      throw new IllegalArgumentException("requirement.operator is null for key '" + key + "'");
    }
    values = List.copyOf(values == null ? List.of() : values);
    switch (operator) {
      case IN, NOT_IN -> {
        if (values.isEmpty()) {
          throw new IllegalArgumentException(
              "requirement.values must be non-empty for " + operator + " on key '" + key + "'");
        }
      }
      case EXISTS, DOES_NOT_EXIST -> {
        if (!values.isEmpty()) {
          throw new IllegalArgumentException(
              "requirement.values must be empty for "
                  + operator
                  + " on key '"
                  + key
                  + "', got "
                  + values);
        }
      }
      case GT, LT -> {
        if (values.size() != 1) {
          throw new IllegalArgumentException(
              "requirement.values must hold exactly one integer for "
                  + operator
                  + " on key '"
                  + key
                  + "', got "
                  + values);
        }
        try {
          Long.parseLong(values.get(0));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "requirement.values: '"
                  + values.get(0)
                  + "' is not an integer ("
                  + operator
                  + " on key '"
                  + key
                  + "')");
        }
      }
    }
  }

  /** {@code key In (values...)}. */
  public static Requirement in(String key, String... values) {
    return new Requirement(key, Operator.IN, List.of(values));
  }

  /** {@code key NotIn (values...)}. */
  public static Requirement notIn(String key, String... values) {
    return new Requirement(key, Operator.NOT_IN, List.of(values));
  }

  /** {@code key Exists}. */
  public static Requirement exists(String key) {
    return new Requirement(key, Operator.EXISTS, List.of());
  }

  /** {@code key DoesNotExist}. */
  public static Requirement doesNotExist(String key) {
    return new Requirement(key, Operator.DOES_NOT_EXIST, List.of());
  }

  /** {@code key Gt value}. */
  public static Requirement gt(String key, long value) {
    return new Requirement(key, Operator.GT, List.of(Long.toString(value)));
  }

  /** {@code key Lt value}. */
  public static Requirement lt(String key, long value) {
    return new Requirement(key, Operator.LT, List.of(Long.toString(value)));
  }

  /** Whether {@code labels} satisfy this requirement. */
  public boolean matches(Map<String, String> labels) {
    String v = labels.get(key);
    switch (operator) {
      case IN:
        return v != null && values.contains(v);
      case NOT_IN:
        return v == null || !values.contains(v);
      case EXISTS:
        return v != null;
      case DOES_NOT_EXIST:
        return v == null;
      case GT:
      case LT:
        if (v == null) {
          return false;
        }
        long lv;
        try {
          lv = Long.parseLong(v);
        } catch (NumberFormatException e) {
          return false;
        }
        long rv = Long.parseLong(values.get(0));
        return operator == Operator.GT ? lv > rv : lv < rv;
      default:
        throw new AssertionError(operator);
    }
  }

  @Override
  public String toString() {
    return key + " " + operator + (values.isEmpty() ? "" : " " + values);
  }
}
