package io.platformsim.core.yaml;

import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Composes one YAML document into a node tree with line marks, bounded: at most {@code
 * maxCodePoints} code points, no duplicate keys, no recursive keys, and (checked when the tree is
 * read) no anchors or aliases, so no "billion laughs" expansion.
 *
 * <pre>{@code
 * Optional<YamlMapping> root = YamlDocument.root(text, "my.yaml", 1 << 20);
 * }</pre>
 */
public final class YamlDocument {

  private YamlDocument() {}

  /**
   * The top-level mapping of {@code yaml}, naming it {@code sourceName} in errors; empty if the
   * text holds no document (only blanks and comments).
   *
   * @throws YamlFileException if it is not valid YAML or its top level is not a mapping
   */
  public static Optional<YamlMapping> root(String yaml, String sourceName, int maxCodePoints) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(sourceName)
            .setAllowDuplicateKeys(false)
            .setMaxAliasesForCollections(10)
            .setCodePointLimit(maxCodePoints)
            .setAllowRecursiveKeys(false)
            .build();
    Optional<Node> root;
    try {
      root = new Compose(settings).composeString(yaml);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
      throw new YamlFileException(sourceName, line, "", "not valid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      throw new YamlFileException(sourceName, 0, "", "not valid YAML: " + e.getMessage());
    }
    return root.map(n -> Nodes.mapping(sourceName, n, ""));
  }
}
