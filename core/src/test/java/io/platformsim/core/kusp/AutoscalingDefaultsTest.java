package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The autoscalers' defaults are upstream's numbers, and the factories use them. */
class AutoscalingDefaultsTest {

  @Test
  void clusterAutoscalerDefaultsAreUpstreams() {
    // kubernetes/autoscaler cluster-autoscaler/FAQ.md "What are the parameters to CA?":
    // scan-interval 10s, scale-down-unneeded-time 10m, scale-down-delay-after-add 10m,
    // scale-down-utilization-threshold 0.5.
    ClusterAutoscaling ca = ClusterAutoscaling.between(2, 9);
    assertEquals(new ClusterAutoscaling(2, 9, 10_000, 600_000, 600_000, 0.5), ca);
    assertEquals(
        new ClusterAutoscaling(2, 9, 10_000, 300_000, 600_000, 0.5),
        ca.withUnneededMillis(300_000));
  }

  @Test
  void podAutoscalerDefaultsAreUpstreams() {
    // k/k pkg/controller/podautoscaler/config/v1alpha1/defaults.go: sync period 15s, tolerance 0.1;
    // pkg/apis/autoscaling/v2/defaults.go: scale-down stabilization window 300s.
    assertEquals(
        new PodAutoscaling(1, 10, 50, 15_000, 0.1, 300_000), PodAutoscaling.cpu(1, 10, 50));
  }
}
