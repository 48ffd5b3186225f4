package io.platformsim.core.experiment.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Readiness work ends at a day's boundary: rounded up to whole days of 86,400,000 ms. */
class WholeDaysTest {

  @ParameterizedTest(name = "{0} ms -> {1} ms")
  @CsvSource({
    "0, 0",
    "1, 86400000",
    "86399999, 86400000",
    "86400000, 86400000",
    "86400001, 172800000",
    "216000000, 259200000" // 2.5 days -> 3 days
  })
  void roundsUpToWholeDays(long millis, long expected) {
    assertEquals(expected, MigrationTimeline.wholeDays(millis));
  }
}
