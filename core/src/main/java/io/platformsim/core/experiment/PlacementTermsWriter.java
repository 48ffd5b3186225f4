package io.platformsim.core.experiment;

import io.platformsim.core.kusp.DeploymentSpec;
import io.platformsim.scheduler.pod.AntiAffinityTerm;
import io.platformsim.scheduler.pod.LabelSelector;
import io.platformsim.scheduler.pod.NodeSelectorTerm;
import io.platformsim.scheduler.pod.Operator;
import io.platformsim.scheduler.pod.PreferredTerm;
import io.platformsim.scheduler.pod.Requirement;
import io.platformsim.scheduler.pod.SpreadConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the placement terms of a {@code deployment} section as {@link PlacementTermsReader} reads
 * them: {@code labels} on one line, {@code affinity} and {@code topologySpreadConstraints} as
 * blocks with one requirement a line. A pod selector writes its leading {@code In}-one-value
 * requirements in increasing key order as {@code matchLabels} (the reader puts those first, key
 * order), the rest as {@code matchExpressions}, so it reads back equal. Nothing is written for
 * empty terms.
 */
final class PlacementTermsWriter {

  private PlacementTermsWriter() {}

  /** The placement fields of {@code d}, inside its open {@code deployment} mapping. */
  static void write(YamlLines y, DeploymentSpec d) {
    if (!d.labels().isEmpty()) {
      y.flow("labels", keysAndValues(d.labels()));
    }
    boolean node = !d.requiredNodeAffinity().isEmpty() || !d.preferredNodeAffinity().isEmpty();
    if (node || !d.podAntiAffinity().isEmpty()) {
      y.open("affinity");
      if (node) {
        y.open("nodeAffinity");
        if (!d.requiredNodeAffinity().isEmpty()) {
          y.open("required");
          for (NodeSelectorTerm t : d.requiredNodeAffinity()) {
            y.item();
            expressions(y, t.requirements());
            y.close();
          }
          y.close();
        }
        if (!d.preferredNodeAffinity().isEmpty()) {
          y.open("preferred");
          for (PreferredTerm t : d.preferredNodeAffinity()) {
            y.item().field("weight", Integer.toString(t.weight()));
            expressions(y, t.term().requirements());
            y.close();
          }
          y.close();
        }
        y.close();
      }
      if (!d.podAntiAffinity().isEmpty()) {
        y.open("podAntiAffinity").open("required");
        for (AntiAffinityTerm t : d.podAntiAffinity()) {
          y.item().field("topologyKey", Spelled.text(t.topologyKey()));
          selector(y, t.selector());
          y.close();
        }
        y.close().close();
      }
      y.close();
    }
    if (!d.topologySpread().isEmpty()) {
      y.open("topologySpreadConstraints");
      for (SpreadConstraint c : d.topologySpread()) {
        y.item()
            .field("maxSkew", Integer.toString(c.maxSkew()))
            .field("topologyKey", Spelled.text(c.topologyKey()))
            .field(
                "whenUnsatisfiable",
                nameOf(PlacementTermsReader.WHEN_UNSATISFIABLE, c.whenUnsatisfiable()));
        selector(y, c.selector());
        y.close();
      }
      y.close();
    }
  }

  private static void selector(YamlLines y, LabelSelector s) {
    List<Requirement> rs = s.requirements();
    int labels = 0;
    while (labels < rs.size()
        && isMatchLabel(rs.get(labels))
        && (labels == 0 || rs.get(labels - 1).key().compareTo(rs.get(labels).key()) < 0)) {
      labels++;
    }
    if (rs.isEmpty()) {
      y.field("labelSelector", "{}");
      return;
    }
    y.open("labelSelector");
    if (labels > 0) {
      List<String> kv = new ArrayList<>();
      for (Requirement r : rs.subList(0, labels)) {
        kv.add(Spelled.text(r.key()));
        kv.add(Spelled.text(r.values().get(0)));
      }
      y.flow("matchLabels", kv);
    }
    if (labels < rs.size()) {
      expressions(y, rs.subList(labels, rs.size()));
    }
    y.close();
  }

  private static boolean isMatchLabel(Requirement r) {
    return r.operator() == Operator.IN && r.values().size() == 1;
  }

  /** {@code matchExpressions:} with one {@code {key, operator, values}} item a requirement. */
  private static void expressions(YamlLines y, List<Requirement> rs) {
    y.open("matchExpressions");
    for (Requirement r : rs) {
      List<String> kv = new ArrayList<>();
      kv.add("key");
      kv.add(Spelled.text(r.key()));
      kv.add("operator");
      kv.add(nameOf(PlacementTermsReader.OPERATORS, r.operator()));
      if (!r.values().isEmpty()) {
        kv.add("values");
        kv.add("[" + String.join(", ", r.values().stream().map(Spelled::text).toList()) + "]");
      }
      y.flowItem(kv);
    }
    y.close();
  }

  private static List<String> keysAndValues(Map<String, String> m) {
    List<String> kv = new ArrayList<>();
    m.forEach(
        (k, v) -> {
          kv.add(Spelled.text(k));
          kv.add(Spelled.text(v));
        });
    return kv;
  }

  /** The file's spelling of {@code value} in {@code names} (the reader's own table). */
  private static <T> String nameOf(Map<String, T> names, T value) {
    return names.entrySet().stream()
        .filter(e -> e.getValue() == value)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }
}
