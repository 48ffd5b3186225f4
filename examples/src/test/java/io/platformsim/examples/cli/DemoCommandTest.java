package io.platformsim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DemoCommandTest {

  @Test
  void fixedDurationsGiveTheExactMakespanOfFullWaves() {
    Invocation run =
        Invocation.platformsim(
            "demo",
            "--machines",
            "100",
            "--parallelism",
            "8",
            "--median",
            "10m",
            "--fixed",
            "--failure-probability",
            "0",
            "--replications",
            "3",
            "--seed",
            "5");
    assertEquals(0, run.exitCode(), run.err());
    // 100 machines, 8 at a time, 10 min each: ceil(100 / 8) = 13 waves → 130 min, every time.
    double[] makespan = run.numbers("makespan [min]");
    assertEquals(130.0, makespan[0], 1e-9);
    assertEquals(0.0, makespan[1], 1e-9, "no randomness, so no interval width");
    // 12 full waves of 8 finish at 10, 20, … 120 min, the last 4 machines at 130:
    // mean = (8 · 10 · (1 + … + 12) + 4 · 130) / 100 = (6240 + 520) / 100 = 67.6 min
    assertEquals(67.6, run.numbers("machine ready, mean [min]")[0], 1e-9);
    // busy slots: 100 converges · 10 min / (8 slots · 130 min) = 96.15 %
    assertEquals(100.0 * 100 * 10 / (8 * 130), run.numbers("orchestrator busy [%]")[0], 0.005);
    assertEquals(0.0, run.numbers("failed converges")[0]);
  }

  @Test
  void lognormalMakespanLiesBetweenTheWorkBoundAndGrahamsListSchedulingBound() {
    Invocation run =
        Invocation.platformsim(
            "demo",
            "--machines",
            "200",
            "--parallelism",
            "30",
            "--median",
            "4m",
            "--p99",
            "10m",
            "--failure-probability",
            "0",
            "--replications",
            "8",
            "--seed",
            "11",
            "--threads",
            "2");
    assertEquals(0, run.exitCode(), run.err());
    // Lognormal from median 4 min, p99 10 min: σ = ln(2.5) / 2.3263 = 0.39388,
    // mean = 4 · exp(σ² / 2) = 4.3213 min. Total work 200 · 4.3213 = 864.3 slot-minutes.
    double sigma = Math.log(2.5) / 2.3263478740408408;
    double meanConverge = 4 * Math.exp(sigma * sigma / 2);
    double workBound = 200 * meanConverge / 30; // makespan ≥ work / slots ≈ 28.8 min
    double makespan = run.numbers("makespan [min]")[0];
    assertTrue(makespan >= 0.97 * workBound, "makespan " + makespan + " below " + workBound);
    // Graham (1966): a greedy list schedule ends by work / P + (1 − 1/P) · longest job; the
    // longest of 200 draws is near the p99.5–p99.9 (≈ 11–14 min), so allow 20 min.
    assertTrue(makespan <= 1.03 * workBound + 20, "makespan " + makespan);
    double[] median = run.numbers("converge run, p50 [min]");
    assertEquals(4.0, median[0], 0.25, "the sample median of converges is near the median 4 min");
    double busy = run.numbers("orchestrator busy [%]")[0];
    assertTrue(busy > 50 && busy <= 100, "busy " + busy);
    assertTrue(run.out().contains("lognormal, median 4m, p99 10m"));
  }

  @Test
  void sameSeedSameOutputWhateverTheThreadsAndADifferentSeedDiffers() {
    String[] base = {"demo", "--machines", "120", "--replications", "6", "--seed", "42"};
    Invocation a = Invocation.platformsim(concat(base, "--threads", "1"));
    Invocation b = Invocation.platformsim(concat(base, "--threads", "3"));
    Invocation c =
        Invocation.platformsim("demo", "--machines", "120", "--replications", "6", "--seed", "43");
    assertEquals(0, a.exitCode());
    assertEquals(a.out(), b.out());
    assertNotEquals(a.out(), c.out());
    // with the default failure probability 0.02 over ≈ 120 converges, a few fail and are retried
    assertTrue(a.numbers("failed converges")[0] > 0);
  }

  @Test
  void helpWorks() {
    Invocation help = Invocation.platformsim("demo", "--help");
    assertEquals(0, help.exitCode());
    assertTrue(
        help.out().contains("--parallelism")
            && help.out().contains("--replications")
            && help.out().contains("--seed"),
        help.out());
    Invocation top = Invocation.platformsim("help");
    assertTrue(top.out().contains("demo"), top.out());
  }

  @Test
  void badInputIsAUsageErrorNamingTheOptionAndValue() {
    Invocation p = Invocation.platformsim("demo", "--parallelism", "0");
    assertEquals(2, p.exitCode());
    assertTrue(p.err().contains("--parallelism must be at least 1, was 0"), p.err());
    Invocation r = Invocation.platformsim("demo", "--replications", "0");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("--replications must be at least 1, was 0"), r.err());
    Invocation q = Invocation.platformsim("demo", "--median", "5m", "--p99", "3m");
    assertEquals(2, q.exitCode());
    assertTrue(q.err().contains("--p99 3m must be above --median 5m"), q.err());
    Invocation d = Invocation.platformsim("demo", "--median", "five");
    assertEquals(2, d.exitCode());
    assertTrue(d.err().contains("'five' is not a duration"), d.err());
    Invocation f = Invocation.platformsim("demo", "--failure-probability", "1");
    assertEquals(2, f.exitCode());
    assertTrue(f.err().contains("--failure-probability"), f.err());
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
