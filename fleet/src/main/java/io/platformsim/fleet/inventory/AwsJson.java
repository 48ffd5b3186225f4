package io.platformsim.fleet.inventory;

import io.platformsim.core.lesp.InstanceType;
import io.platformsim.core.yaml.YamlDocument;
import io.platformsim.core.yaml.YamlFileException;
import io.platformsim.core.yaml.YamlList;
import io.platformsim.core.yaml.YamlMapping;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the two AWS CLI readers share: the JSON document (read as YAML 1.2, which JSON is, so errors
 * carry the line and the JSON path), the {@code Tags[]} list of {@code {Key, Value}} and the
 * instance-type check against the catalogue.
 */
final class AwsJson {

  /** Input above this many code points is refused (about 64 MiB of JSON). */
  static final int MAX_CODE_POINTS = 1 << 26;

  private AwsJson() {}

  /** The top-level object of {@code json}; an error naming the file if empty or malformed. */
  static YamlMapping root(String json, String file) {
    return YamlDocument.root(json, file, MAX_CODE_POINTS)
        .orElseThrow(() -> new YamlFileException(file, 0, "", "empty file: no JSON object"));
  }

  /** The list under {@code key}; an error naming the field if missing. */
  static YamlList requiredList(YamlMapping m, String key) {
    return m.list(key).orElseThrow(() -> m.error("", "missing field '" + key + "' (a list)"));
  }

  /** The {@code Tags[]} of {@code m} as key → value, in order (absent = no tags). */
  static Map<String, String> tags(YamlMapping m) {
    Map<String, String> out = new LinkedHashMap<>();
    Optional<YamlList> tags = m.list("Tags");
    if (tags.isPresent()) {
      for (YamlMapping t : tags.get().mappings()) {
        out.put(t.text("Key"), t.scalar("Value").orElse(""));
      }
    }
    return out;
  }

  /** The instance type under {@code key}; an error naming file, line, path and value if unknown. */
  static InstanceType type(YamlMapping m, String key, InstanceCatalogue catalogue) {
    String name = m.text(key);
    return catalogue
        .find(name)
        .orElseThrow(
            () ->
                m.error(
                    key,
                    "unknown instance type '"
                        + name
                        + "' (not in the catalogue of "
                        + catalogue.size()
                        + " types)"));
  }

  /** {@code file: path}, where a machine was read. */
  static String source(YamlMapping m, String file) {
    return file + ": " + m.path();
  }
}
