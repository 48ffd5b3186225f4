package io.platformsim.core.kusp;

/**
 * Cluster Autoscaler settings. Defaults from kubernetes/autoscaler
 * {@code cluster-autoscaler/FAQ.md} ("What are the parameters to CA?"): scan-interval 10 s,
 * scale-down-unneeded-time 10 min, scale-down-delay-after-add 10 min,
 * scale-down-utilization-threshold 0.5 (the larger of CPU and memory requests ÷ allocatable).
 *
 * @param minNodes             nodes never scaled below, at least 0
 * @param maxNodes             nodes never scaled above, at least {@code minNodes} and 1
 * @param scanIntervalMillis   time between scans, at least 1 ms
 * @param unneededMillis       how long a node must be under the threshold before removal
 * @param delayAfterAddMillis  no scale-down for this long after a scale-up
 * @param utilizationThreshold a node below this utilization is a scale-down candidate, in (0, 1]
 */
public record ClusterAutoscaling(int minNodes, int maxNodes, long scanIntervalMillis, long unneededMillis,
    long delayAfterAddMillis, double utilizationThreshold) {

  /** Validates the fields. */
  public ClusterAutoscaling {
    if (minNodes < 0) {
      throw new IllegalArgumentException("cluster autoscaler minNodes must be >= 0, was " + minNodes);
    }
    if (maxNodes < Math.max(1, minNodes)) {
      throw new IllegalArgumentException("cluster autoscaler maxNodes must be >= max(1, minNodes " + minNodes
          + "), was " + maxNodes);
    }
    if (scanIntervalMillis < 1) {
      throw new IllegalArgumentException("cluster autoscaler scanIntervalMillis must be >= 1, was " + scanIntervalMillis);
    }
    if (unneededMillis < 0 || delayAfterAddMillis < 0) {
      throw new IllegalArgumentException("cluster autoscaler unneededMillis and delayAfterAddMillis must be >= 0, were "
          + unneededMillis + " and " + delayAfterAddMillis);
    }
    if (!(utilizationThreshold > 0 && utilizationThreshold <= 1)) {
      throw new IllegalArgumentException("cluster autoscaler utilizationThreshold must be in (0, 1], was "
          + utilizationThreshold);
    }
  }

  /** The upstream defaults between {@code minNodes} and {@code maxNodes}. */
  public static ClusterAutoscaling between(int minNodes, int maxNodes) {
    return new ClusterAutoscaling(minNodes, maxNodes, 10_000, 600_000, 600_000, 0.5);
  }
}
