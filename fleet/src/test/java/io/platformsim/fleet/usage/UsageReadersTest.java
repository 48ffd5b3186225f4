package io.platformsim.fleet.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.platformsim.core.workload.Resources;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The two usage CSV formats: what they read, and the one-line error for each kind of bad row. */
class UsageReadersTest {

  private static final long MIB = 1L << 20;
  private static final String SERIES_HEADER = "timestamp,service,cpu_cores,memory_bytes\n";
  private static final String PCT_HEADER = "service,resource,p50,p90,p95,p99,max\n";

  private static List<UsageSample> series(String text) {
    return UsageSeriesReader.read("u.csv", new StringReader(text));
  }

  private static Map<String, UsageProfile> percentiles(String text) {
    return UsagePercentilesReader.read("p.csv", new StringReader(text));
  }

  @Test
  void seriesReadsIsoAndEpochTimestamps() {
    List<UsageSample> s =
        series(
            "# exported\n"
                + SERIES_HEADER
                + "2026-01-05T10:00:00Z,api,0.25,1.5e9\n"
                + "\n"
                + "1767607200,api,0.5,1000\n"
                + "1767607200.5,api,0.5,1000\n"
                + "2026-01-05T11:00:00+01:00,web,1,0\n");
    assertEquals(4, s.size());
    Instant ten = Instant.parse("2026-01-05T10:00:00Z");
    assertEquals(new UsageSample(ten, "api", 0.25, 1_500_000_000L), s.get(0));
    // 1767607200 s since the epoch is 2026-01-05T10:00:00Z (20458 days * 86400 + 36000).
    assertEquals(ten, s.get(1).at());
    assertEquals(ten.plusMillis(500), s.get(2).at());
    assertEquals(ten, s.get(3).at());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bad cpu | 2026-01-05T10:00:00Z,api,abc,1 | u.csv:2: cpu_cores: not a number: 'abc'",
        "negative memory | 2026-01-05T10:00:00Z,api,1,-5 | "
            + "u.csv:2: memory_bytes: must be a finite number >= 0, was '-5'",
        "NaN cpu | 2026-01-05T10:00:00Z,api,NaN,1 | "
            + "u.csv:2: cpu_cores: must be a finite number >= 0, was 'NaN'",
        "bad timestamp | yesterday,api,1,1 | u.csv:2: timestamp: not ISO-8601 with an offset"
            + " (2026-01-05T10:00:00Z) nor epoch seconds: 'yesterday'",
        "no offset | 2026-01-05T10:00:00,api,1,1 | u.csv:2: timestamp: not ISO-8601 with an"
            + " offset (2026-01-05T10:00:00Z) nor epoch seconds: '2026-01-05T10:00:00'",
        "empty service | 2026-01-05T10:00:00Z,,1,1 | u.csv:2: service: must not be empty",
        "short row | 2026-01-05T10:00:00Z,api,1 | "
            + "u.csv:2: row: expected 4 fields, was 3: '2026-01-05T10:00:00Z,api,1'",
      })
  void seriesErrorsNameFileLineFieldAndValue(String what, String row, String message) {
    UsageFileException e =
        assertThrows(UsageFileException.class, () -> series(SERIES_HEADER + row + "\n"));
    assertEquals(message, e.getMessage());
    assertEquals(2, e.line());
  }

  @Test
  void seriesNeedsItsHeaderAndARow() {
    assertEquals(
        "u.csv:1: header: expected 'timestamp,service,cpu_cores,memory_bytes', was 'time,svc'",
        assertThrows(UsageFileException.class, () -> series("time,svc\n")).getMessage());
    assertEquals(
        "u.csv: no data rows after the header",
        assertThrows(UsageFileException.class, () -> series(SERIES_HEADER)).getMessage());
    assertEquals(
        "u.csv: empty: expected the header 'timestamp,service,cpu_cores,memory_bytes'",
        assertThrows(UsageFileException.class, () -> series("")).getMessage());
  }

  @Test
  void percentilesFileGivesProfilesAndRecommendations() {
    Map<String, UsageProfile> p =
        percentiles(
            PCT_HEADER
                + "web,cpu,0.2,0.4,0.5,0.8,1.0\n"
                + "web,memory,209715200,314572800,419430400,524288000,629145600\n");
    UsageProfile web = p.get("web");
    assertEquals(0, web.samples());
    assertEquals(new Percentiles(0.2, 0.4, 0.5, 0.8, 1.0), web.cpuCores());
    assertEquals(web.memoryBytes(), web.memoryPeakBytes());
    assertEquals(Resources.of(200, 200), web.usage());
    Recommendation r = RightSizing.vpaDefaults().recommend(web);
    // target: 0.4 * 1.15 = 0.46 cores, 300 MiB * 1.15 = 345 MiB
    assertEquals(Resources.of(460, 345), r.target());
    // lower: 0.2 * 1.15 = 0.23 cores; 200 MiB * 1.15 = 230 MiB, lifted to the 250 MiB minimum
    assertEquals(Resources.of(230, 250), r.lowerBound());
    // upper: 0.5 * 1.15 = 0.575 cores, 400 MiB * 1.15 = 460 MiB
    assertEquals(Resources.of(575, 460), r.upperBound());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bad resource | web,disk,1,2,3,4,5 | "
            + "p.csv:2: resource: must be 'cpu' or 'memory', was 'disk'",
        "decreasing | web,cpu,1,2,1.5,4,5 | p.csv:2: p95: must be >= p90 (2), was '1.5'",
        "bad number | web,cpu,1,2,3,x,5 | p.csv:2: p99: not a number: 'x'",
        "missing memory | web,cpu,1,2,3,4,5 | p.csv:2: resource: service 'web' has no 'memory' row",
      })
  void percentileErrorsNameFileLineFieldAndValue(String what, String row, String message) {
    UsageFileException e =
        assertThrows(UsageFileException.class, () -> percentiles(PCT_HEADER + row + "\n"));
    assertEquals(message, e.getMessage());
  }

  @Test
  void aRepeatedPercentileRowIsAnError() {
    String text = PCT_HEADER + "web,cpu,1,2,3,4,5\nweb,memory,1,2,3,4,5\nweb,cpu,1,2,3,4,5\n";
    assertEquals(
        "p.csv:4: resource: second 'cpu' row for service 'web'",
        assertThrows(UsageFileException.class, () -> percentiles(text)).getMessage());
  }

  @Test
  void fixtureSeriesGivesTheHandComputedRecommendations() {
    List<UsageSample> s = UsageSeriesReader.read(Path.of("../examples/fleet/usage/series.csv"));
    assertEquals(96, s.size());
    Map<String, UsageProfile> profiles = UsageProfile.ofSeries(s);
    // checkout CPU: each of 0.05, 0.10 .. 1.20 twice (48 values); nearest rank r is value
    // ceil(r / 2): p90 rank 44 -> 22 * 0.05 = 1.10 cores; p50 rank 24 -> 0.60; p95 rank 46 -> 1.15.
    // Memory peaks: day 1 1024 + 23 * 10 = 1254 MiB, day 2 1024 + 23 * 20 = 1484 MiB; of two
    // peaks p90 (rank 2) is 1484, p50 (rank 1) 1254, p95 (rank 2) 1484.
    Recommendation checkout = RightSizing.vpaDefaults().recommend(profiles.get("checkout"));
    assertEquals(Resources.of(1265, 1707), checkout.target()); // 1.265 cores, 1706.6 MiB up
    assertEquals(Resources.of(690, 1443), checkout.lowerBound()); // 0.69, 1442.1 up
    assertEquals(Resources.of(1323, 1707), checkout.upperBound()); // 1.3225 up, 1706.6 up
    // search: flat 0.01 cores and 100 MiB, below both pod minimums.
    assertEquals(
        Resources.of(25, 250),
        RightSizing.vpaDefaults().recommend(profiles.get("search")).target());
  }

  @Test
  void fixturePercentilesGiveTheHandComputedRecommendations() {
    Map<String, UsageProfile> p =
        UsagePercentilesReader.read(Path.of("../examples/fleet/usage/percentiles.csv"));
    assertEquals(List.of("batch", "web"), List.copyOf(p.keySet()));
    Recommendation batch = RightSizing.vpaDefaults().recommend(p.get("batch"));
    // 3.0 cores * 1.15 = 3.45; 6144 MiB * 1.15 = 7065.6 -> 7066
    assertEquals(Resources.of(3450, 7066), batch.target());
    // 1.5 * 1.15 = 1.725; 4096 * 1.15 = 4710.4 -> 4711
    assertEquals(Resources.of(1725, 4711), batch.lowerBound());
    // 3.5 * 1.15 = 4.025; 7168 * 1.15 = 8243.2 -> 8244
    assertEquals(Resources.of(4025, 8244), batch.upperBound());
    assertEquals(6 * 1024 * MIB, (long) p.get("batch").memoryBytes().p90());
  }
}
