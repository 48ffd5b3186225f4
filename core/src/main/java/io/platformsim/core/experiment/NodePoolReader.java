package io.platformsim.core.experiment;

import io.platformsim.core.kusp.Expander;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.NodePool;
import io.platformsim.core.yaml.YamlFileException;
import io.platformsim.core.yaml.YamlList;
import io.platformsim.core.yaml.YamlMapping;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code kusp.nodePools} (node pools besides the default one, each {@code {name, nodeType,
 * labels, taints, initial, min, max}}) and {@code kusp.expander} ({@code random}, {@code
 * least-waste} or {@code price}) into a {@link KuspConfig.Builder}. Field names, units and sources
 * are documented in {@code examples/scenarios/README.md}.
 */
final class NodePoolReader {

  static final List<String> NODE_POOL =
      List.of("name", "nodeType", "labels", "taints", "initial", "min", "max");
  static final List<String> TAINT = List.of("key", "value", "effect");

  private NodePoolReader() {}

  /** Adds the pools of {@code kusp.nodePools} and sets {@code kusp.expander}, if present. */
  static void read(YamlMapping kusp, KuspConfig.Builder b) {
    if (kusp.has("expander")) {
      String v = kusp.text("expander").strip();
      b.expander(
          Expander.named(v)
              .orElseThrow(
                  () ->
                      kusp.error(
                          "expander",
                          "unknown expander '"
                              + v
                              + "'"
                              + Suggestions.didYouMean(v, Expander.names())
                              + "; known: "
                              + Expander.names())));
    }
    if (!kusp.has("nodePools")) {
      return;
    }
    YamlList list = kusp.list("nodePools").orElseThrow();
    Set<String> names = new HashSet<>();
    names.add(NodePool.DEFAULT_NAME);
    for (YamlMapping p : list.mappings()) {
      NodePool pool = pool(p);
      if (!names.add(pool.name())) {
        throw p.error(
            "name",
            "duplicate node pool name '"
                + pool.name()
                + "' ('"
                + NodePool.DEFAULT_NAME
                + "' is the pool of kusp.nodeType)");
      }
      b.nodePool(pool);
    }
  }

  private static NodePool pool(YamlMapping p) {
    p.only(NODE_POOL);
    String name = p.text("name").strip();
    var type = KuspReader.nodeType(p.requiredMapping("nodeType"));
    Map<String, String> labels = new LinkedHashMap<>();
    p.mapping("labels")
        .ifPresent(
            l -> {
              for (String k : l.keys()) {
                labels.put(k, l.text(k));
              }
            });
    if (labels.containsKey(NodePool.INSTANCE_TYPE_LABEL)) {
      throw p.error(
          "labels",
          NodePool.INSTANCE_TYPE_LABEL + " is set from nodeType.name, it cannot be a pool label");
    }
    int min = p.integer("min", 0, 100_000, 0);
    int max = p.integer("max", 0, 100_000, null);
    if (max < min) {
      throw p.error("max", "must be >= min " + min + ", was " + max);
    }
    int initial = p.integer("initial", 0, 100_000, min);
    if (initial > max) {
      throw p.error("initial", "must be <= max " + max + ", was " + initial);
    }
    NodePool pool;
    try {
      pool = NodePool.of(name, type, initial, min, max).withLabels(labels);
    } catch (YamlFileException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw p.error("", e.getMessage());
    }
    if (p.has("taints")) {
      for (YamlMapping t : p.list("taints").orElseThrow().mappings()) {
        pool = tainted(pool, t);
      }
    }
    return pool;
  }

  /** {@code pool} with the taint {@code {key, value, effect: NoSchedule}} of {@code t}. */
  private static NodePool tainted(NodePool pool, YamlMapping t) {
    t.only(TAINT);
    String effect = t.string("effect", "NoSchedule").strip();
    if (!effect.equals("NoSchedule")) {
      throw t.error(
          "effect",
          "must be NoSchedule, was '"
              + effect
              + "' (NoExecute taints belong to the node lifecycle controller)");
    }
    String key = t.text("key").strip();
    String value = t.string("value", ""); // its own error, at its own field
    try {
      return pool.withNoScheduleTaint(key, value);
    } catch (IllegalArgumentException e) {
      throw t.error("key", e.getMessage());
    }
  }
}
