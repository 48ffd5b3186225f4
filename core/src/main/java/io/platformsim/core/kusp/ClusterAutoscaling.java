package io.platformsim.core.kusp;

/**
 * Cluster Autoscaler settings. Defaults from kubernetes/autoscaler {@code
 * cluster-autoscaler/FAQ.md} ("What are the parameters to CA?") and the flags of {@code
 * cluster-autoscaler/main.go} (release 1.31): scan-interval 10 s, scale-down-unneeded-time 10 min,
 * scale-down-delay-after-add 10 min, scale-down-utilization-threshold 0.5 (the larger of CPU and
 * memory requests ÷ allocatable, DaemonSet pods included).
 *
 * @param minNodes nodes never scaled below, at least 0
 * @param maxNodes nodes never scaled above, at least {@code minNodes} and 1
 * @param scanIntervalMillis time between scans, at least 1 ms
 * @param unneededMillis how long a node must be under the threshold before removal (its pods must
 *     then fit elsewhere)
 * @param delayAfterAddMillis no scale-down for this long after a scale-up
 * @param utilizationThreshold a node below this utilization is a scale-down candidate, in (0, 1]
 */
public record ClusterAutoscaling(
    int minNodes,
    int maxNodes,
    long scanIntervalMillis,
    long unneededMillis,
    long delayAfterAddMillis,
    double utilizationThreshold) {

  // The upstream defaults, the one place they are written down (kubernetes/autoscaler
  // cluster-autoscaler/FAQ.md "What are the parameters to CA?", and the flag definitions of
  // cluster-autoscaler main.go: --scan-interval, --scale-down-unneeded-time,
  // --scale-down-delay-after-add, --scale-down-utilization-threshold).

  /** {@code --scan-interval}: 10 s. */
  public static final long DEFAULT_SCAN_INTERVAL_MILLIS = 10_000;

  /** {@code --scale-down-unneeded-time}: 10 min. */
  public static final long DEFAULT_UNNEEDED_MILLIS = 600_000;

  /** {@code --scale-down-delay-after-add}: 10 min. */
  public static final long DEFAULT_DELAY_AFTER_ADD_MILLIS = 600_000;

  /** {@code --scale-down-utilization-threshold}: 0.5. */
  public static final double DEFAULT_UTILIZATION_THRESHOLD = 0.5;

  /**
   * A node is a template for new nodes once Ready this long: 1 min, {@code stabilizationDelay} of
   * processors/nodeinfosprovider/mixed_nodeinfos_processor.go. Not configurable here.
   */
  public static final long TEMPLATE_STABILIZATION_MILLIS = 60_000;

  /** Validates the fields. */
  public ClusterAutoscaling {
    if (minNodes < 0) {
      throw new IllegalArgumentException(
          "cluster autoscaler minNodes must be >= 0, was " + minNodes);
    }
    if (maxNodes < Math.max(1, minNodes)) {
      throw new IllegalArgumentException(
          "cluster autoscaler maxNodes must be >= max(1, minNodes "
              + minNodes
              + "), was "
              + maxNodes);
    }
    if (scanIntervalMillis < 1) {
      throw new IllegalArgumentException(
          "cluster autoscaler scanIntervalMillis must be >= 1, was " + scanIntervalMillis);
    }
    if (unneededMillis < 0 || delayAfterAddMillis < 0) {
      throw new IllegalArgumentException(
          "cluster autoscaler unneededMillis and delayAfterAddMillis must be >= 0, were "
              + unneededMillis
              + " and "
              + delayAfterAddMillis);
    }
    if (!(utilizationThreshold > 0 && utilizationThreshold <= 1)) {
      throw new IllegalArgumentException(
          "cluster autoscaler utilizationThreshold must be in (0, 1], was " + utilizationThreshold);
    }
  }

  /** The upstream defaults between {@code minNodes} and {@code maxNodes}. */
  public static ClusterAutoscaling between(int minNodes, int maxNodes) {
    return new ClusterAutoscaling(
        minNodes,
        maxNodes,
        DEFAULT_SCAN_INTERVAL_MILLIS,
        DEFAULT_UNNEEDED_MILLIS,
        DEFAULT_DELAY_AFTER_ADD_MILLIS,
        DEFAULT_UTILIZATION_THRESHOLD);
  }

  /**
   * These settings with scale-down after {@code millis} unneeded instead ({@code
   * --scale-down-unneeded-time}).
   */
  public ClusterAutoscaling withUnneededMillis(long millis) {
    return new ClusterAutoscaling(
        minNodes, maxNodes, scanIntervalMillis, millis, delayAfterAddMillis, utilizationThreshold);
  }
}
