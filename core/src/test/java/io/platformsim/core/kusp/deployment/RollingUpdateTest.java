package io.platformsim.core.kusp.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RollingUpdate against upstream's tables in k/k pkg/controller/deployment/rolling_test.go and
 * util/deployment_util_test.go.
 */
class RollingUpdateTest {

  private static RolloutSpec rolling(int replicas, int surge, int unavailable) {
    return RolloutSpec.rollingUpdate(
        replicas, IntOrPercent.of(surge), IntOrPercent.of(unavailable));
  }

  /**
   * deployment_util_test.go TestNewRSNewReplicas: maxUnavailable 1; the ReplicaSets counted are one
   * other ReplicaSet of 5 replicas (upstream passes {@code rs5} as allRSs).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "can not scale up - to newRSReplicas; ROLLING_UPDATE; 1; 5; 1; 5",
        "scale up - to depReplicas; ROLLING_UPDATE; 6; 2; 10; 6",
        "recreate - to depReplicas; RECREATE; 3; 1; 1; 3"
      })
  void newRSNewReplicas(
      String name,
      String strategy,
      int depReplicas,
      int newRsReplicas,
      int maxSurge,
      int expected) {
    RolloutSpec d =
        strategy.equals("RECREATE")
            ? RolloutSpec.recreate(depReplicas)
            : rolling(depReplicas, maxSurge, 1);
    List<ReplicaSetCounts> all = List.of(ReplicaSetCounts.of("rs5", 0, 5, 5));
    assertEquals(expected, RollingUpdate.newRSNewReplicas(d, all, newRsReplicas));
  }

  /**
   * rolling_test.go TestDeploymentController_reconcileNewReplicaSet: maxUnavailable 0; allRSs are
   * the new and one old ReplicaSet. expectedNew -1 = no scaling expected.
   */
  @ParameterizedTest(name = "{0} replicas, surge {1}, old {2}, new {3}")
  @CsvSource({
    "10, 0, 10, 0, -1",
    "10, 2, 10, 0, 2",
    "10, 2, 5, 0, 7",
    "10, 2, 10, 2, -1",
    "10, 2, 2, 11, 10"
  })
  void reconcileNewReplicaSet(
      int replicas, int surge, int oldReplicas, int newReplicas, int expectedNew) {
    RolloutSpec d = rolling(replicas, surge, 0);
    ReplicaSetCounts newRs = ReplicaSetCounts.of("foo-v2", 2, newReplicas, 0);
    ReplicaSetCounts oldRs = ReplicaSetCounts.of("foo-v1", 1, oldReplicas, oldReplicas);
    ReplicaSetCounts after = RollingUpdate.reconcileNewReplicaSet(d, List.of(newRs, oldRs), newRs);
    if (expectedNew < 0) {
      assertEquals(newRs, after);
    } else {
      assertEquals(expectedNew, after.replicas());
      assertEquals(replicas, after.desiredAnnotation());
    }
  }

  /**
   * rolling_test.go TestDeploymentController_reconcileOldReplicaSets: maxSurge 0. Upstream checks
   * only whether it scaled; its expectedOldReplicas column is asserted here too (rows without one
   * expect no scaling, written -1).
   */
  @ParameterizedTest(
      name = "{0} replicas, maxUnavailable {1}, old {2} ({4} ready), new {3} ({5} ready)")
  @CsvSource({
    "10, 0, 10, 0, 10, 0, 9",
    "10, 2, 10, 0, 10, 0, 8",
    "10, 2, 10, 0, 8, 0, 8",
    "10, 2, 10, 0, 9, 0, 8",
    "10, 2, 8, 2, 8, 0, -1"
  })
  void reconcileOldReplicaSets(
      int replicas,
      int maxUnavailable,
      int oldReplicas,
      int newReplicas,
      int readyOld,
      int readyNew,
      int expectedOld) {
    RolloutSpec d = rolling(replicas, 0, maxUnavailable);
    ReplicaSetCounts newRs = ReplicaSetCounts.of("foo-new", 2, newReplicas, readyNew);
    ReplicaSetCounts oldRs = ReplicaSetCounts.of("foo-old", 1, oldReplicas, readyOld);
    ScaledSets result = RollingUpdate.reconcileOldReplicaSets(d, List.of(oldRs), newRs);
    assertEquals(expectedOld >= 0, result.scaled());
    assertEquals(expectedOld >= 0 ? expectedOld : oldReplicas, result.sets().get(0).replicas());
  }

