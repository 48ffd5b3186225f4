package io.platformsim.core.kusp;

import io.platformsim.core.kusp.autoscaling.PodSample;
import io.platformsim.core.kusp.autoscaling.ReplicaCalculation;
import io.platformsim.core.kusp.autoscaling.ReplicaNormalization;
import io.platformsim.core.kusp.autoscaling.StabilizationWindow;
import java.util.ArrayList;
import java.util.List;

/**
 * The horizontal pod autoscaler of every Deployment that has one ({@link PodAutoscaling}), one
 * {@code reconcileAutoscaler} (k/k v1.31 pkg/controller/podautoscaler/horizontal.go) every sync
 * period, with the arithmetic of {@code io.platformsim.core.kusp.autoscaling}:
 *
 * <ol>
 *   <li>{@link ReplicaNormalization#outOfBounds}: a Deployment scaled to 0 by hand is left alone;
 *       one outside {@code [minReplicas, maxReplicas]} is brought back at once;
 *   <li>otherwise {@link ReplicaCalculation#resourceReplicas} over the Deployment's pods ({@code
 *       replica_calculator.go GetResourceReplicas}, tolerance {@link PodAutoscaling#tolerance}, 0.1
 *       by default), then {@link ReplicaNormalization#normalize} ({@code normalizeDesiredReplicas}:
 *       the largest raw recommendation of the last {@link
 *       PodAutoscaling#scaleDownStabilizationMillis}, 300 s by default, then min/max and the
 *       scale-up limit {@code max(2 · current, 4)}). With no pod or no usable metric upstream
 *       reports an error and does not scale, nor record a recommendation.
 * </ol>
 *
 * A new count goes to the Deployment as {@code kubectl scale} would ({@link
 * DeploymentController#scale}), so a resize mid-rollout is spread proportionally.
 *
 * <p>How a pod is sampled ({@code replica_calculator.go groupPods}): a Pending pod is unready
 * whatever its metric (upstream's comment says "ignored", its code puts it among the unready pods);
 * terminating and finished pods, which upstream ignores, have left their ReplicaSet already; a
 * running pod whose container is not running has no metric (missing); a pod that is not Ready is
 * unready during the first {@link #CPU_INITIALIZATION_PERIOD_MILLIS} after its start, and after
 * that only if it has never been Ready (upstream: its Ready condition last changed within {@link
 * #INITIAL_READINESS_DELAY_MILLIS} of the start); anything else is ready. The start is the bind
 * time (upstream {@code status.startTime} is set when the kubelet takes the pod). Usage is the
 * Deployment's CPU demand shared by its running containers ({@link KuspRecorder#refreshUsage}).
 *
 * <p>Simplifications: metrics are fresh at every sync (no metrics-server resolution, so a Ready pod
 * within its initialization period is never unready for a stale metric window); no {@code
 * spec.behavior}, hence no scaling policies or scale events; one CPU resource metric.
 */
final class HorizontalPodAutoscaler {

  /**
   * {@code --horizontal-pod-autoscaler-cpu-initialization-period}: 5 min (k/k
   * pkg/controller/podautoscaler/config/v1alpha1/defaults.go {@code
   * RecommendedDefaultHPAControllerConfiguration}).
   */
  static final long CPU_INITIALIZATION_PERIOD_MILLIS = 300_000;

  /** {@code --horizontal-pod-autoscaler-initial-readiness-delay}: 30 s (same file). */
  static final long INITIAL_READINESS_DELAY_MILLIS = 30_000;

  private final Cluster c;

  HorizontalPodAutoscaler(Cluster c) {
    this.c = c;
  }

  /** Starts the loop of {@code d}'s autoscaler: its first sync after one period. */
  void start(Deployment d) {
    c.sim.schedule(d.spec.autoscaling().syncMillis(), () -> sync(d));
  }

  private void sync(Deployment d) {
    if (d.deleted) {
      return; // its Deployment was deleted: the loop ends with it
    }
    PodAutoscaling hpa = d.spec.autoscaling();
    int current = d.replicas;
    int bound = ReplicaNormalization.outOfBounds(current, hpa.minReplicas(), hpa.maxReplicas());
    if (bound > 0) {
      c.deploymentController.scale(d, bound);
    } else if (bound == 0) {
      List<PodSample> pods = samples(d);
      if (pods != null) {
        long now = c.sim.now();
        int recommended =
            ReplicaCalculation.resourceReplicas(
                    current, hpa.targetCpuPercent(), pods, hpa.tolerance())
                .replicas();
        StabilizationWindow window =
            d.hpaWindow == null ? StabilizationWindow.empty() : d.hpaWindow;
        ReplicaNormalization.Normalized n =
            ReplicaNormalization.normalize(
                current,
                recommended,
                hpa.minReplicas(),
                hpa.maxReplicas(),
                window,
                hpa.scaleDownStabilizationMillis(),
                now);
        d.hpaWindow = n.window();
        if (n.replicas() != current) {
          c.deploymentController.scale(d, n.replicas());
        }
      }
    }
    c.sim.schedule(hpa.syncMillis(), () -> sync(d));
  }

  /**
   * The Deployment's pods as the replica calculation sees them, or {@code null} when upstream would
   * report an error: no CPU request, or no Ready pod with a metric.
   */
  private List<PodSample> samples(Deployment d) {
    long request = d.service.request().milliCpu();
    if (request <= 0) {
      return null;
    }
    long now = c.sim.now();
    long usage = d.running > 0 ? Math.round(d.usedCpu / d.running) : PodSample.MISSING;
    List<PodSample> out = new ArrayList<>();
    boolean anyReadyMetric = false;
    for (ReplicaSet rs : d.sets) {
      for (Pod p : rs.pods) {
        PodSample s = sample(p, request, usage, now);
        anyReadyMetric |= s.kind() == PodSample.Kind.READY && s.hasMetric();
        out.add(s);
      }
    }
    return anyReadyMetric ? out : null;
  }

  private static PodSample sample(Pod p, long request, long usage, long now) {
    if (p.phase() != PodPhase.RUNNING) {
      // Pending: unready before its metric is looked at; the usage given is never read.
      return new PodSample(PodSample.Kind.UNREADY, request, 0);
    }
    long metric = p.containerState() == ContainerState.RUNNING ? usage : PodSample.MISSING;
    boolean unready =
        !p.ready() && (now < p.scheduledAt() + CPU_INITIALIZATION_PERIOD_MILLIS || p.readyAt() < 0);
    return new PodSample(unready ? PodSample.Kind.UNREADY : PodSample.Kind.READY, request, metric);
  }

  @Override
  public String toString() {
    return "HorizontalPodAutoscaler";
  }
}
