package io.platformsim.core.kusp;

import io.platformsim.core.kusp.deployment.DeploymentStatusCounts;
import io.platformsim.core.kusp.deployment.ProgressCondition;
import io.platformsim.core.kusp.deployment.ProportionalScaling;
import io.platformsim.core.kusp.deployment.ReplicaSetCounts;
import io.platformsim.core.kusp.deployment.RollingUpdate;
import io.platformsim.core.kusp.deployment.RolloutProgress;
import io.platformsim.core.kusp.deployment.RolloutSpec;
import io.platformsim.core.kusp.deployment.ScaledSets;
import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Deployment controller (k/k v1.31 pkg/controller/deployment): creates a Deployment's first
 * ReplicaSet and a new one per release, and on each sync (after {@code controllerLatencyMillis})
 * first lets the {@link ReplicaSetController} replace lost pods, then makes one pass of {@code
 * deployment_controller.go syncDeployment}: a resize ({@link ProportionalScaling#isScalingEvent})
 * is spread over the active ReplicaSets ({@code sync.go scale}), otherwise one step of the rollout
 * ({@link RollingUpdate#rolloutRolling}, {@code rolling.go}, or {@link RollingUpdate#recreate},
 * {@code recreate.go}); it records the ReplicaSet step and syncs again until nothing scales. After
 * a rollout pass it writes the Progressing condition ({@link
 * RolloutProgress#syncProgressCondition}, {@code progress.go syncRolloutStatus}) and, while the
 * rollout is neither complete nor timed out, schedules the progress check upstream's {@code
 * requeueStuckDeployment} asks for.
 *
 * <p>Every number comes from {@code io.platformsim.core.kusp.deployment}; this class only turns
 * ReplicaSets into {@link ReplicaSetCounts} and applies the sizes and annotations that come back
 * ({@code sync.go scaleReplicaSet}).
 *
 * <p>Simplifications: the new ReplicaSet is created at 0 replicas and scaled by the next sync, one
 * controller latency later (upstream creates it at {@code NewRSNewReplicas} and goes on to {@code
 * reconcileOldReplicaSets} in the same sync); syncs run when a ReplicaSet or pod changes, coalesced
 * over one controller latency, not per watch event; status {@code readyReplicas} is taken as {@code
 * availableReplicas} ({@link Deployment#statusNow}); a progress check evaluates the condition
 * alone, since a sync that finds nothing changed scales nothing; upstream's rate-limited requeue
 * when less than a second is left is a check one second later. No revision history limit, pause or
 * rollback.
 */
final class DeploymentController {
  private final Cluster c;

  DeploymentController(Cluster c) {
    this.c = c;
  }

  /**
   * Creates the Deployment of {@code service} with its first ReplicaSet and starts its sync (and
   * its HPA, if the spec has one).
   *
   * @throws IllegalArgumentException if the service is deployed already, its request exceeds what a
   *     node of the configured type has for pods, or its limits are below its requests
   */
  void create(Service service, DeploymentSpec spec) {
    if (service == null || spec == null) {
      throw new IllegalArgumentException("service and spec must not be null");
    }
    if (c.deployments.containsKey(service.name())) {
      throw new IllegalArgumentException("service '" + service.name() + "' is already deployed");
    }
    Resources forPods = c.config.allocatableForPods();
    if (c.config.poolFor(service.request(), DeploymentSpec.DEFAULT).isEmpty()) {
      throw new IllegalArgumentException(
          "service '"
              + service.name()
              + "' request "
              + service.request()
              + " exceeds every node type: "
              + c.config.nodeType().name()
              + " has "
              + forPods
              + " allocatable for pods (capacity minus reserved, eviction threshold and DaemonSets)");
    }
    if (service.placement().zoneSpread() > c.config.zones().size()) {
      throw new IllegalArgumentException(
          "service '"
              + service.name()
              + "' zoneSpread "
              + service.placement().zoneSpread()
              + " is above KuSP's "
              + c.config.zones().size()
              + " zones "
              + c.config.zones());
    }
    if (spec.limits() != null) {
      if (spec.limits().milliCpu() > 0 && spec.limits().milliCpu() < service.request().milliCpu()) {
        throw new IllegalArgumentException(
            "service '"
                + service.name()
                + "' spec.containers[0].resources.limits.cpu "
                + spec.limits().milliCpu()
                + "m is below the request "
                + service.request().milliCpu()
                + "m");
      }
      if (spec.limits().memoryMib() > 0
          && spec.limits().memoryMib() < service.request().memoryMib()) {
        throw new IllegalArgumentException(
            "service '"
                + service.name()
                + "' spec.containers[0].resources.limits.memory "
                + spec.limits().memoryMib()
                + " MiB is below the request "
                + service.request().memoryMib()
                + " MiB");
      }
    }
    Deployment d = new Deployment(service, spec);
    c.deployments.put(service.name(), d);
    c.preemption.deploymentAdded(spec.priority());
    d.putImage(service.version(), service.image());
    addReplicaSet(d, new ReplicaSet(d, 1, service.version(), service.image(), 0.0, c.sim.now()));
    c.stranded.deploymentAdded(service.request());
    requestSync(d);
    if (spec.autoscaling() != null) {
      c.podAutoscaler.start(d);
    }
  }

  /**
   * Rolls {@code release} out: a new ReplicaSet with the release's image (the published one, or one
   * derived from the current image; the current image for a configuration change), a new rollout
   * superseding an unfinished one.
   *
   * @throws IllegalArgumentException for an unknown service
   */
  void rollOut(Release release) {
    if (release == null) {
      throw new IllegalArgumentException("release must not be null");
    }
    Deployment d = c.deployments.get(release.service());
    if (d == null) {
      throw new IllegalArgumentException(
          "release "
              + release.version()
              + " is for unknown service '"
              + release.service()
              + "'; deployed: "
              + c.deployments.keySet());
    }
    // A configuration change (a ConfigMap edit plus `kubectl rollout restart`) changes the pod
    // template's annotations only: a new ReplicaSet with the same image.
    ImageDescription image =
        release.kind() == Release.Kind.CONFIG ? d.current.image : d.image(release.version());
    if (image == null) {
      image = Deployment.derivedImage(d.current.image, release);
      d.putImage(release.version(), image);
    }
    if (d.rollingOut()) {
      d.rollout.superseded = true;
    }
    d.rollout = new Rollout(d, release, c.sim.now());
    d.rollouts.add(d.rollout);
    addReplicaSet(
        d,
        new ReplicaSet(
            d,
            d.current.revision + 1,
            release.version(),
            image,
            release.healthCheckFailureProbability(),
            c.sim.now()));
    d.rollout.updateOutOfService(c.sim.now());
    requestSync(d);
  }

  /**
   * Deletes {@code d} now, as {@code kubectl delete deployment} with the default background
   * cascading deletion: the Deployment leaves the API at once, and the garbage collector deletes
   * its ReplicaSets and their pods, whose owners are all gone (k/k v1.31
   * pkg/controller/garbagecollector/garbagecollector.go {@code attemptToDeleteItem}: an object
   * whose owner references all dangle is deleted with the propagation policy it asks for; the
   * collector's own lag is not modelled). Each pod is deleted as the ReplicaSet controller deletes
   * a surplus one ({@link Kubelet#deletePod}): a running container gets SIGTERM and exits within
   * the grace period, a pending pod leaves the scheduling queue. Its HPA stops (the
   * HorizontalPodAutoscaler's target is gone; upstream it reports an error until deleted too), no
   * sync or progress check runs again, and the Deployment's rollouts leave {@link #rollouts()}. The
   * nodes it emptied are left to the cluster autoscaler, which removes them by its own scale-down
   * rules ({@link ClusterAutoscaler}, {@code --scale-down-unneeded-time}, 10 min by default).
   */
  void delete(Deployment d) {
    c.deployments.remove(d.service.name());
    d.deleted = true;
    d.replicas = 0;
    d.progressCheck = c.cancelled(d.progressCheck);
    for (ReplicaSet rs : d.sets) {
      rs.replicas = 0;
      for (Pod p : new ArrayList<>(rs.pods)) {
        c.kubelet.deletePod(p, PodPhase.SUCCEEDED);
      }
    }
  }

  /**
   * Makes {@code rs} the new ReplicaSet of {@code d}, created with the replica annotations and the
   * Progressing condition NewReplicaSetCreated (k/k sync.go {@code getNewReplicaSet},
   * deployment_util.go {@code SetNewReplicaSetAnnotations}).
   */
  private void addReplicaSet(Deployment d, ReplicaSet rs) {
    ReplicaSetCounts annotated = rs.counts().annotatedFor(d.spec.rolloutSpec(d.replicas));
    rs.desiredAnnotation = annotated.desiredAnnotation();
    rs.maxAnnotation = annotated.maxAnnotation();
    d.sets.add(rs);
    d.current = rs;
    d.progressing =
        RolloutProgress.setCondition(
            d.progressing, true, ProgressCondition.Reason.NEW_REPLICA_SET_CREATED, c.sim.now());
  }

  /**
   * Sets the desired replicas of {@code d} (as {@code kubectl scale}); the next sync sees the
   * resize and spreads it over the active ReplicaSets.
   *
   * @throws IllegalArgumentException for a negative count
   */
  void scale(Deployment d, int replicas) {
    if (replicas < 0) {
      throw new IllegalArgumentException(
          "spec.replicas of '" + d.service.name() + "' must be >= 0, was " + replicas);
    }
    d.replicas = replicas;
    requestSync(d);
  }

  /** A pod of {@code rs} became available. */
  void podAvailable(Deployment d, ReplicaSet rs) {
    availabilityChanged(d);
  }

  /** The available pods of {@code d} changed. */
  void availabilityChanged(Deployment d) {
    if (d.rollingOut()) {
      d.rollout.updateOutOfService(c.sim.now());
    }
    requestSync(d);
  }

  /** Syncs {@code d} after the controller latency, unless a sync is pending already. */
  void requestSync(Deployment d) {
    if (d.syncPending || d.deleted) {
      return;
    }
    d.syncPending = true;
    c.sim.schedule(
        c.config.controllerLatencyMillis(),
        () -> {
          d.syncPending = false;
          if (d.deleted) {
            return; // deleted while the sync waited: the garbage collector owns its pods now
          }
          // The ReplicaSet controller first: replace pods that went away (evicted, preempted).
          for (ReplicaSet rs : d.sets) {
            if (rs.pods.size() != rs.replicas) {
              c.replicaSetController.reconcile(rs);
            }
          }
          RolloutSpec spec = d.spec.rolloutSpec(d.replicas);
          List<ReplicaSet> olds = d.sets.subList(0, d.sets.size() - 1);
          List<ReplicaSetCounts> oldCounts = new ArrayList<>(olds.size());
          for (ReplicaSet rs : olds) {
            oldCounts.add(rs.counts());
          }
          ReplicaSetCounts newCounts = d.current.counts();
          boolean scalingEvent = isScalingEvent(spec, oldCounts, newCounts);
          boolean scaled =
              scalingEvent
                  ? scale(d, spec, oldCounts, newCounts)
                  : rollout(d, spec, oldCounts, newCounts);
          if (scaled) {
            d.recordStep(c.sim.now());
            requestSync(d);
          }
          syncStatus(d, !scalingEvent);
        });
  }

  /** {@code sync.go isScalingEvent} over every ReplicaSet. */
  private static boolean isScalingEvent(
      RolloutSpec spec, List<ReplicaSetCounts> olds, ReplicaSetCounts newRs) {
    List<ReplicaSetCounts> all = new ArrayList<>(olds.size() + 1);
    all.addAll(olds);
    all.add(newRs);
    return ProportionalScaling.isScalingEvent(spec, all);
  }

  /**
   * A resize (k/k sync.go {@code sync} → {@code scale}): the only active ReplicaSet takes it all,
   * else it is spread over the active ones in proportion to their size.
   */
  private boolean scale(
      Deployment d, RolloutSpec spec, List<ReplicaSetCounts> olds, ReplicaSetCounts newRs) {
    ScaledSets result = ProportionalScaling.scale(spec, d.status.replicas(), newRs, olds);
    // new ReplicaSet first, then the old ones in the order given
    apply(d.current, result.sets().get(0));
    for (int i = 0; i < olds.size(); i++) {
      apply(d.sets.get(i), result.sets().get(i + 1));
    }
    return result.scaled();
  }

  /**
   * One step of the rollout: RollingUpdate ({@code rolling.go rolloutRolling}) or Recreate ({@code
   * recreate.go rolloutRecreate}, which waits while any old pod exists, terminating ones included:
   * {@code oldPodsRunning}).
   */
  private boolean rollout(
      Deployment d, RolloutSpec spec, List<ReplicaSetCounts> olds, ReplicaSetCounts newRs) {
    ScaledSets result;
    if (spec.rollingUpdate()) {
      result = RollingUpdate.rolloutRolling(spec, newRs, olds);
    } else {
      boolean oldPodsRunning = false;
      for (int i = 0; i < olds.size() && !oldPodsRunning; i++) {
        ReplicaSet rs = d.sets.get(i);
        oldPodsRunning = !rs.pods.isEmpty() || rs.terminating > 0;
      }
      result = RollingUpdate.recreate(spec, olds, newRs, oldPodsRunning);
    }
    // the old ReplicaSets in the order given, then the new one
    for (int i = 0; i < olds.size(); i++) {
      apply(d.sets.get(i), result.sets().get(i));
    }
    apply(d.current, result.sets().get(olds.size()));
    return result.scaled();
  }

  /**
   * Writes what the arithmetic decided for {@code rs} (k/k sync.go {@code scaleReplicaSet}): the
   * annotations, and {@code spec.replicas}, upon which the ReplicaSet controller creates or deletes
   * pods.
   */
  private void apply(ReplicaSet rs, ReplicaSetCounts decided) {
    rs.desiredAnnotation = decided.desiredAnnotation();
    rs.maxAnnotation = decided.maxAnnotation();
    if (decided.replicas() != rs.replicas) {
      rs.replicas = decided.replicas();
      c.replicaSetController.reconcile(rs);
    }
  }

  /**
   * Writes the status after a sync. After a rollout pass ({@code rollout}, not a resize, which
   * upstream ends with {@code syncDeploymentStatus}) the Progressing condition too, and the
   * progress check is (re)scheduled. The latest rollout ends once the Deployment is complete.
   */
  private void syncStatus(Deployment d, boolean rolloutPass) {
    long now = c.sim.now();
    DeploymentStatusCounts status = d.statusNow();
    if (rolloutPass) {
      d.progressing =
          RolloutProgress.syncProgressCondition(
              d.replicas, d.spec.progressDeadlineMillis(), d.progressing, d.status, status, now);
      if (d.rollingOut()
          && d.progressing.reason() == ProgressCondition.Reason.PROGRESS_DEADLINE_EXCEEDED) {
        d.rollout.deadlineExceeded = true;
      }
    }
    d.status = status;
    Rollout r = d.rollout;
    if (r != null && r.end < 0 && RolloutProgress.complete(d.replicas, status)) {
      r.updateOutOfService(now);
      r.end = now;
    }
    if (rolloutPass) {
      scheduleProgressCheck(d, status, now);
    }
  }

  /**
   * k/k progress.go {@code requeueStuckDeployment}: while the Deployment is neither complete nor
   * timed out, look again one second after its progress deadline (one second from now if less than
   * a second is left). One check per Deployment is kept; a check that finds progress since it was
   * scheduled schedules the next. Upstream also requeues a Deployment whose condition says
   * NewReplicaSetAvailable but which lost pods since; such a condition never times out ({@link
   * RolloutProgress#timedOut}), so no check is scheduled for it (it would recur every second, for
   * nothing).
   */
  private void scheduleProgressCheck(Deployment d, DeploymentStatusCounts status, long now) {
    long after =
        RolloutProgress.requeueAfterMillis(
            d.replicas, d.spec.progressDeadlineMillis(), d.progressing, status, now);
    if (after < 0 || d.progressing.reason() == ProgressCondition.Reason.NEW_REPLICA_SET_AVAILABLE) {
      d.progressCheck = c.cancelled(d.progressCheck);
      return;
    }
    if (d.progressCheck >= 0) {
      return;
    }
    d.progressCheck =
        c.sim.schedule(
            after + 1000,
            () -> {
              d.progressCheck = -1;
              syncStatus(d, true);
            });
  }

  /** Every rollout of every Deployment, in start order. */
  List<RolloutRecord> rollouts() {
    List<Rollout> all = new ArrayList<>();
    for (Deployment d : c.deployments.values()) {
      all.addAll(d.rollouts);
    }
    all.sort(Comparator.comparingLong(r -> r.start));
    List<RolloutRecord> out = new ArrayList<>();
    for (Rollout r : all) {
      out.add(r.record(c.sim.now()));
    }
    return out;
  }

  @Override
  public String toString() {
    return "DeploymentController[" + c.deployments.size() + " Deployments]";
  }
}
