package io.platformsim.core.kusp.deployment;

/**
 * The resolved rolling-update bounds of a Deployment: pods allowed above the desired count ({@code
 * surge}) and below it ({@code unavailable}), as returned by k/k {@code
 * pkg/controller/deployment/util/deployment_util.go ResolveFenceposts}.
 *
 * @param surge pods allowed above the desired replicas, at least 0
 * @param unavailable pods allowed below the desired replicas, at least 0
 */
public record Fenceposts(int surge, int unavailable) {

  /** Validates the counts. */
  public Fenceposts {
    if (surge < 0 || unavailable < 0) {
      throw new IllegalArgumentException(
          "fenceposts must be >= 0, were surge " + surge + ", unavailable " + unavailable);
    }
  }

  @Override
  public String toString() {
    return "surge " + surge + ", unavailable " + unavailable;
  }
}
