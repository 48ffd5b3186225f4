package io.platformsim.core.experiment;

import io.platformsim.core.platform.HostFailures;
import java.util.List;

/**
 * Writes the top-level {@code hostFailures} as {@link HostFailuresReader} reads it: <code>
 * hostFailures: {meanTimeBetweenFailures: 30d}</code>, the mean spelled as a duration that reads
 * back exactly. Nothing for {@link HostFailures#NONE}, which a file says by leaving the key out.
 * Every {@link HostFailures} is expressible.
 */
final class HostFailuresWriter {

  private HostFailuresWriter() {}

  /** The {@code hostFailures} line of {@code h}, if it has failures. */
  static void write(YamlLines y, HostFailures h) {
    if (!h.on()) {
      return;
    }
    y.flow(
        "hostFailures",
        List.of("meanTimeBetweenFailures", Spelled.duration(h.meanMillisBetweenFailures())));
  }
}
