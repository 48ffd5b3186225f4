package io.platformsim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.Test;

class TallyTest {

  @Property(tries = 100)
  void agreesWithCommonsMathDescriptiveStatistics(
      @ForAll @Size(min = 1, max = 300) List<@DoubleRange(min = -1e6, max = 1e6) Double> data) {
    Tally tally = new Tally("x");
    DescriptiveStatistics reference = new DescriptiveStatistics();
    for (double v : data) {
      tally.add(v);
      reference.addValue(v);
    }
    double scale = Math.max(1, reference.getMax() - reference.getMin());
    assertEquals(reference.getN(), tally.count());
    assertEquals(reference.getMean(), tally.mean(), 1e-9 * scale);
    assertEquals(reference.getStandardDeviation(), tally.stdDev(), 1e-7 * scale);
    assertEquals(reference.getMin(), tally.min());
    assertEquals(reference.getMax(), tally.max());
    Percentile percentile = new Percentile(); // Commons Math default estimator
    double[] values = reference.getValues();
    for (double p : new double[] {0.5, 1, 10, 25, 50, 75, 90, 95, 99, 99.9, 100}) {
      assertEquals(percentile.evaluate(values, p), tally.percentile(p), 1e-9 * scale, "p" + p);
    }
  }

  @Test
  void percentilesByHand() {
    // x = 15, 20, 35, 40, 50 (n = 5); pos = p·(n+1)/100
    Tally t = new Tally();
    for (double v : new double[] {50, 15, 40, 35, 20}) {
      t.add(v);
    }
    assertEquals(15, t.percentile(10)); // pos 0.6 < 1 → x1
    assertEquals(26, t.percentile(40), 1e-12); // pos 2.4 → 20 + 0.4·(35 − 20)
    assertEquals(35, t.percentile(50)); // pos 3 → x3
    assertEquals(50, t.percentile(90)); // pos 5.4 ≥ n → x5
    assertEquals(15, t.percentile(0));
    assertEquals(32, t.mean(), 1e-12); // 160 / 5
    // sample variance: squared deviations 289+144+9+64+324 = 830, / 4 = 207.5
    assertEquals(Math.sqrt(207.5), t.stdDev(), 1e-12);
    t.add(60); // adding after a percentile query re-sorts
    assertEquals(60, t.max());
    assertEquals(37.5, t.percentile(50), 1e-12); // n = 6, pos 3.5 → 35 + 0.5·(40 − 35)
  }

  @Test
  void emptyAndSingleTallies() {
    Tally t = new Tally("empty");
    assertEquals(0, t.count());
    assertTrue(Double.isNaN(t.mean()));
    assertTrue(Double.isNaN(t.percentile(50)));
    t.add(7);
    assertEquals(0, t.stdDev());
    assertEquals(7, t.percentile(99));
    var e = assertThrows(IllegalArgumentException.class, () -> t.add(Double.NaN));
    assertTrue(e.getMessage().contains("empty") && e.getMessage().contains("NaN"));
    var e2 = assertThrows(IllegalArgumentException.class, () -> t.percentile(101));
    assertTrue(e2.getMessage().contains("101"));
  }
}
