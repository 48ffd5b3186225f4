package io.platformsim.core.kusp.deployment;

/**
 * Whether a rollout is complete, progressing or stuck past its progress deadline. Mirrors k/k v1.31
 * {@code pkg/controller/deployment/util/deployment_util.go} ({@code DeploymentComplete}, {@code
 * DeploymentProgressing}, {@code DeploymentTimedOut}) and {@code
 * pkg/controller/deployment/progress.go} ({@code syncRolloutStatus}, {@code
 * requeueStuckDeployment}). Times are simulated milliseconds; a deadline of {@link #NO_DEADLINE}
 * stands for an unset or infinite ({@code MaxInt32}) progressDeadlineSeconds.
 *
 * <p>Upstream also requires {@code status.observedGeneration >= metadata.generation} for
 * completeness; the model has no generations, so that term is always true here.
 */
public final class RolloutProgress {

  /** No progress deadline (upstream {@code HasProgressDeadline} false). */
  public static final long NO_DEADLINE = -1;

  private RolloutProgress() {}

  /** {@code DeploymentComplete}: every desired replica updated and available, and no other pod. */
  public static boolean complete(int specReplicas, DeploymentStatusCounts status) {
    return status.updated() == specReplicas
        && status.replicas() == specReplicas
        && status.available() == specReplicas;
  }

  /**
   * {@code DeploymentProgressing}: since the last status, more updated pods, fewer old pods ({@code
   * replicas − updated}), more ready or more available pods.
   */
  public static boolean progressing(
      DeploymentStatusCounts oldStatus, DeploymentStatusCounts newStatus) {
    int oldOld = oldStatus.replicas() - oldStatus.updated();
    int newOld = newStatus.replicas() - newStatus.updated();
    return newStatus.updated() > oldStatus.updated()
        || newOld < oldOld
        || newStatus.ready() > oldStatus.ready()
        || newStatus.available() > oldStatus.available();
  }

  /**
   * {@code DeploymentTimedOut}: there is a deadline and a Progressing condition that is neither
   * complete nor already timed out, and its last update plus the deadline is strictly before now. A
   * condition already timed out stays timed out.
   *
   * @param condition the current Progressing condition, or {@code null}
   */
  public static boolean timedOut(
      long progressDeadlineMillis, ProgressCondition condition, long nowMillis) {
    if (progressDeadlineMillis == NO_DEADLINE || condition == null) {
      return false;
    }
    if (condition.reason() == ProgressCondition.Reason.NEW_REPLICA_SET_AVAILABLE) {
      return false;
    }
    if (condition.reason() == ProgressCondition.Reason.PROGRESS_DEADLINE_EXCEEDED) {
      return true;
    }
    return condition.lastUpdateMillis() + progressDeadlineMillis < nowMillis;
  }

  /**
   * The Progressing condition {@code syncRolloutStatus} leaves after a sync: with no deadline,
   * none; once complete (all pods updated and the condition says NewReplicaSetAvailable) it is
   * kept; otherwise complete → True NewReplicaSetAvailable, else progress → True ReplicaSetUpdated
   * stamped now (keeping the transition time if it was True), else past the deadline → False
   * ProgressDeadlineExceeded, else unchanged. A condition with the same status and reason is not
   * rewritten ({@code SetDeploymentCondition}).
   *
   * @param current the condition before the sync, or {@code null}
   * @param oldStatus the status before the sync
   * @param newStatus the status computed now
   * @return the condition after the sync, or {@code null} if there is none
   */
  public static ProgressCondition syncProgressCondition(
      int specReplicas,
      long progressDeadlineMillis,
      ProgressCondition current,
      DeploymentStatusCounts oldStatus,
      DeploymentStatusCounts newStatus,
      long nowMillis) {
    if (progressDeadlineMillis == NO_DEADLINE) {
      return null;
    }
    boolean completeDeployment =
        newStatus.replicas() == newStatus.updated()
            && current != null
            && current.reason() == ProgressCondition.Reason.NEW_REPLICA_SET_AVAILABLE;
    if (completeDeployment) {
      return current;
    }
    if (complete(specReplicas, newStatus)) {
      return setCondition(
          current, true, ProgressCondition.Reason.NEW_REPLICA_SET_AVAILABLE, nowMillis);
    }
    if (progressing(oldStatus, newStatus)) {
      long transition =
          current != null && current.status() ? current.lastTransitionMillis() : nowMillis;
      return new ProgressCondition(
          true, ProgressCondition.Reason.REPLICA_SET_UPDATED, nowMillis, transition);
    }
    if (timedOut(progressDeadlineMillis, current, nowMillis)) {
      return setCondition(
          current, false, ProgressCondition.Reason.PROGRESS_DEADLINE_EXCEEDED, nowMillis);
    }
    return current;
  }

  /**
   * {@code requeueStuckDeployment}: how long until the controller should look again to catch a
   * timeout. {@code -1}: no need (no deadline, no condition, complete, or already timed out);
   * {@code 0}: at once (less than a second left); otherwise the time left to the deadline, after
   * which plus one second upstream enqueues the Deployment again ("at least 1 second after the
   * deadline").
   */
  public static long requeueAfterMillis(
      int specReplicas,
      long progressDeadlineMillis,
      ProgressCondition current,
      DeploymentStatusCounts newStatus,
      long nowMillis) {
    if (progressDeadlineMillis == NO_DEADLINE || current == null) {
      return -1;
    }
    if (complete(specReplicas, newStatus)
        || current.reason() == ProgressCondition.Reason.PROGRESS_DEADLINE_EXCEEDED) {
      return -1;
    }
    long after = current.lastUpdateMillis() + progressDeadlineMillis - nowMillis;
    if (after < 1000) {
      return 0;
    }
    return after;
  }

  /**
   * {@code SetDeploymentCondition}: a condition with the same status and reason as {@code current}
   * leaves it unchanged (its update time too); otherwise the new one is stamped now, keeping the
   * transition time when the status stays. The controller writes {@code NewReplicaSetCreated} this
   * way when it creates a new ReplicaSet ({@code sync.go getNewReplicaSet}).
   *
   * @param current the condition before, or {@code null}
   */
  public static ProgressCondition setCondition(
      ProgressCondition current, boolean status, ProgressCondition.Reason reason, long nowMillis) {
    if (current != null && current.status() == status && current.reason() == reason) {
      return current;
    }
    long transition =
        current != null && current.status() == status ? current.lastTransitionMillis() : nowMillis;
    return new ProgressCondition(status, reason, nowMillis, transition);
  }
}
