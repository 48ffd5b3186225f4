package io.platformsim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DurationDistributionTest {

  private static final int N = 200_000;

  private static double[] sample(DurationDistribution d, String stream) {
    DurationSampler s = d.sampler(RandomStreams.of(20_261_124, 0).stream(stream));
    double[] out = new double[N];
    for (int i = 0; i < N; i++) {
      out[i] = s.next();
    }
    return out;
  }

  private static double mean(double[] xs) {
    double sum = 0;
    for (double x : xs) {
      sum += x;
    }
    return sum / xs.length;
  }

  @Test
  void zOf99IsTheStandardNormalQuantile() {
    assertEquals(
        new NormalDistribution().inverseCumulativeProbability(0.99),
        DurationDistribution.Z_99,
        1e-9);
  }

  @Test
  void logNormalFromMedianAndP99FollowsTheDefiningFormulas() {
    // A Chef converge: median 10 min, p99 25 min (reference/calibration.md: converges of ≈ 10 min).
    double m = 600_000;
    double q = 1_500_000;
    var d = (DurationDistribution.LogNormal) DurationDistribution.logNormal(m, q);
    assertEquals(Math.log(m), d.mu(), 1e-12);
    assertEquals((Math.log(q) - Math.log(m)) / 2.3263478740408408, d.sigma(), 1e-12);
    // mean of a lognormal: exp(μ + σ²/2)
    assertEquals(Math.exp(d.mu() + d.sigma() * d.sigma() / 2), d.meanMillis(), 1e-6);
    var real = d.realDistribution(null);
    assertEquals(m, real.inverseCumulativeProbability(0.5), 1e-3 * m);
    assertEquals(q, real.inverseCumulativeProbability(0.99), 1e-3 * q);

    double[] xs = sample(d, "lognormal");
    Percentile p = new Percentile();
    assertEquals(m, p.evaluate(xs, 50), 0.01 * m); // standard error ≈ 0.3%
    assertEquals(q, p.evaluate(xs, 99), 0.03 * q); // standard error ≈ 1%
    for (double x : xs) {
      assertEquals(Math.rint(x), x); // whole milliseconds
    }
  }

  @Test
  void uniformGivesEveryWholeMillisecondTheSameWeight() {
    double[] xs = sample(DurationDistribution.uniform(3, 7), "uniform");
    int[] counts = new int[8];
    for (double x : xs) {
      assertTrue(x >= 3 && x <= 7, "out of range: " + x);
      counts[(int) x]++;
    }
    for (int v = 3; v <= 7; v++) {
      // expected N/5 = 40 000 each; sd ≈ 179, allow ±1.5%
      assertEquals(N / 5.0, counts[v], 600, "count of " + v);
    }
    assertEquals(5.0, DurationDistribution.uniform(3, 7).meanMillis());
  }

  @Test
  void exponentialWeibullAndGammaMeans() {
    assertEquals(1_000, mean(sample(DurationDistribution.exponentialWithMean(1_000), "e")), 10);
    // Weibull mean λ·Γ(1 + 1/k); k = 2: Γ(1.5) = √π / 2, so 1000 · 0.886227 = 886.227
    var w = DurationDistribution.weibull(2, 1_000);
    assertEquals(886.226925, w.meanMillis(), 1e-5);
    assertEquals(886.23, mean(sample(w, "w")), 5);
    // Gamma mean k·θ = 2 · 500
    var g = DurationDistribution.gamma(2, 500);
    assertEquals(1_000, g.meanMillis(), 1e-12);
    assertEquals(1_000, mean(sample(g, "g")), 10);
  }

  @Test
  void fixedAndEmpirical() {
    for (double x : sample(DurationDistribution.fixed(1234), "f")) {
      assertEquals(1234, x);
    }
    var emp = DurationDistribution.empirical(400, 100, 300, 200);
    assertEquals(250, emp.meanMillis(), 1e-12);
    int[] counts = new int[5];
    for (double x : sample(emp, "emp")) {
      assertEquals(0, x % 100, "only observed values are drawn: " + x);
      counts[(int) x / 100]++;
    }
    for (int v = 1; v <= 4; v++) {
      assertEquals(N / 4.0, counts[v], 1_000); // sd ≈ 194
    }
  }

  @Test
  void impossibleParametersAreRejectedNamingTheValue() {
    assertMessage(() -> DurationDistribution.logNormal(600, 500), "p99Millis 500.0", "600.0");
    assertMessage(() -> DurationDistribution.logNormal(600, 600), "p99Millis", "above");
    assertMessage(() -> DurationDistribution.logNormal(Double.NaN, 500), "medianMillis", "NaN");
    assertMessage(() -> DurationDistribution.uniform(10, 5), "minMillis 10", "maxMillis 5");
    assertMessage(() -> DurationDistribution.uniform(-1, 5), "minMillis", "-1");
    assertMessage(DurationDistribution::empirical, "samplesMillis", "empty");
    assertMessage(
        () -> DurationDistribution.empirical(1, Double.POSITIVE_INFINITY),
        "samplesMillis[1]",
        "Infinity");
    assertMessage(() -> DurationDistribution.exponentialWithMean(0), "meanMillis", "0.0");
    assertMessage(
        () -> DurationDistribution.exponentialWithMean(Double.POSITIVE_INFINITY),
        "meanMillis",
        "Infinity");
    assertMessage(() -> DurationDistribution.fixed(-5), "millis", "-5");
    assertMessage(() -> DurationDistribution.weibull(-1, 5), "shape", "-1.0");
    assertMessage(() -> DurationDistribution.gamma(1, Double.NaN), "scaleMillis", "NaN");
  }

  private static void assertMessage(Executable call, String... parts) {
    var e = assertThrows(IllegalArgumentException.class, call);
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' lacks '" + part + "'");
    }
  }
}
