package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.kusp.DeploymentSpec;
import io.platformsim.core.kusp.PodAutoscaling;
import io.platformsim.core.lesp.AutoScaling;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.lesp.LespPlatform;
import io.platformsim.core.workload.LoadCurve;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Load changes and curves act in the main run: with autoscaling configured, a spike or a diurnal
 * curve moves machines on both platforms, and the time to scale out is measured in the same run.
 *
 * <p>The service, web: 4 instances requesting 2.5 cores of a 4-core KuSP node (one pod per node
 * after the kubelet's reservations), usage {@code u} per instance at load 1. Both autoscalers hold
 * it at 60% CPU of requests between 4 and 12. At load {@code f} both want {@code ceil(4 × f × u ÷
 * (0.6 × 2500))} instances (LeSP target tracking, {@code TargetTracking}; the HPA's {@code
 * ceil(replicas × usage ratio)}, k/k {@code pkg/controller/podautoscaler/replica_calculator.go}
 * {@code GetResourceReplicas}, outside its 10% tolerance), never fewer than 4.
 */
class LoadEffectTest {

  private static final int TARGET_PERCENT = 60;

  private static Service web(long usageMilliCpu) {
    return Service.builder("web")
        .instances(4)
        .request(Resources.of(2500, 4096))
        .usage(Resources.of(usageMilliCpu, 2048))
        .build();
  }

  /** web with the same autoscaling on both platforms, or none. */
  private static Scenario.Builder scenario(long usageMilliCpu, boolean autoscale) {
    Scenario.Builder b =
        Scenario.builder("load")
            .service(web(usageMilliCpu))
            .replications(1)
            .seed(3)
            .sampleEvery(Duration.ofMinutes(30));
    if (autoscale) {
      b.deployment(
              "web",
              DeploymentSpec.DEFAULT.withAutoscaling(PodAutoscaling.cpu(4, 12, TARGET_PERCENT)))
          .lesp(
              LespConfig.builder()
                  .autoScaling("web", AutoScaling.targetTracking(TARGET_PERCENT / 100.0, 4, 12))
                  .build());
    }
    return b;
  }

  /**
   * usage 625m, spike × 4 from 30 min for 1 h: 4 × 4 × 625 ÷ 1500 = 6.67, so 7 instances; without
   * the spike, 4 × 625 ÷ 1500 = 1.67, so the minimum 4. LeSP: 7 machines at the peak against 4;
   * KuSP: one pod per node, so at least 3 more nodes than without the spike.
   */
  @Test
  void aSpikeRaisesPeakMachinesAndCostOnBothPlatforms() {
    Scenario.Builder quiet = scenario(625, true).horizon(Duration.ofHours(2));
    Scenario.Builder spiked =
        scenario(625, true)
            .horizon(Duration.ofHours(2))
            .loadSpike(Duration.ofMinutes(30), Duration.ofHours(1), "web", 4.0);
    ComparisonResult without = Comparison.run(quiet.build());
    ComparisonResult with = Comparison.run(spiked.build());
    assertEquals(4, without.lesp().mean(Figure.PEAK_MACHINES));
    assertEquals(7, with.lesp().mean(Figure.PEAK_MACHINES));
    double kuspWithout = without.kusp().mean(Figure.PEAK_MACHINES);
    assertTrue(
        with.kusp().mean(Figure.PEAK_MACHINES) >= kuspWithout + 3,
        "KuSP peak " + with.kusp().mean(Figure.PEAK_MACHINES) + " vs " + kuspWithout);
    for (Figure f : new Figure[] {Figure.MACHINES, Figure.COST_PER_HOUR}) {
      assertTrue(with.lesp().mean(f) > without.lesp().mean(f), "LeSP " + f);
      assertTrue(with.kusp().mean(f) > without.kusp().mean(f), "KuSP " + f);
    }
  }

  /** The same spike without any autoscaling changes no machine: the spike only raises usage. */
  @Test
  void withoutAutoscalingASpikeMovesNoMachineAndHasNoScaleOutTime() {
    Scenario s =
        scenario(625, false)
            .horizon(Duration.ofHours(2))
            .loadSpike(Duration.ofMinutes(30), Duration.ofHours(1), "web", 4.0)
            .build();
    ComparisonResult r = Comparison.run(s);
    assertEquals(4, r.lesp().mean(Figure.PEAK_MACHINES));
    for (PlatformResult p : r.platforms()) {
      assertFalse(p.estimate(Figure.SCALE_OUT_SECONDS).isPresent(), p.label());
    }
  }

  /**
   * With autoscaling the time to scale out is measured in the main run on both platforms: above 0
   * (new machines and pods take time to serve; the first evaluation is up to 60 s or 15 s away) and
   * within the spike's hour.
   */
  @Test
  void theTimeToScaleOutIsMeasuredOnBothPlatforms() {
    Scenario s =
        scenario(625, true)
            .horizon(Duration.ofHours(2))
            .loadSpike(Duration.ofMinutes(30), Duration.ofHours(1), "web", 4.0)
            .build();
    ComparisonResult r = Comparison.run(s);
    for (PlatformResult p : r.platforms()) {
      double seconds = p.mean(Figure.SCALE_OUT_SECONDS);
      assertTrue(seconds > 0 && seconds < 3600, p.label() + " " + seconds);
    }
    // the spike's need, 7, equals the instances both platforms report in service at its end
    assertEquals(7, Comparison.neededAtSpike(web(625), 4.0, 0.6));
  }

