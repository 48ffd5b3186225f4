package io.platformsim.fleet.usage;

import io.platformsim.core.workload.Resources;
import java.util.Objects;

/**
 * A right-sizing recommendation for one service's per-instance request, in the shape of the VPA's
 * {@code RecommendedContainerResources} (kubernetes/autoscaler
 * vertical-pod-autoscaler/pkg/recommender/logic/recommender.go): the target to set, and the lower
 * and upper bounds between which the current request is considered fine.
 *
 * @param service the service name
 * @param target the request to set
 * @param lowerBound below this the request is too small
 * @param upperBound above this the request is wasted
 */
public record Recommendation(
    String service, Resources target, Resources lowerBound, Resources upperBound) {

  /** Validates that nothing is missing. */
  public Recommendation {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(lowerBound, "lowerBound");
    Objects.requireNonNull(upperBound, "upperBound");
  }

  @Override
  public String toString() {
    return service
        + ": target "
        + target.milliCpu()
        + "m/"
        + target.memoryMib()
        + "Mi (lower "
        + lowerBound.milliCpu()
        + "m/"
        + lowerBound.memoryMib()
        + "Mi, upper "
        + upperBound.milliCpu()
        + "m/"
        + upperBound.memoryMib()
        + "Mi)";
  }
}
