package io.platformsim.core.experiment.migration;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.experiment.AddressOverlap;
import io.platformsim.core.experiment.PartialFleet;
import io.platformsim.core.experiment.PlatformFactory;
import io.platformsim.core.experiment.PlatformRegistry;
import io.platformsim.core.experiment.Scenario;
import io.platformsim.core.platform.Demand;
import io.platformsim.core.platform.Platform;
import io.platformsim.core.platform.PlatformMetrics;
import io.platformsim.core.platform.PlatformSample;
import io.platformsim.core.workload.Service;
import io.platformsim.core.workload.Workload;
import io.platformsim.identity.IdentityMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates a {@link MigrationState} in steady state for one replication: both platforms in one
 * {@link Simulation}, each service deployed on the side(s) it is on, its load split by its KuSP
 * share, run for a warm-up and measured over a window. The figures ({@link SteadyFigures}) hold for
 * every stretch of migration time spent in that state, so months of quiet time cost no events.
 *
 * <h2>What one evaluation does</h2>
 *
 * <ol>
 *   <li>A fresh {@code Simulation} and fresh {@code RandomStreams.of(seed, replication)}: every
 *       state of a replication starts from the same draws (common random numbers between states),
 *       so a result does not depend on which states were evaluated before it, and the cache below
 *       changes nothing but the time taken.
 *   <li>The LeSP and KuSP platforms from {@link PlatformRegistry#standard()} ({@code "lesp"},
 *       {@code "kusp"}) on that simulation, under the scenario's pricing. A side no service is on
 *       is not created: it has no machine and costs nothing. The KuSP cluster is sized for the
 *       services on it ({@link PartialFleet#kuspFor}): the whole scenario's cluster when every
 *       service is there, so the migration's end state is {@code compare}'s KuSP run.
 *   <li>A service on {@link Side#LESP} is deployed on LeSP only, one on {@link Side#KUSP} on KuSP
 *       only, one in {@link Side#DUAL} on both; each side's load factor is its share of the traffic
 *       ({@code Platform.setLoad(service, 1 − share)} on LeSP, {@code setLoad(service, share)} on
 *       KuSP), so each side's autoscaling (LeSP target tracking, KuSP HPA and cluster autoscaler)
 *       follows its share. A dual service at share 0 still runs its KuSP pods (a standing
 *       Deployment with no traffic) and one at share 1 still runs its LeSP pool (the bake).
 *   <li>The simulation runs for the warm-up ({@link #WARM_UP}: boots, scheduling, HPA and cluster
 *       autoscaler scale-downs, which take the 5 min HPA stabilization plus the 10 min unneeded
 *       time of the cluster autoscaler) and then the window ({@link #WINDOW}), sampled every {@link
 *       #SAMPLE}. Figures are deltas over the window: spend ÷ window, time-weighted machines from
 *       the platforms' own averages, allocation as the mean of the samples.
 *   <li><b>Not replayed</b>: none of the scenario's timeline events (releases, load changes and
 *       curves, machine failures, zone outages) and no host failures: a snapshot is the steady
 *       state between such events, at nominal load split by the shares.
 * </ol>
 *
 * <p>Certificates per day: what the window issues (new instances, autoscaling churn) scaled to 24
 * h, plus the renewals each side's credential holders need under its rotation policy ({@link
 * PartialFleet#lespRenewalsPerHour}): renewals come every 12 h (KuSP's 24 h pod certificate renewed
 * at half) or 60 days (LeSP's machine certificate), which no window of an hour sees.
 *
 * <p>Mutable: one instance per replication caches the figures of each state it has evaluated (equal
 * states, equal figures); not thread-safe, like the replication's {@code RandomStreams}.
 */
public final class SteadyState {

  /**
   * Simulated time before the window. Boots and the first placements finish within minutes; after a
   * share change the HPA's 5 min downscale stabilization (k/k {@code
   * pkg/controller/podautoscaler/config/v1alpha1/defaults.go}) and then the cluster autoscaler's 10
   * min unneeded time ({@code --scale-down-unneeded-time}, kubernetes/autoscaler FAQ) must pass
   * before nodes go: 30 min covers both. Measured: the 12-month table of the built-in scenario
   * under the default plan (8 replications) is the same to the cent with 30 + 15 min as with 45 +
   * 30 min.
   */
  public static final Duration WARM_UP = Duration.ofMinutes(30);

  /** Simulated time measured after the warm-up. */
  public static final Duration WINDOW = Duration.ofMinutes(15);

  /** Time between samples of machines and allocation in the window. */
  public static final Duration SAMPLE = Duration.ofMinutes(5);

  private final Scenario scenario;
  private final long seed;
  private final int replication;
  private final PlatformRegistry platforms = PlatformRegistry.standard();
  private final Map<MigrationState, SteadyFigures> cache = new HashMap<>();

  /**
   * Evaluates states of {@code scenario} for replication {@code replication} under {@code seed}.
   */
  public SteadyState(Scenario scenario, long seed, int replication) {
    if (scenario == null) {
      throw new IllegalArgumentException("scenario must not be null");
    }
    this.scenario = scenario;
    this.seed = seed;
    this.replication = replication;
    RandomStreams.of(seed, replication); // validates the index now
  }

  /** Evaluates states of {@code scenario} with the seed and replication of {@code streams}. */
  public SteadyState(Scenario scenario, RandomStreams streams) {
    this(scenario, streams.masterSeed(), streams.replication());
  }

  /** How many distinct states have been evaluated (simulated) so far. */
  public int evaluated() {
    return cache.size();
  }

  /**
   * The steady-state figures of {@code state}, simulated on first request and cached.
   *
   * @throws IllegalArgumentException if the state names a service the scenario lacks or misses one
   */
  public SteadyFigures of(MigrationState state) {
    SteadyFigures f = cache.get(state);
    if (f == null) {
      f = evaluate(state);
      cache.put(state, f);
    }
    return f;
  }

  private SteadyFigures evaluate(MigrationState state) {
    if (!state.services().keySet().equals(names(scenario.workload()))) {
      throw new IllegalArgumentException(
          "state services "
              + state.services().keySet()
              + " must be the scenario's "
              + names(scenario.workload()));
    }
    Map<String, Double> lespLoads = new LinkedHashMap<>();
    Map<String, Double> kuspLoads = new LinkedHashMap<>();
    // In the workload's order, as compare deploys them: the order services are deployed in
    // changes how KuSP packs its nodes.
    for (Service service : scenario.workload().services()) {
      ServiceState s = state.state(service.name());
      if (s.side() != Side.KUSP) {
        lespLoads.put(service.name(), 1 - s.kuspShare());
      }
      if (s.side() != Side.LESP) {
        kuspLoads.put(service.name(), s.kuspShare());
      }
    }
    Simulation sim = new Simulation();
    RandomStreams streams = RandomStreams.of(seed, replication);
    Run lesp =
        lespLoads.isEmpty()
            ? null
            : new Run(sim, scenario, platforms.factory("lesp"), lespLoads, streams);
    Run kusp =
        kuspLoads.isEmpty()
            ? null
            : new Run(
                sim,
                PartialFleet.kuspFor(scenario, kuspLoads.keySet()),
                platforms.factory("kusp"),
                kuspLoads,
                streams);
    long warm = WARM_UP.toMillis();
    long end = warm + WINDOW.toMillis();
    for (long t = warm; t <= end; t += SAMPLE.toMillis()) {
      sim.scheduleAt(
          t,
          () -> {
            if (lesp != null) {
              lesp.sample();
            }
            if (kusp != null) {
              kusp.sample();
            }
          });
    }
    sim.scheduleAt(
        warm,
        () -> {
          if (lesp != null) {
            lesp.mark();
          }
          if (kusp != null) {
            kusp.mark();
          }
        });
    sim.runUntil(end);
    double hours = WINDOW.toMillis() / 3_600_000.0;
    double certificates = 0;
    double principals = 0;
    double blast = 0;
    if (lesp != null) {
      IdentityMetrics id = lesp.platform.identityMetrics();
      certificates +=
          (id.certificates().issued() - lesp.certificatesAtMark) * 24 / hours
              + 24 * PartialFleet.lespRenewalsPerHour(scenario, id.credentialHolders());
      principals += id.principals();
      blast = Math.max(blast, id.blastRadius().maxOverHosts());
    }
    if (kusp != null) {
      IdentityMetrics id = kusp.platform.identityMetrics();
      certificates +=
          (id.certificates().issued() - kusp.certificatesAtMark) * 24 / hours
              + 24 * PartialFleet.kuspRenewalsPerHour(scenario, id.credentialHolders());
      principals += id.principals();
      blast = Math.max(blast, id.blastRadius().maxOverHosts());
    }
    AddressOverlap shared =
        PartialFleet.addressOverlap(
            lesp == null ? null : lesp.platform, kusp == null ? null : kusp.platform);
    return new SteadyFigures(
        lesp == null ? 0 : lesp.machines(),
        kusp == null ? 0 : kusp.machines(),
        lesp == null ? 0 : lesp.costPerHour(),
        kusp == null ? 0 : kusp.costPerHour(),
        lesp == null ? 0 : lesp.allocation(),
        kusp == null ? 0 : kusp.allocation(),
        certificates,
        principals,
        blast,
        shared.legacyUsed() + shared.podsUsed(),
        shared.exhausted() ? 1 : 0);
  }

  private static Set<String> names(Workload w) {
    Set<String> out = new TreeSet<>();
    for (Service s : w.services()) {
      out.add(s.name());
    }
    return out;
  }

  /** One platform side of a state: its platform, what is deployed on it and its window readings. */
  private static final class Run {
    final Simulation sim;
    final Platform platform;
    final Demand demand;
    final List<Double> allocations = new ArrayList<>();
    long markMillis;
    double costAtMark;
    double machineMillisAtMark;
    long certificatesAtMark;

    Run(
        Simulation sim,
        Scenario scenario,
        PlatformFactory factory,
        Map<String, Double> loads,
        RandomStreams streams) {
      this.sim = sim;
      this.platform = factory.create(scenario, sim, streams);
      List<Service> deployed = new ArrayList<>();
      for (Map.Entry<String, Double> e : loads.entrySet()) {
        Service s = scenario.workload().service(e.getKey());
        deployed.add(s);
        platform.deploy(s);
        platform.setLoad(s.name(), e.getValue());
      }
      this.demand = new Demand(Workload.of(deployed), loads);
    }

    void mark() {
      PlatformMetrics m = platform.metrics();
      markMillis = sim.now();
      costAtMark = m.costUsd();
      machineMillisAtMark = m.averageMachines() * m.atMillis();
      certificatesAtMark = platform.identityMetrics().certificates().issued();
    }

    void sample() {
      PlatformSample s = platform.sample(demand);
      allocations.add(s.cpuAllocation());
    }

    double costPerHour() {
      return (platform.metrics().costUsd() - costAtMark) / ((sim.now() - markMillis) / 3_600_000.0);
    }

    double machines() {
      PlatformMetrics m = platform.metrics();
      return (m.averageMachines() * m.atMillis() - machineMillisAtMark) / (sim.now() - markMillis);
    }

    double allocation() {
      double sum = 0;
      for (double a : allocations) {
        sum += a;
      }
      return allocations.isEmpty() ? 0 : sum / allocations.size();
    }
  }
}
