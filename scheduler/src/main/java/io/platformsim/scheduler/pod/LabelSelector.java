package io.platformsim.scheduler.pod;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pod label selector: requirements ANDed (matchLabels become {@code In} with one value). Only IN,
 * NOT_IN, EXISTS and DOES_NOT_EXIST are allowed, as in the upstream LabelSelector API. An empty
 * selector matches every pod.
 */
public record LabelSelector(List<Requirement> requirements) {
  /** Validates operators. */
  public LabelSelector {
    requirements = List.copyOf(requirements);
    for (Requirement r : requirements) {
      if (r.operator() == Operator.GT || r.operator() == Operator.LT) {
        throw new IllegalArgumentException(
            "labelSelector: operator "
                + r.operator()
                + " is not allowed for pod selectors (key '"
                + r.key()
                + "')");
      }
    }
  }

  /** {@code matchLabels}: every key/value must be present. */
  public static LabelSelector matchLabels(Map<String, String> labels) {
    List<Requirement> rs = new ArrayList<>();
    new TreeMap<>(labels).forEach((k, v) -> rs.add(Requirement.in(k, v)));
    return new LabelSelector(rs);
  }

  /** {@code matchLabels} from key/value pairs. */
  public static LabelSelector matchLabels(String... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "matchLabels: expected key/value pairs, got " + keysAndValues.length + " strings");
    }
    Map<String, String> m = new TreeMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return matchLabels(m);
  }

  /** Whether {@code labels} satisfy every requirement. */
  public boolean matches(Map<String, String> labels) {
    for (Requirement r : requirements) {
      if (!r.matches(labels)) {
        return false;
      }
    }
    return true;
  }
}
