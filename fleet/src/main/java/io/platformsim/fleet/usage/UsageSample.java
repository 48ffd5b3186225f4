package io.platformsim.fleet.usage;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of a usage time series: what all instances of a service used on average per instance at
 * one instant (the file format leaves aggregation to the exporter; see examples/fleet/README.md).
 *
 * @param at when
 * @param service service name, not blank
 * @param cpuCores CPU in cores, finite and at least 0
 * @param memoryBytes memory in bytes, at least 0
 */
public record UsageSample(Instant at, String service, double cpuCores, long memoryBytes) {

  /** Validates the sample. */
  public UsageSample {
    Objects.requireNonNull(at, "at");
    if (service == null || service.isBlank()) {
      throw new IllegalArgumentException("service must not be blank");
    }
    if (!(cpuCores >= 0) || Double.isInfinite(cpuCores)) {
      throw new IllegalArgumentException("cpuCores must be finite and >= 0, was " + cpuCores);
    }
    if (memoryBytes < 0) {
      throw new IllegalArgumentException("memoryBytes must be >= 0, was " + memoryBytes);
    }
  }
}
