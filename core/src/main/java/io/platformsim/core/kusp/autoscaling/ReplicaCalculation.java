package io.platformsim.core.kusp.autoscaling;

import java.util.ArrayList;
import java.util.List;

/**
 * The replica count a CPU-utilization target asks for: k/k v1.31 {@code
 * pkg/controller/podautoscaler/replica_calculator.go GetResourceReplicas} with {@code
 * metrics/utilization.go GetResourceUtilizationRatio}. Tolerance default 0.1 ({@code
 * --horizontal-pod-autoscaler-tolerance}, {@code
 * pkg/controller/podautoscaler/config/v1alpha1/defaults.go}).
 */
public final class ReplicaCalculation {

  /** {@code --horizontal-pod-autoscaler-tolerance} default. */
  public static final double DEFAULT_TOLERANCE = 0.1;

  private ReplicaCalculation() {}

  /**
   * The recommendation and the utilization it came from.
   *
   * @param replicas recommended replicas, before stabilization and bounds
   * @param utilizationPercent average utilization of the pods with metrics, in whole percent of
   *     their requests (truncated, as upstream)
   */
  public record Recommendation(int replicas, int utilizationPercent) {
    @Override
    public String toString() {
      return replicas + " replicas at " + utilizationPercent + "%";
    }
  }

  /**
   * {@code GetResourceReplicas}. Ignored pods and unready pods are left out; the ratio is {@code
   * utilization / target} with utilization = {@code ⌊100 · Σ usage / Σ request⌋}. With no unready
   * pod that matters and no missing metric: unchanged within the tolerance, else {@code ⌈ratio ·
   * ready pods⌉}. Otherwise missing pods count as 100% of their request (or the target, if above
   * 100%) on a scale-down and as 0 on a scale-up, unready pods as 0 on a scale-up, and the ratio is
   * computed again over all those pods; the current count stays when that is within tolerance,
   * flips the direction, or the new count would move against it.
   *
   * @throws IllegalArgumentException when there is no pod, or no pod with a usable metric (upstream
   *     returns these as errors and the HPA does not scale)
   */
  public static Recommendation resourceReplicas(
      int currentReplicas, int targetUtilizationPercent, List<PodSample> pods, double tolerance) {
    if (pods.isEmpty()) {
      throw new IllegalArgumentException(
          "no pods returned by selector while calculating replica count");
    }
    List<PodSample> withMetrics = new ArrayList<>();
    List<PodSample> missing = new ArrayList<>();
    List<PodSample> unready = new ArrayList<>();
    int readyCount = 0;
    for (PodSample p : pods) {
      if (p.kind() == PodSample.Kind.IGNORED) {
        continue;
      }
      if (!p.hasMetric()) {
        missing.add(p);
      } else if (p.kind() == PodSample.Kind.UNREADY) {
        unready.add(p);
      } else {
        readyCount++;
        withMetrics.add(p);
      }
    }
    if (withMetrics.isEmpty()) {
      throw new IllegalArgumentException(
          "did not receive metrics for targeted pods (pods might be unready)");
    }
    long usage = 0;
    long requests = 0;
    for (PodSample p : withMetrics) {
      usage += p.usageMilli();
      requests += p.requestMilli();
    }
    int utilization = (int) (usage * 100 / requests);
    double ratio = (double) utilization / targetUtilizationPercent;
    boolean scaleUpWithUnready = !unready.isEmpty() && ratio > 1.0;
    if (!scaleUpWithUnready && missing.isEmpty()) {
      if (Math.abs(1.0 - ratio) <= tolerance) {
        return new Recommendation(currentReplicas, utilization);
      }
      return new Recommendation((int) Math.ceil(ratio * readyCount), utilization);
    }
    int entries = withMetrics.size();
    if (!missing.isEmpty() && ratio != 1.0) {
      long fallbackPercent = ratio < 1.0 ? Math.max(100, targetUtilizationPercent) : 0;
      for (PodSample p : missing) {
        usage += p.requestMilli() * fallbackPercent / 100;
        requests += p.requestMilli();
        entries++;
      }
    }
    if (scaleUpWithUnready) {
      for (PodSample p : unready) {
        requests += p.requestMilli();
        entries++;
      }
    }
    double newRatio = (double) (int) (usage * 100 / requests) / targetUtilizationPercent;
    if (Math.abs(1.0 - newRatio) <= tolerance
        || (ratio < 1.0 && newRatio > 1.0)
        || (ratio > 1.0 && newRatio < 1.0)) {
      return new Recommendation(currentReplicas, utilization);
    }
    int replicas = (int) Math.ceil(newRatio * entries);
    if ((newRatio < 1.0 && replicas > currentReplicas)
        || (newRatio > 1.0 && replicas < currentReplicas)) {
      return new Recommendation(currentReplicas, utilization);
    }
    return new Recommendation(replicas, utilization);
  }
}
