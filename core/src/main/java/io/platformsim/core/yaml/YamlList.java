package io.platformsim.core.yaml;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A YAML sequence at a field path such as {@code services}; its items are {@code services[0]}, ...
 */
public final class YamlList {

  private final String file;
  private final SequenceNode node;
  private final String path;

  YamlList(String file, SequenceNode node, String path) {
    this.file = file;
    this.node = node;
    this.path = path;
  }

  /** The field path of this list. */
  public String path() {
    return path;
  }

  /** The number of items. */
  public int size() {
    return node.getValue().size();
  }

  /**
   * Every item as a mapping.
   *
   * @throws YamlFileException at the first item that is not a mapping
   */
  public List<YamlMapping> mappings() {
    List<YamlMapping> out = new ArrayList<>();
    List<Node> items = node.getValue();
    for (int i = 0; i < items.size(); i++) {
      out.add(Nodes.mapping(file, items.get(i), path + "[" + i + "]"));
    }
    return out;
  }

  /**
   * Every item as a non-blank name.
   *
   * @throws YamlFileException at the first item that is not a non-blank scalar
   */
  public List<String> names() {
    List<String> out = new ArrayList<>();
    List<Node> items = node.getValue();
    for (int i = 0; i < items.size(); i++) {
      Node n = items.get(i);
      Nodes.noAnchor(file, n, path + "[" + i + "]");
      if (!(n instanceof ScalarNode s) || s.getValue().isBlank()) {
        throw new YamlFileException(
            file, Nodes.line(n), path + "[" + i + "]", "expected a name, was " + Nodes.shape(n));
      }
      out.add(s.getValue());
    }
    return out;
  }

  /**
   * Every item as a list (for a list of lists such as a migration plan's {@code waves}).
   *
   * @throws YamlFileException at the first item that is not a list
   */
  public List<YamlList> lists() {
    List<YamlList> out = new ArrayList<>();
    List<Node> items = node.getValue();
    for (int i = 0; i < items.size(); i++) {
      Node n = items.get(i);
      Nodes.noAnchor(file, n, path + "[" + i + "]");
      if (!(n instanceof SequenceNode sn)) {
        throw new YamlFileException(
            file, Nodes.line(n), path + "[" + i + "]", "expected a list, was " + Nodes.shape(n));
      }
      out.add(new YamlList(file, sn, path + "[" + i + "]"));
    }
    return out;
  }

  /**
   * An error about this list as a whole, at its line. Returned, not thrown, so callers write {@code
   * throw list.error(...)}.
   */
  public YamlFileException error(String problem) {
    return new YamlFileException(file, Nodes.line(node), path, problem);
  }

  @Override
  public String toString() {
    return file + ":" + Nodes.line(node) + ": " + path + " (" + size() + " items)";
  }
}
