package io.platformsim.core.kusp.deployment;

/**
 * The part of a Deployment's spec the controller's arithmetic reads: strategy, {@code
 * spec.replicas} and the rolling-update bounds as written.
 *
 * @param rollingUpdate RollingUpdate ({@code true}) or Recreate ({@code false}), k/k
 *     deployment_util.go {@code IsRollingUpdate}
 * @param replicas {@code spec.replicas}, at least 0
 * @param maxSurge {@code spec.strategy.rollingUpdate.maxSurge} (ignored for Recreate)
 * @param maxUnavailable {@code spec.strategy.rollingUpdate.maxUnavailable} (ignored for Recreate)
 */
public record RolloutSpec(
    boolean rollingUpdate, int replicas, IntOrPercent maxSurge, IntOrPercent maxUnavailable) {

  /** Validates the fields. */
  public RolloutSpec {
    if (maxSurge == null || maxUnavailable == null) {
      throw new IllegalArgumentException("maxSurge and maxUnavailable must not be null");
    }
    if (replicas < 0) {
      throw new IllegalArgumentException("spec.replicas must be >= 0, was " + replicas);
    }
  }

  /** A RollingUpdate Deployment. */
  public static RolloutSpec rollingUpdate(
      int replicas, IntOrPercent maxSurge, IntOrPercent maxUnavailable) {
    return new RolloutSpec(true, replicas, maxSurge, maxUnavailable);
  }

  /** A Recreate Deployment (its bounds are unused and set to 0). */
  public static RolloutSpec recreate(int replicas) {
    return new RolloutSpec(false, replicas, IntOrPercent.of(0), IntOrPercent.of(0));
  }

  /** The same Deployment resized to {@code newReplicas}. */
  public RolloutSpec withReplicas(int newReplicas) {
    return new RolloutSpec(rollingUpdate, newReplicas, maxSurge, maxUnavailable);
  }

  @Override
  public String toString() {
    return rollingUpdate()
        ? "RollingUpdate "
            + replicas
            + " (maxSurge "
            + maxSurge
            + ", maxUnavailable "
            + maxUnavailable
            + ")"
        : "Recreate " + replicas;
  }
}
