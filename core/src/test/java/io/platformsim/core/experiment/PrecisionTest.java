package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Comparison#run(Scenario, Precision)}: the stopping rule over a real comparison (the rule
 * itself is checked against hand calculations in {@code engine.SequentialStoppingTest}).
 */
class PrecisionTest {

  private static final Scenario SMALL =
      SmallScenario.builder().horizon(Duration.ofMinutes(110)).replications(2).build();

  private static ComparisonResult run(Scenario s, Precision p, int threads) {
    return Comparison.run(s, PlatformRegistry.standard(), Comparison.Progress.NONE, p, threads);
  }

  @Test
  void stopsAtTheFirstCountWhoseHeadlineIntervalsMeetTheTarget() {
    Precision rule = Precision.relative(0.10, 12);
    ComparisonResult r = run(SMALL, rule, 3);
    int n = r.replications();
    assertTrue(n >= 5 && n <= 12, "ran " + n);
    Precision.Outcome o = r.precision().orElseThrow();
    if (o.capReached()) {
      assertEquals(12, n);
      assertFalse(o.unmet().isEmpty());
    } else {
      assertEquals(List.of(), rule.unmet(r.platforms()));
      // The same count run as a fixed number gives the same figures...
      ComparisonResult fixed = Comparison.run(SMALL.withReplications(n));
      for (int i = 0; i < 2; i++) {
        assertEquals(fixed.platforms().get(i).figures(), r.platforms().get(i).figures());
      }
      // ... and one replication fewer does not meet the rule (else it would have stopped there).
      if (n > rule.minimum()) {
        assertFalse(
            rule.unmet(Comparison.run(SMALL.withReplications(n - 1)).platforms()).isEmpty());
      }
    }
    // Whatever the batch (= thread count here), the same stopping point and result.
    ComparisonResult single = run(SMALL, rule, 1);
    assertEquals(n, single.replications());
    assertEquals(ComparisonReport.replicationsCsv(r), ComparisonReport.replicationsCsv(single));
  }

  @Test
  void aTargetOutOfReachStopsAtTheCapAndSaysSo() {
    ComparisonResult r = run(SMALL, Precision.relative(0.0001, 5), 2);
    assertEquals(5, r.replications());
    Precision.Outcome o = r.precision().orElseThrow();
    assertTrue(o.capReached());
    assertFalse(o.unmet().isEmpty());
    assertTrue(
        r.warnings().stream()
            .anyMatch(w -> w.startsWith("precision cap of 5 replications reached")),
        r.warnings().toString());
    assertTrue(
        r.toString()
            .contains(
                "Stopping rule: relative half-width ≤ 0.01% (replications 5..5); cap reached"),
        r.toString());
  }

  @Test
  void headlineFiguresAreTheBriefsList() {
    assertEquals(
        List.of(
            Figure.MACHINES,
            Figure.COST_PER_HOUR,
            Figure.CPU_ALLOCATION,
            Figure.MEMORY_ALLOCATION,
            Figure.APP_ROLLOUT_P50,
            Figure.RECOVERY_SECONDS,
            Figure.SCALE_OUT_SECONDS),
        Precision.HEADLINE);
  }

  @Test
  void badRulesNameTheValue() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Precision.relative(0))
            .getMessage()
            .contains("target must be in (0, 1)"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Precision.relative(0.05, 1))
            .getMessage()
            .contains("cap must be in [2, "));
    assertThrows(IllegalArgumentException.class, () -> new Precision(0.05, 1, 10));
    assertEquals(5, Precision.relative(0.05).minimum());
    assertEquals(100, Precision.relative(0.05).cap());
    assertEquals(3, Precision.relative(0.05, 3).minimum());
  }
}
