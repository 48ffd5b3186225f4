package io.platformsim.core.lesp;

/**
 * How the LeSP deploy system rolls an app release onto a pool.
 *
 * <ul>
 *   <li>{@link Rolling}: in place, batch by batch; each machine of a batch is drained from the load
 *       balancer, gets the artifact, restarts and is health-checked; the next batch starts when the
 *       whole previous batch is back in service.
 *   <li>{@link BlueGreen}: a new pool of the same size is provisioned at once (boot, converge,
 *       deploy); traffic switches when all of it is in service; the old pool drains and terminates.
 *   <li>{@link Canary}: one batch of {@code canaryMachines} in place, a bake time watching it, then
 *       the rest in rolling batches.
 * </ul>
 *
 * A batch with a failed health check stops the rollout and rolls every changed machine back to the
 * previous version (blue/green: the new pool is discarded).
 */
public sealed interface DeployStrategy {

  /** The fewest of the pool's wanted machines this strategy keeps in service during a rollout. */
  int minimumInService(int poolSize);

  /** In-place rolling in batches. */
  record Rolling(BatchSize batch) implements DeployStrategy {
    /** Validates the batch. */
    public Rolling {
      if (batch == null) {
        throw new IllegalArgumentException("rolling batch must not be null");
      }
    }

    @Override
    public int minimumInService(int poolSize) {
      return poolSize - batch.machinesFor(poolSize);
    }

    @Override
    public String toString() {
      return "rolling(" + batch + ")";
    }
  }

  /** New pool, switch, drain the old one. */
  record BlueGreen() implements DeployStrategy {
    @Override
    public int minimumInService(int poolSize) {
      return poolSize;
    }

    @Override
    public String toString() {
      return "blue/green";
    }
  }

  /**
   * A canary batch, a bake time, then the rest in rolling batches.
   *
   * @param canaryMachines machines in the canary batch, at least 1
   * @param bakeMillis time the canary is watched before the rest, at least 0
   * @param rest batch size for the remaining machines
   */
  record Canary(int canaryMachines, long bakeMillis, BatchSize rest) implements DeployStrategy {
    /** Validates the fields. */
    public Canary {
      if (canaryMachines < 1) {
        throw new IllegalArgumentException("canaryMachines must be >= 1, was " + canaryMachines);
      }
      if (bakeMillis < 0) {
        throw new IllegalArgumentException("canary bakeMillis must be >= 0, was " + bakeMillis);
      }
      if (rest == null) {
        throw new IllegalArgumentException("canary rest batch must not be null");
      }
    }

    @Override
    public int minimumInService(int poolSize) {
      if (canaryMachines > poolSize) {
        throw new IllegalArgumentException(
            "canaryMachines " + canaryMachines + " is above the pool size " + poolSize);
      }
      return poolSize - Math.max(canaryMachines, rest.machinesFor(poolSize));
    }

    @Override
    public String toString() {
      return "canary("
          + canaryMachines
          + ", bake "
          + bakeMillis / 1000.0
          + " s, then "
          + rest
          + ")";
    }
  }

  /** Rolling in batches of {@code n} machines. */
  static DeployStrategy rolling(int n) {
    return new Rolling(BatchSize.machines(n));
  }

  /** Rolling in batches of {@code p}% of the pool. */
  static DeployStrategy rollingPercent(int p) {
    return new Rolling(BatchSize.percent(p));
  }

  /** Blue/green. */
  static DeployStrategy blueGreen() {
    return new BlueGreen();
  }

  /**
   * Canary of {@code canaryMachines}, watched for {@code bakeMillis}, then batches of {@code rest}.
   */
  static DeployStrategy canary(int canaryMachines, long bakeMillis, int rest) {
    return new Canary(canaryMachines, bakeMillis, BatchSize.machines(rest));
  }
}
