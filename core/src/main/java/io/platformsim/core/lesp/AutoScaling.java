package io.platformsim.core.lesp;

/**
 * Auto-scaling-group style target tracking for one pool: every {@code evaluationMillis} the pool
 * compares its CPU utilization (actual CPU used by the service ÷ CPU requested by its in-service
 * instances) with {@code targetUtilization} and sets its size to {@code ceil(demand ÷ (target ×
 * request))}, clamped to [{@code minMachines}, {@code maxMachines}], at most once per {@code
 * cooldownMillis}. A new machine serves only after boot, converge and deploy. Scaling pauses while
 * a rollout runs on the pool.
 *
 * @param targetUtilization target CPU utilization of the request, in (0, 1]
 * @param cooldownMillis least time between two scaling actions, at least 0
 * @param evaluationMillis time between evaluations, above 0
 * @param minMachines smallest pool, at least 1
 * @param maxMachines largest pool, at least {@code minMachines}
 */
public record AutoScaling(
    double targetUtilization,
    long cooldownMillis,
    long evaluationMillis,
    int minMachines,
    int maxMachines) {

  /**
   * Least time between scaling actions: the EC2 Auto Scaling default cooldown, 300 s (AWS EC2 Auto
   * Scaling user guide, "Scaling cooldowns").
   */
  public static final long DEFAULT_COOLDOWN_MILLIS = 300_000;

  /** Time between evaluations: 60 s, the period of CloudWatch's one-minute (detailed) metrics. */
  public static final long DEFAULT_EVALUATION_MILLIS = 60_000;

  /** Validates every field; messages name it. */
  public AutoScaling {
    if (!(targetUtilization > 0 && targetUtilization <= 1)) {
      throw new IllegalArgumentException(
          "targetUtilization must be in (0, 1], was " + targetUtilization);
    }
    if (cooldownMillis < 0) {
      throw new IllegalArgumentException("cooldownMillis must be >= 0, was " + cooldownMillis);
    }
    if (evaluationMillis <= 0) {
      throw new IllegalArgumentException("evaluationMillis must be > 0, was " + evaluationMillis);
    }
    if (minMachines < 1 || maxMachines < minMachines) {
      throw new IllegalArgumentException(
          "machines must satisfy 1 <= min <= max, was min " + minMachines + " max " + maxMachines);
    }
  }

  /**
   * Target tracking at {@code targetUtilization} between {@code minMachines} and {@code
   * maxMachines} with the default cooldown and evaluation period.
   */
  public static AutoScaling targetTracking(
      double targetUtilization, int minMachines, int maxMachines) {
    return new AutoScaling(
        targetUtilization,
        DEFAULT_COOLDOWN_MILLIS,
        DEFAULT_EVALUATION_MILLIS,
        minMachines,
        maxMachines);
  }
}
