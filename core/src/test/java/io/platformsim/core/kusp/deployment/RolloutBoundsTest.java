package io.platformsim.core.kusp.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RolloutBounds against upstream's tables in k/k
 * pkg/controller/deployment/util/deployment_util_test.go.
 */
class RolloutBoundsTest {

  private static IntOrPercent v(String text) {
    return IntOrPercent.parse("test", text);
  }

  /**
   * deployment_util_test.go TestResolveFenceposts. A nil value is upstream's "default to 0", so it
   * is written 0 here; the two malformed-value rows ("oops", "urg") are parse errors that {@link
   * IntOrPercent#parse} rejects before this arithmetic runs, so they are left out.
   */
  @ParameterizedTest(name = "{0}/{1} of {2} -> surge {3}, unavailable {4}")
  @CsvSource({
    "0%, 0%, 0, 0, 1",
    "39%, 39%, 10, 4, 3",
    "0, 39%, 10, 0, 3",
    "39%, 0, 10, 4, 0",
    "0, 0, 10, 0, 1"
  })
  void resolveFenceposts(
      String surge, String unavailable, int desired, int expSurge, int expUnavailable) {
    assertEquals(
        new Fenceposts(expSurge, expUnavailable),
        RolloutBounds.resolveFenceposts(v(surge), v(unavailable), desired));
  }

  /**
   * deployment_util_test.go TestMaxUnavailable: maxSurge 1, the rest per row; capped at replicas.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "maxUnavailable less than replicas; 10; 5; 5",
        "maxUnavailable equal replicas; 10; 10; 10",
        "maxUnavailable greater than replicas; 5; 10; 5",
        "maxUnavailable with replicas is 0; 0; 10; 0",
        "maxUnavailable less than replicas with percents; 10; 50%; 5",
        "maxUnavailable equal replicas with percents; 10; 100%; 10",
        "maxUnavailable greater than replicas with percents; 5; 100%; 5"
      })
  void maxUnavailable(String name, int replicas, String maxUnavailable, int expected) {
    assertEquals(
        expected,
        RolloutBounds.maxUnavailable(
            RolloutSpec.rollingUpdate(replicas, v("1"), v(maxUnavailable))));
  }

  /**
   * TestMaxUnavailable "maxUnavailable with Recreate deployment strategy" and TestMinAvailable's
   * Recreate row.
   */
  @Test
  void recreateHasNoBounds() {
    RolloutSpec d = RolloutSpec.recreate(10);
    assertEquals(0, RolloutBounds.maxUnavailable(d));
    assertEquals(0, RolloutBounds.maxSurge(d));
    assertEquals(0, RolloutBounds.minAvailable(d));
  }

  /** deployment_util_test.go TestMinAvailable: maxSurge 1, the rest per row. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "replicas greater than maxUnavailable; 10; 5; 5",
        "replicas equal maxUnavailable; 10; 10; 0",
        "replicas less than maxUnavailable; 5; 10; 0",
        "replicas is 0; 0; 10; 0",
        "replicas greater than maxUnavailable with percents; 10; 60%; 4",
        "replicas equal maxUnavailable with percents; 10; 100%; 0",
        "replicas less than maxUnavailable with percents; 5; 100%; 0"
      })
  void minAvailable(String name, int replicas, String maxUnavailable, int expected) {
    assertEquals(
        expected,
        RolloutBounds.minAvailable(RolloutSpec.rollingUpdate(replicas, v("1"), v(maxUnavailable))));
  }

  /**
   * The brief's example: maxSurge 1, maxUnavailable 10 at 5 replicas. ResolveFenceposts passes 10
   * through; MaxUnavailable caps it at the 5 replicas (the old kusp.Fenceposts gave 10).
   */
  @Test
  void unavailabilityIsCappedAtReplicasButFencepostsAreNot() {
    assertEquals(new Fenceposts(1, 10), RolloutBounds.resolveFenceposts(v("1"), v("10"), 5));
    assertEquals(5, RolloutBounds.maxUnavailable(RolloutSpec.rollingUpdate(5, v("1"), v("10"))));
    assertEquals(1, RolloutBounds.maxSurge(RolloutSpec.rollingUpdate(5, v("1"), v("10"))));
  }
}
