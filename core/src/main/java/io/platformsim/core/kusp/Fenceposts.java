package io.platformsim.core.kusp;

/**
 * The resolved rolling-update bounds of a Deployment: how many pods above the desired count may
 * exist ({@code surge}) and how many below it may be unavailable ({@code unavailable}).
 *
 * <p>k/k {@code pkg/controller/deployment/util/deployment_util.go ResolveFenceposts} (v1.31):
 * surge rounds up, unavailable rounds down, and if both come to 0 unavailable becomes 1 (so a
 * rollout can always progress). Upstream validation
 * ({@code pkg/apis/apps/validation/validation.go ValidateRollingUpdateDeployment}) rejects both
 * being 0 as written values; that check is in {@link DeploymentSpec}, not here, because
 * percentages that round to 0 are legal.
 *
 * @param surge       pods allowed above the desired replicas
 * @param unavailable pods allowed below the desired replicas
 */
public record Fenceposts(int surge, int unavailable) {

  /** Resolves {@code maxSurge} and {@code maxUnavailable} against {@code replicas}. */
  public static Fenceposts resolve(IntOrPercent maxSurge, IntOrPercent maxUnavailable, int replicas) {
    if (replicas < 0) {
      throw new IllegalArgumentException("replicas must be >= 0, was " + replicas);
    }
    int surge = maxSurge.scaled(replicas, true);
    int unavailable = maxUnavailable.scaled(replicas, false);
    if (surge == 0 && unavailable == 0) {
      // "Validation should never allow the user to explicitly use zero values for both maxSurge
      // maxUnavailable. Due to rounding down maxUnavailable though, it may resolve to zero."
      unavailable = 1;
    }
    return new Fenceposts(surge, unavailable);
  }
}
