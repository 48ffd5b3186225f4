package io.platformsim.core.lesp;

import io.platformsim.core.workload.Release;

/**
 * {@link DeployStrategy.Canary}: {@code canaryMachines} in place first, watched for {@code
 * bakeMillis} once they are back in service, then the rest in rolling batches of {@code rest}; a
 * failed health check (canary or later) rolls back at once, in batches of {@code rest}.
 */
final class CanaryRollout extends InPlaceRollout {
  private final int canary;
  private final int rest;
  private final long bakeMillis;
  private boolean canaryDone;

  CanaryRollout(
      DeploySystem system, ServicePool pool, Release release, DeployStrategy.Canary strategy) {
    super(system, pool, release, strategy.toString());
    this.canary = strategy.canaryMachines();
    this.rest = strategy.rest().machinesFor(pool.wanted);
    this.bakeMillis = strategy.bakeMillis();
  }

  @Override
  int firstBatch() {
    return canary;
  }

  @Override
  int rollbackBatch() {
    return rest;
  }

  @Override
  void afterBatch() {
    if (!canaryDone) {
      canaryDone = true;
      sim.schedule(bakeMillis, () -> deployBatch(rest));
    } else {
      deployBatch(rest);
    }
  }
}
