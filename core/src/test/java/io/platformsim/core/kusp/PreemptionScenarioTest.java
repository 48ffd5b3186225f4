package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.platformsim.core.workload.Resources;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Preemption on a whole platform: two nodes of 3700m for pods, each full with one 3000m pod of
 * priority 0. A 3000m pod of priority 1000 must evict one of them (k/k
 * pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go); which one, the
 * Deployments' PodDisruptionBudgets decide (pickOneNodeForPreemption: fewest violations first).
 */
class PreemptionScenarioTest {

  private static KuspPlatform twoFullNodes(
      PodDisruptionBudget spareBudget, PodDisruptionBudget guardedBudget) {
    KuspPlatform k =
        KuspBehaviourTest.cluster(
            KuspConfig.builder().initialNodes(2).preloadedImages(KuspBehaviourTest.IMG));
    // spare first, guarded second: with nothing else to tell the nodes apart, upstream's last
    // criterion (the victim that started last) picks guarded's node
    k.deploy(
        KuspBehaviourTest.svc("spare", 1, Resources.of(3000, 256), 0),
        DeploymentSpec.builder().disruptionBudget(spareBudget).build());
    k.deploy(
        KuspBehaviourTest.svc("guarded", 1, Resources.of(3000, 256), 0),
        DeploymentSpec.builder().disruptionBudget(guardedBudget).build());
    k.simulation().run();
    assertEquals(1, k.available("spare"));
    assertEquals(1, k.available("guarded"));
    assertNotEquals(k.pods("spare").get(0).nodeName(), k.pods("guarded").get(0).nodeName());
    return k;
  }

  private static void deployUrgent(KuspPlatform k) {
    k.deploy(
        KuspBehaviourTest.svc("urgent", 1, Resources.of(3000, 256), 0),
        DeploymentSpec.builder().priority(1000).build());
    k.simulation().run();
    assertEquals(1, k.available("urgent"));
    assertEquals(1, k.kuspMetrics().preemptions());
  }

  @Test
  void withoutBudgetsTheLaterStartedPodIsPreempted() {
    KuspPlatform k = twoFullNodes(null, null);
    String guardedNode = k.pods("guarded").get(0).nodeName();
    String spareId = k.pods("spare").get(0).id();
    deployUrgent(k);
    assertEquals(guardedNode, k.pods("urgent").get(0).nodeName());
    assertEquals(List.of(spareId), k.pods("spare").stream().map(Pod::id).toList());
  }

  @Test
  void theBudgetThatAllowsADisruptionLosesItsPodNotTheOneThatDoesNot() {
    // guarded: minAvailable 1 of 1 Ready pod, disruptionsAllowed 0; spare: maxUnavailable 1 of
    // scale 1, desiredHealthy 0, disruptionsAllowed 1 (disruption.go).
    KuspPlatform k =
        twoFullNodes(
            PodDisruptionBudget.maxUnavailable("1"), PodDisruptionBudget.minAvailable("1"));
    String spareNode = k.pods("spare").get(0).nodeName();
    String guardedId = k.pods("guarded").get(0).id();
    deployUrgent(k);
    assertEquals(spareNode, k.pods("urgent").get(0).nodeName());
    assertEquals(List.of(guardedId), k.pods("guarded").stream().map(Pod::id).toList());
    assertEquals(1, k.available("guarded"));
    // spare's ReplicaSet replaced its pod, which fits nowhere and cannot preempt (priority 0)
    assertEquals(0, k.available("spare"));
    assertEquals(1, k.kuspMetrics().unschedulableNow().size());
  }
}