  /**
   * rolling_test.go TestDeploymentController_cleanupUnhealthyReplicas: a Deployment of 10 with
   * maxSurge 2 and maxUnavailable 2, one old ReplicaSet of 10 (upstream's unHealthyPods column is
   * replicas − ready and not read by the test).
   */
  @ParameterizedTest(name = "{0} ready, max cleanup {1} -> {2}")
  @CsvSource({"8, 1, 1", "8, 3, 2", "8, 0, 0", "10, 3, 0"})
  void cleanupUnhealthyReplicas(int ready, int maxCleanup, int expected) {
    ReplicaSetCounts oldRs = ReplicaSetCounts.of("foo-v2", 0, 10, ready);
    ScaledSets result =
        RollingUpdate.cleanupUnhealthyReplicas(rolling(10, 2, 2), List.of(oldRs), maxCleanup);
    assertEquals(expected, result.scaledCount());
    assertEquals(10 - expected, result.sets().get(0).replicas());
  }

  /**
   * rolling_test.go TestDeploymentController_scaleDownOldReplicaSetsForRollingUpdate: maxSurge 0,
   * the old ReplicaSet is the only one (no new ReplicaSet in allRSs). expectedOld -1 = no scaling.
   */
  @ParameterizedTest(name = "{0} replicas, maxUnavailable {1}, {2} ready of {3} old")
  @CsvSource({
    "10, 0, 10, 10, 9",
    "10, 2, 10, 10, 8",
    "10, 2, 8, 10, -1",
    "10, 2, 10, 0, -1",
    "10, 2, 1, 10, -1"
  })
  void scaleDownOldReplicaSetsForRollingUpdate(
      int replicas, int maxUnavailable, int ready, int oldReplicas, int expectedOld) {
    ReplicaSetCounts oldRs = ReplicaSetCounts.of("foo-v2", 0, oldReplicas, ready);
    ScaledSets result =
        RollingUpdate.scaleDownOldReplicaSetsForRollingUpdate(
            rolling(replicas, 0, maxUnavailable), List.of(oldRs), null);
    assertEquals(expectedOld >= 0, result.scaled());
    assertEquals(expectedOld >= 0 ? expectedOld : oldReplicas, result.sets().get(0).replicas());
  }

  /** Old ReplicaSets are scaled down oldest first, whatever order they are passed in. */
  @Test
  void scalesDownOldestFirstAndKeepsTheCallersOrder() {
    ReplicaSetCounts newer = ReplicaSetCounts.of("b", 20, 3, 3);
    ReplicaSetCounts older = ReplicaSetCounts.of("a", 10, 3, 3);
    // 10 replicas, maxUnavailable 2: 6 old + 4 new available, MinAvailable 8, so 2 may go.
    ReplicaSetCounts newRs = ReplicaSetCounts.of("c", 30, 4, 4);
    ScaledSets result =
        RollingUpdate.scaleDownOldReplicaSetsForRollingUpdate(
            rolling(10, 0, 2), List.of(newer, older), newRs);
    assertEquals(List.of("b", "a"), result.sets().stream().map(ReplicaSetCounts::name).toList());
    assertEquals(3, result.sets().get(0).replicas());
    assertEquals(1, result.sets().get(1).replicas());
  }

