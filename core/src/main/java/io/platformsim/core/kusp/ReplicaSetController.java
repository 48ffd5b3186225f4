package io.platformsim.core.kusp;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The ReplicaSet controller (k/k pkg/controller/replicaset/replica_set.go {@code manageReplicas}):
 * creates or deletes pods until a ReplicaSet's active pods match its {@code spec.replicas}. New
 * pods are named {@code <service>-r<revision>-<n>}, are broken with the release's health-check
 * failure probability (stream {@code kusp.healthCheck}) and enter the scheduling queue; surplus
 * pods are deleted in upstream order ({@link PodDeletionOrder}).
 */
final class ReplicaSetController {
  private final Cluster c;
  private final RandomGenerator healthChecks;

  ReplicaSetController(Cluster c, RandomGenerator healthChecks) {
    this.c = c;
    this.healthChecks = healthChecks;
  }

  void reconcile(ReplicaSet rs) {
    Deployment d = rs.deployment;
    int replicas = rs.replicas;
    int diff = rs.pods.size() - replicas;
    if (diff < 0) {
      for (int i = 0; i < -diff; i++) {
        String id = rs.podName(++rs.podCounter);
        boolean broken =
            rs.healthCheckFailureProbability > 0
                && healthChecks.nextDouble() < rs.healthCheckFailureProbability;
        Pod p =
            c.pods.create(
                id,
                d.service.name(),
                rs.revision,
                false,
                rs.image,
                d.service.request(),
                d.spec.priority(),
                broken,
                d);
        p.owner = rs;
        rs.pods.add(p);
        if (rs == d.current && d.rollingOut()) {
          d.rollout.podsCreated++;
        }
        c.queue.enqueue(p);
      }
    } else if (diff > 0) {
      List<Pod> victims = PodDeletionOrder.choose(rs.pods, diff, c.sim.now());
      for (Pod p : victims) {
        c.kubelet.deletePod(p, PodPhase.SUCCEEDED);
      }
    }
  }

  @Override
  public String toString() {
    return "ReplicaSetController";
  }
}
