package io.platformsim.examples.cli;

import java.util.Locale;

/**
 * A hand-written JSON object on one line, for commands' {@code --json} output: string, integer,
 * floating-point, array and nested-object members, added in order. Strings are escaped per RFC 8259
 * (quote, backslash and every control character); non-finite doubles become {@code null}, since
 * JSON has no NaN or infinity.
 */
final class JsonObject {

  private final StringBuilder sb = new StringBuilder("{");

  private JsonObject name(String name) {
    if (sb.length() > 1) {
      sb.append(',');
    }
    quote(name);
    sb.append(':');
    return this;
  }

  /** Adds a string member. */
  JsonObject add(String name, String value) {
    name(name);
    if (value == null) {
      sb.append("null");
    } else {
      quote(value);
    }
    return this;
  }

  /** Adds an integer member. */
  JsonObject add(String name, long value) {
    name(name).sb.append(value);
    return this;
  }

  /** Adds a floating-point member, {@code null} if not finite. */
  JsonObject add(String name, double value) {
    name(name);
    // Double.toString of a finite value ("0.25", "1.0E-5") is valid JSON number syntax.
    sb.append(Double.isFinite(value) ? Double.toString(value) : "null");
    return this;
  }

  /** Adds an array of floating-point numbers, {@code null} for a non-finite one. */
  JsonObject add(String name, double[] values) {
    name(name).sb.append('[');
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(Double.isFinite(values[i]) ? Double.toString(values[i]) : "null");
    }
    sb.append(']');
    return this;
  }

  /** Adds an array of integers. */
  JsonObject add(String name, long[] values) {
    name(name).sb.append('[');
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(values[i]);
    }
    sb.append(']');
    return this;
  }

  /** Adds an array of integer arrays. */
  JsonObject add(String name, long[][] values) {
    name(name).sb.append('[');
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append('[');
      for (int j = 0; j < values[i].length; j++) {
        if (j > 0) {
          sb.append(',');
        }
        sb.append(values[i][j]);
      }
      sb.append(']');
    }
    sb.append(']');
    return this;
  }

  /** Adds a nested object member, or {@code null} if {@code value} is null. */
  JsonObject add(String name, JsonObject value) {
    name(name).sb.append(value == null ? "null" : value.toString());
    return this;
  }

  /** Adds an array of strings. */
  JsonObject add(String name, java.util.List<String> values) {
    name(name).sb.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      quote(values.get(i));
    }
    sb.append(']');
    return this;
  }

  /** Adds a boolean member. */
  JsonObject add(String name, boolean value) {
    name(name).sb.append(value);
    return this;
  }

  /** Adds an array of objects. */
  JsonObject addObjects(String name, java.util.List<JsonObject> values) {
    name(name).sb.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(values.get(i));
    }
    sb.append(']');
    return this;
  }

  private void quote(String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** The object's JSON text. */
  @Override
  public String toString() {
    return sb + "}";
  }
}
