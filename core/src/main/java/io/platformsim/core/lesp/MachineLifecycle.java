package io.platformsim.core.lesp;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.engine.DurationSampler;
import io.platformsim.core.engine.EventQueue;
import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.platform.CommonStreams;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The life of every LeSP machine: launch (REQUESTED, waiting for an address if the network is full)
 * → PENDING → BOOTING (boot failures) → CONVERGING (first converge, through {@link
 * ConfigManagementRun}) → DEPLOYING → IN_SERVICE; in-place deploys (drain first if it serves),
 * crashes (spontaneous, injected, zone outage) with replacement, retirement with or without drain,
 * and termination. It is the only place that moves a machine between states, so it keeps the pool's
 * in-service count, the metrics and the rollout in progress up to date.
 *
 * <p>Draws from {@code "lesp.pending"}, {@code "lesp.boot"}, {@code "lesp.bootFailure"}, {@code
 * "lesp.extract"}, {@code "lesp.drain"}, {@code "lesp.healthCheck"}, with a mean time to crash
 * {@code "lesp.crash"}; spot interruptions come from the shared {@link CommonStreams}.
 *
 * <p>Spot machines ({@link io.platformsim.core.platform.Pricing}): a launch is spot when the pool's
 * spot machines are below its share; a spot machine is interrupted once it has served for a time
 * drawn at its purchase from the shared {@link CommonStreams#spotLifetimeMillis} (the k-th spot
 * machine bought gets the k-th draw, as KuSP's k-th spot node does), its clock running in service
 * only (a drain for a deploy stops it, the next entry into service resumes it; a machine still
 * launching is never interrupted, a simplification: launches last minutes, mean times to
 * interruption months). An interruption is a crash: the machine fails and is replaced as a failed
 * machine is. LeSP has no termination handler, so the two-minute notice goes unused.
 */
final class MachineLifecycle {
  private final Simulation sim;
  private final LespConfig config;
  private final MetricsRecorder recorder;
  private final ConfigManagementRun configRuns;
  private final IdentityProvisioner identity;
  private final List<String> downZones = new ArrayList<>();
  private final List<Machine> allMachines = new ArrayList<>();
  // One copy of each transition cause text (see setState).
  private final Map<String, String> causes = new HashMap<>();
  private int nextId = 1;

  private final DurationSampler pendingTime;
  private final DurationSampler bootTime;
  private final DurationSampler drainTime;
  private final DurationSampler extractTime;
  private final DurationSampler crashTime;
  private final CommonStreams common;
  private final RandomGenerator bootFailures;
  private final RandomGenerator healthChecks;

  /** Each machine knows its own pool ({@link Machine#pool}), retired pools included. */
  MachineLifecycle(
      Simulation sim,
      RandomStreams streams,
      LespConfig config,
      MetricsRecorder recorder,
      ConfigManagementRun configRuns) {
    this.sim = sim;
    this.config = config;
    this.recorder = recorder;
    this.configRuns = configRuns;
    this.identity =
        new IdentityProvisioner(
            sim,
            config.identity(),
            (pool, m, healthFailure) ->
                acknowledged(pool, m, healthFailure, "address assigned after waiting"));
    this.pendingTime = config.pending().sampler(streams.stream("lesp.pending"));
    this.bootTime = config.boot().sampler(streams.stream("lesp.boot"));
    this.drainTime = config.deploySteps().drain().sampler(streams.stream("lesp.drain"));
    this.extractTime = config.deploySteps().extract().sampler(streams.stream("lesp.extract"));
    this.crashTime =
        config.meanTimeToCrashMillis() > 0
            ? DurationDistribution.exponentialWithMean(config.meanTimeToCrashMillis())
                .sampler(streams.stream("lesp.crash"))
            : null;
    this.common = new CommonStreams(streams::stream);
    this.bootFailures = streams.stream("lesp.bootFailure");
    this.healthChecks = streams.stream("lesp.healthCheck");
  }

  Simulation simulation() {
    return sim;
  }

  MetricsRecorder recorder() {
    return recorder;
  }

  IdentityProvisioner identity() {
    return identity;
  }

  /** Every machine ever launched, in launch order (the live list; callers copy it). */
  List<Machine> allMachines() {
    return allMachines;
  }

  /** Later launches avoid {@code zone}; its in-service machines crash now. */
  void zoneDown(String zone) {
    if (!downZones.contains(zone)) {
      downZones.add(zone);
    }
    for (Machine m : new ArrayList<>(allMachines)) {
      if (m.zone().equals(zone) && m.state() == MachineState.IN_SERVICE) {
        crash(m, "zone " + zone + " outage");
      }
    }
  }

  /**
   * The pool's next zone round-robin over the zones its service may use (all zones, or the first
   * {@code zoneSpread}: {@link io.platformsim.core.workload.PlacementNeeds#zones}), skipping zones
   * that are down (all of them down: any of them).
   */
  private String nextZone(ServicePool pool) {
    List<String> zones = pool.service.placement().zones(config.zones());
    for (int i = 0; i < zones.size(); i++) {
      String z = zones.get(pool.zoneCursor++ % zones.size());
      if (!downZones.contains(z)) {
        return z;
      }
    }
    return zones.get(pool.zoneCursor++ % zones.size());
  }

  /**
   * Launches a new machine of {@code pool}; {@code waiter} hears when it is in service (or
   * unhealthy, or lost); {@code owner} is the rollout it belongs to until that rollout ends, or
   * null for a pool member.
   */
  Machine launch(
      ServicePool pool,
      BaseImage image,
      String version,
      double healthFailure,
      MachineWaiter waiter,
      Rollout owner) {
    Machine m =
        new Machine(
            nextId++, pool.service.name(), pool.type, image, version, nextZone(pool), sim.now());
    m.pool = pool;
    allMachines.add(m);
    if (recorder.pricing().launchesSpot(pool.machines.size(), pool.spotMachines)) {
      m.spot = true;
      pool.spotMachines++;
      if (recorder.pricing().interrupts()) {
        m.spotLeftMillis = common.spotLifetimeMillis(recorder.pricing());
      }
    }
    pool.machines.add(m);
    recorder.requested(sim.now(), pool.type);
    m.waiter = waiter;
    m.owner = owner;
    m.deployStartMillis = sim.now();
    if (identity.assignAddress(pool, m, healthFailure)) {
      acknowledged(pool, m, healthFailure, "launch acknowledged");
    }
    return m;
  }

  /** A machine with its address: on to PENDING, and the host wait. */
  private void acknowledged(ServicePool pool, Machine m, double healthFailure, String cause) {
    setState(m, MachineState.PENDING, cause);
    m.stepEvent = sim.schedule(pendingTime.next(), () -> startBoot(pool, m, healthFailure));
  }

  private void startBoot(ServicePool pool, Machine m, double healthFailure) {
    setState(m, MachineState.BOOTING, "host assigned");
    long d = bootTime.next();
    boolean fails = Chance.happens(bootFailures, config.bootFailureProbability());
    m.stepEvent =
        sim.schedule(
            d,
            () -> {
              if (fails) {
                provisioningFailed(pool, m, "boot failure", healthFailure);
              } else {
                setState(m, MachineState.CONVERGING, "booted " + m.image());
                m.convergeAttempts = 0;
                // The machine's certificate is requested at boot and the first converge (which
                // needs it
                // to reach the configuration server) waits for it when the authority is saturated.
                long wait = identity.issueCertificate(m) - sim.now();
                if (wait == 0) {
                  firstConverge(pool, m, healthFailure);
                } else {
                  m.stepEvent = sim.schedule(wait, () -> firstConverge(pool, m, healthFailure));
                }
              }
            });
  }

  private void firstConverge(ServicePool pool, Machine m, double healthFailure) {
    configRuns.firstConverge(
        m,
        () -> {
          setState(m, MachineState.DEPLOYING, "converged");
          m.stepEvent = sim.schedule(deployStepsMillis(pool), () -> finishDeploy(m, healthFailure));
        },
        () ->
            provisioningFailed(
                pool, m, "converge failed " + m.convergeAttempts + " times", healthFailure));
  }

  /** Fetch + extract + restart + health check (the drain, if any, comes before). */
  private long deployStepsMillis(ServicePool pool) {
    return config.deploySteps().fetchMillis(pool.service)
        + extractTime.next()
        + pool.service.startupMillis()
        + pool.service.healthCheckMillis();
  }

  private void provisioningFailed(ServicePool pool, Machine m, String cause, double healthFailure) {
    m.stepEvent = EventQueue.NO_EVENT;
    setState(m, MachineState.FAILED, cause);
    terminate(pool, m, "failed machine terminated");
    MachineWaiter w = m.waiter;
    m.waiter = null;
    if (config.replaceFailed()) {
      launch(pool, m.image(), m.version(), healthFailure, w, m.owner);
    } else {
      w.lost(m);
    }
  }

  /** Deploys {@code version} on a machine already launched: drains it first if it serves. */
  void deployInPlace(
      ServicePool pool, Machine m, String version, double healthFailure, MachineWaiter w) {
    m.waiter = w;
    m.deployStartMillis = sim.now();
    if (m.state() == MachineState.IN_SERVICE) {
      cancelCrash(m);
      setState(m, MachineState.DRAINING, "drain for deploy of " + version);
      m.stepEvent =
          sim.schedule(
              drainTime.next(),
              () -> {
                setState(m, MachineState.DEPLOYING, "deploy " + version);
                m.version(version);
                m.stepEvent =
                    sim.schedule(deployStepsMillis(pool), () -> finishDeploy(m, healthFailure));
              });
    } else { // DEPLOYING after a failed health check: not behind the load balancer, no drain
      m.version(version);
      m.stepEvent = sim.schedule(deployStepsMillis(pool), () -> finishDeploy(m, healthFailure));
    }
  }

  /**
   * Restarts the service on in-service {@code m} to load a new configuration: drain, restart (the
   * service's startup) and health check, with no artifact fetched or extracted; {@code w} hears how
   * it ended. A machine not in service is handed straight back as {@link MachineWaiter#lost}.
   */
  void restartInPlace(ServicePool pool, Machine m, String configVersion, MachineWaiter w) {
    if (m.state() != MachineState.IN_SERVICE) {
      w.lost(m);
      return;
    }
    m.waiter = w;
    m.deployStartMillis = sim.now();
    cancelCrash(m);
    setState(m, MachineState.DRAINING, "drain for configuration " + configVersion);
    m.stepEvent =
        sim.schedule(
            drainTime.next(),
            () -> {
              setState(m, MachineState.DEPLOYING, "restart on configuration " + configVersion);
              m.stepEvent =
                  sim.schedule(
                      pool.service.startupMillis() + pool.service.healthCheckMillis(),
                      () -> finishDeploy(m, 0));
            });
  }

  /** The configuration-management runs machines go through. */
  ConfigManagementRun configRuns() {
    return configRuns;
  }

  private void finishDeploy(Machine m, double healthFailure) {
    m.stepEvent = EventQueue.NO_EVENT;
    MachineWaiter w = m.waiter;
    m.waiter = null;
    if (Chance.happens(healthChecks, healthFailure)) {
      m.healthy = false;
      recorder.healthCheckFailed();
      w.unhealthy(m);
    } else {
      m.healthy = true;
      setState(m, MachineState.IN_SERVICE, "health check passed on " + m.version());
      scheduleCrash(m);
      configRuns.inService(m);
      w.ready(m);
    }
  }

  /**
   * Schedules the machine's next loss in service: a crash (with a mean time to crash) or, for a
   * spot machine, an interruption, whichever comes first. The crash is drawn first, so the crash
   * stream's draws do not depend on the pricing.
   */
  private void scheduleCrash(Machine m) {
    long crashIn = crashTime != null ? crashTime.next() : -1;
    long interruptIn = m.spotLeftMillis;
    if (interruptIn >= 0 && (crashIn < 0 || interruptIn < crashIn)) {
      m.crashEvent =
          sim.schedule(
              interruptIn,
              () -> {
                recorder.spotInterrupted();
                crash(m, "spot interruption");
              });
    } else if (crashIn >= 0) {
      m.crashEvent = sim.schedule(crashIn, () -> crash(m, "crash in service"));
    }
  }

  /**
   * An in-service machine fails now: FAILED, terminated; its rollout hears of it, or a pool member
   * below the wanted size is replaced if the pool replaces failed machines.
   */
  void crash(Machine m, String cause) {
    ServicePool pool = m.pool;
    cancelCrash(m);
    m.crashEvent = EventQueue.NO_EVENT;
    setState(m, MachineState.FAILED, cause);
    terminate(pool, m, "failed machine terminated");
    long crashedAt = sim.now();
    if (m.owner != null) {
      m.owner.memberCrashed(m);
    } else if (config.replaceFailed() && !m.retiring && pool.members() < pool.wanted) {
      launch(
          pool,
          pool.image,
          pool.version,
          pool.healthFailure,
          new PoolWaiter(this, pool, crashedAt),
          null);
    }
  }

  /** Takes a machine out of the pool: drains it if it serves and {@code drain}, then terminates. */
  void retire(ServicePool pool, Machine m, String cause, boolean drain) {
    m.retiring = true;
    cancelCrash(m);
    if (m.stepEvent != EventQueue.NO_EVENT) {
      sim.cancel(m.stepEvent);
      m.stepEvent = EventQueue.NO_EVENT;
    }
    if (m.state() == MachineState.IN_SERVICE) {
      setState(m, MachineState.DRAINING, cause);
      if (drain) {
        m.stepEvent = sim.schedule(drainTime.next(), () -> terminate(pool, m, "drained"));
        return;
      }
    }
    terminate(pool, m, cause);
  }

  /**
   * The whole pool leaves: it wants no machine and no load any more, and every machine it has goes
   * through {@link #retire} with the deploy system's drain ({@link DeploySteps#drain()}) if it
   * serves, at once if it is still launching (a launch waiting for an address gives up its place in
   * the queue). Nothing replaces them: a retiring machine that crashes is not replaced, and the
   * pool's auto-scaling stops at its next evaluation ({@link TargetTracking}). Each machine is
   * billed until it is terminated, as any other.
   */
  void retirePool(ServicePool pool, String cause) {
    pool.retired = true;
    pool.wanted = 0;
    pool.load = 0;
    recorder.updateUsage(pool, sim.now());
    for (Machine m : new ArrayList<>(pool.machines)) {
      if (!m.retiring) {
        retire(pool, m, cause, true);
      }
    }
  }

  private void terminate(ServicePool pool, Machine m, String cause) {
    m.stepEvent = EventQueue.NO_EVENT;
    if (m.periodicEvent != EventQueue.NO_EVENT) {
      sim.cancel(m.periodicEvent);
      m.periodicEvent = EventQueue.NO_EVENT;
    }
    if (m.renewalEvent != EventQueue.NO_EVENT) {
      sim.cancel(m.renewalEvent);
      m.renewalEvent = EventQueue.NO_EVENT;
    }
    setState(m, MachineState.TERMINATED, cause);
    if (pool.machines.remove(m) && m.spot) {
      pool.spotMachines--;
    }
    identity.releaseAddress(m);
  }

  private void cancelCrash(Machine m) {
    if (m.spotLeftMillis >= 0 && m.state() == MachineState.IN_SERVICE) {
      // the interruption clock runs in service only: keep what is left of the shared draw
      m.spotLeftMillis = Math.max(0, m.spotLeftMillis - (sim.now() - m.sinceMillis()));
    }
    if (m.crashEvent != EventQueue.NO_EVENT) {
      sim.cancel(m.crashEvent);
      m.crashEvent = EventQueue.NO_EVENT;
    }
  }

  private void setState(Machine m, MachineState next, String cause) {
    long now = sim.now();
    MachineState prev = m.state();
    // Causes repeat across a pool ("deploy 2", "booted base-1"): keep one copy of each text.
    String known = causes.putIfAbsent(cause, cause);
    m.moveTo(next, now, known != null ? known : cause);
    ServicePool pool = m.pool;
    recorder.transition(prev, next, m.type(), pool.service, m.spot, now);
    if ((prev == MachineState.IN_SERVICE) != (next == MachineState.IN_SERVICE)) {
      pool.inService += next == MachineState.IN_SERVICE ? 1 : -1;
      recorder.updateUsage(pool, now);
      if (pool.rollout != null) {
        pool.rollout.observe();
      }
    }
  }

  @Override
  public String toString() {
    return "MachineLifecycle[machines=" + allMachines.size() + ", down zones=" + downZones + "]";
  }
}
