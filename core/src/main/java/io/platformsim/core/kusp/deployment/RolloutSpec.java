package io.platformsim.core.kusp.deployment;

import io.platformsim.core.kusp.DeploymentSpec;
import io.platformsim.core.kusp.IntOrPercent;

/**
 * The part of a Deployment's spec the controller's arithmetic reads: strategy, {@code
 * spec.replicas} and the rolling-update bounds as written.
 *
 * @param strategy       RollingUpdate or Recreate
 * @param replicas       {@code spec.replicas}, at least 0
 * @param maxSurge       {@code spec.strategy.rollingUpdate.maxSurge} (ignored for Recreate)
 * @param maxUnavailable {@code spec.strategy.rollingUpdate.maxUnavailable} (ignored for Recreate)
 */
public record RolloutSpec(DeploymentSpec.Strategy strategy, int replicas, IntOrPercent maxSurge,
    IntOrPercent maxUnavailable) {

  /** Validates the fields. */
  public RolloutSpec {
    if (strategy == null || maxSurge == null || maxUnavailable == null) {
      throw new IllegalArgumentException("strategy, maxSurge and maxUnavailable must not be null");
    }
    if (replicas < 0) {
      throw new IllegalArgumentException("spec.replicas must be >= 0, was " + replicas);
    }
  }

  /** A RollingUpdate Deployment. */
  public static RolloutSpec rollingUpdate(int replicas, IntOrPercent maxSurge, IntOrPercent maxUnavailable) {
    return new RolloutSpec(DeploymentSpec.Strategy.ROLLING_UPDATE, replicas, maxSurge, maxUnavailable);
  }

  /** A Recreate Deployment (its bounds are unused and set to 0). */
  public static RolloutSpec recreate(int replicas) {
    return new RolloutSpec(DeploymentSpec.Strategy.RECREATE, replicas, IntOrPercent.of(0), IntOrPercent.of(0));
  }

  /** The spec of a KuSP {@link DeploymentSpec} at {@code replicas}. */
  public static RolloutSpec of(DeploymentSpec spec, int replicas) {
    return new RolloutSpec(spec.strategy(), replicas, spec.maxSurge(), spec.maxUnavailable());
  }

  /** Whether the strategy is RollingUpdate (k/k deployment_util.go {@code IsRollingUpdate}). */
  public boolean rollingUpdate() {
    return strategy == DeploymentSpec.Strategy.ROLLING_UPDATE;
  }

  /** The same Deployment resized to {@code newReplicas}. */
  public RolloutSpec withReplicas(int newReplicas) {
    return new RolloutSpec(strategy, newReplicas, maxSurge, maxUnavailable);
  }

  @Override
  public String toString() {
    return rollingUpdate()
        ? "RollingUpdate " + replicas + " (maxSurge " + maxSurge + ", maxUnavailable " + maxUnavailable + ")"
        : "Recreate " + replicas;
  }
}
