package io.platformsim.core.lesp;

/**
 * Auto-scaling-group style target tracking for one pool: every {@code evaluationMillis} the pool
 * compares its CPU utilization (actual CPU used by the service ÷ CPU requested by its in-service
 * instances) with {@code targetUtilization} and sets its size to
 * {@code ceil(demand ÷ (target × request))}, clamped to [{@code minMachines},
 * {@code maxMachines}], at most once per {@code cooldownMillis}. A new machine serves only after
 * boot, converge and deploy. Scaling pauses while a rollout runs on the pool.
 *
 * @param targetUtilization target CPU utilization of the request, in (0, 1]
 * @param cooldownMillis    least time between two scaling actions, at least 0
 * @param evaluationMillis  time between evaluations, above 0
 * @param minMachines       smallest pool, at least 1
 * @param maxMachines       largest pool, at least {@code minMachines}
 */
public record AutoScaling(
    double targetUtilization, long cooldownMillis, long evaluationMillis, int minMachines, int maxMachines) {

  /** Validates every field; messages name it. */
  public AutoScaling {
    if (!(targetUtilization > 0 && targetUtilization <= 1)) {
      throw new IllegalArgumentException("targetUtilization must be in (0, 1], was " + targetUtilization);
    }
    if (cooldownMillis < 0) {
      throw new IllegalArgumentException("cooldownMillis must be >= 0, was " + cooldownMillis);
    }
    if (evaluationMillis <= 0) {
      throw new IllegalArgumentException("evaluationMillis must be > 0, was " + evaluationMillis);
    }
    if (minMachines < 1 || maxMachines < minMachines) {
      throw new IllegalArgumentException("machines must satisfy 1 <= min <= max, was min "
          + minMachines + " max " + maxMachines);
    }
  }
}
