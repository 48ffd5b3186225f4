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
 * ProportionalScaling against upstream's tables in k/k pkg/controller/deployment/sync_test.go and
 * util/deployment_util_test.go.
 */
class ProportionalScalingTest {

  private static RolloutSpec rolling(int replicas, int surge) {
    // Upstream's test newDeployment defaults both bounds to 0 (ResolveFenceposts then makes
    // unavailable 1).
    return RolloutSpec.rollingUpdate(replicas, IntOrPercent.of(surge), IntOrPercent.of(0));
  }

  /**
   * "name:replicas@created" or "name:replicas@created/available"; available defaults to replicas.
   */
  private static ReplicaSetCounts rs(String text, RolloutSpec annotatedFor, int desiredOverride) {
    String[] nameRest = text.split(":");
    String[] sizeRest = nameRest[1].split("@");
    int replicas = Integer.parseInt(sizeRest[0]);
    String[] timeAvail = sizeRest[1].split("/");
    int available = timeAvail.length > 1 ? Integer.parseInt(timeAvail[1]) : replicas;
    ReplicaSetCounts r =
        ReplicaSetCounts.of(nameRest[0], Long.parseLong(timeAvail[0]), replicas, available);
    if (desiredOverride >= 0) {
      RolloutSpec overridden = annotatedFor.withReplicas(desiredOverride);
      return r.annotatedFor(overridden);
    }
    return r.annotatedFor(annotatedFor);
  }

  /**
   * sync_test.go TestScale. Creation times: newTimestamp 2, oldTimestamp 1, olderTimestamp 0. Every
   * ReplicaSet carries the annotations of the Deployment before the resize (oldDeployment), as
   * upstream's test sets them; "failed rs update" overrides foo-v2's desired replicas to 3 (its
   * "wasn't updated" entries are ReplicaSets whose size does not change).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "normal scaling event: 10 -> 12; 12; 0; 10; 0; foo-v1:10@2; ; 12; ; ",
        "normal scaling event: 10 -> 5; 5; 0; 10; 0; foo-v1:10@2; ; 5; ; ",
        "proportional scaling: 5 -> 10; 10; 0; 5; 0; foo-v2:2@2; foo-v1:3@1; 4; 6; ",
        "proportional scaling: 5 -> 3; 3; 0; 5; 0; foo-v2:2@2; foo-v1:3@1; 1; 2; ",
        "proportional scaling: 9 -> 4; 4; 0; 9; 0; foo-v2:8@2; foo-v1:1@1; 4; 0; ",
        "proportional scaling: 7 -> 10; 10; 0; 7; 0; foo-v3:2@2; foo-v2:3@1 foo-v1:2@0; 3; 4 3; ",
        "proportional scaling: 13 -> 8; 8; 0; 13; 0; foo-v3:2@2; foo-v2:8@1 foo-v1:3@0; 1; 5 2; ",
        "leftover distribution: 3 -> 4; 4; 0; 3; 0; foo-v3:1@2; foo-v2:1@1 foo-v1:1@0; 2; 1 1; ",
        "leftover distribution: 3 -> 2; 2; 0; 3; 0; foo-v3:1@2; foo-v2:1@1 foo-v1:1@0; 1; 1 0; ",
        "proportional scaling (no new rs): 4 -> 5; 5; 0; 4; 0; ; foo-v2:2@1 foo-v1:2@0; ; 3 2; ",
        "proportional scaling: 6 -> 0; 0; 0; 6; 0; foo-v3:3@2; foo-v2:2@1 foo-v1:1@0; 0; 0 0; ",
        "proportional scaling: 0 -> 6; 6; 0; 6; 0; foo-v3:0@2; foo-v2:0@1 foo-v1:0@0; 6; 0 0; ",
        "failed rs update; 5; 0; 5; 0; foo-v3:2@2; foo-v2:1@1 foo-v1:1@0; 2; 2 1; foo-v2",
        "deployment with surge pods; 20; 2; 10; 2; foo-v2:6@2; foo-v1:6@1; 11; 11; ",
        "change both surge and size; 50; 6; 10; 3; foo-v2:5@2; foo-v1:8@1; 22; 34; ",
        "change both size and template; 14; 0; 10; 0; ; foo-v2:7@2 foo-v1:3@1; ; 10 4; ",
        "saturated but broken new replica set does not affect old pods; 2; 1; 2; 1; foo-v2:2@2/0; foo-v1:1@1; 2; 1; "
      })
  void scale(
      String name,
      int replicas,
      int surge,
      int oldReplicas,
      int oldSurge,
      String newRsText,
      String oldsText,
      Integer expectedNew,
      String expectedOlds,
      String desired3) {
    RolloutSpec d = rolling(replicas, surge);
    RolloutSpec before = rolling(oldReplicas, oldSurge);
    ReplicaSetCounts newRs = newRsText == null ? null : rs(newRsText, before, -1);
    List<ReplicaSetCounts> olds = new ArrayList<>();
    if (oldsText != null) {
      for (String t : oldsText.split(" ")) {
        olds.add(rs(t, before, desired3 != null && t.startsWith(desired3 + ":") ? 3 : -1));
      }
    }
    ScaledSets result = ProportionalScaling.scale(d, 0, newRs, olds);
    int offset = newRs == null ? 0 : 1;
    if (newRs != null) {
      assertEquals(expectedNew, result.sets().get(0).replicas(), "new ReplicaSet");
    }
    List<Integer> oldSizes = new ArrayList<>();
    for (int i = offset; i < result.sets().size(); i++) {
      oldSizes.add(result.sets().get(i).replicas());
    }
    List<Integer> expected = new ArrayList<>();
    if (expectedOlds != null) {
      for (String t : expectedOlds.split(" ")) {
        expected.add(Integer.parseInt(t));
      }
    }
    assertEquals(expected, oldSizes, "old ReplicaSets");
  }

  /**
   * deployment_util_test.go TestGetReplicaSetFraction (maxUnavailable 1). The rows whose
   * max-replicas annotation is missing or "0" need the guard added upstream after v1.31 (v1.31
   * divides by zero there); a missing annotation is written -1.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "empty deployment always scales to 0; 0; 0; 0; 10; -1; -10",
        "unsynced deployment, annotation missing; 10; 0; 0; 5; -1; 0",
        "unsynced deployment, annotation 0; 10; 0; 0; 5; 0; 0",
        "scale up by 1/5, annotation missing; 120; 100; 0; 50; -1; 10",
        "scale up by 1/5, annotation 0; 120; 100; 0; 50; 0; 10",
        "scale up by 1/5; 120; 0; 0; 50; 100; 10",
        "scale up with maxSurge by 1/5; 120; 0; 10; 50; 110; 9",
        "scale down by 1/6; 10; 0; 0; 6; 12; -1",
        "scale down with maxSurge by 1/6; 100; 0; 10; 50; 130; -8"
      })
  void replicaSetFraction(
      String name,
      int replicas,
      int statusReplicas,
      int surge,
      int rsReplicas,
      int maxAnnotation,
      int expected) {
    RolloutSpec d = RolloutSpec.rollingUpdate(replicas, IntOrPercent.of(surge), IntOrPercent.of(1));
    ReplicaSetCounts r =
        ReplicaSetCounts.of("rs", 0, rsReplicas, rsReplicas)
            .withAnnotations(ReplicaSetCounts.NO_ANNOTATION, maxAnnotation);
    assertEquals(expected, ProportionalScaling.replicaSetFraction(d, statusReplicas, r));
  }

  /**
   * deployment_util_test.go TestAnnotationUtils "IsSaturated": 1 replica, desired annotation 1, 1
   * available.
   */
  @Test
  void saturatedWhenSizeAnnotationAndAvailabilityAllMatch() {
    RolloutSpec d = rolling(1, 0);
    ReplicaSetCounts r = ReplicaSetCounts.of("rs", 0, 1, 1).withAnnotations(1, 1);
    assertTrue(ProportionalScaling.isSaturated(d, r));
    assertFalse(ProportionalScaling.isSaturated(d, r.withAnnotations(2, 2)));
    assertFalse(
        ProportionalScaling.isSaturated(
            d, ReplicaSetCounts.of("rs", 0, 1, 0).withAnnotations(1, 1)));
  }

