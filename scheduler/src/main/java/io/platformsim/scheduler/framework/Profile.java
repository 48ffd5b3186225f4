package io.platformsim.scheduler.framework;

import java.util.List;

/**
 * A scheduling profile: filters in order, weighted scorers, and the tie-break rule. With {@code
 * lowestIndexWins} the lowest node index among the best totals wins (first fit); otherwise the
 * highest seeded hash of (pod tie-break key, node name), which does not depend on scan order.
 */
public record Profile(
    String name,
    List<FilterPlugin> filters,
    List<WeightedScorer> scorers,
    boolean lowestIndexWins) {
  /** Validates and copies. */
  public Profile {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("profile.name is blank");
    }
    filters = List.copyOf(filters);
    scorers = List.copyOf(scorers);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Profile[").append(name).append(" filters=");
    sb.append(filters.stream().map(FilterPlugin::name).toList()).append(" scorers=[");
    for (int i = 0; i < scorers.size(); i++) {
      sb.append(i == 0 ? "" : ", ")
          .append(scorers.get(i).plugin().name())
          .append('×')
          .append(scorers.get(i).weight());
    }
    return sb.append("]").append(lowestIndexWins ? " first-fit" : "").append(']').toString();
  }
}
