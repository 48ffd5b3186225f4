package io.platformsim.core.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
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

  private static final long HOUR = 3_600_000L;
  private static final long FIVE_MINUTES = 300_000L;

  /**
   * Trough 0.5, peak 1.5 at 14:00, 5-minute steps, two days. By hand: f(t) = 1 + 0.5 cos(2π (t −
   * 14h) ÷ 24h); at 14h cos 0 = 1 → 1.5; at 14h + 12h = 26h and at 2h cos(±π) = −1 → 0.5; at 8h and
   * 20h cos(∓π/2) = 0 → 1.0; the value of a step holds until the next one.
   */
  @Test
  void diurnalValuesAtKnownTimes() {
    LoadCurve day = LoadCurve.diurnal(0.5, 1.5, 14 * HOUR, FIVE_MINUTES, 2 * LoadCurve.DAY_MILLIS);
    assertEquals(1.5, day.factorAt(14 * HOUR), 1e-12);
    assertEquals(1.5, day.factorAt(14 * HOUR + FIVE_MINUTES - 1), 1e-12); // held for the step
    assertEquals(0.5, day.factorAt(26 * HOUR), 1e-12); // trough at peakAt + 12 h
    assertEquals(0.5, day.factorAt(2 * HOUR), 1e-12); // and 12 h before the peak
    assertEquals(1.0, day.factorAt(8 * HOUR), 1e-12);
    assertEquals(1.0, day.factorAt(20 * HOUR), 1e-12);
    assertEquals(1.5, day.factorAt(38 * HOUR), 1e-12); // the next day's peak
    assertEquals(2 * 288, day.steps().size()); // 2 days of 5-minute steps
    // one step later the factor is cos(2π · 5 min ÷ 24 h) of the way down from the peak
    assertEquals(
        1 + 0.5 * Math.cos(2 * Math.PI * 5 / 1440.0),
        day.factorAt(14 * HOUR + FIVE_MINUTES),
        1e-12);
  }

  /**
   * Over one whole period, the time-weighted mean is (low + high)/2: the steps sample the cosine at
   * equally spaced angles, whose sum is 0. Checked for a 5-minute and a 1-hour step and a 12-hour
   * period.
   */
  @Test
  void meanOverOnePeriodIsTheMidpoint() {
    long[][] cases = {
      {LoadCurve.DAY_MILLIS, FIVE_MINUTES}, {LoadCurve.DAY_MILLIS, HOUR}, {12 * HOUR, 600_000}
    };
    for (long[] c : cases) {
      long period = c[0];
      long step = c[1];
      LoadCurve curve = LoadCurve.diurnal(0.2, 1.8, 5 * HOUR, period, step, 3 * period);
      double integral = 0;
      for (long t = period;
          t < 2 * period;
          t += step) { // the second period, any whole one would do
        integral += curve.factorAt(t) * step;
      }
      assertEquals(1.0, integral / period, 1e-9, "period " + period + " step " + step);
    }
  }

  @Test
  void aFlatDiurnalCurveIsConstant() {
    LoadCurve flat = LoadCurve.diurnal(0.7, 0.7, 0, HOUR, 10 * HOUR);
    for (LoadCurve.Step s : flat.steps()) {
      assertEquals(0.7, s.factor(), 1e-15);
    }
  }

  @Test
  void badDiurnalArgumentsAreNamed() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LoadCurve.diurnal(1.5, 0.5, 0, FIVE_MINUTES, HOUR));
    assertTrue(e.getMessage().contains("high") && e.getMessage().contains("0.5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> LoadCurve.diurnal(0.5, 1.5, 0, 0, HOUR));
    assertTrue(e.getMessage().contains("step") && e.getMessage().contains("0"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LoadCurve.diurnal(0.5, 1.5, 0, HOUR, 2 * HOUR, 10 * HOUR));
    assertTrue(e.getMessage().contains("step"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> LoadCurve.diurnal(-0.1, 1.5, 0, HOUR, HOUR));
    assertTrue(e.getMessage().contains("low") && e.getMessage().contains("-0.1"), e.getMessage());
  }

  /** Every step of any diurnal curve lies in [low, high], and the steps are {@code step} apart. */
  @Property(tries = 100)
  void diurnalStepsStayWithinTheirBounds(
      @ForAll @DoubleRange(min = 0, max = 5) double low,
      @ForAll @DoubleRange(min = 0, max = 5) double extra,
      @ForAll @LongRange(min = 0, max = 200_000_000) long peakAt,
      @ForAll @LongRange(min = 300_000, max = 7_200_000) long step) {
    LoadCurve c = LoadCurve.diurnal(low, low + extra, peakAt, step, 3 * LoadCurve.DAY_MILLIS);
    for (int i = 0; i < c.steps().size(); i++) {
      LoadCurve.Step s = c.steps().get(i);
      assertEquals(i * step, s.atMillis());
      assertTrue(s.factor() >= low && s.factor() <= low + extra, s.toString());
    }
  }
}
