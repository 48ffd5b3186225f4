package io.platformsim.core.experiment;

import java.util.List;

/**
 * The YAML text {@link ScenarioWriter} builds, line by line, indented two spaces per level: block
 * mappings and lists for structure, one-line flow mappings (<code>{cpu: 500m, memory: 1Gi}</code>)
 * for small leaves. Keys and values arrive already spelled ({@link Spelled}); this class only lays
 * them out. Mutable, used by one writer call.
 */
final class YamlLines {

  private final StringBuilder out = new StringBuilder();
  private int indent;

  /** Whether the next line opens a list item ({@code - } before it). */
  private boolean dash;

  /** A comment line. */
  YamlLines comment(String text) {
    return line("# " + text);
  }

  /** {@code key: value}. */
  YamlLines field(String key, String value) {
    return line(key + ": " + value);
  }

  /** <code>key: {k1: v1, k2: v2}</code> from alternating keys and values. */
  YamlLines flow(String key, List<String> keysAndValues) {
    return field(key, flowMapping(keysAndValues));
  }

  /** <code>key: [a, b]</code>. */
  YamlLines flowList(String key, List<String> values) {
    return field(key, "[" + String.join(", ", values) + "]");
  }

  /** {@code key:}, then the lines up to {@link #close()} one level deeper. */
  YamlLines open(String key) {
    line(key + ":");
    indent += 2;
    return this;
  }

  /** Ends what {@link #open} or {@link #item} began. */
  YamlLines close() {
    indent -= 2;
    return this;
  }

  /** A list item: the next line starts with {@code - }, the rest up to {@link #close()} align. */
  YamlLines item() {
    indent += 2;
    dash = true;
    return this;
  }

  /** <code>- {k1: v1, k2: v2}</code>. */
  YamlLines flowItem(List<String> keysAndValues) {
    item();
    line(flowMapping(keysAndValues));
    return close();
  }

  /** The text so far. */
  String text() {
    return out.toString();
  }

  private static String flowMapping(List<String> kv) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < kv.size(); i += 2) {
      sb.append(i == 0 ? "" : ", ").append(kv.get(i)).append(": ").append(kv.get(i + 1));
    }
    return sb.append('}').toString();
  }

  private YamlLines line(String content) {
    if (dash) {
      out.append(" ".repeat(indent - 2)).append("- ");
      dash = false;
    } else {
      out.append(" ".repeat(indent));
    }
    out.append(content).append('\n');
    return this;
  }
}
