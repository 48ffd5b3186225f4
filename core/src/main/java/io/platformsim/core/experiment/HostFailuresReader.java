package io.platformsim.core.experiment;

import io.platformsim.core.platform.HostFailures;
import io.platformsim.core.workload.Workload;
import io.platformsim.core.yaml.YamlMapping;
import java.util.List;
import java.util.Optional;

/**
 * Reads the optional top-level {@code hostFailures: {meanTimeBetweenFailures: 30d}} into {@link
 * HostFailures}: spontaneous host failures both platforms see at the same times and instance ranks.
 * Absent, there are none ({@link HostFailures#NONE}).
 */
final class HostFailuresReader {

  private static final List<String> HOST_FAILURES = List.of("meanTimeBetweenFailures");

  private HostFailuresReader() {}

  /**
   * The host failures of the top-level mapping {@code top}, for {@code workload} over {@code
   * horizonMillis}: none without a {@code hostFailures}.
   *
   * @throws io.platformsim.core.yaml.YamlFileException naming the field and value for a mean that
   *     is missing, not a duration, not above 0, or so short that the horizon would expect more
   *     than {@link Scenario#MAX_EXPECTED_HOST_FAILURES} failures
   */
  static HostFailures read(YamlMapping top, Workload workload, long horizonMillis) {
    Optional<YamlMapping> section = top.mapping("hostFailures");
    if (section.isEmpty()) {
      return HostFailures.NONE;
    }
    YamlMapping m = section.get();
    m.only(HOST_FAILURES);
    String field = "meanTimeBetweenFailures";
    long mtbf = m.read(field, Units.DURATION, null);
    if (mtbf <= 0) {
      throw m.error(field, "must be > 0, was " + m.text(field));
    }
    HostFailures h = new HostFailures(mtbf);
    String tooMany = Scenario.tooManyHostFailures(h, workload, horizonMillis);
    if (tooMany != null) {
      throw m.error(field, tooMany + ", was " + m.text(field));
    }
    return h;
  }
}
