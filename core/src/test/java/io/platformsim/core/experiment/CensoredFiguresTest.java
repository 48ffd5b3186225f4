package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.Estimate;
import io.platformsim.core.engine.Observation;
import io.platformsim.core.kusp.DeploymentSpec;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.platform.RolloutRecord.Outcome;
import io.platformsim.core.workload.Release;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Figures not observed by the horizon are censored lower bounds, never 0 and never a crash. */
class CensoredFiguresTest {

  /** A machine of alpha fails one minute before the 3 h horizon: too late to recover on either. */
  private static Scenario lateFailure() {
    return Scenario.builder("late-failure")
        .service(SmallScenario.alpha())
        .service(SmallScenario.beta())
        .lesp(LespConfig.builder().headroom(0.25).build())
        .kusp(KuspConfig.builder().initialNodes(3).build())
        .machineFailure(Duration.ofMinutes(179), "alpha", 1)
        .horizon(Duration.ofHours(3))
        .sampleEvery(Duration.ofMinutes(30))
        .replications(2)
        .seed(7)
        .build();
  }

  @Test
  void aFailureNotRecoveredByTheHorizonIsCensoredAtTheTimeToTheHorizon() {
    ComparisonResult r = Comparison.run(lateFailure());
    for (PlatformResult p : r.platforms()) {
      // Lower bound: horizon − failure = 180 min − 179 min = 60 s, in each replication.
      assertEquals(
          List.of(Observation.censored(60), Observation.censored(60)),
          p.values(Figure.RECOVERY_SECONDS),
          p.label());
      Estimate e = p.estimate(Figure.RECOVERY_SECONDS).orElseThrow();
      assertEquals(2, e.censored(), p.label());
      assertEquals(0, e.observed(), p.label());
      assertEquals(60.0, e.mean(), 1e-12, p.label());
    }
    String line =
        r.toString().lines().filter(l -> l.startsWith("time to recover")).findFirst().orElseThrow();
    assertTrue(line.contains("≥ 60 (2 of 2 censored)"), line);
    assertTrue(r.toString().contains("m is a lower bound of the mean"), r.toString());
    // No paired ratio from censored pairs; the ratio of the bounds' means is still shown.
    assertTrue(r.pairedRatio(Figure.RECOVERY_SECONDS).isEmpty());
    assertTrue(
        ComparisonReport.summaryCsv(r).contains("recoverySeconds,s,KuSP,60,60,60,0,2,2,0\n"),
        ComparisonReport.summaryCsv(r));
    String reps = ComparisonReport.replicationsCsv(r);
    assertTrue(reps.contains("LeSP,0,recoverySeconds,60,true\n"), reps);
    assertTrue(reps.contains("KuSP,1,recoverySeconds,60,true\n"), reps);
    assertTrue(reps.contains("LeSP,1,machines,"), reps);
  }

  @Test
  void aScaleOutNotReachedWhileTheSpikeLastsIsCensoredAtTheSpikesLength() {
    // cheetah autoscales on both platforms (the default scenario's HPA and target tracking); its
    // load triples for 2 minutes only. LeSP's new machines must boot and converge first
    // (ConfigManagement.DEFAULT: converge lognormal, median 10 min, p99 30 min), so LeSP cannot
    // reach the need within the spike: censored at the spike's length, 120 s.
    Scenario s =
        Scenario.builder("short-spike")
            .service(DefaultScenario.cheetah())
            .lesp(
                LespConfig.builder()
                    .headroom(0.2)
                    .autoScaling("cheetah", DefaultScenario.cheetahAutoScaling())
                    .build())
            .kusp(KuspConfig.builder().initialNodes(6).build())
            .deployment(
                "cheetah", DeploymentSpec.DEFAULT.withAutoscaling(DefaultScenario.cheetahHpa()))
            .loadSpike(Duration.ofMinutes(30), Duration.ofMinutes(2), "cheetah", 3.0)
            .horizon(Duration.ofMinutes(60))
            .sampleEvery(Duration.ofMinutes(30))
            .replications(2)
            .seed(3)
            .build();
    ComparisonResult r = Comparison.run(s);
    assertEquals(
        List.of(Observation.censored(120), Observation.censored(120)),
        r.lesp().values(Figure.SCALE_OUT_SECONDS));
    // KuSP either made it within the spike (a value ≤ 120 s) or is censored at exactly 120 s.
    for (Observation o : r.kusp().values(Figure.SCALE_OUT_SECONDS)) {
      assertTrue(o.isCensored() ? o.value() == 120 : o.value() <= 120, o.toString());
    }
  }

  @Test
  void noRolloutAndNoDeployMeansAbsentFiguresNotZeros() {
    // lateFailure has no release: no rollout time at all, so no rollout p50 of 0 s.
    ComparisonResult r = Comparison.run(lateFailure());
    for (PlatformResult p : r.platforms()) {
      assertTrue(p.estimate(Figure.ROLLOUT_P50).isEmpty(), p.label());
      assertTrue(p.estimate(Figure.APP_ROLLOUT_P50).isEmpty(), p.label());
      assertEquals(0.0, p.mean(Figure.UNFINISHED_ROLLOUTS));
    }
  }

  private static final Release APP = Release.app("alpha", "2");

  private static RolloutRecord done(long seconds) {
    return new RolloutRecord(APP, "x", 0, seconds * 1000, Outcome.COMPLETED, 1, 1, 0);
  }

  private static RolloutRecord running(long startSeconds) {
    return new RolloutRecord(APP, "x", startSeconds * 1000, -1, Outcome.IN_PROGRESS, 1, 1, 0);
  }

  @Test
  void anUnfinishedRolloutCensorsOnlyThePercentilesItCanReach() {
    // Finished 10 s and 20 s; one started at 150 s still running at the 200 s horizon: ≥ 50 s.
    // Nearest rank over 10, 20, 50: p50 = rank 2 = 20 s, exact (the bound lies above it, so its
    // true value, larger still, cannot move it); p95 = rank 3 and max = 50 s, the bound: censored.
    Map<Figure, Double> f = new EnumMap<>(Figure.class);
    Set<Figure> censored = EnumSet.noneOf(Figure.class);
    RolloutFigures.put(List.of(done(10), done(20), running(150)), 200_000, f, censored);
    assertEquals(20.0, f.get(Figure.APP_ROLLOUT_P50));
    assertEquals(50.0, f.get(Figure.APP_ROLLOUT_MAX));
    assertEquals(
        EnumSet.of(
            Figure.APP_ROLLOUT_P95, Figure.APP_ROLLOUT_MAX, Figure.ROLLOUT_P95, Figure.ROLLOUT_MAX),
        censored);
    // Started at 195 s: ≥ 5 s. Sorted 5, 10, 20: p50 = 10 s, but the running one may end up above
    // it (e.g. 30 s would make p50 20 s): every percentile is censored.
    Map<Figure, Double> g = new EnumMap<>(Figure.class);
    Set<Figure> all = EnumSet.noneOf(Figure.class);
    RolloutFigures.put(List.of(done(10), done(20), running(195)), 200_000, g, all);
    assertEquals(10.0, g.get(Figure.APP_ROLLOUT_P50));
    assertTrue(all.contains(Figure.APP_ROLLOUT_P50) && all.contains(Figure.ROLLOUT_P50), "" + all);
    // All finished: nothing censored.
    Set<Figure> none = EnumSet.noneOf(Figure.class);
    RolloutFigures.put(List.of(done(10), done(20)), 200_000, new EnumMap<>(Figure.class), none);
    assertFalse(none.iterator().hasNext());
  }
}
