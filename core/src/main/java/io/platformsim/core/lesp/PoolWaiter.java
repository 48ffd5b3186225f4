package io.platformsim.core.lesp;

/**
 * Waits on a machine the pool launched itself (initial size, scale-out, crash replacement). Once
 * the machine is up it reconciles it with the pool: if a rollout or a rollback changed the pool's
 * version meanwhile, or the machine failed its health check, it deploys the pool's version again
 * (so no machine is left behind on another version or out of service). A replacement records the
 * time from the crash it replaces to its being in service.
 */
final class PoolWaiter implements MachineWaiter {
  private final MachineLifecycle lifecycle;
  private final ServicePool pool;
  private long crashedAt;

  /** {@code crashedAt} is the crash this machine replaces, or -1. */
  PoolWaiter(MachineLifecycle lifecycle, ServicePool pool, long crashedAt) {
    this.lifecycle = lifecycle;
    this.pool = pool;
    this.crashedAt = crashedAt;
  }

  @Override
  public void ready(Machine m) {
    if (crashedAt >= 0) {
      lifecycle.recorder().recoveryTimes.add(lifecycle.simulation().now() - crashedAt);
      crashedAt = -1;
    }
    if (!m.version().equals(pool.version)) {
      lifecycle.deployInPlace(pool, m, pool.version, pool.healthFailure, this);
    }
  }

  @Override
  public void unhealthy(Machine m) {
    // Out of service either way: deploy the pool's current version again.
    lifecycle.deployInPlace(pool, m, pool.version, pool.healthFailure, this);
  }

  @Override
  public void lost(Machine m) {}

  @Override
  public String toString() {
    return "PoolWaiter["
        + pool.service.name()
        + (crashedAt >= 0 ? ", replaces crash at " + crashedAt : "")
        + "]";
  }
}
