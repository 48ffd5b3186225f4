package io.platformsim.core.kusp.nodelifecycle;

/**
 * A zone's nodes by their Ready condition: True counts as ready; False, Unknown or no condition
 * counts as not ready (k/k node_lifecycle_controller.go {@code ComputeZoneState}).
 *
 * @param ready nodes whose Ready condition is True
 * @param notReady the other nodes of the zone
 */
public record ZoneCounts(int ready, int notReady) {

  /** Validates the counts. */
  public ZoneCounts {
    if (ready < 0 || notReady < 0) {
      throw new IllegalArgumentException(
          "node counts must be >= 0, were " + ready + " and " + notReady);
    }
  }

  /** All nodes of the zone. */
  public int size() {
    return ready + notReady;
  }

  @Override
  public String toString() {
    return ready + " ready, " + notReady + " not ready";
  }
}
