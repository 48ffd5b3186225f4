package io.platformsim.core.kusp;

import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Deployment controller (k/k pkg/controller/deployment): creates a Deployment's first
 * ReplicaSet, a new one per release, and on each sync (after {@code controllerLatencyMillis})
 * first lets the {@link ReplicaSetController} replace lost pods, then scales one step of the
 * rollout (RollingUpdate, {@code rolling.go}, or Recreate, {@code recreate.go}), records the
 * ReplicaSet step and syncs again until nothing changes; it tracks rollout progress, completion
 * and the progress deadline.
 *
 * <p>The rolling-update arithmetic sits in one method per upstream function
 * ({@link #newRSNewReplicas}, {@link #cleanupUnhealthyReplicas},
 * {@link #scaleDownOldReplicaSetsForRollingUpdate}; MaxSurge/MaxUnavailable come resolved from
 * {@link DeploymentSpec#fenceposts}), so each can be swapped for another implementation alone.
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
   * @throws IllegalArgumentException if the service is deployed already, its request exceeds what
   *                                  a node of the configured type has for pods, or its limits are
   *                                  below its requests
   */
  void create(Service service, DeploymentSpec spec) {
    if (service == null || spec == null) {
      throw new IllegalArgumentException("service and spec must not be null");
    }
    if (c.deployments.containsKey(service.name())) {
      throw new IllegalArgumentException("service '" + service.name() + "' is already deployed");
    }
    Resources forPods = c.config.allocatableForPods();
    if (!service.request().fitsIn(forPods)) {
      throw new IllegalArgumentException("service '" + service.name() + "' request " + service.request()
          + " exceeds every node type: " + c.config.nodeType().name() + " has " + forPods
          + " allocatable for pods (capacity minus reserved, eviction threshold and DaemonSets)");
    }
    if (spec.limits() != null) {
      if (spec.limits().milliCpu() > 0 && spec.limits().milliCpu() < service.request().milliCpu()) {
        throw new IllegalArgumentException("service '" + service.name() + "' spec.containers[0].resources.limits.cpu "
            + spec.limits().milliCpu() + "m is below the request " + service.request().milliCpu() + "m");
      }
      if (spec.limits().memoryMib() > 0 && spec.limits().memoryMib() < service.request().memoryMib()) {
        throw new IllegalArgumentException("service '" + service.name() + "' spec.containers[0].resources.limits.memory "
            + spec.limits().memoryMib() + " MiB is below the request " + service.request().memoryMib() + " MiB");
      }
    }
    Deployment d = new Deployment(service, spec);
    c.deployments.put(service.name(), d);
    c.preemption.deploymentAdded(spec.priority());
    d.putImage(service.version(), service.image());
    ReplicaSet rs = new ReplicaSet(d, 1, service.version(), service.image(), 0.0);
    d.sets.add(rs);
    d.current = rs;
    c.stranded.deploymentAdded(service.request());
    requestSync(d);
    if (spec.autoscaling() != null) {
      c.podAutoscaler.start(d);
    }
  }

  /**
   * Rolls {@code release} out: a new ReplicaSet with the release's image (the published one, or
   * one derived from the current image), a new rollout superseding an unfinished one.
   *
   * @throws IllegalArgumentException for an unknown service
   */
  void rollOut(Release release) {
    if (release == null) {
      throw new IllegalArgumentException("release must not be null");
    }
    Deployment d = c.deployments.get(release.service());
    if (d == null) {
      throw new IllegalArgumentException("release " + release.version() + " is for unknown service '"
          + release.service() + "'; deployed: " + c.deployments.keySet());
    }
    ImageDescription image = d.image(release.version());
    if (image == null) {
      image = Deployment.derivedImage(d.current.image, release);
      d.putImage(release.version(), image);
    }
    if (d.rollingOut()) {
      d.rollout.superseded = true;
      c.sim.cancel(d.rollout.deadlineTimer);
    }
    ReplicaSet rs = new ReplicaSet(d, d.current.revision + 1, release.version(), image,
        release.healthCheckFailureProbability());
    d.sets.add(rs);
    d.current = rs;
    d.rollout = new Rollout(d, release, c.sim.now());
    d.rollouts.add(d.rollout);
    d.rollout.updateOutOfService(c.sim.now());
    touchProgress(d);
    requestSync(d);
  }

  /**
   * Sets the desired replicas of {@code d} (as {@code kubectl scale}).
   *
   * @throws IllegalArgumentException for a negative count
   */
  void scale(Deployment d, int replicas) {
    if (replicas < 0) {
      throw new IllegalArgumentException("spec.replicas of '" + d.service.name() + "' must be >= 0, was " + replicas);
    }
    d.replicas = replicas;
    requestSync(d);
  }

  /** A pod of {@code rs} became available: the rollout progressed if {@code rs} is the new one. */
  void podAvailable(Deployment d, ReplicaSet rs) {
    if (d.rollingOut() && rs == d.current) {
      touchProgress(d);
    }
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
    if (d.syncPending) {
      return;
    }
    d.syncPending = true;
    c.sim.schedule(c.config.controllerLatencyMillis(), () -> {
      d.syncPending = false;
      // The ReplicaSet controller first: replace pods that went away (evicted, preempted).
      for (ReplicaSet rs : d.sets) {
        if (rs.pods.size() != rs.replicas) {
          c.replicaSetController.reconcile(rs);
        }
      }
      if (syncOnce(d)) {
        d.recordStep(c.sim.now());
        requestSync(d);
      }
      checkRolloutDone(d);
    });
  }

  /**
   * One sync; returns whether it scaled a ReplicaSet (then the resulting ReplicaSet update
   * triggers the next sync).
   */
  private boolean syncOnce(Deployment d) {
    return d.spec.strategy() == DeploymentSpec.Strategy.RECREATE ? rolloutRecreate(d) : rolloutRolling(d);
  }

  /**
   * Recreate (k/k pkg/controller/deployment/recreate.go {@code rolloutRecreate}): scale every old
   * ReplicaSet to zero, wait until their pods are gone, then scale the new one up.
   */
  private boolean rolloutRecreate(Deployment d) {
    ReplicaSet nrs = d.current;
    boolean scaled = false;
    for (ReplicaSet rs : d.sets) {
      if (rs != nrs && rs.replicas > 0) {
        scaleReplicaSet(rs, 0);
        scaled = true;
      }
    }
    if (scaled) {
      return true;
    }
    for (ReplicaSet rs : d.sets) {
      if (rs != nrs && (!rs.pods.isEmpty() || rs.terminating > 0)) {
        return false;
      }
    }
    if (nrs.replicas != d.replicas) {
      scaleReplicaSet(nrs, d.replicas);
      return true;
    }
    return false;
  }

  /**
   * RollingUpdate (k/k pkg/controller/deployment/rolling.go {@code rolloutRolling}, v1.31): scale
   * the new ReplicaSet up if possible ({@code reconcileNewReplicaSet}), otherwise scale old ones
   * down ({@code reconcileOldReplicaSets}: first unhealthy pods, then oldest first keeping
   * {@code replicas − maxUnavailable} available).
   */
  private boolean rolloutRolling(Deployment d) {
    ReplicaSet nrs = d.current;
    Fenceposts f = d.spec.fenceposts(d.replicas);
    int total = 0;
    for (ReplicaSet rs : d.sets) {
      total += rs.replicas;
    }
    // reconcileNewReplicaSet
    if (nrs.replicas != d.replicas) {
      if (nrs.replicas > d.replicas) {
        scaleReplicaSet(nrs, d.replicas);
        return true;
      }
      int newReplicas = newRSNewReplicas(d, total, f);
      if (newReplicas != nrs.replicas) {
        scaleReplicaSet(nrs, newReplicas);
        return true;
      }
    }
    // reconcileOldReplicaSets
    int oldReplicas = total - nrs.replicas;
    if (oldReplicas == 0) {
      return false;
    }
    int minAvailable = d.replicas - f.unavailable();
    int newUnavailable = nrs.replicas - nrs.available();
    int maxScaledDown = total - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) {
      return false;
    }
    int cleaned = cleanupUnhealthyReplicas(d, maxScaledDown);
    int scaledDown = scaleDownOldReplicaSetsForRollingUpdate(d, minAvailable);
    return cleaned + scaledDown > 0;
  }

  /**
   * The new ReplicaSet's replicas for a scale-up (k/k pkg/controller/deployment/util/
   * deployment_util.go {@code NewRSNewReplicas}): up to {@code replicas + maxSurge} pods in all,
   * never above {@code replicas}. {@code total} is the replicas of every ReplicaSet.
   */
  private static int newRSNewReplicas(Deployment d, int total, Fenceposts f) {
    ReplicaSet nrs = d.current;
    int maxTotal = d.replicas + f.surge();
    if (total >= maxTotal) {
      return nrs.replicas;
    }
    return nrs.replicas + Math.min(maxTotal - total, d.replicas - nrs.replicas);
  }

  /**
   * Scales old ReplicaSets down by their unavailable pods, oldest first, at most
   * {@code maxCleanup} in all (k/k rolling.go {@code cleanupUnhealthyReplicas}); returns how many.
   */
  private int cleanupUnhealthyReplicas(Deployment d, int maxCleanup) {
    int cleaned = 0;
    for (ReplicaSet rs : d.sets) {
      if (rs == d.current || cleaned >= maxCleanup) {
        continue;
      }
      int avail = rs.available();
      if (rs.replicas == 0 || rs.replicas == avail) {
        continue;
      }
      int n = Math.min(maxCleanup - cleaned, rs.replicas - avail);
      scaleReplicaSet(rs, rs.replicas - n);
      cleaned += n;
    }
    return cleaned;
  }

  /**
   * Scales old ReplicaSets down, oldest first, by as many as are available above
   * {@code minAvailable} (k/k rolling.go {@code scaleDownOldReplicaSetsForRollingUpdate});
   * returns how many.
   */
  private int scaleDownOldReplicaSetsForRollingUpdate(Deployment d, int minAvailable) {
    int availableAll = d.available();
    int scaledDown = 0;
    if (availableAll > minAvailable) {
      int totalDown = availableAll - minAvailable;
      for (ReplicaSet rs : d.sets) {
        if (rs == d.current || scaledDown >= totalDown || rs.replicas == 0) {
          continue;
        }
        int n = Math.min(rs.replicas, totalDown - scaledDown);
        scaleReplicaSet(rs, rs.replicas - n);
        scaledDown += n;
      }
    }
    return scaledDown;
  }

  /** Sets {@code spec.replicas} and lets the ReplicaSet controller create or delete pods. */
  private void scaleReplicaSet(ReplicaSet rs, int replicas) {
    Deployment d = rs.deployment;
    if (d.rollingOut() && replicas != rs.replicas) {
      touchProgress(d);
    }
    rs.replicas = replicas;
    c.replicaSetController.reconcile(rs);
  }

  /** The rollout progressed: its progress deadline starts over. */
  private void touchProgress(Deployment d) {
    Rollout r = d.rollout;
    if (r == null || r.end >= 0) {
      return;
    }
    if (r.deadlineTimer >= 0) {
      c.sim.cancel(r.deadlineTimer);
    }
    r.deadlineTimer = c.sim.schedule(d.spec.progressDeadlineMillis(), () -> {
      r.deadlineTimer = -1;
      if (r.end < 0 && !r.superseded) {
        r.deadlineExceeded = true;
      }
    });
  }

  /**
   * Complete when the new ReplicaSet has every desired replica available and no old pod is
   * active (k/k pkg/controller/deployment/util/deployment_util.go DeploymentComplete).
   */
  private void checkRolloutDone(Deployment d) {
    Rollout r = d.rollout;
    if (r == null || r.end >= 0 || r.superseded) {
      return;
    }
    ReplicaSet nrs = d.current;
    if (nrs.replicas != d.replicas || nrs.available() < d.replicas) {
      return;
    }
    for (ReplicaSet rs : d.sets) {
      if (rs != nrs && !rs.pods.isEmpty()) {
        return;
      }
    }
    r.updateOutOfService(c.sim.now());
    r.end = c.sim.now();
    if (r.deadlineTimer >= 0) {
      c.sim.cancel(r.deadlineTimer);
      r.deadlineTimer = -1;
    }
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
