package io.platformsim.core.lesp;

import io.platformsim.core.engine.EventAction;
import io.platformsim.core.platform.RolloutRecord.Outcome;
import io.platformsim.core.workload.Release;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A configuration change ({@link Release.Kind#CONFIG}) on a pool: an orchestrated fleet-wide
 * configuration-management run over the pool's in-service machines, at most {@link
 * ConfigManagement#parallelism()} at once ({@link ConfigManagementRun#convergeFleet}); a machine
 * that converged restarts its service on the new configuration (drain, startup, health check;
 * {@link MachineLifecycle#restartInPlace}) before its slot goes to the next machine. A machine
 * whose converge fails every attempt keeps serving on the old configuration and is not counted as
 * changed. Completes when the run has walked every machine.
 */
final class ConfigRollout extends Rollout implements MachineWaiter {
  private final Map<Machine, EventAction> restarting = new IdentityHashMap<>();

  ConfigRollout(DeploySystem system, ServicePool pool, Release release) {
    super(
        system,
        pool,
        release,
        "config run, " + system.config().configManagement().parallelism() + " at once");
  }

  @Override
  void start() {
    lifecycle
        .configRuns()
        .convergeFleet(
            pool,
            (m, next) -> {
              restarting.put(m, next);
              lifecycle.restartInPlace(pool, m, release.version(), this);
            },
            () -> finish(Outcome.COMPLETED));
  }

  @Override
  public void ready(Machine m) {
    changed++;
    recordDeploy(m);
    restarting.remove(m).fire();
  }

  @Override
  public void unhealthy(Machine m) {
    // Not reached: a configuration release has no health-check failure (Release refuses one).
    restarting.remove(m).fire();
  }

  @Override
  public void lost(Machine m) {
    restarting.remove(m).fire();
  }
}
