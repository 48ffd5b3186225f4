package io.platformsim.core.lesp;

import io.platformsim.core.platform.RolloutRecord.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rollback of an in-place rollout whose batch failed a health check: the pool goes back to its
 * previous version, then the machines the rollout changed get that version again, in place, in
 * batches, those out of service (unhealthy) first; the rollout then ends ROLLED_BACK. The previous
 * version's health check is taken to pass (it was serving). Blue/green rolls back by discarding the
 * new machines ({@link BlueGreenRollout}) and a base-image change by replacing the new-image
 * machines with the old image ({@link ImageReplacement}).
 */
final class Rollback {
  private final InPlaceRollout rollout;
  private final List<Machine> changed;
  private final String version;
  private final double healthFailure;
  private final int batch;
  private InPlaceBatches batches;

  /** Rolls {@code changed} back to {@code version} (its health-check failure probability given). */
  Rollback(
      InPlaceRollout rollout,
      List<Machine> changed,
      String version,
      double healthFailure,
      int batch) {
    this.rollout = rollout;
    this.changed = changed;
    this.version = version;
    this.healthFailure = healthFailure;
    this.batch = batch;
  }

  void start() {
    ServicePool pool = rollout.pool;
    pool.version = version;
    pool.healthFailure = healthFailure;
    pool.service = pool.service.withVersion(version);
    // Unhealthy machines first: they are out of service already, so fixing them first restores
    // capacity before any healthy machine is drained for the rollback.
    List<Machine> targets = new ArrayList<>(changed);
    targets.sort(Comparator.comparing((Machine m) -> m.state() == MachineState.IN_SERVICE));
    batches = new InPlaceBatches(rollout, targets, version, 0, this::nextBatch);
    nextBatch();
  }

  private void nextBatch() {
    List<Machine> chosen = batches.choose(batch);
    if (chosen.isEmpty()) {
      rollout.finish(Outcome.ROLLED_BACK);
      return;
    }
    batches.deploy(chosen);
  }

  @Override
  public String toString() {
    return "Rollback[" + rollout.release + " to " + version + ", " + changed.size() + " machines]";
  }
}
