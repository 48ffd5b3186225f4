package io.platformsim.core.kusp.deployment;

/**
 * How far a rolling update may go above and below the desired replica count. Each function mirrors
 * the k/k v1.31 function of {@code pkg/controller/deployment/util/deployment_util.go} with the same
 * name.
 */
public final class RolloutBounds {

  private RolloutBounds() {}

  /**
   * {@code ResolveFenceposts}: {@code maxSurge} against {@code desired} rounded up, {@code
   * maxUnavailable} rounded down ({@code GetScaledValueFromIntOrPercent} in {@code
   * k8s.io/apimachinery/pkg/util/intstr}); when both come to 0, unavailable becomes 1 "on the
   * theory that surge might not work due to quota". Not capped at {@code desired}: that is {@link
   * #maxUnavailable}.
   */
  public static Fenceposts resolveFenceposts(
      IntOrPercent maxSurge, IntOrPercent maxUnavailable, int desired) {
    if (desired < 0) {
      throw new IllegalArgumentException("desired replicas must be >= 0, was " + desired);
    }
    int surge = maxSurge.scaled(desired, true);
    int unavailable = maxUnavailable.scaled(desired, false);
    if (surge == 0 && unavailable == 0) {
      unavailable = 1;
    }
    return new Fenceposts(surge, unavailable);
  }

  /**
   * {@code MaxUnavailable}: 0 for Recreate or 0 replicas, otherwise the resolved unavailability
   * capped at {@code spec.replicas}.
   */
  public static int maxUnavailable(RolloutSpec d) {
    if (!d.rollingUpdate() || d.replicas() == 0) {
      return 0;
    }
    int unavailable =
        resolveFenceposts(d.maxSurge(), d.maxUnavailable(), d.replicas()).unavailable();
    return Math.min(unavailable, d.replicas());
  }

  /** {@code MaxSurge}: 0 for Recreate, otherwise the resolved surge (not capped). */
  public static int maxSurge(RolloutSpec d) {
    if (!d.rollingUpdate()) {
      return 0;
    }
    return resolveFenceposts(d.maxSurge(), d.maxUnavailable(), d.replicas()).surge();
  }

  /** {@code MinAvailable}: 0 for Recreate, otherwise {@code spec.replicas − MaxUnavailable}. */
  public static int minAvailable(RolloutSpec d) {
    if (!d.rollingUpdate()) {
      return 0;
    }
    return d.replicas() - maxUnavailable(d);
  }
}
