package io.platformsim.core.yaml;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A YAML mapping at a field path such as {@code services[1].request}, with typed reads. Every
 * failed read is a {@link YamlFileException} naming the file, the line of the offending value (or
 * of the mapping, for a missing field), the field path and the bad value.
 *
 * <p>Keys must be plain scalars and appear once; no value may carry an anchor. Getters that take a
 * default return it when the field is absent; a {@code null} default makes the field required.
 */
public final class YamlMapping {

  private final String file;
  private final MappingNode node;
  private final String path;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

  YamlMapping(String file, MappingNode node, String path) {
    this.file = file;
    this.node = node;
    this.path = path;
    for (NodeTuple t : node.getValue()) {
      Node k = t.getKeyNode();
      if (!(k instanceof ScalarNode ks)) {
        throw new YamlFileException(
            file, Nodes.line(k), path, "keys must be plain names, was " + Nodes.shape(k));
      }
      Nodes.noAnchor(file, t.getValueNode(), path(ks.getValue()));
      if (entries.put(ks.getValue(), t) != null) {
        throw new YamlFileException(file, Nodes.line(k), path(ks.getValue()), "duplicate key");
      }
    }
  }

  /** The field path of this mapping, empty at the top level. */
  public String path() {
    return path;
  }

  /** The field path of {@code key} in this mapping. */
  public String path(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /**
   * An error about {@code key} (at its value's line) or, with an empty key, about this mapping.
   * Returned, not thrown, so callers write {@code throw m.error(...)}.
   */
  public YamlFileException error(String key, String problem) {
    NodeTuple t = key.isEmpty() ? null : entries.get(key);
    int l = t != null ? Nodes.line(t.getValueNode()) : Nodes.line(node);
    return new YamlFileException(file, l, key.isEmpty() ? path : path(key), problem);
  }

  /**
   * Refuses any key not in {@code allowed}, suggesting the closest allowed one.
   *
   * @throws YamlFileException at the first unknown key
   */
  public void only(Collection<String> allowed) {
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw new YamlFileException(
            file,
            Nodes.line(e.getValue().getKeyNode()),
            path(e.getKey()),
            "unknown field '" + e.getKey() + "'" + DidYouMean.suggest(e.getKey(), allowed));
      }
    }
  }

  /** The keys of this mapping, in file order. */
  public List<String> keys() {
    return List.copyOf(entries.keySet());
  }

  /** Whether {@code key} is present. */
  public boolean has(String key) {
    return entries.containsKey(key);
  }

  /** The text of {@code key} if present and a scalar. */
  public Optional<String> scalar(String key) {
    NodeTuple t = entries.get(key);
    return t != null && t.getValueNode() instanceof ScalarNode s
        ? Optional.of(s.getValue())
        : Optional.empty();
  }

  /** The mapping under {@code key}, if present; an error if it is something else. */
  public Optional<YamlMapping> mapping(String key) {
    NodeTuple t = entries.get(key);
    return t == null
        ? Optional.empty()
        : Optional.of(Nodes.mapping(file, t.getValueNode(), path(key)));
  }

  /** The mapping under {@code key}; an error if missing or something else. */
  public YamlMapping requiredMapping(String key) {
    if (!has(key)) {
      throw missing(key);
    }
    return mapping(key).orElseThrow();
  }

  /** The list under {@code key}, if present; an error if it is something else. */
  public Optional<YamlList> list(String key) {
    NodeTuple t = entries.get(key);
    if (t == null) {
      return Optional.empty();
    }
    if (!(t.getValueNode() instanceof SequenceNode sn)) {
      throw error(key, "expected a list ('- ' items), was " + Nodes.shape(t.getValueNode()));
    }
    return Optional.of(new YamlList(file, sn, path(key)));
  }

  /** The scalar text of {@code key}; an error if missing or not a scalar. */
  public String text(String key) {
    if (!has(key)) {
      throw missing(key);
    }
    Node n = entries.get(key).getValueNode();
    if (!(n instanceof ScalarNode s)) {
      throw error(key, "expected a single value, was " + Nodes.shape(n));
    }
    return s.getValue();
  }

  /** Non-blank text. */
  public String string(String key, String dflt) {
    if (!has(key)) {
      return orMissing(key, dflt);
    }
    String v = text(key);
    if (v.isBlank()) {
      throw error(key, "must not be blank");
    }
    return v;
  }

  /** A whole number in {@code [min, max]}. */
  public int integer(String key, int min, int max, Integer dflt) {
    if (!has(key)) {
      return orMissing(key, dflt);
    }
    long n = wholeNumber(key);
    if (n < min || n > max) {
      throw error(key, "must be in [" + min + ", " + max + "], was " + n);
    }
    return (int) n;
  }

  /** A whole number. */
  public long longValue(String key, long dflt) {
    return has(key) ? wholeNumber(key) : dflt;
  }

  /** A finite number. */
  public double decimal(String key, Double dflt) {
    if (!has(key)) {
      return orMissing(key, dflt);
    }
    String v = text(key).trim();
    double d;
    try {
      d = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw error(key, "expected a number, was '" + v + "'");
    }
    if (!Double.isFinite(d)) {
      throw error(key, "must be finite, was '" + v + "'");
    }
    return d;
  }

  /** {@code true} or {@code false}. */
  public boolean bool(String key, boolean dflt) {
    if (!has(key)) {
      return dflt;
    }
    String v = text(key).trim();
    if (v.equals("true") || v.equals("false")) {
      return Boolean.parseBoolean(v);
    }
    throw error(key, "expected true or false, was '" + v + "'");
  }

  /**
   * The value {@code reader} makes of the text of {@code key}; its exception's message becomes the
   * problem reported at the field.
   */
  public <T> T read(String key, ScalarReader<T> reader, T dflt) {
    if (!has(key)) {
      return orMissing(key, dflt);
    }
    String v = text(key);
    try {
      return reader.read(v);
    } catch (YamlFileException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw error(key, e.getMessage());
    }
  }

  @Override
  public String toString() {
    return file
        + ":"
        + Nodes.line(node)
        + ": "
        + (path.isEmpty() ? "(top level)" : path)
        + " "
        + entries.keySet();
  }

  private long wholeNumber(String key) {
    String v = text(key).trim();
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw error(key, "expected a whole number, was '" + v + "'");
    }
  }

  private <T> T orMissing(String key, T dflt) {
    if (dflt == null) {
      throw missing(key);
    }
    return dflt;
  }

  private YamlFileException missing(String key) {
    return new YamlFileException(file, Nodes.line(node), path(key), "missing; it is required");
  }
}
