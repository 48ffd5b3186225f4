package io.platformsim.core.experiment.migration;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of the traffic shift: {@code after} dual running began, KuSP serves {@code kuspShare} of
 * the service's load.
 *
 * @param after time since dual running began, not negative
 * @param kuspShare the share reached, in [0, 1]
 */
public record TrafficStep(Duration after, double kuspShare) {

  /** Validates the step. */
  public TrafficStep {
    Objects.requireNonNull(after, "traffic step 'after' must not be null");
    if (after.isNegative()) {
      throw new IllegalArgumentException("traffic step after must not be negative, was " + after);
    }
    if (!(kuspShare >= 0 && kuspShare <= 1)) {
      throw new IllegalArgumentException("traffic step share must be in [0, 1], was " + kuspShare);
    }
  }
}
