package io.platformsim.scheduler.plugins;

import io.platformsim.scheduler.resource.DimensionRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * A resource and its weight in a resource scorer (upstream config.ResourceSpec; weight 1..100,
 * validated as in pkg/scheduler/apis/config/validation). The {@code pods} dimension is rejected:
 * upstream scorers never score it.
 */
public record ResourceWeight(int dimension, int weight) {
  /** Validates. */
  public ResourceWeight {
    if (weight < 1 || weight > 100) {
      throw new IllegalArgumentException(
          "scoringStrategy.resources weight must be in [1, 100], got " + weight);
    }
    if (dimension == DimensionRegistry.PODS) {
      throw new IllegalArgumentException(
          "scoringStrategy.resources: the pods dimension cannot be scored");
    }
    if (dimension < 0) {
      throw new IllegalArgumentException(
          "scoringStrategy.resources: dimension index " + dimension + " is negative");
    }
  }

  /** Upstream default: cpu 1, memory 1. */
  public static List<ResourceWeight> defaults() {
    return List.of(
        new ResourceWeight(DimensionRegistry.CPU, 1),
        new ResourceWeight(DimensionRegistry.MEMORY, 1));
  }

  /** From name/weight pairs, e.g. {@code of(reg, "cpu", 1, "nvidia.com/gpu", 3)}. */
  public static List<ResourceWeight> of(DimensionRegistry registry, Object... namesAndWeights) {
    List<ResourceWeight> out = new ArrayList<>();
    for (int i = 0; i + 1 < namesAndWeights.length; i += 2) {
      out.add(
          new ResourceWeight(
              registry.indexOf((String) namesAndWeights[i]), (Integer) namesAndWeights[i + 1]));
    }
    return List.copyOf(out);
  }
}
