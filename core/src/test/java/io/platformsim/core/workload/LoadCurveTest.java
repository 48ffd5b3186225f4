package io.platformsim.core.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoadCurveTest {

  @Test
  void piecewiseConstant() {
    LoadCurve day = LoadCurve.constant(0.5).then(8_000, 1.0).then(18_000, 0.25);
    assertEquals(0.5, day.factorAt(0));
    assertEquals(0.5, day.factorAt(7_999));
    assertEquals(1.0, day.factorAt(8_000)); // a step holds from its own time on
    assertEquals(1.0, day.factorAt(17_999));
    assertEquals(0.25, day.factorAt(1_000_000));
  }

  @Test
  void badStepsAreNamed() {
    var e = assertThrows(IllegalArgumentException.class, () -> LoadCurve.constant(1).then(0, 2));
    assertTrue(e.getMessage().contains("increase"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> LoadCurve.constant(-1));
    assertTrue(
        e.getMessage().contains("load factor") && e.getMessage().contains("-1"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new LoadCurve(java.util.List.of(new LoadCurve.Step(5, 1))));
    assertTrue(e.getMessage().contains("first load step"), e.getMessage());
  }
}
