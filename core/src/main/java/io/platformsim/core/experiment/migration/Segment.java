package io.platformsim.core.experiment.migration;

import java.util.Objects;

/**
 * A stretch {@code [startMillis, endMillis)} of migration time (0 = the plan's start) during which
 * every service stays in one state.
 *
 * @param startMillis inclusive start, at least 0
 * @param endMillis exclusive end, above the start
 * @param state every service's state throughout
 */
public record Segment(long startMillis, long endMillis, MigrationState state) {

  /** Validates the bounds. */
  public Segment {
    if (startMillis < 0 || endMillis <= startMillis) {
      throw new IllegalArgumentException(
          "segment needs 0 <= start < end, was [" + startMillis + ", " + endMillis + ")");
    }
    Objects.requireNonNull(state, "state must not be null");
  }

  /** Its length in milliseconds. */
  public long durationMillis() {
    return endMillis - startMillis;
  }
}
