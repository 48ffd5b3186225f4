package io.platformsim.core.kusp.autoscaling;

/**
 * From a raw recommendation to the replica count the HPA writes: k/k v1.31 {@code
 * pkg/controller/podautoscaler/horizontal.go} ({@code reconcileAutoscaler}, {@code
 * normalizeDesiredReplicas}, {@code convertDesiredReplicasWithRules}, {@code
 * normalizeDesiredReplicasWithBehaviors}, {@code convertDesiredReplicasWithBehaviorRate}).
 */
public final class ReplicaNormalization {

  /** {@code scaleUpLimitFactor}: without behaviors an HPA at most doubles the replicas per sync. */
  public static final double SCALE_UP_LIMIT_FACTOR = 2.0;

  /** {@code scaleUpLimitMinimum}: … or goes to 4, whichever is more. */
  public static final int SCALE_UP_LIMIT_MINIMUM = 4;

  private ReplicaNormalization() {}

  /** The condition reason upstream reports with the limit that applied. */
  public enum Reason {
    /** {@code DesiredWithinRange}. */
    DESIRED_WITHIN_RANGE,
    /** {@code TooFewReplicas}: raised to minReplicas. */
    TOO_FEW_REPLICAS,
    /** {@code TooManyReplicas}: lowered to maxReplicas. */
    TOO_MANY_REPLICAS,
    /** {@code ScaleUpLimit}: held by the scale-up rate. */
    SCALE_UP_LIMIT,
    /** {@code ScaleDownLimit}: held by the scale-down rate. */
    SCALE_DOWN_LIMIT
  }

  /**
   * A replica count within the HPA's limits and which limit applied.
   *
   * @param replicas the count
   * @param reason which limit applied
   */
  public record Bounded(int replicas, Reason reason) {
    @Override
    public String toString() {
      return replicas + " (" + reason + ")";
    }
  }

  /**
   * A bounded replica count, why, and the recommendation window after this sync.
   *
   * @param replicas the count to write
   * @param reason which limit applied
   * @param window the stabilization window with this sync's raw recommendation recorded
   */
  public record Normalized(int replicas, Reason reason, StabilizationWindow window) {
    static Normalized of(Bounded b, StabilizationWindow window) {
      return new Normalized(b.replicas(), b.reason(), window);
    }

    @Override
    public String toString() {
      return replicas + " (" + reason + ")";
    }
  }

  /**
   * {@code reconcileAutoscaler} before any metric is read: a target scaled to 0 by hand (with
   * minReplicas above 0) is left alone (-1: autoscaling disabled); above maxReplicas → max; below
   * minReplicas → min; otherwise 0: compute from metrics.
   */
  public static int outOfBounds(int currentReplicas, int minReplicas, int maxReplicas) {
    if (currentReplicas == 0 && minReplicas != 0) {
      return -1;
    }
    if (currentReplicas > maxReplicas) {
      return maxReplicas;
    }
    if (currentReplicas < minReplicas) {
      return minReplicas;
    }
    return 0;
  }

  /** {@code calculateScaleUpLimit}: {@code max(2 · current, 4)}. */
  public static int scaleUpLimit(int currentReplicas) {
    return (int) Math.max(SCALE_UP_LIMIT_FACTOR * currentReplicas, SCALE_UP_LIMIT_MINIMUM);
  }

  /**
   * {@code convertDesiredReplicasWithRules}: {@code desired} within {@code [min, min(max, scale-up
   * limit)]}.
   */
  public static Bounded withRules(
      int currentReplicas, int desired, int minReplicas, int maxReplicas) {
    int limit = scaleUpLimit(currentReplicas);
    int maximum = Math.min(maxReplicas, limit);
    Reason atMax = maxReplicas > limit ? Reason.SCALE_UP_LIMIT : Reason.TOO_MANY_REPLICAS;
    if (desired < minReplicas) {
      return new Bounded(minReplicas, Reason.TOO_FEW_REPLICAS);
    }
    if (desired > maximum) {
      return new Bounded(maximum, atMax);
    }
    return new Bounded(desired, Reason.DESIRED_WITHIN_RANGE);
  }

  /**
   * {@code normalizeDesiredReplicas} (an HPA without {@code spec.behavior}): the largest
   * recommendation of the last {@code downscaleWindowMillis} ({@code
   * --horizontal-pod-autoscaler-downscale-stabilization}, 300 s), then {@link #withRules}.
   */
  public static Normalized normalize(
      int currentReplicas,
      int desired,
      int minReplicas,
      int maxReplicas,
      StabilizationWindow window,
      long downscaleWindowMillis,
      long nowMillis) {
    StabilizationWindow.Stabilized s =
        window.maxOverWindow(desired, downscaleWindowMillis, nowMillis);
    return Normalized.of(
        withRules(currentReplicas, s.replicas(), minReplicas, maxReplicas), s.window());
  }

  /**
   * {@code normalizeDesiredReplicasWithBehaviors}: stabilize ({@link
   * StabilizationWindow#stabilize}), then {@link #withBehaviorRate}. Record the result's change in
   * {@link ScaleEvents} when it is applied.
   */
  public static Normalized normalizeWithBehaviors(
      int currentReplicas,
      int desired,
      int minReplicas,
      int maxReplicas,
      ScalingRules up,
      ScalingRules down,
      StabilizationWindow window,
      ScaleEvents ups,
      ScaleEvents downs,
      long nowMillis) {
    StabilizationWindow.Stabilized s =
        window.stabilize(currentReplicas, desired, up, down, nowMillis);
    return Normalized.of(
        withBehaviorRate(
            currentReplicas,
            s.replicas(),
            minReplicas,
            maxReplicas,
            up,
            down,
            ups,
            downs,
            nowMillis),
        s.window());
  }

  /**
   * {@code convertDesiredReplicasWithBehaviorRate}: a scale-up goes no further than {@code min(max,
   * scale-up limit)} (a limit below current counts as current), a scale-down no further than {@code
   * max(min, scale-down limit)} (a limit above current counts as current). Upstream checks the
   * bounds only in the direction of the change: a count at or below current is not lowered to
   * maxReplicas here (reconcileAutoscaler did that before, see {@link #outOfBounds}).
   */
  public static Bounded withBehaviorRate(
      int currentReplicas,
      int desired,
      int minReplicas,
      int maxReplicas,
      ScalingRules up,
      ScalingRules down,
      ScaleEvents ups,
      ScaleEvents downs,
      long nowMillis) {
    if (desired > currentReplicas) {
      int limit =
          Math.max(
              currentReplicas,
              ScaleEvents.scaleUpLimit(currentReplicas, ups, downs, up, nowMillis));
      int maximum = Math.min(maxReplicas, limit);
      Reason reason = maxReplicas > limit ? Reason.SCALE_UP_LIMIT : Reason.TOO_MANY_REPLICAS;
      if (desired > maximum) {
        return new Bounded(maximum, reason);
      }
    } else if (desired < currentReplicas) {
      int limit =
          Math.min(
              currentReplicas,
              ScaleEvents.scaleDownLimit(currentReplicas, ups, downs, down, nowMillis));
      int minimum = Math.max(minReplicas, limit);
      Reason reason = minReplicas < limit ? Reason.SCALE_DOWN_LIMIT : Reason.TOO_FEW_REPLICAS;
      if (desired < minimum) {
        return new Bounded(minimum, reason);
      }
    }
    return new Bounded(desired, Reason.DESIRED_WITHIN_RANGE);
  }
}
