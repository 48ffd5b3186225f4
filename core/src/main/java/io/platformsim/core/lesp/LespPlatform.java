package io.platformsim.core.lesp;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.platform.CommonStreams;
import io.platformsim.core.platform.Demand;
import io.platformsim.core.platform.DurationSummary;
import io.platformsim.core.platform.Failure;
import io.platformsim.core.platform.Platform;
import io.platformsim.core.platform.PlatformMetrics;
import io.platformsim.core.platform.PlatformSample;
import io.platformsim.core.platform.Pricing;
import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.platform.StrandedCapacity;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Service;
import io.platformsim.identity.IdentityMetrics;
import io.platformsim.identity.ipam.Exhaustion;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The legacy service platform on one {@link Simulation}: one pool of machines per service, each
 * machine launched from a base image, converged by configuration management, deployed to and put
 * behind a load balancer; releases rolled out by the deploy system; failed machines replaced;
 * optional auto-scaling; everything time-stamped and measured.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>Every public method acts at {@code simulation.now()}; run the simulation to let what it
 *       started happen. With periodic converges, spontaneous crashes or auto-scaling configured,
 *       events recur forever: use {@code runUntil}, not {@code run}.
 *   <li>A new machine goes REQUESTED → PENDING → BOOTING → CONVERGING (first converge, on the
 *       machine itself, retried on failure) → DEPLOYING (fetch, extract, start, health check; no
 *       drain, it is not behind the load balancer yet) → IN_SERVICE. A boot failure or a converge
 *       that fails every attempt makes it FAILED → TERMINATED and, if the pool replaces failed
 *       machines, a like-for-like replacement is launched for whoever waited on it.
 *   <li>An app release rolls out with the configured {@link DeployStrategy} (or the one passed to
 *       {@link #apply(Release, DeployStrategy)}); a base-image release bakes a new image, then
 *       launches new machines in batches, each new batch fully in service before as many old
 *       machines drain and terminate. A batch with a failed health check rolls back. A release
 *       applied while another rollout runs on the same pool waits for it.
 *   <li>Identity ({@link LespIdentity}, {@link IdentityProvisioner}): a launch waits in REQUESTED
 *       while every subnet is full ({@link #addressExhaustions()}); the first converge waits for
 *       the machine's certificate. Read {@link #identityMetrics()}.
 *   <li>Randomness comes from named streams ({@code "lesp.boot"}, {@code "lesp.converge"}, ...) so
 *       the same seed gives the same timeline, and a fixed distribution draws nothing.
 * </ul>
 *
 * <p>A façade: the work is done by package-private components it wires on the one simulation,
 * {@link MachineLifecycle} (with {@link IdentityProvisioner}), {@link ConfigManagementRun}, {@link
 * DeploySystem} (one {@link Rollout} class per strategy), {@link TargetTracking} and {@link
 * MetricsRecorder}, sharing the per-service {@link ServicePool}s.
 *
 * <pre>{@code
 * var sim = new Simulation();
 * var lesp = new LespPlatform(sim, RandomStreams.of(42, 0), LespConfig.defaults());
 * lesp.deploy(Service.builder("zebra").instances(40).build());
 * sim.run();
 * lesp.apply(Release.app("zebra", "2"));
 * sim.run();
 * lesp.metrics();
 * }</pre>
 */
public final class LespPlatform implements Platform {

  private final Simulation sim;
  private final LespConfig config;
  private final Map<String, ServicePool> pools = new LinkedHashMap<>();
  // Services retired and not deployed again: inService 0, setLoad ignored (see retire).
  private final Set<String> retired = new HashSet<>();
  private final MachineLifecycle lifecycle;
  private final ConfigManagementRun configRuns;
  private final DeploySystem deploySystem;
  private final CommonStreams common;
  private final MetricsRecorder recorder;

  /**
   * A LeSP platform with no services on {@code sim}, drawing from {@code streams}.
   *
   * @throws IllegalArgumentException if an argument is null
   */
  public LespPlatform(Simulation sim, RandomStreams streams, LespConfig config) {
    this(sim, streams, config, Pricing.ON_DEMAND);
  }

  /**
   * A LeSP platform with no services on {@code sim}, drawing from {@code streams}, buying its
   * machines under {@code pricing}: spot machines are interrupted in service and replaced as failed
   * machines are (see {@link Pricing}).
   *
   * @throws IllegalArgumentException if an argument is null
   */
  public LespPlatform(Simulation sim, RandomStreams streams, LespConfig config, Pricing pricing) {
    if (sim == null || streams == null || config == null || pricing == null) {
      throw new IllegalArgumentException(
          "simulation, streams, config and pricing must not be null");
    }
    this.sim = sim;
    this.config = config;
    this.common = new CommonStreams(streams::stream);
    this.recorder = new MetricsRecorder(sim.now(), pricing);
    this.configRuns = new ConfigManagementRun(sim, config.configManagement(), streams, recorder);
    this.lifecycle = new MachineLifecycle(sim, streams, config, recorder, configRuns);
    this.deploySystem = new DeploySystem(config, lifecycle, streams);
  }

  @Override
  public String name() {
    return "LeSP";
  }

  /** The simulation this platform runs on. */
  public Simulation simulation() {
    return sim;
  }

  /** Its configuration. */
  public LespConfig config() {
    return config;
  }

  // ---------------------------------------------------------------- Platform contract

  /**
   * Creates the pool of {@code service}: picks its instance type (pinned, or the cheapest that
   * holds one instance plus the agents) and launches {@code config.poolSize(service)} machines,
   * round-robin over the zones its placement allows. A pool per service, one instance per machine:
   * the service's antiAffinity and dedicatedHardware needs hold by construction.
   *
   * <p>A service {@linkplain #retire retired} earlier may be deployed again (a rolled-back
   * migration retried): it gets a new pool, while the old pool's machines finish draining.
   *
   * @throws IllegalArgumentException if the service is already deployed, fits no type or asks for a
   *     zone spread above the zones
   */
  @Override
  public void deploy(Service service) {
    if (service == null) {
      throw new IllegalArgumentException("service must not be null");
    }
    if (pools.containsKey(service.name())) {
      throw new IllegalArgumentException("service '" + service.name() + "' is already deployed");
    }
    if (service.placement().zoneSpread() > config.zones().size()) {
      throw new IllegalArgumentException(
          "service '"
              + service.name()
              + "' zoneSpread "
              + service.placement().zoneSpread()
              + " is above LeSP's "
              + config.zones().size()
              + " zones "
              + config.zones());
    }
    String pin = config.pinnedTypes().get(service.name());
    InstanceType type =
        pin != null
            ? config.menu().pinned(service, pin, config.agents())
            : config.menu().select(service, config.agents());
    int wanted = config.poolSize(service);
    // Each pool is its own Auto Scaling group with its own policy (or none).
    TargetTracking scaling =
        config
            .autoScalingOf(service.name())
            .map(a -> new TargetTracking(a, lifecycle))
            .orElse(null);
    if (scaling != null) {
      wanted = scaling.clamp(wanted);
    }
    ServicePool pool = new ServicePool(service, type, wanted, config.baseImage());
    pools.put(service.name(), pool);
    retired.remove(service.name());
    for (int i = 0; i < wanted; i++) {
      lifecycle.launch(
          pool, pool.image, pool.version, 0, new PoolWaiter(lifecycle, pool, -1), null);
    }
    if (scaling != null) {
      scaling.watch(pool);
    }
  }

  /**
   * The service leaves LeSP now, as a migration's last step decommissions its pool: the pool wants
   * no machine any more, its auto-scaling stops, and every machine is drained from the load
   * balancer for the deploy system's drain time ({@link DeploySteps#drain()}, 30 s by default) and
   * terminated; machines still launching are terminated at once. Nothing is replaced (a machine
   * crashing while it drains is just gone). Billing stops machine by machine as each terminates
   * (EC2 bills until the instance is terminated, {@link MachineState#isBilled()}), so {@link
   * #sample} counts the draining ones until their drain ends.
   *
   * <p>After it: {@link #inService} is 0 and {@link #recovered} true; {@link #setLoad} on the
   * service is ignored (a migration may keep setting the LeSP share to 0); {@link #scalingTarget}
   * is empty; every other read or change of the service ({@link #apply}, {@link #inject}, {@link
   * #poolSize}, {@link #machines}, ...) is an unknown service; {@link #deploy} of it again is
   * allowed. The retired pool's role leaves {@link #identityMetrics()} at once (its draining
   * machines hold their addresses until they terminate).
   *
   * @throws IllegalArgumentException for a service not deployed (or already retired)
   * @throws IllegalStateException while a rollout runs or waits on the pool: the deploy system does
   *     one thing at a time on a pool; retire it once the rollout ended
   */
  @Override
  public void retire(String service) {
    ServicePool pool = pool(service);
    if (pool.rollout != null) {
      throw new IllegalStateException(
          "cannot retire '"
              + service
              + "' while its rollout of "
              + pool.rollout.release.version()
              + " runs ("
              + pool.queued.size()
              + " more queued)");
    }
    pools.remove(service);
    retired.add(service);
    lifecycle.retirePool(pool, "service retired");
  }

  /**
   * Rolls {@code release} out with the configured strategy (app) or by replacement (base image).
   */
  @Override
  public void apply(Release release) {
    apply(release, config.strategy());
  }

  /**
   * Rolls an app {@code release} out with {@code strategy}; a base-image release ignores the
   * strategy and replaces machines in batches of {@link LespConfig#imageBatch()}.
   *
   * @throws IllegalArgumentException for an unknown service, or a batch size above the pool
   */
  public void apply(Release release, DeployStrategy strategy) {
    if (release == null || strategy == null) {
      throw new IllegalArgumentException("release and strategy must not be null");
    }
    ServicePool pool = pools.get(release.service());
    if (pool == null) {
      throw new IllegalArgumentException(
          "release "
              + release.version()
              + " is for unknown service '"
              + release.service()
              + "'; deployed: "
              + pools.keySet());
    }
    deploySystem.apply(pool, release, strategy);
  }

  /**
   * Zone {@code zone} fails now: every in-service machine in it crashes (and is replaced, if the
   * pool replaces failed machines, in the other zones); later launches avoid it. Machines still
   * launching in the zone are not affected (a simplification).
   *
   * @throws IllegalArgumentException for a zone not in {@link LespConfig#zones()}
   */
  public void zoneOutage(String zone) {
    if (!config.zones().contains(zone)) {
      throw new IllegalArgumentException("unknown zone '" + zone + "'; zones: " + config.zones());
    }
    lifecycle.zoneDown(zone);
  }

  /**
   * Injects {@code failure}: a zone outage (see {@link #zoneOutage}), or a crash of {@code
   * failure.count()} in-service machines of the service, at the failure's own ranks or else those
   * drawn from the shared {@link CommonStreams#victimRanks} ({@link CommonStreams#crashRanks}; rank
   * r: the r-th machine in service, in launch order; {@link Failure#byRank}), so KuSP on the same
   * seed hits the same ranks; the pool replaces them if configured to.
   *
   * @throws IllegalArgumentException for an unknown service or zone, or more machines than are in
   *     service
   */
  @Override
  public void inject(Failure failure) {
    if (failure.kind() == Failure.Kind.ZONE_OUTAGE) {
      zoneOutage(failure.zone());
      return;
    }
    ServicePool pool = pool(failure.service());
    List<Machine> inService = pool.inServiceMachines();
    String what = "in-service machines of '" + failure.service() + "'";
    if (failure.count() > inService.size()) { // before drawing: a refused failure draws nothing
      throw new IllegalArgumentException(
          "failure count " + failure.count() + " is above the " + inService.size() + " " + what);
    }
    List<Integer> ranks = common.crashRanks(failure, pool.service.instances());
    for (Machine m : Failure.byRank(inService, ranks, m -> m, what)) {
      lifecycle.crash(m, "injected crash");
    }
  }

  @Override
  public PlatformMetrics metrics() {
    return recorder.metrics(name(), sim.now(), deploySystem.records());
  }

  // ---------------------------------------------------------------- LeSP-specific operations and
  // reads

  /**
   * Starts an orchestrated fleet-wide converge of the service's in-service machines, at most {@link
   * ConfigManagement#parallelism()} at once; read the result in {@link #fleetConverges()}.
   *
   * @throws IllegalArgumentException for an unknown service
   */
  public void convergeFleet(String service) {
    configRuns.convergeFleet(pool(service));
  }

  /**
   * Sets the service's load to {@code factor} times its nominal usage (1 = the service's {@link
   * Service#usage()} per wanted instance); drives usage utilization and auto-scaling. Ignored for a
   * {@linkplain #retire retired} service.
   *
   * @throws IllegalArgumentException for an unknown service or a negative or non-finite factor
   */
  public void setLoad(String service, double factor) {
    if (!(factor >= 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("load factor must be finite and >= 0, was " + factor);
    }
    if (retired.contains(service)) {
      return; // it left the platform: no pool to load (see retire)
    }
    ServicePool pool = pool(service);
    pool.load = factor;
    recorder.updateUsage(pool, sim.now());
  }

  /**
   * Makes the service's load follow {@code curve}: each step at or after now is applied at its time
   * (steps already past are skipped; the one holding now is applied at once).
   *
   * @throws IllegalArgumentException for an unknown service
   */
  public void followLoad(String service, io.platformsim.core.workload.LoadCurve curve) {
    pool(service);
    long now = sim.now();
    setLoad(service, curve.factorAt(now));
    for (io.platformsim.core.workload.LoadCurve.Step step : curve.steps()) {
      if (step.atMillis() > now) {
        sim.scheduleAt(step.atMillis(), () -> setLoad(service, step.factor()));
      }
    }
  }

  /**
   * The CPU utilization of requests {@code service}'s pool tracks ({@link
   * LespConfig#autoScalingOf}), empty if its pool has a fixed size.
   *
   * @throws IllegalArgumentException for an unknown service
   */
  @Override
  public OptionalDouble scalingTarget(String service) {
    if (retired.contains(service)) {
      return OptionalDouble.empty();
    }
    pool(service);
    return config
        .autoScalingOf(service)
        .map(a -> OptionalDouble.of(a.targetUtilization()))
        .orElse(OptionalDouble.empty());
  }

  /** The instance type the service's machines use. */
  public InstanceType instanceType(String service) {
    return pool(service).type;
  }

  /** Machines the service's pool should have now (instances plus headroom, or the scaled size). */
  public int poolSize(String service) {
    return pool(service).wanted;
  }

  /** The service's machines not yet terminated, in launch order. */
  public List<Machine> machines(String service) {
    return List.copyOf(pool(service).machines);
  }

  /** Every machine ever launched, in launch order (terminated ones included). */
  public List<Machine> allMachines() {
    return List.copyOf(lifecycle.allMachines());
  }

  /** Machines in {@code state} now (TERMINATED: all ever terminated). */
  public int count(MachineState state) {
    return recorder.count(state);
  }

  /** Time-weighted average number of machines in {@code state} since the start. */
  public double averageMachines(MachineState state) {
    return recorder.averageMachines(state, sim.now());
  }

  /** Machines by state over time: one sample per instant at which a count changed. */
  public List<StateSample> stateTimeline() {
    return recorder.stateTimeline();
  }

  /** Every rollout, in the order applied (queued ones included once started). */
  public List<RolloutRecord> rollouts() {
    return metrics().rollouts();
  }

  /** Every orchestrated fleet-wide converge, in start order. */
  public List<FleetConvergeRecord> fleetConverges() {
    return configRuns.fleetConverges();
  }

  /** Durations of every converge attempt (first boot, periodic and fleet-wide). */
  public DurationSummary convergeDurations() {
    return recorder.convergeTimes.summary();
  }

  /** Time from each crash to its replacement being in service. */
  public DurationSummary recoveryTimes() {
    return recorder.recoveryTimes.summary();
  }

  /** Deploys whose health check failed. */
  public int healthCheckFailures() {
    return recorder.healthCheckFailures();
  }

  /** Periodic converges that failed every attempt. */
  public int periodicConvergeFailures() {
    return recorder.periodicConvergeFailures();
  }

  /**
   * Identity figures now: addresses used/free and exhaustion events, certificates issued (total,
   * peak per minute) with the authority's queueing delay, roles (one per service) and machines
   * holding a certificate, and the blast radius of machine roles over roles and over live machines
   * (each service's role reaches only that service's resources, so both are 1 unless {@link
   * LespIdentity#resources()} shares a resource between services).
   */
  public IdentityMetrics identityMetrics() {
    return lifecycle.identity().metrics(pools.values());
  }

  /** Every refused address request, oldest first (each launch that had to wait adds one). */
  public List<Exhaustion> addressExhaustions() {
    return lifecycle.identity().exhaustions();
  }

  /** Launches waiting for an address now. */
  public int waitingForAddress() {
    return lifecycle.identity().waiting();
  }

  /** Scale-out and scale-in actions taken by auto-scaling. */
  public int scalingActions() {
    return recorder.scalingActions();
  }

  @Override
  public String toString() {
    return "LespPlatform[now="
        + sim.now()
        + " ms, pools="
        + pools.keySet()
        + ", machines in service="
        + recorder.count(MachineState.IN_SERVICE)
        + "]";
  }

  private ServicePool pool(String service) {
    ServicePool pool = pools.get(service);
    if (pool == null) {
      throw new IllegalArgumentException(
          "unknown service '"
              + service
              + "'"
              + (retired.contains(service) ? " (retired)" : "")
              + "; deployed: "
              + pools.keySet());
    }
    return pool;
  }

  /** Machines of {@code service} in service now. */
  @Override
  public int inService(String service) {
    if (retired.contains(service)) {
      return 0;
    }
    return pool(service).inServiceMachines().size();
  }

  /** Recovered once the pool has as many machines in service as it should have. */
  @Override
  public boolean recovered(String service, long failedAtMillis) {
    if (retired.contains(service)) {
      return true;
    }
    return inService(service) >= poolSize(service);
  }

  @Override
  public PlatformSample sample(Demand demand) {
    return MetricsRecorder.sample(lifecycle.allMachines(), demand);
  }

  /** 1 − allocation: what a machine's one instance does not request, no other service can use. */
  @Override
  public StrandedCapacity stranded() {
    PlatformMetrics m = metrics();
    return new StrandedCapacity(1 - m.cpuAllocation(), 1 - m.memoryAllocation());
  }
}
