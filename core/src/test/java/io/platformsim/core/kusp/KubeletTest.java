package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@link Kubelet} on one pod of one node (image preloaded, scheduling, start-up and health
 * check instant, so the container first starts at 0): CrashLoopBackOff restarts and their reset,
 * and graceful termination against the grace period.
 */
class KubeletTest {

  private static KuspPlatform onePod(DeploymentSpec spec) {
    KuspPlatform k =
        KuspDeterministicTest.cluster(
            1, KuspConfig.builder().preloadedImages(KuspDeterministicTest.WEB_V1));
    k.deploy(KuspDeterministicTest.web(1, 0, 0), spec);
    return k;
  }

  /**
   * The back-off entry is forgotten when the container last backed off more than 2 · 300 s = 600 s
   * ago (client-go util/flowcontrol/backoff.go {@code hasExpired}, k/k pkg/kubelet/kubelet.go
   * MaxContainerBackOff 300 s): a container that runs 660 s before each crash always waits the
   * initial 10 s. Exits at 660 s and 1,330 s; starts at 0, 670 s, 1,340 s.
   */
  @Test
  void aCrashAfterMoreThanTheResetPeriodAlwaysWaitsTheInitialTenSeconds() {
    KuspPlatform k = onePod(DeploymentSpec.builder().crashAfterMillis(660_000).build());
    k.simulation().runUntil(1_400_000);
    Pod p = k.pods("web").get(0);
    assertArrayEquals(new long[] {0, 670_000, 1_340_000}, p.startTimes());
    assertEquals(2, p.restarts());
  }

  /**
   * Expiry needs strictly more than 600 s since the last back-off: running 590 s, the second exit
   * (1,190 s) is exactly 600 s after the first (590 s), so the delay doubles to 20 s; the third
   * (1,800 s) is 610 s after the second, so it starts over at 10 s. Starts at 0, 590 + 10, 1,190 +
   * 20, 1,800 + 10 s.
   */
  @Test
  void theBackOffDoublesUntilMoreThanTheResetPeriodPassesBetweenExits() {
    KuspPlatform k = onePod(DeploymentSpec.builder().crashAfterMillis(590_000).build());
    k.simulation().runUntil(1_900_000);
    Pod p = k.pods("web").get(0);
    assertArrayEquals(new long[] {0, 600_000, 1_210_000, 1_810_000}, p.startTimes());
  }

  /**
   * Deletion sends SIGTERM; the container exits after its shutdown time, or is killed at the grace
   * period (DefaultTerminationGracePeriodSeconds 30, k/k pkg/apis/core/v1/defaults.go): a clean
   * exit ends Succeeded, a kill Failed.
   */
  @ParameterizedTest(name = "shutdown {0} ms: gone after {1} ms, {2}")
  @CsvSource({
    "5000, 5000, SUCCEEDED",
    "30000, 30000, SUCCEEDED",
    "40000, 30000, FAILED",
    "0, 0, SUCCEEDED",
  })
  void aDeletedRunningPodExitsAtItsShutdownTimeOrIsKilledAtTheGracePeriod(
      long shutdown, long goneAfter, PodPhase end) {
    KuspPlatform k = onePod(DeploymentSpec.builder().shutdownMillis(shutdown).build());
    k.simulation().runUntil(10_000);
    Pod p = k.pods("web").get(0);
    assertEquals(ContainerState.RUNNING, p.containerState());
    k.scale("web", 0);
    if (goneAfter > 0) {
      k.simulation().runUntil(10_000 + goneAfter - 1);
      assertTrue(p.terminating());
      assertEquals(PodPhase.RUNNING, p.phase());
      assertEquals(1, k.pods().stream().filter(q -> !q.daemon()).count());
    }
    k.simulation().runUntil(10_000 + goneAfter);
    assertEquals(end, p.phase());
    assertEquals(ContainerState.TERMINATED, p.containerState());
    assertTrue(k.pods("web").isEmpty());
  }

  /** Pod names end in their ordinal; anything else has none. */
  @ParameterizedTest
  @CsvSource({
    "web-r2-7, 7",
    "web-r1-123456789, 123456789",
    "web, -1",
    "web-, -1",
    "web-r1-x, -1",
    "web-r1-12345678901, -1"
  })
  void ordinalOfAPodName(String id, int ordinal) {
    assertEquals(ordinal, Kubelet.ordinalOf(id));
  }

  @Test
  void startTimesAreACopy() {
    KuspPlatform k = onePod(DeploymentSpec.builder().crashAfterMillis(0).build());
    k.simulation().runUntil(40_000);
    Pod p = k.pods("web").get(0);
    long[] starts = p.startTimes();
    Arrays.fill(starts, -5);
    // 0, then back-offs of 10 and 20 s (the container crashes at once).
    assertArrayEquals(new long[] {0, 10_000, 30_000}, p.startTimes());
  }
}
