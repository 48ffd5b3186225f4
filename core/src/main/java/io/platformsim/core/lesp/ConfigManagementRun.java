package io.platformsim.core.lesp;

import io.platformsim.core.engine.DurationSampler;
import io.platformsim.core.engine.EventAction;
import io.platformsim.core.engine.EventQueue;
import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Configuration-management converges on LeSP, as configured by {@link ConfigManagement}: the first
 * converge of a booted machine (on itself, retried up to the attempt limit), periodic converges of
 * in-service machines (interval plus a uniform splay; a run that fails every attempt leaves the
 * machine serving on its previous configuration) and orchestrated fleet-wide runs that converge at
 * most {@link ConfigManagement#parallelism()} machines at once. Every attempt draws its duration
 * from {@code "lesp.converge"} and its outcome from {@code "lesp.convergeFailure"}, in that order,
 * and is recorded in {@link MetricsRecorder#convergeTimes}.
 */
final class ConfigManagementRun {
  private final Simulation sim;
  private final ConfigManagement cm;
  private final MetricsRecorder recorder;
  private final DurationSampler convergeTime;
  private final RandomGenerator convergeFailures;
  private final RandomGenerator splay;
  private final List<FleetConverge> fleetConverges = new ArrayList<>();

  ConfigManagementRun(
      Simulation sim, ConfigManagement cm, RandomStreams streams, MetricsRecorder recorder) {
    this.sim = sim;
    this.cm = cm;
    this.recorder = recorder;
    this.convergeTime = cm.converge().sampler(streams.stream("lesp.converge"));
    this.convergeFailures = streams.stream("lesp.convergeFailure");
    this.splay = streams.stream("lesp.splay");
  }

  /**
   * Starts the next first-boot converge attempt of {@code m} (its step event): {@code converged}
   * runs when one succeeds, {@code gaveUp} when {@link ConfigManagement#maxAttempts()} attempts
   * have failed ({@link Machine#convergeAttempts} counts them; the caller zeroes it at boot).
   */
  void firstConverge(Machine m, EventAction converged, EventAction gaveUp) {
    m.convergeAttempts++;
    long d = convergeTime.next();
    boolean fails = Chance.happens(convergeFailures, cm.failureProbability());
    m.stepEvent =
        sim.schedule(
            d,
            () -> {
              recorder.convergeTimes.add(d);
              if (!fails) {
                converged.fire();
              } else if (m.convergeAttempts < cm.maxAttempts()) {
                firstConverge(m, converged, gaveUp);
              } else {
                gaveUp.fire();
              }
            });
  }

  /** A machine came into service: starts its periodic converges, if on and not running yet. */
  void inService(Machine m) {
    if (cm.periodic() && m.periodicEvent == EventQueue.NO_EVENT) {
      schedulePeriodic(m);
    }
  }

  private void schedulePeriodic(Machine m) {
    long jitter = cm.splayMillis() == 0 ? 0 : (long) (splay.nextDouble() * (cm.splayMillis() + 1));
    m.periodicEvent = sim.schedule(cm.intervalMillis() + jitter, () -> periodic(m, 1));
  }

  private void periodic(Machine m, int attempt) {
    long d = convergeTime.next();
    boolean fails = Chance.happens(convergeFailures, cm.failureProbability());
    m.periodicEvent =
        sim.schedule(
            d,
            () -> {
              recorder.convergeTimes.add(d);
              if (fails && attempt < cm.maxAttempts()) {
                periodic(m, attempt + 1);
                return;
              }
              if (fails) {
                recorder.periodicConvergeFailed(); // the machine keeps serving on its previous
                // configuration
              }
              schedulePeriodic(m);
            });
  }

  /** Starts an orchestrated converge of {@code pool}'s in-service members now. */
  void convergeFleet(ServicePool pool) {
    convergeFleet(pool, (m, next) -> next.fire(), () -> {});
  }

  /**
   * Starts an orchestrated converge of {@code pool}'s in-service members now, in which each machine
   * that converged goes through {@code afterConverge} (a restart, say) before its slot is free for
   * the next machine; {@code done} fires once when the last machine is through.
   */
  void convergeFleet(ServicePool pool, AfterConverge afterConverge, EventAction done) {
    FleetConverge run = new FleetConverge(pool, afterConverge, done);
    fleetConverges.add(run);
    run.fill();
  }

  /** What a fleet-wide run does with a machine once it converged. */
  @FunctionalInterface
  interface AfterConverge {
    /** Handles converged {@code m}; fires {@code next} (once) when the machine is through. */
    void converged(Machine m, EventAction next);
  }

  /** Every fleet-wide run, in start order. */
  List<FleetConvergeRecord> fleetConverges() {
    List<FleetConvergeRecord> out = new ArrayList<>();
    for (FleetConverge f : fleetConverges) {
      out.add(f.record());
    }
    return out;
  }

  @Override
  public String toString() {
    return "ConfigManagementRun[" + cm + ", fleet runs=" + fleetConverges.size() + "]";
  }

  /** An orchestrated converge of a pool's in-service machines, {@code parallelism} at a time. */
  private final class FleetConverge {
    private final ServicePool pool;
    private final long startMillis;
    private final List<Machine> targets;
    private final int parallelism;
    private final AfterConverge afterConverge;
    private final EventAction done;
    private int next;
    private int inFlight;
    private int ok;
    private int failedMachines;
    private long endMillis = -1;

    FleetConverge(ServicePool pool, AfterConverge afterConverge, EventAction done) {
      this.pool = pool;
      this.afterConverge = afterConverge;
      this.done = done;
      this.startMillis = sim.now();
      this.parallelism = cm.parallelism();
      this.targets = pool.inServiceMembers();
    }

    void fill() {
      while (inFlight < parallelism && next < targets.size()) {
        Machine m = targets.get(next++);
        if (m.state() == MachineState.IN_SERVICE) {
          inFlight++;
          attempt(m, 1);
        }
      }
      if (inFlight == 0 && next >= targets.size() && endMillis < 0) {
        endMillis = sim.now();
        done.fire();
      }
    }

    private void attempt(Machine m, int n) {
      long d = convergeTime.next();
      boolean fails = Chance.happens(convergeFailures, cm.failureProbability());
      sim.schedule(
          d,
          () -> {
            recorder.convergeTimes.add(d);
            if (fails && n < cm.maxAttempts()) {
              attempt(m, n + 1);
              return;
            }
            if (fails) {
              failedMachines++;
              slotFree();
            } else {
              ok++;
              afterConverge.converged(m, this::slotFree);
            }
          });
    }

    private void slotFree() {
      inFlight--;
      fill();
    }

    FleetConvergeRecord record() {
      return new FleetConvergeRecord(
          pool.service.name(), startMillis, endMillis, ok, failedMachines, parallelism);
    }
  }
}
