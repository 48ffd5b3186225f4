package io.platformsim.core.lesp;

import io.platformsim.core.platform.RolloutRecord.Outcome;
import io.platformsim.core.workload.Release;
import java.util.ArrayList;
import java.util.List;

/**
 * An app release deployed in place on the pool's in-service members, batch after batch through
 * {@link InPlaceBatches}: the pool switches to the release at the start (so machines it launches
 * meanwhile get it), a batch with a failed health check hands over to a {@link Rollback} in batches
 * of {@link #rollbackBatch()}, and the rollout completes when no live target is left. Subclasses
 * say how big the batches are and what happens between them.
 */
abstract class InPlaceRollout extends Rollout {
  private final List<Machine> done = new ArrayList<>();
  private InPlaceBatches batches;
  private String oldVersion;
  private double oldHealthFailure;

  InPlaceRollout(DeploySystem system, ServicePool pool, Release release, String strategy) {
    super(system, pool, release, strategy);
  }

  @Override
  final void start() {
    oldVersion = pool.version;
    oldHealthFailure = pool.healthFailure;
    pool.version = release.version();
    pool.healthFailure = release.healthCheckFailureProbability();
    pool.service = pool.service.withVersion(release.version());
    batches =
        new InPlaceBatches(
            this,
            pool.inServiceMembers(),
            release.version(),
            release.healthCheckFailureProbability(),
            this::batchSettled);
    deployBatch(firstBatch());
  }

  /** Machines in the first batch. */
  abstract int firstBatch();

  /** Machines in every later batch, and in the rollback's. */
  abstract int rollbackBatch();

  /** The batch before settled healthy: start the next (by {@link #deployBatch}) now or later. */
  abstract void afterBatch();

  /** Deploys the release on the next {@code size} live targets; none left: completed. */
  final void deployBatch(int size) {
    List<Machine> chosen = batches.choose(size);
    if (chosen.isEmpty()) {
      finish(Outcome.COMPLETED);
      return;
    }
    changed += chosen.size();
    done.addAll(chosen);
    batches.deploy(chosen);
  }

  private void batchSettled() {
    if (batches.failed()) {
      new Rollback(this, done, oldVersion, oldHealthFailure, rollbackBatch()).start();
    } else {
      afterBatch();
    }
  }
}