  /** sync.go isScalingEvent: an active ReplicaSet annotated for another size means a resize. */
  @Test
  void aResizeIsSeenThroughTheDesiredAnnotation() {
    RolloutSpec before = rolling(5, 0);
    List<ReplicaSetCounts> sets =
        List.of(
            ReplicaSetCounts.of("a", 0, 3, 3).annotatedFor(before),
            ReplicaSetCounts.of("b", 1, 2, 2).annotatedFor(before));
    assertFalse(ProportionalScaling.isScalingEvent(before, sets));
    assertTrue(ProportionalScaling.isScalingEvent(before.withReplicas(8), sets));
  }

  /**
   * After a resize of a RollingUpdate Deployment with two active ReplicaSets annotated for the old
   * size, the sizes sum to spec.replicas + maxSurge (the leftover makes it exact) and none is
   * negative.
   */
  @Property
  void proportionalScalingHitsTheAllowedSizeExactly(
      @ForAll @IntRange(min = 1, max = 60) int a,
      @ForAll @IntRange(min = 1, max = 60) int b,
      @ForAll @IntRange(min = 0, max = 200) int newReplicas,
      @ForAll @IntRange(min = 0, max = 10) int surge) {
    RolloutSpec before = rolling(a + b, 0);
    ReplicaSetCounts newRs = ReplicaSetCounts.of("new", 2, a, 0).annotatedFor(before);
    ReplicaSetCounts old = ReplicaSetCounts.of("old", 1, b, b).annotatedFor(before);
    RolloutSpec d = rolling(newReplicas, surge);
    ScaledSets result = ProportionalScaling.scale(d, a + b, newRs, List.of(old));
    int allowed = newReplicas > 0 ? newReplicas + RolloutBounds.maxSurge(d) : 0;
    assertEquals(allowed, RollingUpdate.totalReplicas(result.sets()));
    result.sets().forEach(r -> assertTrue(r.replicas() >= 0, r::toString));
  }
}
