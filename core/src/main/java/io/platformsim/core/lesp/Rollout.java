package io.platformsim.core.lesp;

import io.platformsim.core.engine.Simulation;
import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.platform.RolloutRecord.Outcome;
import io.platformsim.core.workload.Release;

/**
 * One release in progress on one pool, whatever the strategy: the deploy system {@linkplain
 * #begin() begins} it when the pool has no other rollout, the strategy's {@link #start()} takes it
 * from there and it ends with exactly one {@link #finish(Outcome)} (which begins the next queued
 * rollout). Meanwhile it records its capacity out of service: the wanted machines not in service,
 * observed at every in-service change, as a maximum and a time integral.
 */
abstract class Rollout {
  final DeploySystem system;
  final Simulation sim;
  final MachineLifecycle lifecycle;
  final ServicePool pool;
  final Release release;
  private final String strategy;
  boolean started;
  private long startMillis = -1;
  private long endMillis = -1;
  private Outcome outcome = Outcome.IN_PROGRESS;

  /** Machines changed to the release (not counting a rollback). */
  int changed;

  private int maxOut;
  private long outIntegral;
  private long lastObserved;
  private int lastOut;

  Rollout(DeploySystem system, ServicePool pool, Release release, String strategy) {
    this.system = system;
    this.sim = system.lifecycle().simulation();
    this.lifecycle = system.lifecycle();
    this.pool = pool;
    this.release = release;
    this.strategy = strategy;
  }

  /** Starts the rollout now (the deploy system calls it once, when the pool is free). */
  final void begin() {
    started = true;
    startMillis = sim.now();
    lastObserved = startMillis;
    lastOut = Math.max(0, pool.wanted - pool.inService);
    maxOut = lastOut;
    start();
  }

  /** The strategy's first step. */
  abstract void start();

  /** A machine this rollout launched crashed after coming into service. */
  void memberCrashed(Machine m) {}

  /** The pool's in-service count changed: accounts the capacity out of service until now. */
  final void observe() {
    long now = sim.now();
    outIntegral += (long) lastOut * (now - lastObserved);
    lastObserved = now;
    lastOut = Math.max(0, pool.wanted - pool.inService);
    maxOut = Math.max(maxOut, lastOut);
  }

  /** Ends the rollout with {@code o}: its launched machines become pool members. */
  final void finish(Outcome o) {
    observe();
    endMillis = sim.now();
    outcome = o;
    for (Machine m : pool.machines) {
      if (m.owner == this) {
        m.owner = null;
      }
    }
    system.ended(this);
  }

  /** Its record now (an unfinished rollout counts its capacity out of service up to now). */
  final RolloutRecord record() {
    long until = endMillis >= 0 ? endMillis : sim.now();
    long integral = outIntegral + (endMillis >= 0 ? 0 : (long) lastOut * (until - lastObserved));
    return new RolloutRecord(
        release, strategy, startMillis, endMillis, outcome, changed, maxOut, integral);
  }

  /** {@code m} came into service on this rollout's behalf: records its deploy time. */
  final void recordDeploy(Machine m) {
    lifecycle.recorder().deployTimes.add(sim.now() - m.deployStartMillis);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + release + ", " + strategy + ", " + outcome + "]";
  }
}