  /**
   * k/k recreate.go rolloutRecreate: old ReplicaSets go to 0 first; the new one is scaled only when
   * no old one is active and no old pod is left.
   */
  @Test
  void recreateScalesOldDownFirstThenTheNewUpWhenOldPodsAreGone() {
    RolloutSpec d = RolloutSpec.recreate(4);
    ReplicaSetCounts old = ReplicaSetCounts.of("v1", 0, 4, 4);
    ReplicaSetCounts nrs = ReplicaSetCounts.of("v2", 1, 0, 0);
    ScaledSets first = RollingUpdate.recreate(d, List.of(old), nrs, true);
    assertEquals(0, first.sets().get(0).replicas());
    assertEquals(0, first.sets().get(1).replicas());
    ScaledSets waiting = RollingUpdate.recreate(d, List.of(first.sets().get(0)), nrs, true);
    assertFalse(waiting.scaled());
    ScaledSets last = RollingUpdate.recreate(d, List.of(first.sets().get(0)), nrs, false);
    assertTrue(last.scaled());
    assertEquals(4, last.sets().get(1).replicas());
  }

  /**
   * A whole rollout, pods available as soon as they exist: it ends with every replica in the new
   * ReplicaSet and none in the old one; no pass goes above spec.replicas + MaxSurge pods, and after
   * each pass at least MinAvailable of the pods kept are available (the fenceposts of k/k
   * rolling.go and deployment_util.go MaxSurge / MinAvailable).
   */
  @Property
  void aRolloutStaysWithinItsFencepostsAndFinishes(
      @ForAll @IntRange(min = 1, max = 40) int replicas,
      @ForAll @IntRange(min = 0, max = 60) int surgePercent,
      @ForAll @IntRange(min = 0, max = 60) int unavailablePercent) {
    RolloutSpec d =
        RolloutSpec.rollingUpdate(
            replicas, IntOrPercent.percent(surgePercent), IntOrPercent.percent(unavailablePercent));
    int maxTotal = replicas + RolloutBounds.maxSurge(d);
    int minAvailable = RolloutBounds.minAvailable(d);
    List<ReplicaSetCounts> olds = List.of(ReplicaSetCounts.of("v1", 0, replicas, replicas));
    ReplicaSetCounts newRs = ReplicaSetCounts.of("v2", 1, 0, 0);
    for (int pass = 0; pass < 4 * replicas + 4; pass++) {
      ScaledSets step = RollingUpdate.rolloutRolling(d, newRs, olds);
      List<ReplicaSetCounts> sets = step.sets();
      int total = RollingUpdate.totalReplicas(sets);
      int keptAvailable = 0;
      for (ReplicaSetCounts r : sets) {
        keptAvailable += Math.min(r.available(), r.replicas());
      }
      assertTrue(total <= maxTotal, "pass " + pass + ": " + total + " pods > " + maxTotal);
      assertTrue(
          keptAvailable >= minAvailable,
          "pass " + pass + ": " + keptAvailable + " available < " + minAvailable);
      if (!step.scaled()) {
        break;
      }
      // Every pod that exists becomes available before the next pass.
      List<ReplicaSetCounts> next = new ArrayList<>();
      for (ReplicaSetCounts r : sets.subList(0, sets.size() - 1)) {
        next.add(
            new ReplicaSetCounts(
                r.name(),
                r.createdAtMillis(),
                r.replicas(),
                r.replicas(),
                r.desiredAnnotation(),
                r.maxAnnotation()));
      }
      olds = next;
      ReplicaSetCounts n = sets.get(sets.size() - 1);
      newRs =
          new ReplicaSetCounts(
              n.name(),
              n.createdAtMillis(),
              n.replicas(),
              n.replicas(),
              n.desiredAnnotation(),
              n.maxAnnotation());
    }
    assertEquals(replicas, newRs.replicas());
    assertEquals(0, RollingUpdate.totalReplicas(olds));
  }
}
