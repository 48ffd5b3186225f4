package io.platformsim.core.kusp;

import java.util.ArrayDeque;

/**
 * The horizontal pod autoscaler of every Deployment that has one ({@link PodAutoscaling}): every
 * sync period it computes the desired replicas from the running pods' average CPU utilization
 * (k/k pkg/controller/podautoscaler/replica_calculator.go), clamps them to min/max, and scales
 * down only to the highest recommendation of the stabilization window
 * (k/k pkg/controller/podautoscaler/horizontal.go {@code stabilizeRecommendation}).
 */
final class HorizontalPodAutoscaler {
  private final Cluster c;

  HorizontalPodAutoscaler(Cluster c) {
    this.c = c;
  }

  /** Starts the loop of {@code d}'s autoscaler: its first sync after one period. */
  void start(Deployment d) {
    c.sim.schedule(d.spec.autoscaling().syncMillis(), () -> sync(d));
  }

  private void sync(Deployment d) {
    PodAutoscaling hpa = d.spec.autoscaling();
    long now = c.sim.now();
    if (d.running > 0 && d.service.request().milliCpu() > 0) {
      // Average CPU usage of the running pods in percent of their request (replica_calculator.go).
      double utilization = 100.0 * d.usedCpu / ((double) d.running * d.service.request().milliCpu());
      int desired = hpa.desiredReplicas(d.replicas, utilization);
      desired = Math.max(hpa.minReplicas(), Math.min(hpa.maxReplicas(), desired));
      if (d.recommendations == null) {
        d.recommendations = new ArrayDeque<>();
      }
      d.recommendations.addLast(new long[] {now, desired});
      while (!d.recommendations.isEmpty() && d.recommendations.peekFirst()[0] < now - hpa.scaleDownStabilizationMillis()) {
        d.recommendations.pollFirst();
      }
      if (desired < d.replicas) {
        for (long[] rec : d.recommendations) {
          desired = (int) Math.max(desired, rec[1]);
        }
      }
      if (desired != d.replicas) {
        d.replicas = desired;
        c.deploymentController.requestSync(d);
      }
    }
    c.sim.schedule(hpa.syncMillis(), () -> sync(d));
  }

  @Override
  public String toString() {
    return "HorizontalPodAutoscaler";
  }
}
