package io.platformsim.core.platform;

import io.platformsim.core.workload.Release;

/**
 * What happened to one release: when it started and ended, how it ended and how much capacity was
 * out of service meanwhile.
 *
 * @param release the release rolled out
 * @param strategy the strategy used, as printed by the platform
 * @param startMillis simulation time the rollout started
 * @param endMillis time the last instance was in service on the final version (the new one, or the
 *     old one after a rollback); -1 while running
 * @param outcome how it ended
 * @param instancesChanged instances (machines) that ran the new release at some point
 * @param maxOutOfService largest number of the service's wanted instances not in service at once
 *     during the rollout
 * @param outOfServiceMillis integral over the rollout of the number of wanted instances not in
 *     service (instance-milliseconds of lost capacity)
 */
public record RolloutRecord(
    Release release,
    String strategy,
    long startMillis,
    long endMillis,
    Outcome outcome,
    int instancesChanged,
    int maxOutOfService,
    long outOfServiceMillis) {

  /** How a rollout ended. */
  public enum Outcome {
    /** Still running when the metrics were read. */
    IN_PROGRESS,
    /** Every instance runs the new release. */
    COMPLETED,
    /** A health check failed; every instance is back on the previous release. */
    ROLLED_BACK
  }

  /** End minus start in milliseconds, or -1 while in progress. */
  public long durationMillis() {
    return endMillis < 0 ? -1 : endMillis - startMillis;
  }

  /** End minus start in seconds, or -1 while in progress. */
  public double durationSeconds() {
    return endMillis < 0 ? -1 : (endMillis - startMillis) / 1000.0;
  }

  @Override
  public String toString() {
    return "Rollout["
        + release.service()
        + " "
        + release.kind()
        + " -> "
        + release.version()
        + ", "
        + strategy
        + ", "
        + outcome
        + ", "
        + durationSeconds()
        + " s, changed "
        + instancesChanged
        + ", max out of service "
        + maxOutOfService
        + "]";
  }
}
