package io.platformsim.core.lesp;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.workload.Service;

/**
 * The per-machine steps of a LeSP deploy: drain from the load balancer (skipped for a machine not
 * yet behind it), fetch the artifact, extract it, restart the service, health-check it. The restart
 * and health-check times are the service's own ({@link Service#startupMillis()}, {@link
 * Service#healthCheckMillis()}); the fetch takes artifact size ÷ bandwidth, rounded up to a whole
 * millisecond.
 *
 * <p>Defaults ({@link #DEFAULT}) are assumptions, not published figures: drain 30 s (a common
 * load-balancer deregistration delay), extract 5 s, fetch bandwidth 100 MB/s.
 *
 * @param drain time to drain a machine from the load balancer
 * @param extract time to extract the artifact
 * @param fetchBytesPerSecond artifact download bandwidth per machine, above 0
 */
public record DeploySteps(
    DurationDistribution drain, DurationDistribution extract, long fetchBytesPerSecond) {

  /** See the type's Javadoc. */
  public static final DeploySteps DEFAULT =
      new DeploySteps(
          DurationDistribution.fixed(30_000), DurationDistribution.fixed(5_000), 100_000_000L);

  /** Validates the fields. */
  public DeploySteps {
    if (drain == null || extract == null) {
      throw new IllegalArgumentException("deploy drain and extract distributions must not be null");
    }
    if (fetchBytesPerSecond <= 0) {
      throw new IllegalArgumentException(
          "fetchBytesPerSecond must be > 0, was " + fetchBytesPerSecond);
    }
  }

  /** Milliseconds to fetch {@code service}'s artifact: ceil(bytes × 1000 ÷ bandwidth). */
  public long fetchMillis(Service service) {
    long bytes = service.artifactBytes();
    return Math.floorDiv(
        Math.multiplyExact(bytes, 1000L) + fetchBytesPerSecond - 1, fetchBytesPerSecond);
  }
}
