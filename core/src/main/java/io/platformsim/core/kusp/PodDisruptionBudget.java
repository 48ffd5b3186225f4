package io.platformsim.core.kusp;

import io.platformsim.core.kusp.deployment.IntOrPercent;

/**
 * A PodDisruptionBudget over one Deployment's pods (selector {@code app=<service>}): either {@code
 * minAvailable} or {@code maxUnavailable}, each a count or a percentage. Preemption reads its
 * {@code status.disruptionsAllowed} as the disruption controller computes it (k/k
 * pkg/controller/disruption/disruption.go, v1.31):
 *
 * <ul>
 *   <li>{@code getExpectedPodCount}: with maxUnavailable, expectedCount is the controller's scale
 *       (the Deployment's replicas, {@code getExpectedScale}) and desiredHealthy = expectedCount −
 *       maxUnavailable (a percentage rounded up, {@code GetScaledValueFromIntOrPercent(...,
 *       true)}), at least 0; with an integer minAvailable, desiredHealthy = minAvailable and
 *       expectedCount = the number of matching pods; with a percentage minAvailable, expectedCount
 *       is the scale and desiredHealthy = minAvailable of it rounded up.
 *   <li>{@code countHealthyPods}: currentHealthy = matching pods that are Ready and not being
 *       deleted.
 *   <li>{@code updatePdbStatus}: disruptionsAllowed = currentHealthy − desiredHealthy, 0 when that
 *       is negative or expectedCount ≤ 0.
 * </ul>
 *
 * Not modelled: {@code status.disruptedPods} (the eviction API's bookkeeping; preemption deletes
 * pods without going through it, as upstream), unhealthyPodEvictionPolicy.
 *
 * @param minAvailable pods that must stay healthy, or {@code null}
 * @param maxUnavailable pods that may be unhealthy, or {@code null}
 */
public record PodDisruptionBudget(IntOrPercent minAvailable, IntOrPercent maxUnavailable) {

  /**
   * Validates as k/k pkg/apis/policy/validation/validation.go {@code
   * ValidatePodDisruptionBudgetSpec}: the two fields are exclusive, a percentage is at most 100%;
   * unlike upstream, one of them must be given (a budget without either protects nothing).
   */
  public PodDisruptionBudget {
    if ((minAvailable == null) == (maxUnavailable == null)) {
      throw new IllegalArgumentException(
          "podDisruptionBudget: exactly one of minAvailable and maxUnavailable must be set,"
              + " was minAvailable "
              + minAvailable
              + ", maxUnavailable "
              + maxUnavailable);
    }
    IntOrPercent v = minAvailable != null ? minAvailable : maxUnavailable;
    if (v.percent() && v.value() > 100) {
      throw new IllegalArgumentException(
          "podDisruptionBudget."
              + (minAvailable != null ? "minAvailable" : "maxUnavailable")
              + ": must not be greater than 100%, was "
              + v);
    }
  }

  /** A budget keeping at least {@code value} ({@code "2"} or {@code "50%"}) of the pods healthy. */
  public static PodDisruptionBudget minAvailable(String value) {
    return new PodDisruptionBudget(
        IntOrPercent.parse("podDisruptionBudget.minAvailable", value), null);
  }

  /**
   * A budget letting at most {@code value} ({@code "1"} or {@code "25%"}) of the pods be unhealthy.
   */
  public static PodDisruptionBudget maxUnavailable(String value) {
    return new PodDisruptionBudget(
        null, IntOrPercent.parse("podDisruptionBudget.maxUnavailable", value));
  }

  /**
   * {@code status.expectedPods} (disruption.go {@code getExpectedPodCount}): the Deployment's
   * scale, or with an integer minAvailable the number of matching pods.
   *
   * @param scale the Deployment's {@code spec.replicas}
   * @param matchingPods pods the selector matches, terminating ones included
   */
  public int expectedPods(int scale, int matchingPods) {
    return minAvailable != null && !minAvailable.percent() ? matchingPods : scale;
  }

  /**
   * {@code status.desiredHealthy} (disruption.go {@code getExpectedPodCount}): minAvailable, or the
   * scale minus maxUnavailable (at least 0); percentages of the scale rounded up.
   */
  public int desiredHealthy(int scale) {
    if (maxUnavailable != null) {
      return Math.max(0, scale - maxUnavailable.scaled(scale, true));
    }
    return minAvailable.scaled(scale, true);
  }

  /**
   * {@code status.disruptionsAllowed} (disruption.go {@code updatePdbStatus}): currentHealthy −
   * desiredHealthy, 0 when negative or when no pod is expected.
   *
   * @param scale the Deployment's {@code spec.replicas}
   * @param matchingPods pods the selector matches, terminating ones included
   * @param currentHealthy matching pods Ready and not terminating
   */
  public int disruptionsAllowed(int scale, int matchingPods, int currentHealthy) {
    int allowed = currentHealthy - desiredHealthy(scale);
    return expectedPods(scale, matchingPods) <= 0 || allowed <= 0 ? 0 : allowed;
  }

  @Override
  public String toString() {
    return "PodDisruptionBudget["
        + (minAvailable != null
            ? "minAvailable " + minAvailable
            : "maxUnavailable " + maxUnavailable)
        + "]";
  }
}
