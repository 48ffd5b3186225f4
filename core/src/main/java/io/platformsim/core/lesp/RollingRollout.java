package io.platformsim.core.lesp;

import io.platformsim.core.workload.Release;

/**
 * {@link DeployStrategy.Rolling}: in place, {@code batch} machines at a time, each batch once the
 * previous one is back in service; a failed health check rolls back in batches of the same size.
 * With {@code n} in-service machines and no failures it takes {@code ceil(n / batch)} batches, each
 * as long as its slowest machine's drain plus deploy steps.
 */
final class RollingRollout extends InPlaceRollout {
  private final int batch;

  RollingRollout(
      DeploySystem system, ServicePool pool, Release release, DeployStrategy.Rolling strategy) {
    super(system, pool, release, strategy.toString());
    this.batch = strategy.batch().machinesFor(pool.wanted);
  }

  @Override
  int firstBatch() {
    return batch;
  }

  @Override
  int rollbackBatch() {
    return batch;
  }

  @Override
  void afterBatch() {
    deployBatch(batch);
  }
}
