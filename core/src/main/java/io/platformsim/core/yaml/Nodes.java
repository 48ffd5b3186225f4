package io.platformsim.core.yaml;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Lines, shapes and the anchor check shared by mappings and lists. */
final class Nodes {

  private Nodes() {}

  /** The 1-based line where {@code n} starts, 0 if unknown. */
  static int line(Node n) {
    return n.getStartMark().map(Mark::getLine).map(l -> l + 1).orElse(0);
  }

  /** How to name {@code n} in an error: its text if a scalar, else "a list" or "a mapping". */
  static String shape(Node n) {
    if (n instanceof ScalarNode s) {
      return "'" + s.getValue() + "'";
    }
    return n instanceof SequenceNode ? "a list" : "a mapping";
  }

  /** Refuses an anchored node: aliases could expand a small file into a huge tree. */
  static void noAnchor(String file, Node n, String path) {
    if (n.getAnchor().isPresent()) {
      throw new YamlFileException(
          file, line(n), path, "anchors and aliases (&, *) are not supported");
    }
  }

  /** {@code n} as a mapping at {@code path}, or an error naming what it is instead. */
  static YamlMapping mapping(String file, Node n, String path) {
    noAnchor(file, n, path);
    if (!(n instanceof MappingNode mn)) {
      throw new YamlFileException(
          file, line(n), path, "expected a mapping (key: value lines), was " + shape(n));
    }
    return new YamlMapping(file, mn, path);
  }
}
