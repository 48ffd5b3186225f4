package io.platformsim.core.kusp;

import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.workload.Release;

/**
 * One rollout of a Deployment: when it started and ended (its Deployment complete, k/k
 * deployment_util.go {@code DeploymentComplete}), whether a later release superseded it or its
 * Deployment's Progressing condition went to ProgressDeadlineExceeded while it ran, the pods it
 * created and its out-of-service integral (desired minus available replicas over time).
 */
final class Rollout {
  final Deployment deployment;
  final Release release;
  final long start;
  long end = -1;
  boolean superseded;
  boolean deadlineExceeded;
  int podsCreated;
  int maxOut;
  long outIntegral;
  long lastOutAt;
  int lastOut;

  Rollout(Deployment deployment, Release release, long start) {
    this.deployment = deployment;
    this.release = release;
    this.start = start;
    this.lastOutAt = start;
  }

  void updateOutOfService(long now) {
    outIntegral += (long) lastOut * (now - lastOutAt);
    lastOutAt = now;
    lastOut = Math.max(0, deployment.replicas - deployment.available());
    maxOut = Math.max(maxOut, lastOut);
  }

  RolloutRecord record(long now) {
    long integral = end >= 0 ? outIntegral : outIntegral + (long) lastOut * (now - lastOutAt);
    DeploymentSpec s = deployment.spec;
    String strategy =
        s.strategy() == DeploymentSpec.Strategy.RECREATE
            ? "Recreate"
            : "RollingUpdate(maxSurge "
                + s.maxSurge()
                + ", maxUnavailable "
                + s.maxUnavailable()
                + ")";
    return new RolloutRecord(
        release,
        strategy,
        start,
        end,
        end >= 0 ? RolloutRecord.Outcome.COMPLETED : RolloutRecord.Outcome.IN_PROGRESS,
        podsCreated,
        maxOut,
        integral);
  }

  @Override
  public String toString() {
    return "Rollout["
        + release
        + " from "
        + start
        + (end >= 0 ? " to " + end : " in progress")
        + (deadlineExceeded ? ", deadline exceeded" : "")
        + (superseded ? ", superseded" : "")
        + "]";
  }
}
