package io.platformsim.fleet.manifests;

import java.util.OptionalInt;

/**
 * The HorizontalPodAutoscaler (autoscaling/v2) whose {@code scaleTargetRef} names a workload.
 *
 * @param name the HPA's name
 * @param minReplicas {@code minReplicas}, 1 when absent
 * @param maxReplicas {@code maxReplicas}
 * @param targetCpuUtilization the {@code Resource} cpu metric's {@code averageUtilization} percent;
 *     80 when the HPA lists no metric at all (both defaults: {@code
 *     SetDefaults_HorizontalPodAutoscaler}, kubernetes/kubernetes
 *     pkg/apis/autoscaling/v2/defaults.go); empty when it scales on other metrics only
 */
public record Autoscaler(
    String name, int minReplicas, int maxReplicas, OptionalInt targetCpuUtilization) {

  /** Rejects counts out of order. */
  public Autoscaler {
    if (minReplicas < 1 || maxReplicas < minReplicas) {
      throw new IllegalArgumentException(
          "HPA "
              + name
              + ": need 1 <= minReplicas <= maxReplicas, were "
              + minReplicas
              + ", "
              + maxReplicas);
    }
  }
}
