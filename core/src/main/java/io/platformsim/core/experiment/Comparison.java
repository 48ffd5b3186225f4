package io.platformsim.core.experiment;

import io.platformsim.core.engine.Estimate;
import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.ReplicationResult;
import io.platformsim.core.engine.Replications;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.experiment.TimelineEvent.ApplyRelease;
import io.platformsim.core.experiment.TimelineEvent.LoadChange;
import io.platformsim.core.experiment.TimelineEvent.MachineFailure;
import io.platformsim.core.experiment.TimelineEvent.ZoneOutage;
import io.platformsim.core.kusp.DeploymentSpec;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.PodAutoscaling;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.platform.DurationSummary;
import io.platformsim.core.platform.Failure;
import io.platformsim.core.platform.PlatformMetrics;
import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Service;
import io.platformsim.core.workload.Workload;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a {@link Scenario} on LeSP and KuSP and returns one {@link ComparisonResult}.
 *
 * <h2>What one replication does, per platform</h2>
 * <ol>
 *   <li>A fresh {@link Simulation} and a fresh platform drawing from
 *       {@code RandomStreams.of(seed, replication)}: both platforms of a replication get streams
 *       derived from the same seed and index, so any stream both ask for by name (common random
 *       numbers) gives both the same draws, and replication {@code i} is the same whatever
 *       thread runs it.
 *   <li>Every service is deployed at time 0; each timeline event is scheduled at its time:
 *       releases through {@code Platform.apply}, load changes through the platform's
 *       {@code setLoad}, machine failures through {@code Platform.inject}, zone outages (see
 *       {@link TimelineEvent.ZoneOutage}).
 *   <li>The simulation runs to the horizon; the figures come from the platform's own
 *       {@link PlatformMetrics} (machines, cost, time-weighted allocation and usage, rollouts)
 *       and platform-specific reads (stranded capacity, identity).
 *   <li><b>Recovery</b>: after each failure the service is polled every second until it is back
 *       at full strength (LeSP: in-service machines = pool size; KuSP: the crashed node's pods
 *       evicted and available pods = replicas); a failure never recovered counts as the time to
 *       the horizon.
 *   <li><b>Scale-out</b> (if the timeline has a load spike, the first load change above 1): a
 *       separate small simulation per platform runs only the spiked service with autoscaling
 *       on (LeSP: target tracking; KuSP: a HorizontalPodAutoscaler plus the cluster
 *       autoscaler) at the scenario's target utilization, raises the load after one hour of
 *       warm-up and measures the time until {@code ceil(n × factor × usage ÷ (target ×
 *       request))} instances serve (CPU), polled every second, capped at two hours; 0 when the
 *       spike stays within the HPA's 10% tolerance of the target (no scale-out needed).
 * </ol>
 *
 * Replications run in parallel on all processors ({@link Replications}); each figure's
 * {@link Estimate} is the mean with a 95% Student-t interval. A rollout still running at the
 * horizon counts with its time so far (a lower bound) and is counted in
 * {@link Figure#UNFINISHED_ROLLOUTS}.
 *
 * <pre>{@code
 * ComparisonResult r = Comparison.run(DefaultScenario.build());
 * System.out.println(r);                         // the aligned table
 * r.kusp().mean(Figure.COST_PER_HOUR);
 * }</pre>
 */
public final class Comparison {

  /** Polling step of the recovery and scale-out measurements. */
  static final long POLL_MILLIS = 1_000;
  /** Warm-up before the load spike in the scale-out measurement. */
  static final long SCALE_OUT_WARMUP_MILLIS = 3_600_000;
  /** Longest scale-out measured; a slower one counts as this. */
  static final long SCALE_OUT_CAP_MILLIS = 7_200_000;

  /** Told when a replication finishes; called from the replication threads. */
  @FunctionalInterface
  public interface Progress {
    /** No progress reporting. */
    Progress NONE = (done, total) -> { };

    /** {@code done} of {@code total} replications (both platforms) have finished. */
    void replicationDone(int done, int total);
  }

  private Comparison() {}

  /** Runs {@code scenario} on both platforms. */
  public static ComparisonResult run(Scenario scenario) {
    return run(scenario, Progress.NONE);
  }

  /** Runs {@code scenario} on both platforms, reporting each finished replication. */
  public static ComparisonResult run(Scenario scenario, Progress progress) {
    Map<Side, SideResult> sides = runSides(scenario, List.of(Side.LESP, Side.KUSP), progress);
    return new ComparisonResult(scenario.name(), scenario.seed(), scenario.replications(),
        scenario.horizonMillis(), sides.get(Side.LESP), sides.get(Side.KUSP));
  }

  /** Runs {@code scenario} on one platform only (what a sweep over one side's settings needs). */
  public static SideResult runSide(Scenario scenario, Side side) {
    return runSides(scenario, List.of(side), Progress.NONE).get(side);
  }

  private static Map<Side, SideResult> runSides(Scenario scenario, List<Side> sides, Progress progress) {
    Map<Side, AtomicReference<Replication>> first = new EnumMap<>(Side.class);
    for (Side side : sides) {
      first.put(side, new AtomicReference<>());
    }
    AtomicInteger done = new AtomicInteger();
    int total = scenario.replications();
    ReplicationResult result = Replications.run(scenario.seed(), total, streams -> {
      Map<String, Double> figures = new LinkedHashMap<>();
      for (Side side : sides) {
        RandomStreams own = RandomStreams.of(streams.masterSeed(), streams.replication());
        Replication r = runReplication(scenario, side, own, streams.replication() == 0);
        if (streams.replication() == 0) {
          first.get(side).set(r);
        }
        for (Map.Entry<Figure, Double> e : r.figures.entrySet()) {
          figures.put(side.name() + "." + e.getKey().name(), e.getValue());
        }
      }
      progress.replicationDone(done.incrementAndGet(), total);
      return figures;
    });
    Map<Side, SideResult> out = new EnumMap<>(Side.class);
    for (Side side : sides) {
      Map<Figure, Estimate> estimates = new EnumMap<>(Figure.class);
      for (Figure f : Figure.values()) {
        String key = side.name() + "." + f.name();
        if (result.replications().get(0).containsKey(key)) {
          Estimate e = result.estimate(key);
          estimates.put(f, new Estimate(f.key(), e.n(), e.mean(), e.stdDev(), e.halfWidth()));
        }
      }
      Replication r0 = first.get(side).get();
      out.put(side, new SideResult(side.label(), estimates, r0.series, r0.rollouts));
    }
    return out;
  }

  /** What one platform recorded in one replication. */
  record Replication(Map<Figure, Double> figures, TimeSeries series, List<RolloutRecord> rollouts,
      PlatformMetrics metrics) {}

  /**
   * Runs one replication of {@code scenario} on {@code side} with {@code streams}; records the
   * time series if {@code sample}. Package-private so tests can compare with a direct run.
   */
  static Replication runReplication(Scenario scenario, Side side, RandomStreams streams, boolean sample) {
    Simulation sim = new Simulation();
    PlatformDriver driver = PlatformDriver.create(side, sim, streams, scenario);
    for (Service s : scenario.workload().services()) {
      driver.platform().deploy(s);
    }
    long horizon = scenario.horizonMillis();
    List<Long> recoveries = new ArrayList<>();
    for (TimelineEvent e : scenario.timeline()) {
      sim.scheduleAt(e.atMillis(), () -> handle(driver, e, horizon, recoveries));
    }
    List<long[]> times = new ArrayList<>();
    List<double[]> samples = new ArrayList<>();
    if (sample) {
      for (long t = 0; t <= horizon; t += scenario.sampleMillis()) {
        long at = t;
        sim.scheduleAt(at, () -> {
          double[] row = new double[4];
          driver.sample(row);
          times.add(new long[] {at});
          samples.add(row);
        });
      }
    }
    sim.runUntil(horizon);
    PlatformMetrics m = driver.platform().metrics();
    Map<Figure, Double> f = PlatformDriver.figures();
    f.put(Figure.MACHINES, m.averageMachines());
    f.put(Figure.PEAK_MACHINES, (double) m.peakMachines());
    f.put(Figure.COST_PER_HOUR, m.costUsd() / (horizon / 3_600_000.0));
    f.put(Figure.CPU_ALLOCATION, m.cpuAllocation());
    f.put(Figure.MEMORY_ALLOCATION, m.memoryAllocation());
    f.put(Figure.CPU_USAGE, m.cpuUsage());
    f.put(Figure.MEMORY_USAGE, m.memoryUsage());
    driver.extraFigures(m, f);
    PlatformDriver.identityFigures(driver.platform().identityMetrics(), f);
    rolloutFigures(m.rollouts(), horizon, f);
    if (m.instanceDeployMillis().count() > 0) {
      f.put(Figure.INSTANCE_DEPLOY_P50, m.instanceDeployMillis().median() / 1000.0);
      f.put(Figure.INSTANCE_DEPLOY_P95, m.instanceDeployMillis().p95() / 1000.0);
    }
    if (!recoveries.isEmpty() || hasFailure(scenario)) {
      long worst = 0;
      for (long r : recoveries) {
        worst = Math.max(worst, r);
      }
      f.put(Figure.RECOVERY_SECONDS, worst / 1000.0);
    }
    scenario.loadSpike().ifPresent(spike -> f.put(Figure.SCALE_OUT_SECONDS,
        scaleOutMillis(scenario, side, spike, streams) / 1000.0));
    TimeSeries series = TimeSeries.empty();
    if (sample) {
      int n = samples.size();
      long[] t = new long[n];
      double[][] cols = new double[4][n];
      for (int i = 0; i < n; i++) {
        t[i] = times.get(i)[0];
        for (int c = 0; c < 4; c++) {
          cols[c][i] = samples.get(i)[c];
        }
      }
      series = new TimeSeries(t, cols[0], cols[1], cols[2], cols[3]);
    }
    return new Replication(f, series, m.rollouts(), m);
  }

  private static boolean hasFailure(Scenario s) {
    for (TimelineEvent e : s.timeline()) {
      if (e instanceof MachineFailure) {
        return true;
      }
    }
    return false;
  }

  private static void handle(PlatformDriver driver, TimelineEvent e, long horizon, List<Long> recoveries) {
    if (e instanceof ApplyRelease r) {
      driver.platform().apply(r.release());
    } else if (e instanceof LoadChange l) {
      driver.setLoad(l.service(), l.factor());
    } else if (e instanceof ZoneOutage z) {
      driver.zoneOutage(z.zone());
    } else if (e instanceof MachineFailure mf) {
      driver.platform().inject(Failure.machineCrash(mf.service(), mf.count()));
      long failedAt = driver.sim.now();
      pollRecovery(driver, mf.service(), failedAt, horizon, recoveries);
    }
  }

  private static void pollRecovery(PlatformDriver d, String service, long failedAt, long horizon, List<Long> out) {
    long next = d.sim.now() + POLL_MILLIS;
    if (next > horizon) {
      out.add(horizon - failedAt); // never recovered within the horizon: censored
      return;
    }
    d.sim.scheduleAt(next, () -> {
      if (d.recovered(service, failedAt)) {
        out.add(d.sim.now() - failedAt);
      } else {
        pollRecovery(d, service, failedAt, horizon, out);
      }
    });
  }

  /** p50/p95/max per release kind and overall, unfinished count, unavailability. */
  static void rolloutFigures(List<RolloutRecord> rollouts, long horizon, Map<Figure, Double> f) {
    List<Long> app = new ArrayList<>();
    List<Long> image = new ArrayList<>();
    List<Long> all = new ArrayList<>();
    int unfinished = 0;
    long outOfService = 0;
    int maxOut = 0;
    for (RolloutRecord r : rollouts) {
      long d;
      if (r.endMillis() < 0) {
        unfinished++;
        d = horizon - r.startMillis();
      } else {
        d = r.durationMillis();
      }
      (r.release().kind() == Release.Kind.APP ? app : image).add(d);
      all.add(d);
      outOfService += r.outOfServiceMillis();
      maxOut = Math.max(maxOut, r.maxOutOfService());
    }
    if (!app.isEmpty()) {
      DurationSummary s = DurationSummary.of(toArray(app));
      f.put(Figure.APP_ROLLOUT_P50, s.median() / 1000.0);
      f.put(Figure.APP_ROLLOUT_P95, s.p95() / 1000.0);
      f.put(Figure.APP_ROLLOUT_MAX, s.max() / 1000.0);
    }
    if (!image.isEmpty()) {
      DurationSummary s = DurationSummary.of(toArray(image));
      f.put(Figure.IMAGE_ROLLOUT_P50, s.median() / 1000.0);
      f.put(Figure.IMAGE_ROLLOUT_P95, s.p95() / 1000.0);
      f.put(Figure.IMAGE_ROLLOUT_MAX, s.max() / 1000.0);
    }
    DurationSummary s = DurationSummary.of(toArray(all));
    f.put(Figure.ROLLOUT_P50, s.median() / 1000.0);
    f.put(Figure.ROLLOUT_P95, s.p95() / 1000.0);
    f.put(Figure.ROLLOUT_MAX, s.max() / 1000.0);
    f.put(Figure.UNFINISHED_ROLLOUTS, (double) unfinished);
    f.put(Figure.UNAVAILABLE_INSTANCE_HOURS, outOfService / 3_600_000.0);
    f.put(Figure.MAX_UNAVAILABLE, (double) maxOut);
  }

  private static long[] toArray(List<Long> l) {
    long[] a = new long[l.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = l.get(i);
    }
    return a;
  }

  /**
   * The HPA's tolerance: no scaling while usage ÷ target is within 10% of 1 (k/k
   * {@code pkg/controller/podautoscaler/config/v1alpha1/defaults.go}, v1.31).
   */
  static final double TOLERANCE = 0.1;

  /**
   * Instances needed at the spike for CPU usage ÷ request at the target: ceil(n·f·u ÷ (t·r)); n
   * (no scale-out needed) when that ratio f·u ÷ (t·r) is within {@link #TOLERANCE} of 1 or below,
   * where an HPA would not act.
   */
  static int neededAtSpike(Service s, double factor, double target) {
    double r = s.request().milliCpu();
    if (r == 0) {
      return s.instances();
    }
    double ratio = factor * s.usage().milliCpu() / (target * r);
    if (ratio <= 1 + TOLERANCE) {
      return s.instances();
    }
    return (int) Math.ceil(s.instances() * ratio - 1e-9);
  }

  /** The scale-out measurement described in the type's Javadoc, in milliseconds (0 if none is needed). */
  static long scaleOutMillis(Scenario scenario, Side side, LoadChange spike, RandomStreams streams) {
    Service s = scenario.workload().service(spike.service());
    int need = neededAtSpike(s, spike.factor(), scenario.scaleOutTarget());
    if (need <= s.instances()) {
      return 0;
    }
    Simulation sim = new Simulation();
    Workload alone = Workload.of(s);
    RandomStreams own = RandomStreams.of(streams.masterSeed(), streams.replication());
    PlatformDriver d;
    if (side == Side.LESP) {
      LespConfig base = scenario.lesp();
      int pool = base.poolSize(s.instances());
      LespConfig c = PlatformDriver.Lesp.withAutoScaling(base, scenario.scaleOutTarget(), pool,
          Math.max(pool, 3 * Math.max(need, 1)));
      d = new PlatformDriver.Lesp(sim, own, c, alone, scenario.kusp().zones());
      d.platform().deploy(s);
    } else {
      KuspConfig c = Scenario.sized(withoutAutoscaler(scenario.kusp()), alone);
      PlatformDriver.Kusp k = new PlatformDriver.Kusp(sim, own, c, alone, scenario.lesp().identity());
      int target = (int) Math.max(1, Math.round(100 * scenario.scaleOutTarget()));
      k.deploy(s, DeploymentSpec.builder()
          .autoscaling(PodAutoscaling.cpu(s.instances(), Math.max(s.instances(), 3 * Math.max(need, 1)), target))
          .build());
      d = k;
    }
    long[] reached = {-1};
    PlatformDriver driver = d;
    sim.scheduleAt(SCALE_OUT_WARMUP_MILLIS, () -> {
      driver.setLoad(s.name(), spike.factor());
      pollScaleOut(driver, s.name(), need, reached);
    });
    sim.runUntil(SCALE_OUT_WARMUP_MILLIS + SCALE_OUT_CAP_MILLIS);
    return reached[0] < 0 ? SCALE_OUT_CAP_MILLIS : reached[0] - SCALE_OUT_WARMUP_MILLIS;
  }

  private static void pollScaleOut(PlatformDriver d, String service, int need, long[] reached) {
    if (d.inService(service) >= need) {
      reached[0] = d.sim.now();
      return;
    }
    d.sim.schedule(POLL_MILLIS, () -> pollScaleOut(d, service, need, reached));
  }

  private static KuspConfig withoutAutoscaler(KuspConfig c) {
    return new KuspConfig(c.nodeType(), c.initialNodes(), c.zones(), c.kubeReserved(), c.systemReserved(),
        c.evictionHardMemoryMib(), c.daemonSets(), c.nodeProvisioning(), c.nodeBandwidthBytesPerSecond(),
        c.registryBandwidthBytesPerSecond(), c.maxParallelImagePulls(), c.preloadedImages(), c.schedulerProfile(),
        c.nodeSampling(), c.schedulingLatency(), c.controllerLatencyMillis(), c.nodeMonitorGracePeriodMillis(),
        c.nodeStatusUpdateMillis(), c.notReadyTolerationMillis(), c.terminationGracePeriodMillis(),
        c.crashLoopBackOff(), null, c.identity());
  }
}
