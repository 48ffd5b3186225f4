package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.kusp.NodeType;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SweepTest {

  @Test
  void nodeTypeByHeadroomGivesOneCellPerCombination() {
    Scenario base = SmallScenario.builder().replications(2).build();
    SweepTable t =
        Sweep.nodeTypeByHeadroom(
            base, List.of(NodeType.GENERIC, DefaultScenario.NODE), List.of(0.0, 0.5));
    assertEquals(4, t.cells().size());
    // LeSP depends only on the headroom: cells with the same headroom share the very same side.
    assertSame(
        t.cell("generic-4x16", 0.5).result().lesp(), t.cell("m5.2xlarge", 0.5).result().lesp());
    assertSame(
        t.cell("m5.2xlarge", 0.0).result().kusp(), t.cell("m5.2xlarge", 0.5).result().kusp());
    // Pools with 50% headroom: ceil(4 × 1.5) + ceil(6 × 1.5) + ceil(2 × 1.5) = 6 + 9 + 3 = 18
    // machines, against 4 + 6 + 2 = 12 with none; rollouts and replacements only add to the
    // peak, hence "at least".
    double none = t.cell("generic-4x16", 0.0).result().lesp().mean(Figure.COST_PER_HOUR);
    double half = t.cell("generic-4x16", 0.5).result().lesp().mean(Figure.COST_PER_HOUR);
    assertTrue(half > none, half + " > " + none);
    assertTrue(t.cell("generic-4x16", 0.5).result().lesp().mean(Figure.PEAK_MACHINES) >= 18);
    assertTrue(t.cell("generic-4x16", 0.0).result().lesp().mean(Figure.PEAK_MACHINES) >= 12);
    String text = t.toString();
    assertEquals(5, text.lines().count(), text);
    assertEquals(5, t.toCsv().lines().count());
    assertThrows(IllegalArgumentException.class, () -> t.cell("nope", 0.0));
  }

  /** Same seed ⇒ equal figures, whatever the seed (a short scenario keeps each try fast). */
  @Property(tries = 4)
  void sameSeedSameFigures(@ForAll long seed) {
    Scenario s =
        SmallScenario.builder().horizon(Duration.ofHours(2)).replications(2).seed(seed).build();
    ComparisonResult a = Comparison.run(s);
    ComparisonResult b = Comparison.run(s);
    assertEquals(a, b);
    for (PlatformResult side : a.platforms()) {
      double alloc = side.mean(Figure.CPU_ALLOCATION);
      assertTrue(alloc >= 0 && alloc <= 1, side.label() + " allocation " + alloc);
      assertTrue(side.mean(Figure.COST_PER_HOUR) > 0);
    }
  }
}
