package io.platformsim.core.kusp.deployment;

/**
 * The replica counts of a Deployment's status (k/k {@code apps/v1 DeploymentStatus}), summed over
 * its ReplicaSets by {@code pkg/controller/deployment/sync.go calculateStatus}.
 *
 * @param replicas pods of all ReplicaSets ({@code status.replicas})
 * @param updated pods of the new ReplicaSet ({@code status.updatedReplicas})
 * @param ready ready pods ({@code status.readyReplicas})
 * @param available pods ready for at least minReadySeconds ({@code status.availableReplicas})
 */
public record DeploymentStatusCounts(int replicas, int updated, int ready, int available) {

  /** Validates the counts. */
  public DeploymentStatusCounts {
    if (replicas < 0 || updated < 0 || ready < 0 || available < 0) {
      throw new IllegalArgumentException(
          "status counts must be >= 0: "
              + replicas
              + "/"
              + updated
              + "/"
              + ready
              + "/"
              + available);
    }
  }

  @Override
  public String toString() {
    return "replicas "
        + replicas
        + ", updated "
        + updated
        + ", ready "
        + ready
        + ", available "
        + available;
  }
}
