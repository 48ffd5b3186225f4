package io.platformsim.core.experiment;

import io.platformsim.core.engine.Estimate;
import io.platformsim.core.engine.Observation;
import io.platformsim.core.engine.ObservationModel;
import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.ReplicationResult;
import io.platformsim.core.engine.Replications;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.experiment.TimelineEvent.ApplyRelease;
import io.platformsim.core.experiment.TimelineEvent.FollowLoad;
import io.platformsim.core.experiment.TimelineEvent.LoadChange;
import io.platformsim.core.experiment.TimelineEvent.MachineFailure;
import io.platformsim.core.experiment.TimelineEvent.ZoneOutage;
import io.platformsim.core.platform.CommonStreams;
import io.platformsim.core.platform.Demand;
import io.platformsim.core.platform.Failure;
import io.platformsim.core.platform.HostFailures;
import io.platformsim.core.platform.Platform;
import io.platformsim.core.platform.PlatformMetrics;
import io.platformsim.core.platform.PlatformSample;
import io.platformsim.core.platform.Pricing;
import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.platform.StrandedCapacity;
import io.platformsim.core.workload.LoadCurve;
import io.platformsim.core.workload.Service;
import io.platformsim.core.workload.Workload;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a {@link Scenario} on every platform of a {@link PlatformRegistry} (LeSP and KuSP by
 * default) and returns one {@link ComparisonResult}. It drives each platform only through the
 * {@link Platform} contract, so a newly registered platform needs no change here.
 *
 * <h2>What one replication does, per platform</h2>
 *
 * <ol>
 *   <li>A fresh {@link Simulation} and a fresh platform drawing from {@code RandomStreams.of(seed,
 *       replication)}: all platforms of a replication get streams derived from the same seed and
 *       index, so any stream they ask for by the same name (common random numbers) gives them the
 *       same draws, and replication {@code i} is the same whatever thread runs it. The phenomena
 *       every platform has (which instance an injected crash hits, spot interruptions) come from
 *       those shared streams through {@link io.platformsim.core.platform.CommonStreams}.
 *   <li>Every service is deployed at time 0; each timeline event is scheduled at its time: releases
 *       through {@code Platform.apply}, load changes through {@code Platform.setLoad}, a load curve
 *       ({@link TimelineEvent.FollowLoad}, e.g. a diurnal one) through {@code Platform.setLoad} at
 *       each of its steps, machine failures and zone outages (see {@link TimelineEvent.ZoneOutage})
 *       through {@code Platform.inject}. Whatever autoscaling the scenario configures acts in this
 *       run: KuSP's HorizontalPodAutoscaler of each service that has one ({@code
 *       services[].deployment.hpa}) and its cluster autoscaler, LeSP's target tracking of each pool
 *       that has it ({@code lesp.autoScaling}, {@code lesp.serviceAutoScaling}); so a spike or a
 *       curve moves machines and cost on both platforms.
 *   <li><b>Host failures</b> (if the scenario has {@link Scenario#hostFailures()}): drawn before
 *       the run from the shared stream of {@link CommonStreams#hostFailures} (the same times and
 *       instance ranks for every platform, whatever its state) and injected at their times as
 *       one-host {@link Failure#machineCrashAtRanks} with the drawn rank; their recovery is
 *       measured as a timeline failure's (below). One that finds no host of its service up (all its
 *       instances down or not yet placed) hits nothing and is not counted in {@link
 *       Figure#HOST_FAILURES}.
 *   <li>The simulation runs to the horizon; the figures come from the platform's own {@link
 *       PlatformMetrics} (machines, cost, time-weighted allocation and usage, rollouts) plus {@code
 *       Platform.stranded()} and {@code Platform.identityMetrics()}; cost by purchase kind and spot
 *       interruptions only when the scenario's {@link Pricing} buys something other than on-demand.
 *   <li><b>Recovery</b>: after each failure the service is polled every second until it is back at
 *       full strength by the platform's {@code Platform.recovered} (LeSP: in-service machines =
 *       pool size; KuSP: the crashed node's pods evicted and available pods = replicas); a failure
 *       not recovered by the horizon makes the figure censored, with the time to the horizon as its
 *       lower bound.
 *   <li><b>Scale-out</b> (if the timeline has a load spike, the first load change above 1), in the
 *       same run: from the spike's start the spiked service is polled every second until its
 *       in-service instances reach the need {@code ceil(n × factor × usage ÷ (target × request))}
 *       (CPU; {@link #neededAtSpike}), where {@code target} is the platform's own autoscaler target
 *       for the service ({@code Platform.scalingTarget}); 0 when the spike stays within the HPA's
 *       10% tolerance of the target and the service is at full strength; a need not reached while
 *       the spike lasts (until the service's next load change or curve, else the horizon) is
 *       censored at the spike's length. A platform on which the service does not autoscale reports
 *       no figure.
 *   <li><b>Censoring</b> ({@link Observation}): a figure whose event had not happened by the
 *       horizon is reported as censored with its lower bound, never as a value: a failure not
 *       recovered from (bound: time to the horizon), a scale-out not reached while the spike lasted
 *       (bound: the spike's length), a rollout percentile an unfinished rollout may hold (bound:
 *       its time so far). A figure with nothing to measure (no instance deployed, no failure before
 *       the horizon) is absent from that replication; replications may differ.
 * </ol>
 *
 * Replications run in parallel on all processors ({@link Replications}); each figure's {@link
 * Estimate} is the mean with a 95% Student-t interval. A rollout still running at the horizon
 * counts with its time so far (a lower bound, censoring the percentiles it may hold; {@link
 * RolloutFigures}) and is counted in {@link Figure#UNFINISHED_ROLLOUTS}.
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

  /** Told when a replication finishes; called from the replication threads. */
  @FunctionalInterface
  public interface Progress {
    /** No progress reporting. */
    Progress NONE = (done, total) -> {};

    /** {@code done} of {@code total} replications (all platforms) have finished. */
    void replicationDone(int done, int total);
  }

  private Comparison() {}

  /** Runs {@code scenario} on the standard platforms ({@link PlatformRegistry#standard()}). */
  public static ComparisonResult run(Scenario scenario) {
    return run(scenario, PlatformRegistry.standard(), Progress.NONE);
  }

  /** Runs {@code scenario} on the standard platforms, reporting each finished replication. */
  public static ComparisonResult run(Scenario scenario, Progress progress) {
    return run(scenario, PlatformRegistry.standard(), progress);
  }

  /** Runs {@code scenario} on every platform of {@code platforms}. */
  public static ComparisonResult run(Scenario scenario, PlatformRegistry platforms) {
    return run(scenario, platforms, Progress.NONE);
  }

  /**
   * Runs {@code scenario} on every platform of {@code platforms}, in its order, reporting each
   * finished replication; replications on all processors.
   *
   * @throws IllegalArgumentException if the registry is empty
   */
  public static ComparisonResult run(
      Scenario scenario, PlatformRegistry platforms, Progress progress) {
    return run(scenario, platforms, progress, Runtime.getRuntime().availableProcessors());
  }

  /**
   * As {@link #run(Scenario, PlatformRegistry, Progress)} on up to {@code threads} threads; the
   * result is the same for any thread count.
   *
   * @throws IllegalArgumentException if the registry is empty or {@code threads < 1}
   */
  public static ComparisonResult run(
      Scenario scenario, PlatformRegistry platforms, Progress progress, int threads) {
    return execute(scenario, platforms, progress, null, threads);
  }

  /**
   * Runs {@code scenario} on the standard platforms, adding replications until {@code precision} is
   * met or its cap is reached ({@link ComparisonResult#precision()} tells which); the scenario's
   * own replication count is ignored.
   */
  public static ComparisonResult run(Scenario scenario, Precision precision) {
    return run(
        scenario,
        PlatformRegistry.standard(),
        Progress.NONE,
        precision,
        Runtime.getRuntime().availableProcessors());
  }

  /**
   * Runs {@code scenario} on every platform of {@code platforms} under the stopping rule {@code
   * precision}, in batches of {@code threads} replications on {@code threads} threads; the result
   * depends neither on the thread count nor on the batch size ({@link Replications#observeUntil}).
   * {@code progress} is told of every replication run, out of the cap.
   *
   * @throws IllegalArgumentException if the registry is empty or {@code threads < 1}
   */
  public static ComparisonResult run(
      Scenario scenario,
      PlatformRegistry platforms,
      Progress progress,
      Precision precision,
      int threads) {
    if (precision == null) {
      throw new IllegalArgumentException("precision must not be null");
    }
    return execute(scenario, platforms, progress, precision, threads);
  }

  private static ComparisonResult execute(
      Scenario scenario,
      PlatformRegistry platforms,
      Progress progress,
      Precision precision,
      int threads) {
    List<String> names = platforms.names();
    if (names.isEmpty()) {
      throw new IllegalArgumentException(
          "a comparison needs at least one platform, the registry is empty");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    Map<String, AtomicReference<Replication>> first = new LinkedHashMap<>();
    for (String name : names) {
      first.put(name, new AtomicReference<>());
    }
    AtomicInteger done = new AtomicInteger();
    int total = precision == null ? scenario.replications() : precision.cap();
    ObservationModel model =
        streams -> {
          Map<String, Observation> figures = new LinkedHashMap<>();
          for (String name : names) {
            RandomStreams own = RandomStreams.of(streams.masterSeed(), streams.replication());
            Replication r =
                runReplication(scenario, platforms.factory(name), own, streams.replication() == 0);
            if (streams.replication() == 0) {
              first.get(name).set(r);
            }
            for (Map.Entry<Figure, Double> e : r.figures.entrySet()) {
              figures.put(
                  name + "." + e.getKey().name(),
                  r.censored.contains(e.getKey())
                      ? Observation.censored(e.getValue())
                      : Observation.observed(e.getValue()));
            }
          }
          progress.replicationDone(done.incrementAndGet(), total);
          return figures;
        };
    ReplicationResult result;
    if (precision == null) {
      result = Replications.observe(scenario.seed(), total, threads, model);
    } else {
      result =
          Replications.observeUntil(
              scenario.seed(),
              precision.minimum(),
              precision.cap(),
              threads,
              threads,
              model,
              prefix -> precision.unmet(platformResults(names, prefix, first)).isEmpty());
    }
    List<PlatformResult> out = platformResults(names, result, first);
    Precision.Outcome outcome = null;
    if (precision != null) {
      List<String> unmet = precision.unmet(out);
      outcome = new Precision.Outcome(precision, !unmet.isEmpty(), unmet);
    }
    return new ComparisonResult(
        scenario.name(),
        scenario.seed(),
        result.count(),
        scenario.horizonMillis(),
        out,
        Optional.ofNullable(outcome));
  }

  /** Each platform's estimates and per-replication observations, replication 0's series. */
  private static List<PlatformResult> platformResults(
      List<String> names,
      ReplicationResult result,
      Map<String, AtomicReference<Replication>> first) {
    List<PlatformResult> out = new ArrayList<>();
    for (String name : names) {
      Map<Figure, Estimate> estimates = new EnumMap<>(Figure.class);
      Map<Figure, List<Observation>> values = new EnumMap<>(Figure.class);
      for (Figure f : Figure.values()) {
        String key = name + "." + f.name();
        if (result.observations().get(0).containsKey(key)) {
          Estimate e = result.estimate(key);
          estimates.put(
              f,
              new Estimate(
                  f.key(), e.n(), e.mean(), e.stdDev(), e.halfWidth(), e.censored(), e.absent()));
          List<Observation> column = new ArrayList<>(result.count());
          for (Map<String, Observation> rep : result.observations()) {
            column.add(rep.get(key));
          }
          values.put(f, column);
        }
      }
      Replication r0 = first.get(name).get();
      out.add(new PlatformResult(name, r0.label, estimates, r0.series, r0.rollouts, values));
    }
    return out;
  }

  /**
   * What one platform recorded in one replication; {@code label} is its {@code Platform.name()}.
   */
  record Replication(
      String label,
      Map<Figure, Double> figures,
      TimeSeries series,
      List<RolloutRecord> rollouts,
      PlatformMetrics metrics,
      Set<Figure> censored) {}

  /**
   * One platform on one simulation, and the load factors the timeline set on it (what a {@link
   * Platform#sample} needs besides the platform's own state).
   */
  private static final class Run {
    final Simulation sim;
    final Platform platform;
    final Workload workload;
    final Map<String, Double> loads = new HashMap<>();

    Run(Simulation sim, Platform platform, Workload workload) {
      this.sim = sim;
      this.platform = platform;
      this.workload = workload;
    }

    void setLoad(String service, double factor) {
      loads.put(service, factor);
      platform.setLoad(service, factor);
    }

    PlatformSample sample() {
      return platform.sample(new Demand(workload, loads));
    }

    /** The factor {@code curve} holds now at once, each later step at its time. */
    void followLoad(String service, LoadCurve curve) {
      long now = sim.now();
      setLoad(service, curve.factorAt(now));
      for (LoadCurve.Step step : curve.steps()) {
        if (step.atMillis() > now) {
          sim.scheduleAt(step.atMillis(), () -> setLoad(service, step.factor()));
        }
      }
    }
  }

  /**
   * Runs one replication of {@code scenario} on the platform {@code factory} makes, with {@code
   * streams}; records the time series if {@code sample}. Package-private so tests can compare with
   * a direct run.
   */
  static Replication runReplication(
      Scenario scenario, PlatformFactory factory, RandomStreams streams, boolean sample) {
    long horizon = scenario.horizonMillis();
    // Drawn before the platform exists, from a stream no platform draws from: the same list for
    // every platform of the replication (common random numbers), whatever happens in the run.
    List<HostFailures.Crash> hostFailures =
        new CommonStreams(streams::stream)
            .hostFailures(scenario.hostFailures(), scenario.workload().services(), horizon);
    // What this platform runs (a variant may change the requests): host failures above stay drawn
    // from the scenario as given, so every platform sees the same list.
    Scenario own = factory.adapt(scenario);
    Simulation sim = new Simulation();
    Run run = new Run(sim, factory.create(own, sim, streams), own.workload());
    for (Service s : own.workload().services()) {
      run.platform.deploy(s);
    }
    List<Long> recoveries = new ArrayList<>();
    Set<Figure> censored = EnumSet.noneOf(Figure.class);
    for (TimelineEvent e : scenario.timeline()) {
      sim.scheduleAt(e.atMillis(), () -> handle(run, e, horizon, recoveries, censored));
    }
    int[] hostFailuresHit = {0};
    for (HostFailures.Crash c : hostFailures) {
      sim.scheduleAt(
          c.atMillis(), () -> hostFailure(run, c, horizon, recoveries, censored, hostFailuresHit));
    }
    long[] scaleOut = {-1};
    Optional<LoadChange> spike = scenario.loadSpike();
    OptionalDouble target =
        spike.isPresent()
            ? run.platform.scalingTarget(spike.get().service())
            : OptionalDouble.empty();
    if (target.isPresent()) {
      LoadChange l = spike.get();
      int need =
          neededAtSpike(own.workload().service(l.service()), l.factor(), target.getAsDouble());
      long end = spikeEnd(scenario, l);
      sim.scheduleAt(
          l.atMillis(), () -> pollScaleOut(run, l.service(), need, l.atMillis(), end, scaleOut));
    }
    List<Long> times = new ArrayList<>();
    List<PlatformSample> samples = new ArrayList<>();
    if (sample) {
      for (long t = 0; t <= horizon; t += scenario.sampleMillis()) {
        long at = t;
        sim.scheduleAt(
            at,
            () -> {
              times.add(at);
              samples.add(run.sample());
            });
      }
    }
    sim.runUntil(horizon);
    PlatformMetrics m = run.platform.metrics();
    Map<Figure, Double> f = new EnumMap<>(Figure.class);
    f.put(Figure.MACHINES, m.averageMachines());
    f.put(Figure.PEAK_MACHINES, (double) m.peakMachines());
    f.put(Figure.COST_PER_HOUR, m.costUsd() / (horizon / 3_600_000.0));
    PlatformFigures.cost(scenario.pricing(), m, horizon, f);
    f.put(Figure.CPU_ALLOCATION, m.cpuAllocation());
    f.put(Figure.MEMORY_ALLOCATION, m.memoryAllocation());
    f.put(Figure.CPU_USAGE, m.cpuUsage());
    f.put(Figure.MEMORY_USAGE, m.memoryUsage());
    StrandedCapacity stranded = run.platform.stranded();
    f.put(Figure.STRANDED_CPU, stranded.cpu());
    f.put(Figure.STRANDED_MEMORY, stranded.memory());
    PlatformFigures.identity(run.platform.identityMetrics(), f);
    RolloutFigures.put(m.rollouts(), horizon, f, censored);
    if (m.instanceDeployMillis().count() > 0) {
      f.put(Figure.INSTANCE_DEPLOY_P50, m.instanceDeployMillis().median() / 1000.0);
      f.put(Figure.INSTANCE_DEPLOY_P95, m.instanceDeployMillis().p95() / 1000.0);
    }
    if (scenario.hostFailures().on()) {
      f.put(Figure.HOST_FAILURES, (double) hostFailuresHit[0]);
    }
    // No failure before the horizon: nothing to recover from, the figure is absent (not 0).
    if (!recoveries.isEmpty()) {
      long worst = 0;
      for (long r : recoveries) {
        worst = Math.max(worst, r);
      }
      f.put(Figure.RECOVERY_SECONDS, worst / 1000.0);
    }
    if (target.isPresent()) {
      // Not reached while the spike lasted: censored at its end, as a recovery is at the horizon.
      long start = spike.get().atMillis();
      long ms = scaleOut[0] >= 0 ? scaleOut[0] : spikeEnd(scenario, spike.get()) - start;
      f.put(Figure.SCALE_OUT_SECONDS, ms / 1000.0);
      if (scaleOut[0] < 0) {
        censored.add(Figure.SCALE_OUT_SECONDS);
      }
    }
    TimeSeries series = sample ? TimeSeries.of(times, samples) : TimeSeries.empty();
    return new Replication(run.platform.name(), f, series, m.rollouts(), m, censored);
  }

  private static void handle(
      Run run, TimelineEvent e, long horizon, List<Long> recoveries, Set<Figure> censored) {
    if (e instanceof ApplyRelease r) {
      run.platform.apply(r.release());
    } else if (e instanceof LoadChange l) {
      run.setLoad(l.service(), l.factor());
    } else if (e instanceof FollowLoad c) {
      run.followLoad(c.service(), c.curve());
    } else if (e instanceof ZoneOutage z) {
      run.platform.inject(Failure.zoneOutage(z.zone()));
    } else if (e instanceof MachineFailure mf) {
      run.platform.inject(Failure.machineCrash(mf.service(), mf.count()));
      long failedAt = run.sim.now();
      pollRecovery(run, mf.service(), failedAt, horizon, recoveries, censored);
    }
  }

  /**
   * Injects the drawn host failure {@code c} with its shared rank and measures the recovery as for
   * a timeline failure. A platform refuses a crash when no host of the service is up (every
   * instance already down or not yet placed): then the failure hits nothing, is not counted and has
   * nothing to recover from.
   */
  private static void hostFailure(
      Run run,
      HostFailures.Crash c,
      long horizon,
      List<Long> recoveries,
      Set<Figure> censored,
      int[] hit) {
    try {
      run.platform.inject(Failure.machineCrashAtRanks(c.service(), List.of(c.rank())));
    } catch (IllegalArgumentException noHostUp) {
      // The platform found no host of the service up to fail (LeSP: no machine in service; KuSP:
      // no responsive node with a live pod of it): the failure hits nothing.
      return;
    }
    hit[0]++;
    pollRecovery(run, c.service(), run.sim.now(), horizon, recoveries, censored);
  }

  private static void pollRecovery(
      Run run, String service, long failedAt, long horizon, List<Long> out, Set<Figure> censored) {
    long next = run.sim.now() + POLL_MILLIS;
    if (next > horizon) {
      // Never recovered within the horizon: the time to the horizon is a lower bound, and the
      // worst recovery (the figure) is at least that, so the figure is censored.
      out.add(horizon - failedAt);
      censored.add(Figure.RECOVERY_SECONDS);
      return;
    }
    run.sim.scheduleAt(
        next,
        () -> {
          if (run.platform.recovered(service, failedAt)) {
            out.add(run.sim.now() - failedAt);
          } else {
            pollRecovery(run, service, failedAt, horizon, out, censored);
          }
        });
  }

  /** {@link RolloutFigures#put} without collecting which figures are censored. */
  static void rolloutFigures(List<RolloutRecord> rollouts, long horizon, Map<Figure, Double> f) {
    RolloutFigures.put(rollouts, horizon, f, EnumSet.noneOf(Figure.class));
  }

  /**
   * The HPA's tolerance: no scaling while usage ÷ target is within 10% of 1 (k/k {@code
   * pkg/controller/podautoscaler/config/v1alpha1/defaults.go}, v1.31).
   */
  static final double TOLERANCE = 0.1;

  /**
   * Instances needed at the spike for CPU usage ÷ request at the target: ceil(n·f·u ÷ (t·r)); n (no
   * scale-out needed) when that ratio f·u ÷ (t·r) is within {@link #TOLERANCE} of 1 or below, where
   * an HPA would not act.
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

  /**
   * When {@code spike} ends: the time of the next timeline event that sets its service's load again
   * (a load change or a load curve), else the horizon.
   */
  static long spikeEnd(Scenario scenario, LoadChange spike) {
    List<TimelineEvent> events = scenario.timeline();
    for (int i = events.indexOf(spike) + 1; i < events.size(); i++) {
      TimelineEvent e = events.get(i);
      if ((e instanceof LoadChange || e instanceof FollowLoad)
          && spike.service().equals(Scenario.serviceOf(e))) {
        return e.atMillis();
      }
    }
    return scenario.horizonMillis();
  }

  /**
   * Polls {@code service} now and every {@link #POLL_MILLIS} until {@code need} instances serve,
   * then stores the time since {@code startMillis} in {@code out[0]}; gives up after {@code
   * endMillis} (the spike is over), leaving {@code out[0]} unset.
   */
  private static void pollScaleOut(
      Run run, String service, int need, long startMillis, long endMillis, long[] out) {
    if (run.platform.inService(service) >= need) {
      out[0] = run.sim.now() - startMillis;
      return;
    }
    long next = run.sim.now() + POLL_MILLIS;
    if (next <= endMillis) {
      run.sim.scheduleAt(next, () -> pollScaleOut(run, service, need, startMillis, endMillis, out));
    }
  }
}
