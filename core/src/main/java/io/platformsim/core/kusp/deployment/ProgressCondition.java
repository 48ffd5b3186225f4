package io.platformsim.core.kusp.deployment;

/**
 * A Deployment's {@code Progressing} condition (k/k {@code apps/v1 DeploymentCondition} of type
 * Progressing), with the reasons of {@code pkg/controller/deployment/util/deployment_util.go}.
 *
 * @param status True (progressing or complete) or False (timed out)
 * @param reason why
 * @param lastUpdateMillis when progress was last seen; the deadline counts from here
 * @param lastTransitionMillis when {@code status} last changed
 */
public record ProgressCondition(
    boolean status, Reason reason, long lastUpdateMillis, long lastTransitionMillis) {

  /** The reasons the Deployment controller writes on the Progressing condition. */
  public enum Reason {
    /** {@code NewReplicaSetCreated}: the rollout created its ReplicaSet. */
    NEW_REPLICA_SET_CREATED("NewReplicaSetCreated"),
    /** {@code FoundNewReplicaSet}: the rollout adopted an existing ReplicaSet. */
    FOUND_NEW_REPLICA_SET("FoundNewReplicaSet"),
    /** {@code ReplicaSetUpdated}: progress was seen. */
    REPLICA_SET_UPDATED("ReplicaSetUpdated"),
    /** {@code NewReplicaSetAvailable}: the rollout is complete. */
    NEW_REPLICA_SET_AVAILABLE("NewReplicaSetAvailable"),
    /** {@code ProgressDeadlineExceeded}: no progress within progressDeadlineSeconds. */
    PROGRESS_DEADLINE_EXCEEDED("ProgressDeadlineExceeded");

    private final String apiName;

    Reason(String apiName) {
      this.apiName = apiName;
    }

    @Override
    public String toString() {
      return apiName;
    }
  }

  /** Validates the fields. */
  public ProgressCondition {
    if (reason == null) {
      throw new IllegalArgumentException("reason must not be null");
    }
  }

  /** A condition that starts now (update and transition times {@code nowMillis}). */
  public static ProgressCondition at(boolean status, Reason reason, long nowMillis) {
    return new ProgressCondition(status, reason, nowMillis, nowMillis);
  }

  @Override
  public String toString() {
    return "Progressing="
        + (status ? "True" : "False")
        + " "
        + reason
        + " (updated "
        + lastUpdateMillis
        + " ms)";
  }
}