  /**
   * A diurnal curve, low 0.4 and high 2.0 peaking at 14:00, on web with usage 1250m: at 15:00 the
   * factor has been ≥ 1.2 + 0.8 cos(2π/24) = 1.97 for two hours, so both want ceil(4 × 1.97 × 1250
   * ÷ 1500) = 7; at 03:00 it has been ≤ 1.2 − 0.8 cos(2π/24) = 0.43 for two hours, so 4 × 0.43 ×
   * 1250 ÷ 1500 = 1.4 and both hold the minimum 4. The machines time series follows the curve.
   */
  @Test
  void aDiurnalCurveMakesMachinesFollowIt() {
    LoadCurve day =
        LoadCurve.diurnal(0.4, 2.0, Duration.ofHours(14).toMillis(), 1_800_000, 86_400_000);
    Scenario s =
        scenario(1250, true)
            .horizon(Duration.ofHours(24))
            .loadCurve(Duration.ZERO, "web", day)
            .build();
    ComparisonResult r = Comparison.run(s);
    for (PlatformResult p : r.platforms()) {
      TimeSeries series = p.series();
      double atPeak = machinesAt(series, Duration.ofHours(15));
      double atTrough = machinesAt(series, Duration.ofHours(3));
      assertTrue(atPeak > atTrough, p.label() + " peak " + atPeak + " trough " + atTrough);
    }
    assertEquals(7, machinesAt(r.lesp().series(), Duration.ofHours(15)));
    assertEquals(4, machinesAt(r.lesp().series(), Duration.ofHours(3)));
  }

  /**
   * A need the autoscalers cannot reach (7 instances, both capped at 5) is censored at the spike's
   * end, when the load goes back to 1: exactly the spike's 3,600 s on both platforms.
   */
  @Test
  void aNeedNeverReachedCountsAsTheSpikesLength() {
    Scenario s =
        Scenario.builder("capped")
            .service(web(625))
            .replications(1)
            .seed(3)
            .deployment("web", DeploymentSpec.DEFAULT.withAutoscaling(PodAutoscaling.cpu(4, 5, 60)))
            .lesp(
                LespConfig.builder()
                    .autoScaling("web", AutoScaling.targetTracking(0.6, 4, 5))
                    .build())
            .horizon(Duration.ofHours(2))
            .loadSpike(Duration.ofMinutes(30), Duration.ofHours(1), "web", 4.0)
            .build();
    ComparisonResult r = Comparison.run(s);
    for (PlatformResult p : r.platforms()) {
      assertEquals(3600, p.mean(Figure.SCALE_OUT_SECONDS), 1e-9, p.label());
    }
    assertEquals(5, r.lesp().mean(Figure.PEAK_MACHINES));
  }

  private static double machinesAt(TimeSeries s, Duration at) {
    long[] t = s.timesMillis();
    for (int i = 0; i < t.length; i++) {
      if (t[i] == at.toMillis()) {
        return s.machines()[i];
      }
    }
    throw new AssertionError("no sample at " + at);
  }

  /**
   * A per-service LeSP policy scales only its own pool: web and api both at 4 × load, only web has
   * a policy, so only web's pool grows (to 7) while api's keeps its 4 machines.
   */
  @Test
  void aServicePolicyScalesOnlyItsOwnPool() {
    Simulation sim = new Simulation();
    LespConfig c =
        LespConfig.builder().autoScaling("web", AutoScaling.targetTracking(0.6, 4, 12)).build();
    LespPlatform p = new LespPlatform(sim, RandomStreams.of(1, 0), c);
    Service api =
        Service.builder("api")
            .instances(4)
            .request(Resources.of(2500, 4096))
            .usage(Resources.of(625, 2048))
            .build();
    p.deploy(web(625));
    p.deploy(api);
    sim.scheduleAt(
        600_000,
        () -> {
          p.setLoad("web", 4.0);
          p.setLoad("api", 4.0);
        });
    sim.runUntil(3_600_000);
    assertEquals(7, p.poolSize("web"));
    assertEquals(4, p.poolSize("api"));
    assertTrue(p.scalingTarget("web").isPresent());
    assertFalse(p.scalingTarget("api").isPresent());
  }

  /**
   * The default scenario gives cheetah the same target and upper bound on both platforms; each
   * lower bound is what that platform provisions at nominal load.
   */
  @Test
  void theDefaultScenarioAutoscalesCheetahAlikeOnBothPlatforms() {
    Scenario d = DefaultScenario.build();
    PodAutoscaling hpa = d.kusp().deployment("cheetah").autoscaling();
    AutoScaling lesp = d.lesp().autoScalingOf("cheetah").orElseThrow();
    assertEquals(hpa.targetCpuPercent() / 100.0, lesp.targetUtilization(), 1e-12);
    assertEquals(hpa.maxReplicas(), lesp.maxMachines());
    assertEquals(36, hpa.minReplicas()); // cheetah's instances
    // its LeSP pool: the instances plus 20% headroom, ceil(36 × 1.2) = 44 machines
    assertEquals(d.lesp().poolSize(36), lesp.minMachines());
    assertEquals(44, lesp.minMachines());
    assertEquals(108, lesp.maxMachines()); // three times that
    assertTrue(d.lesp().autoScalingOf("zebra").isEmpty());
  }
}
