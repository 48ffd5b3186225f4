package io.platformsim.core.kusp.nodelifecycle;

/**
 * The node lifecycle controller's settings for tainting (and so evicting) nodes, and the rate a
 * zone gets in each {@link ZoneState}. Defaults (k/k v1.31 {@code
 * pkg/controller/nodelifecycle/config/v1alpha1/defaults.go}, flags of {@code
 * cmd/kube-controller-manager/app/options/nodelifecyclecontroller.go}): {@code
 * --node-eviction-rate} 0.1 nodes/s, {@code --secondary-node-eviction-rate} 0.01, {@code
 * --unhealthy-zone-threshold} 0.55, {@code --large-cluster-size-threshold} 50.
 *
 * @param nodeEvictionRate nodes per second per zone when the zone is healthy
 * @param secondaryNodeEvictionRate nodes per second in a partially disrupted large zone
 * @param unhealthyZoneThreshold share of not-Ready nodes (above 2) that makes a zone partially
 *     disrupted
 * @param largeClusterSizeThreshold zones with more nodes than this keep the secondary rate when
 *     partially disrupted; smaller ones stop
 */
public record EvictionRates(
    double nodeEvictionRate,
    double secondaryNodeEvictionRate,
    double unhealthyZoneThreshold,
    int largeClusterSizeThreshold) {

  /** The upstream defaults. */
  public static final EvictionRates DEFAULTS = new EvictionRates(0.1, 0.01, 0.55, 50);

  /** Validates the settings. */
  public EvictionRates {
    if (!(nodeEvictionRate >= 0) || !(secondaryNodeEvictionRate >= 0)) {
      throw new IllegalArgumentException(
          "eviction rates must be >= 0, were "
              + nodeEvictionRate
              + " and "
              + secondaryNodeEvictionRate);
    }
    if (!(unhealthyZoneThreshold > 0 && unhealthyZoneThreshold <= 1)) {
      throw new IllegalArgumentException(
          "unhealthy-zone-threshold must be in (0, 1], was " + unhealthyZoneThreshold);
    }
    if (largeClusterSizeThreshold < 0) {
      throw new IllegalArgumentException(
          "large-cluster-size-threshold must be >= 0, was " + largeClusterSizeThreshold);
    }
  }

  /**
   * {@code ComputeZoneState}: no Ready node → full disruption; more than 2 not Ready and at least
   * the threshold of all (compared in float32, as upstream) → partial; otherwise normal.
   */
  public ZoneState zoneState(int readyNodes, int notReadyNodes) {
    if (readyNodes < 0 || notReadyNodes < 0) {
      throw new IllegalArgumentException(
          "node counts must be >= 0, were " + readyNodes + " and " + notReadyNodes);
    }
    if (readyNodes == 0 && notReadyNodes > 0) {
      return ZoneState.FULL_DISRUPTION;
    }
    if (notReadyNodes > 2
        && (float) notReadyNodes / (float) (notReadyNodes + readyNodes)
            >= (float) unhealthyZoneThreshold) {
      return ZoneState.PARTIAL_DISRUPTION;
    }
    return ZoneState.NORMAL;
  }

  /**
   * {@code setLimiterInZone}: normal → {@link #nodeEvictionRate}; partial → {@link #reducedRate};
   * full → {@link #healthyRate} (a fully disrupted zone is likely really down, so its nodes go at
   * the normal rate, unless every zone is down: see {@link ZoneLimits}). An {@link
   * ZoneState#INITIAL} zone has the normal rate its queue is created with.
   */
  public double rate(ZoneState state, int zoneSize) {
    return switch (state) {
      case INITIAL, NORMAL -> nodeEvictionRate;
      case PARTIAL_DISRUPTION -> reducedRate(zoneSize);
      case FULL_DISRUPTION -> healthyRate(zoneSize);
    };
  }

  /**
   * {@code ReducedQPSFunc}: the secondary rate in a zone larger than the threshold, else 0 (stop).
   */
  public double reducedRate(int zoneSize) {
    return zoneSize > largeClusterSizeThreshold ? secondaryNodeEvictionRate : 0;
  }

  /** {@code HealthyQPSFunc}: the normal rate whatever the size. */
  public double healthyRate(int zoneSize) {
    return nodeEvictionRate;
  }
}
