package io.platformsim.core.kusp;

import io.platformsim.core.kusp.autoscaling.ReplicaCalculation;

/**
 * A HorizontalPodAutoscaler on CPU utilization of requests, without {@code spec.behavior}; the
 * {@link HorizontalPodAutoscaler} runs it with the upstream arithmetic of {@code
 * io.platformsim.core.kusp.autoscaling}. Defaults (v1.31): {@code
 * --horizontal-pod-autoscaler-sync-period} 15 s and {@code --horizontal-pod-autoscaler-tolerance}
 * 0.1 (k/k {@code pkg/controller/podautoscaler/config/v1alpha1/defaults.go}); scale-down
 * stabilization window 300 s ({@code --horizontal-pod-autoscaler-downscale-stabilization}, same
 * file; also the {@code spec.behavior.scaleDown} default of {@code
 * pkg/apis/autoscaling/v2/defaults.go}).
 *
 * @param minReplicas lower bound, at least 1
 * @param maxReplicas upper bound, at least minReplicas
 * @param targetCpuPercent target average CPU usage in percent of requests, at least 1
 * @param syncMillis time between evaluations
 * @param tolerance no change within this relative distance of the target
 * @param scaleDownStabilizationMillis window of recommendations for scale-down
 */
public record PodAutoscaling(
    int minReplicas,
    int maxReplicas,
    int targetCpuPercent,
    long syncMillis,
    double tolerance,
    long scaleDownStabilizationMillis) {

  /**
   * {@code --horizontal-pod-autoscaler-sync-period}: 15 s (k/k {@code
   * pkg/controller/podautoscaler/config/v1alpha1/defaults.go}).
   */
  public static final long DEFAULT_SYNC_MILLIS = 15_000;

  /** {@code --horizontal-pod-autoscaler-tolerance}: 0.1 (same file). */
  public static final double DEFAULT_TOLERANCE = ReplicaCalculation.DEFAULT_TOLERANCE;

  /**
   * Scale-down stabilization window: 300 s (k/k {@code pkg/apis/autoscaling/v2/defaults.go}, {@code
   * SetDefaults_HorizontalPodAutoscalerBehavior}).
   */
  public static final long DEFAULT_SCALE_DOWN_STABILIZATION_MILLIS = 300_000;

  /** Validates the fields. */
  public PodAutoscaling {
    if (minReplicas < 1) {
      throw new IllegalArgumentException("hpa minReplicas must be >= 1, was " + minReplicas);
    }
    if (maxReplicas < minReplicas) {
      throw new IllegalArgumentException(
          "hpa maxReplicas must be >= minReplicas " + minReplicas + ", was " + maxReplicas);
    }
    if (targetCpuPercent < 1) {
      throw new IllegalArgumentException(
          "hpa targetCPUUtilizationPercentage must be >= 1, was " + targetCpuPercent);
    }
    if (syncMillis < 1) {
      throw new IllegalArgumentException("hpa syncMillis must be >= 1, was " + syncMillis);
    }
    if (!(tolerance >= 0 && tolerance < 1)) {
      throw new IllegalArgumentException("hpa tolerance must be in [0, 1), was " + tolerance);
    }
    if (scaleDownStabilizationMillis < 0) {
      throw new IllegalArgumentException(
          "hpa scaleDownStabilizationMillis must be >= 0, was " + scaleDownStabilizationMillis);
    }
  }

  /** Upstream defaults with the given bounds and target. */
  public static PodAutoscaling cpu(int minReplicas, int maxReplicas, int targetCpuPercent) {
    return new PodAutoscaling(
        minReplicas,
        maxReplicas,
        targetCpuPercent,
        DEFAULT_SYNC_MILLIS,
        DEFAULT_TOLERANCE,
        DEFAULT_SCALE_DOWN_STABILIZATION_MILLIS);
  }
}
