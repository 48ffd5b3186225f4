package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.platformsim.core.kusp.deployment.IntOrPercent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link PodDisruptionBudget}'s status against the disruption controller's own tests (k/k
 * pkg/controller/disruption/disruption_test.go, v1.31; {@code VerifyPdbStatus(allowed,
 * currentHealthy, desiredHealthy, expectedPods)}).
 */
class PodDisruptionBudgetTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // test, budget, scale, matching pods, healthy, expected allowed, desired, expected pods
    // TestNoSelector: minAvailable 3, one Ready pod, no controller
    "TestNoSelector,                          min,3,   0, 1, 1, 0, 3, 1",
    // TestUnavailable: minAvailable 3, four Ready pods; then one of them not Ready
    "TestUnavailable four Ready,              min,3,   0, 4, 4, 1, 3, 4",
    "TestUnavailable one not Ready,           min,3,   0, 4, 3, 0, 3, 4",
    // TestIntegerMaxUnavailableWithScaling: maxUnavailable 2, one pod of a ReplicaSet of 7, then 5
    "TestIntegerMaxUnavailableWithScaling 7,  max,2,   7, 1, 1, 0, 5, 7",
    "TestIntegerMaxUnavailableWithScaling 5,  max,2,   5, 1, 1, 0, 3, 5",
    // TestPercentageMaxUnavailableWithScaling: 30% of 7 rounds up to 3, of 3 to 1
    "TestPercentageMaxUnavailableWithScaling 7, max,30%, 7, 1, 1, 0, 4, 7",
    "TestPercentageMaxUnavailableWithScaling 3, max,30%, 3, 1, 1, 0, 2, 3",
    // TestReplicaSet: minAvailable 20% of a ReplicaSet of 10, one pod
    "TestReplicaSet,                          min,20%, 10, 1, 1, 0, 2, 10",
    // TestReplicationController: 34% of 3 rounds up to 2; three Ready pods
    "TestReplicationController,               min,34%, 3, 3, 3, 1, 2, 3",
    // TestScaleResource: maxUnavailable 5, scale 10, four Ready pods
    "TestScaleResource,                       max,5,   10, 4, 4, 0, 5, 10",
    // TestMultipleControllers (one controller): 1% of 1 rounds up to 1, two Ready pods
    "TestMultipleControllers,                 min,1%,  1, 2, 2, 1, 1, 1",
  })
  void statusAsTheDisruptionControllerComputesIt(
      String test,
      String kind,
      String value,
      int scale,
      int matching,
      int healthy,
      int allowed,
      int desired,
      int expected) {
    PodDisruptionBudget pdb =
        kind.equals("min")
            ? PodDisruptionBudget.minAvailable(value)
            : PodDisruptionBudget.maxUnavailable(value);
    assertEquals(expected, pdb.expectedPods(scale, matching), "expectedPods");
    assertEquals(desired, pdb.desiredHealthy(scale), "desiredHealthy");
    assertEquals(allowed, pdb.disruptionsAllowed(scale, matching, healthy), "disruptionsAllowed");
  }

  @Test
  void noPodExpectedAllowsNoDisruption() {
    // TestIntegerMaxUnavailable / TestNakedPod: a budget matching no controlled pod allows none
    // (updatePdbStatus: expectedCount <= 0), however healthy the pods
    assertEquals(0, PodDisruptionBudget.maxUnavailable("1").disruptionsAllowed(0, 1, 1));
    assertEquals(0, PodDisruptionBudget.minAvailable("28%").disruptionsAllowed(0, 1, 1));
  }

  @Test
  void exactlyOneFieldAndAtMostAHundredPercent() {
    assertThrows(IllegalArgumentException.class, () -> new PodDisruptionBudget(null, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new PodDisruptionBudget(IntOrPercent.of(1), IntOrPercent.of(1)));
    assertThrows(IllegalArgumentException.class, () -> PodDisruptionBudget.maxUnavailable("101%"));
    assertThrows(IllegalArgumentException.class, () -> PodDisruptionBudget.minAvailable("-1"));
  }
}
