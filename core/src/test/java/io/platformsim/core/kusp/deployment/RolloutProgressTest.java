package io.platformsim.core.kusp.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.platformsim.core.kusp.deployment.ProgressCondition.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RolloutProgress against upstream's tables in k/k
 * pkg/controller/deployment/util/deployment_util_test.go and progress_test.go.
 */
class RolloutProgressTest {

  /**
   * deployment_util_test.go TestDeploymentComplete: deployment(desired, current, updated,
   * available, …); ready is not read.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "not complete: min but not all pods become available; 5; 5; 5; 4; false",
        "not complete: min availability is not honored; 5; 5; 5; 3; false",
        "complete; 5; 5; 5; 5; true",
        "not complete: all pods are available but not updated; 5; 5; 4; 5; false",
        "not complete: still running old pods; 1; 2; 1; 1; false",
        "not complete: one replica deployment never comes up; 1; 1; 1; 0; false"
      })
  void complete(
      String name, int desired, int current, int updated, int available, boolean expected) {
    assertEquals(
        expected,
        RolloutProgress.complete(
            desired, new DeploymentStatusCounts(current, updated, 0, available)));
  }

  /**
   * deployment_util_test.go TestDeploymentProgressing: (current, updated, ready, available) before
   * and after.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "progressing: updated pods; 10, 4, 4, 4; 10, 6, 4, 4; true",
        "not progressing; 10, 4, 4, 4; 10, 4, 4, 4; false",
        "progressing: old pods removed; 10, 4, 6, 6; 8, 4, 6, 6; true",
        "not progressing: less new pods; 10, 7, 3, 3; 10, 6, 3, 3; false",
        "progressing: less overall but more new pods; 10, 4, 7, 7; 8, 8, 5, 5; true",
        "progressing: more ready pods; 10, 10, 9, 8; 10, 10, 10, 8; true",
        "progressing: more available pods; 10, 10, 10, 9; 10, 10, 10, 10; true"
      })
  void progressing(String name, String before, String after, boolean expected) {
    assertEquals(expected, RolloutProgress.progressing(status(before), status(after)));
  }

  private static DeploymentStatusCounts status(String text) {
    String[] p = text.split(",\\s*");
    return new DeploymentStatusCounts(
        Integer.parseInt(p[0]),
        Integer.parseInt(p[1]),
        Integer.parseInt(p[2]),
        Integer.parseInt(p[3]));
  }

  /**
   * deployment_util_test.go TestDeploymentTimedOut: times are seconds past 00:00; nil and infinite
   * (MaxInt32) deadlines are both {@link RolloutProgress#NO_DEADLINE}. Upstream's condition reason
   * "" is read as ReplicaSetUpdated (neither complete nor timed out).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "nil progressDeadlineSeconds specified - no timeout; -1; REPLICA_SET_UPDATED; 69; 80; false",
        "progressDeadlineSeconds: 10s, 00:01:20 - 00:01:09 => 11s; 10; REPLICA_SET_UPDATED; 69; 80; true",
        "progressDeadlineSeconds: 10s, 00:01:20 - 00:01:11 => 9s; 10; REPLICA_SET_UPDATED; 71; 80; false",
        "previous status was a complete deployment; -1; NEW_REPLICA_SET_AVAILABLE; 0; 0; false"
      })
  void timedOut(
      String name,
      long deadlineSeconds,
      Reason reason,
      long fromSeconds,
      long nowSeconds,
      boolean expected) {
    long deadline = deadlineSeconds < 0 ? RolloutProgress.NO_DEADLINE : deadlineSeconds * 1000;
    ProgressCondition c = ProgressCondition.at(true, reason, fromSeconds * 1000);
    assertEquals(expected, RolloutProgress.timedOut(deadline, c, nowSeconds * 1000));
  }

  /**
   * progress_test.go TestRequeueStuckDeployment: progressDeadlineSeconds 60, the stuck condition
   * updated at 18:49:00 (time 0 here); now in ms after it. Expected -1 = no requeue.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "nil progressDeadlineSeconds specified; -1; 4; 3, 3, 0, 2; STUCK; 0; -1",
        "no progressing condition found; 60; 4; 3, 3, 0, 2; NONE; 0; -1",
        "complete deployment does not need to be requeued; 60; 3; 3, 3, 0, 3; NONE; 0; -1",
        "already failed deployment does not need to be requeued; 60; 3; 3, 3, 0, 0; FAILED; 0; -1",
        "stuck deployment - 30s; 60; 3; 3, 3, 0, 1; STUCK; 30000; 30000",
        "stuck deployment - 1s; 60; 3; 3, 3, 0, 1; STUCK; 59000; 1000",
        "failed deployment - less than a second => now; 60; 3; 3, 3, 0, 1; STUCK; 59001; 0",
        "failed deployment - now; 60; 3; 3, 3, 0, 1; STUCK; 60000; 0",
        "failed deployment - 1s after deadline; 60; 3; 3, 3, 0, 1; STUCK; 61000; 0",
        "failed deployment - 60s after deadline; 60; 3; 3, 3, 0, 1; STUCK; 120000; 0"
      })
  void requeueAfter(
      String name,
      long deadlineSeconds,
      int replicas,
      String newStatus,
      String condition,
      long now,
      long expected) {
    long deadline = deadlineSeconds < 0 ? RolloutProgress.NO_DEADLINE : deadlineSeconds * 1000;
    ProgressCondition c =
        switch (condition) {
          case "STUCK" -> ProgressCondition.at(true, Reason.REPLICA_SET_UPDATED, 0);
          case "FAILED" -> ProgressCondition.at(false, Reason.PROGRESS_DEADLINE_EXCEEDED, 0);
          default -> null;
        };
    assertEquals(
        expected,
        RolloutProgress.requeueAfterMillis(replicas, deadline, c, status(newStatus), now));
  }

  /**
   * progress_test.go TestSyncRolloutStatus (progressDeadlineSeconds 60, conditions stamped at T =
   * 1000 s, the sync at T + 61 s). New status = what calculateStatus sums from the rows'
   * ReplicaSets (ready is 0 throughout: upstream's ReplicaSets have no ready pods). Columns: spec
   * replicas; old status; new status; current condition; expected status, reason, and whether
   * update and transition times stay at T.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "do not estimate progress of deployment with only one active ReplicaSet; 3; 3, 3, 0, 3; 3, 0, 0, 3; AVAILABLE; true; NEW_REPLICA_SET_AVAILABLE; true; true",
        "DeploymentProgressing: dont update lastTransitionTime if already True; 3; 2, 2, 0, 2; 3, 2, 0, 3; UPDATED; true; REPLICA_SET_UPDATED; false; true",
        "DeploymentProgressing: update everything if Progressing=False; 3; 2, 2, 0, 2; 3, 2, 0, 3; TIMED_OUT; true; REPLICA_SET_UPDATED; false; false",
        "DeploymentProgressing: create Progressing condition if it does not exist; 3; 2, 2, 0, 2; 3, 2, 0, 3; NONE; true; REPLICA_SET_UPDATED; false; false",
        "DeploymentComplete: dont update lastTransitionTime if already True; 3; 3, 3, 0, 3; 3, 3, 0, 3; UPDATED; true; NEW_REPLICA_SET_AVAILABLE; false; true",
        "DeploymentComplete: update everything if Progressing=False; 3; 3, 3, 0, 3; 3, 3, 0, 3; TIMED_OUT; true; NEW_REPLICA_SET_AVAILABLE; false; false",
        "DeploymentComplete: create Progressing condition if it does not exist; 3; 3, 3, 0, 3; 3, 3, 0, 3; NONE; true; NEW_REPLICA_SET_AVAILABLE; false; false",
        "DeploymentComplete: defend against NPE when newRS=nil; 0; 3, 3, 0, 3; 0, 0, 0, 0; UPDATED; true; NEW_REPLICA_SET_AVAILABLE; false; true",
        "DeploymentTimedOut: update status if rollout exceeds Progress Deadline; 3; 2, 2, 0, 2; 2, 2, 0, 2; UPDATED; false; PROGRESS_DEADLINE_EXCEEDED; false; false",
        "DeploymentTimedOut: do not update status if existing timedOut condition; 3; 2, 2, 0, 2; 2, 2, 0, 2; TIMED_OUT; false; PROGRESS_DEADLINE_EXCEEDED; true; true"
      })
  void syncProgressCondition(
      String name,
      int replicas,
      String oldStatus,
      String newStatus,
      String current,
      boolean expStatus,
      Reason expReason,
      boolean updateKept,
      boolean transitionKept) {
    long t = 1_000_000;
    long now = t + 61_000;
    ProgressCondition c =
        switch (current) {
          case "AVAILABLE" -> ProgressCondition.at(true, Reason.NEW_REPLICA_SET_AVAILABLE, t);
          case "UPDATED" -> ProgressCondition.at(true, Reason.REPLICA_SET_UPDATED, t);
          case "TIMED_OUT" -> ProgressCondition.at(false, Reason.PROGRESS_DEADLINE_EXCEEDED, t);
          default -> null;
        };
    ProgressCondition after =
        RolloutProgress.syncProgressCondition(
            replicas, 60_000, c, status(oldStatus), status(newStatus), now);
    assertEquals(expStatus, after.status());
    assertEquals(expReason, after.reason());
    assertEquals(updateKept ? t : now, after.lastUpdateMillis(), "lastUpdateTime");
    assertEquals(transitionKept ? t : now, after.lastTransitionMillis(), "lastTransitionTime");
  }

  /**
   * TestSyncRolloutStatus "General: remove Progressing condition … if deployment has no Progress
   * Deadline".
   */
  @Test
  void noDeadlineRemovesTheCondition() {
    assertNull(
        RolloutProgress.syncProgressCondition(
            3,
            RolloutProgress.NO_DEADLINE,
            ProgressCondition.at(true, Reason.REPLICA_SET_UPDATED, 0),
            status("2, 2, 0, 2"),
            status("3, 2, 0, 3"),
            5000));
  }
}
