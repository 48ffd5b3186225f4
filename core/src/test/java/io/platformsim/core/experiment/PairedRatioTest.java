package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.Estimate;
import io.platformsim.core.engine.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Paired ratio and difference, and the few-replications warning, against hand calculations. */
class PairedRatioTest {

  /** t(0.975, 2 df) from a Student-t table. */
  private static final double T_2 = 4.302653;

  private static PlatformResult side(String name, String label, Observation... values) {
    List<Observation> column = List.of(values);
    return new PlatformResult(
        name,
        label,
        Map.of(Figure.MACHINES, Estimate.of(Figure.MACHINES.key(), column)),
        TimeSeries.empty(),
        List.of(),
        Map.of(Figure.MACHINES, column));
  }

  private static Observation v(double x) {
    return Observation.observed(x);
  }

  private static ComparisonResult result(int replications, PlatformResult... sides) {
    return new ComparisonResult("hand", 1, replications, 1_000, List.of(sides));
  }

  @Test
  void pairedRatioAndDifferenceAreMeansOfThePerReplicationValues() {
    // LeSP 2, 4, 5, ≥10; KuSP 1, 3, 5, 1. Replication 3 is censored on LeSP: left out of the pairs.
    ComparisonResult r =
        result(
            4,
            side("lesp", "LeSP", v(2), v(4), v(5), Observation.censored(10)),
            side("kusp", "KuSP", v(1), v(3), v(5), v(1)));
    // Ratios 1/2, 3/4, 5/5: mean 0.75; s² = (0.0625 + 0 + 0.0625)/2 = 0.0625, s = 0.25;
    // half-width t(0.975, 2)·0.25/√3.
    Estimate ratio = r.pairedRatio(Figure.MACHINES).orElseThrow();
    assertEquals(3, ratio.n());
    assertEquals(1, ratio.absent());
    assertEquals(0.75, ratio.mean(), 1e-12);
    assertEquals(0.25, ratio.stdDev(), 1e-12);
    assertEquals(T_2 * 0.25 / Math.sqrt(3), ratio.halfWidth(), 1e-5);
    // Differences −1, −1, 0: mean −2/3; s² = (1/9 + 1/9 + 4/9)/2 = 1/3; half-width t·√(1/3)/√3.
    Estimate diff = r.pairedDifference(Figure.MACHINES).orElseThrow();
    assertEquals(-2.0 / 3, diff.mean(), 1e-12);
    assertEquals(Math.sqrt(1.0 / 3), diff.stdDev(), 1e-12);
    assertEquals(T_2 * Math.sqrt(1.0 / 3) / Math.sqrt(3), diff.halfWidth(), 1e-5);
    // The ratio of means stays available: KuSP (1+3+5+1)/4 = 2.5 over LeSP (2+4+5+10)/4 = 5.25.
    assertEquals(2.5 / 5.25, r.ratio(Figure.MACHINES), 1e-12);
    String table = r.toString();
    assertTrue(
        table.contains(
            "0.75x ± " + String.format(java.util.Locale.ROOT, "%.2f", T_2 * 0.25 / Math.sqrt(3))),
        table);
  }

  @Test
  void aZeroBaselineIsLeftOutOfTheRatioButNotTheDifference() {
    ComparisonResult r =
        result(3, side("lesp", "LeSP", v(0), v(2), v(4)), side("kusp", "KuSP", v(1), v(1), v(2)));
    Estimate ratio = r.pairedRatio(Figure.MACHINES).orElseThrow();
    assertEquals(2, ratio.n()); // 1/2 and 2/4
    assertEquals(0.5, ratio.mean(), 1e-12);
    assertEquals(0.0, ratio.halfWidth(), 1e-12);
    assertEquals(3, r.pairedDifference(Figure.MACHINES).orElseThrow().n());
  }

  @Test
  void fewerThanFiveReplicationsWarn() {
    ComparisonResult two = result(2, side("lesp", "LeSP", v(1), v(2)));
    assertEquals(1, two.warnings().size());
    assertTrue(two.warnings().get(0).startsWith("the intervals rest on 2 replications"));
    assertTrue(two.toString().contains("Warning: the intervals rest on 2 replications"));
    List<Observation> five = new ArrayList<>(List.of(v(1), v(2), v(3), v(4), v(5)));
    ComparisonResult enough = result(5, side("lesp", "LeSP", five.toArray(new Observation[0])));
    assertEquals(List.of(), enough.warnings());
    // Five replications, but only three measured the figure: its interval rests on three.
    ComparisonResult thin =
        result(
            5, side("lesp", "LeSP", v(1), v(2), v(3), Observation.absent(), Observation.absent()));
    assertEquals(
        List.of("fewer than 5 replications measured LeSP machines (n=3): those intervals are weak"),
        thin.warnings());
  }
}
