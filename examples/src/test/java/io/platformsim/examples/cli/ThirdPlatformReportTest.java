package io.platformsim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.experiment.Comparison;
import io.platformsim.core.experiment.ComparisonReport;
import io.platformsim.core.experiment.ComparisonResult;
import io.platformsim.core.experiment.Figure;
import io.platformsim.core.experiment.PlatformRegistry;
import io.platformsim.core.experiment.PlatformResult;
import io.platformsim.core.experiment.Scenario;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import io.platformsim.examples.baremetal.BareMetalPlatform;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A third platform, registered by name from outside the experiment package, runs next to LeSP and
 * KuSP and shows up in every report: table, JSON and CSV.
 */
class ThirdPlatformReportTest {

  private static ComparisonResult standard;
  private static ComparisonResult withBare;

  @BeforeAll
  static void run() {
    Scenario s =
        Scenario.builder("three")
            .service(
                Service.builder("zebra")
                    .instances(4)
                    .request(Resources.of(1_000, 2_048))
                    .usage(Resources.of(250, 1_024))
                    .build())
            .service(
                Service.builder("cheetah")
                    .instances(6)
                    .request(Resources.of(500, 1_024))
                    .usage(Resources.of(100, 512))
                    .build())
            .release(Duration.ofMinutes(30), Release.app("zebra", "2"))
            .horizon(Duration.ofHours(2))
            .replications(2)
            .seed(5)
            .build();
    standard = Comparison.run(s);
    withBare =
        Comparison.run(
            s,
            PlatformRegistry.standard()
                .with("bare", (scenario, sim, streams) -> new BareMetalPlatform(sim)));
  }

  @Test
  void theThirdPlatformRunsInRegistryOrderAndLeavesTheOthersAlone() {
    assertEquals(
        List.of("lesp", "kusp", "bare"),
        withBare.platforms().stream().map(PlatformResult::name).toList());
    // Each platform has its own simulation and streams: adding one changes nobody else's figures.
    assertEquals(standard.lesp(), withBare.lesp());
    assertEquals(standard.kusp(), withBare.kusp());
  }

  @Test
  void theThirdPlatformsFiguresFollowItsRule() {
    PlatformResult bare = withBare.platform("bare");
    // One 4-core 16 GiB machine per instance: 4 + 6 = 10 machines all the time, 10 × $0.20 an hour.
    assertEquals(10.0, bare.mean(Figure.MACHINES), 1e-9);
    assertEquals(2.00, bare.mean(Figure.COST_PER_HOUR), 1e-9);
    // Requested CPU (4 × 1000m + 6 × 500m) ÷ (10 × 4000m) = 7000 ÷ 40000.
    assertEquals(0.175, bare.mean(Figure.CPU_ALLOCATION), 1e-9);
    assertEquals(1 - 0.175, bare.mean(Figure.STRANDED_CPU), 1e-9);
    // The release finishes the moment it starts.
    assertEquals(0.0, bare.mean(Figure.APP_ROLLOUT_MAX), 1e-9);
    assertEquals(
        10.0 / withBare.lesp().mean(Figure.MACHINES),
        withBare.ratio("bare", Figure.MACHINES),
        1e-9);
  }

  @Test
  void tableHasAColumnAndARatioColumnForTheThirdPlatform() {
    String table = ComparisonReport.table(withBare);
    String header = table.lines().skip(1).findFirst().orElseThrow();
    assertTrue(
        header.matches(
            "figure\\s+unit\\s+LeSP\\s+KuSP\\s+BareMetal\\s+KuSP/LeSP\\s+paired KuSP/LeSP"
                + "\\s+BareMetal/LeSP\\s+paired BareMetal/LeSP"),
        header);
    String cost =
        table.lines().filter(l -> l.startsWith("cost per hour")).findFirst().orElseThrow();
    assertTrue(cost.contains(" 2.00 "), cost);
    // The two standard columns read as they do without the third platform.
    String standardCost =
        ComparisonReport.table(standard)
            .lines()
            .filter(l -> l.startsWith("cost per hour"))
            .findFirst()
            .orElseThrow();
    for (String cell : standardCost.split(" {2,}")) {
      assertTrue(cost.contains(cell), cell + " in " + cost);
    }
  }

  @Test
  void jsonHasAnObjectAndRatiosForTheThirdPlatform() {
    String json = CompareJson.of(withBare);
    String two = CompareJson.of(standard);
    assertTrue(
        json.contains(",\"bare\":{\"platform\":\"BareMetal\",\"machines\":{\"mean\":10"), json);
    assertTrue(json.contains(",\"bareRatios\":{\"machines\":"), json);
    // Without it the layout is the two-platform one: lesp, kusp, ratios and nothing else.
    assertFalse(two.contains("Ratios"), two);
    int kusp = json.indexOf("\"kusp\":{");
    int bare = json.indexOf("\"bare\":{");
    int ratios = json.indexOf("\"ratios\":{");
    assertTrue(json.indexOf("\"lesp\":{") < kusp && kusp < bare && bare < ratios, json);
  }

  @Test
  void csvHasRowsForTheThirdPlatform() {
    assertTrue(ComparisonReport.summaryCsv(withBare).contains("\ncostPerHour,USD,BareMetal,2,"));
    assertTrue(
        ComparisonReport.rolloutsCsv(withBare)
            .contains("\nBareMetal,zebra,APP,2,in place,1800,1800,"));
    assertTrue(ComparisonReport.timeSeriesCsv(withBare).contains("\n0,BareMetal,10,0.175,"));
  }
}
