package io.platformsim.fleet.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.platformsim.core.workload.LoadCurve;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DailyLoadTest {

  private static final long HOUR = 3_600_000L;

  @Test
  void fixtureDayNormalisedToItsMean() {
    List<UsageSample> s = UsageSeriesReader.read(Path.of("../examples/fleet/usage/series.csv"));
    LoadCurve c = DailyLoad.curve(s, "checkout", HOUR, 2 * LoadCurve.DAY_MILLIS);
    // checkout uses (h + 1) * 0.05 cores at hour h on both days; the daily mean is 0.05 * 12.5 =
    // 0.625, so the factor at hour h is (h + 1) / 12.5.
    assertEquals(48, c.steps().size());
    assertEquals(1 / 12.5, c.factorAt(0), 1e-12);
    assertEquals(24 / 12.5, c.factorAt(23 * HOUR), 1e-12);
    assertEquals(24 / 12.5, c.factorAt(47 * HOUR), 1e-12); // repeated on day 2
    assertEquals(12 / 12.5, c.factorAt(LoadCurve.DAY_MILLIS + 11 * HOUR + 1), 1e-12);
  }

  @Test
  void stepsWithoutSamplesStayAtTheMean() {
    Instant midnight = Instant.parse("2026-01-05T00:00:00Z");
    List<UsageSample> s =
        List.of(
            new UsageSample(midnight, "a", 1, 0),
            new UsageSample(midnight.plusSeconds(12 * 3600), "a", 3, 0));
    LoadCurve c = DailyLoad.curve(s, "a", 6 * HOUR, LoadCurve.DAY_MILLIS);
    // Two filled steps, means 1 and 3: mean 2, factors 0.5 and 1.5; the empty ones 1.
    assertEquals(
        List.of(0.5, 1.0, 1.5, 1.0), c.steps().stream().map(LoadCurve.Step::factor).toList());
    assertThrows(IllegalArgumentException.class, () -> DailyLoad.curve(s, "b", HOUR, 1));
    assertThrows(IllegalArgumentException.class, () -> DailyLoad.curve(s, "a", 7 * HOUR, 1));
  }
}
