package io.platformsim.core.experiment;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.yaml.ScalarReader;
import io.platformsim.core.yaml.YamlMapping;

/**
 * Durations as scenario files write them, for files read outside this package (such as a migration
 * plan) so that every file of the project spells a duration and a duration distribution the same
 * way.
 */
public final class DurationFields {

  private DurationFields() {}

  /** Milliseconds from a duration with units: {@code 90s}, {@code 1h30m}, {@code 14d}. */
  public static final ScalarReader<Long> DURATION = Units.DURATION;

  /**
   * The duration distribution of {@code field}, or {@code dflt} if absent: a plain duration is
   * fixed, {@code {median, p99}} lognormal, {@code {min, max}} uniform (as in a scenario's {@code
   * lesp} section).
   */
  public static DurationDistribution distribution(
      YamlMapping m, String field, DurationDistribution dflt) {
    return LespMachineReader.distribution(m, field, dflt);
  }
}
