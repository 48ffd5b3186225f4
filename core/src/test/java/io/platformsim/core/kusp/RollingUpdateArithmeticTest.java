package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.kusp.deployment.Fenceposts;
import io.platformsim.core.kusp.deployment.IntOrPercent;
import io.platformsim.core.kusp.deployment.RolloutBounds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fenceposts, IntOrPercent parsing and the DeploymentSpec validation, against upstream numbers. */
class RollingUpdateArithmeticTest {

  /**
   * k/k pkg/controller/deployment/util/deployment_util.go ResolveFenceposts: surge = ⌈pct·n⌉,
   * unavailable = ⌊pct·n⌋, both 0 ⇒ unavailable 1. Rows: the kubernetes.md table at 25%/25% (10 →
   * 3/2, 4 → 1/1, 3 → 1/0, 1 → 1/0), 39% of 10 = 3.9 → 4/3, 0%/0% of 0 → 0/1, absolute values pass
   * through.
   */
  @ParameterizedTest
  @CsvSource({
    "25%, 25%, 10, 3, 2",
    "25%, 25%, 4, 1, 1",
    "25%, 25%, 3, 1, 0",
    "25%, 25%, 1, 1, 0",
    "39%, 39%, 10, 4, 3",
    "0%, 0%, 0, 0, 1",
    "0%, 10%, 5, 0, 1",
    "2, 0, 10, 2, 0",
    "0, 3, 10, 0, 3",
    "100%, 0, 7, 7, 0"
  })
  void resolvesLikeUpstream(
      String surge, String unavailable, int replicas, int expSurge, int expUnavailable) {
    Fenceposts f =
        RolloutBounds.resolveFenceposts(
            IntOrPercent.parse("maxSurge", surge),
            IntOrPercent.parse("maxUnavailable", unavailable),
            replicas);
    assertEquals(new Fenceposts(expSurge, expUnavailable), f);
  }

  @Test
  void bothZeroAsWrittenValuesIsRejectedNamingTheField() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DeploymentSpec.builder().maxSurge("0").maxUnavailable("0").build());
    assertTrue(e.getMessage().contains("maxUnavailable"), e.getMessage());
    IllegalArgumentException e2 =
        assertThrows(
            IllegalArgumentException.class,
            () -> DeploymentSpec.builder().maxSurge("0%").maxUnavailable("0").build());
    assertTrue(e2.getMessage().contains("spec.strategy.rollingUpdate"), e2.getMessage());
  }

  @Test
  void recreateDoesNotCareAboutTheBounds() {
    assertEquals(
        DeploymentSpec.Strategy.RECREATE,
        DeploymentSpec.builder().recreate().maxSurge("0").maxUnavailable("0").build().strategy());
  }

  @Test
  void malformedValuesNameTheField() {
    for (String bad : new String[] {"25 percent", "-1", "%", "", "1.5", "ten"}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> DeploymentSpec.builder().maxSurge(bad));
      assertTrue(e.getMessage().startsWith("spec.strategy.rollingUpdate.maxSurge"), e.getMessage());
    }
    IllegalArgumentException big =
        assertThrows(
            IllegalArgumentException.class,
            () -> DeploymentSpec.builder().maxUnavailable("101%").build());
    assertTrue(big.getMessage().contains("maxUnavailable"), big.getMessage());
  }

  @Test
  void malformedLimitQuantitiesNameTheField() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> DeploymentSpec.builder().limits("lots", "1Gi"));
    assertTrue(e.getMessage().contains("limits.cpu"), e.getMessage());
    IllegalArgumentException m =
        assertThrows(
            IllegalArgumentException.class, () -> DeploymentSpec.builder().limits("500m", "1Gx"));
    assertTrue(m.getMessage().contains("limits.memory"), m.getMessage());
    // 500m = 500 millicores, 1Gi = 1024 MiB (k8s.io/apimachinery resource.Quantity).
    DeploymentSpec ok = DeploymentSpec.builder().limits("500m", "1Gi").build();
    assertEquals(500, ok.limits().milliCpu());
    assertEquals(1024, ok.limits().memoryMib());
  }

  @Test
  void upstreamDefaults() {
    DeploymentSpec d = DeploymentSpec.DEFAULT;
    // k/k pkg/apis/apps/v1/defaults.go: RollingUpdate 25%/25%, progressDeadlineSeconds 600.
    assertEquals(DeploymentSpec.Strategy.ROLLING_UPDATE, d.strategy());
    assertEquals(IntOrPercent.percent(25), d.maxSurge());
    assertEquals(IntOrPercent.percent(25), d.maxUnavailable());
    assertEquals(600_000, d.progressDeadlineMillis());
    assertEquals(0, d.minReadyMillis());
    assertEquals(PullPolicy.IF_NOT_PRESENT, d.pullPolicy());
  }
}
