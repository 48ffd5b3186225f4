package io.platformsim.core.kusp.autoscaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ReplicaCalculation against k/k pkg/controller/podautoscaler/replica_calculator_test.go. */
class ReplicaCalculationTest {

  /** "KIND:request:usage" per pod, KIND R ready, U unready, I ignored; usage "-" = no metric. */
  private static List<PodSample> pods(String text) {
    List<PodSample> out = new ArrayList<>();
    for (String t : text.split(" ")) {
      String[] p = t.split(":");
      PodSample.Kind kind =
          switch (p[0]) {
            case "R" -> PodSample.Kind.READY;
            case "U" -> PodSample.Kind.UNREADY;
            default -> PodSample.Kind.IGNORED;
          };
      out.add(
          new PodSample(
              kind,
              Long.parseLong(p[1]),
              p[2].equals("-") ? PodSample.MISSING : Long.parseLong(p[2])));
    }
    return out;
  }

  /**
   * The CPU cases of replica_calculator_test.go, one row per test function (named in the first
   * column). Requests of "1.0" are 1000m. Pods that upstream's groupPods counts as unready — not
   * Ready, or "hot" (in the CPU initialization period) — are U; Failed, Pending and deleted pods
   * are I. Tolerance 0.1 (defaultTestingTolerance). TestReplicaCalcSuperfluousMetrics (metrics of
   * pods that do not exist) is left out: the model has no such metrics.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "TestReplicaCalcScaleUp; 3; 30; R:1000:300 R:1000:500 R:1000:700; 5; 50",
        "TestReplicaCalcScaleUpUnreadyLessScale; 3; 30; U:1000:300 R:1000:500 R:1000:700; 4; 60",
        "TestReplicaCalcScaleUpHotCpuLessScale; 3; 30; U:1000:300 R:1000:500 R:1000:700; 4; 60",
        "TestReplicaCalcScaleUpUnreadyNoScale; 3; 30; R:1000:400 U:1000:500 U:1000:700; 3; 40",
        "TestReplicaCalcScaleHotCpuNoScale; 3; 30; R:1000:400 U:1000:500 U:1000:700; 3; 40",
        "TestReplicaCalcScaleUpIgnoresFailedPods; 2; 30; R:1000:500 R:1000:700 I:1000:- I:1000:-; 4; 60",
        "TestReplicaCalcScaleUpIgnoresDeletionPods; 2; 30; R:1000:500 R:1000:700 I:1000:- I:1000:-; 4; 60",
        "TestReplicaCalcScaleDown; 5; 50; R:1000:100 R:1000:300 R:1000:500 R:1000:250 R:1000:250; 3; 28",
        "TestReplicaCalcScaleDownIncludeUnreadyPods; 5; 50; R:1000:100 R:1000:300 R:1000:500 U:1000:250 U:1000:250; 2; 30",
        "TestReplicaCalcScaleDownExcludeUnscheduledPods; 5; 50; R:1000:100 I:1000:- I:1000:- I:1000:- I:1000:-; 1; 10",
        "TestReplicaCalcScaleDownIgnoreHotCpuPods; 5; 50; R:1000:100 R:1000:300 R:1000:500 U:1000:250 U:1000:250; 2; 30",
        "TestReplicaCalcScaleDownIgnoresFailedPods; 5; 50; R:1000:100 R:1000:300 R:1000:500 R:1000:250 R:1000:250 I:1000:- I:1000:-; 3; 28",
        "TestReplicaCalcTolerance; 3; 100; R:900:1010 R:1000:1030 R:1100:1020; 3; 102",
        "TestReplicaCalcMissingMetrics; 4; 100; R:1000:400 R:1000:95 R:1000:- R:1000:-; 3; 24",
        "TestReplicaCalcMissingMetricsNoChangeEq; 2; 100; R:1000:1000 R:1000:-; 2; 100",
        "TestReplicaCalcMissingMetricsNoChangeGt; 2; 100; R:1000:1900 R:1000:-; 2; 190",
        "TestReplicaCalcMissingMetricsNoChangeLt; 2; 100; R:1000:600 R:1000:-; 2; 60",
        "TestReplicaCalcMissingMetricsUnreadyChange; 3; 50; U:1000:100 R:1000:450 R:1000:-; 3; 45",
        "TestReplicaCalcMissingMetricsHotCpuNoChange; 3; 50; U:1000:100 R:1000:450 R:1000:-; 3; 45",
        "TestReplicaCalcMissingMetricsUnreadyScaleUp; 3; 50; U:1000:100 R:1000:2000 R:1000:-; 4; 200",
        "TestReplicaCalcMissingMetricsHotCpuScaleUp; 3; 50; U:1000:100 R:1000:2000 R:1000:-; 4; 200",
        "TestReplicaCalcMissingMetricsUnreadyScaleDown; 4; 50; U:1000:100 R:1000:100 R:1000:100 R:1000:-; 3; 10",
        "TestReplicaCalcDuringRollingUpdateWithMaxSurge; 2; 50; R:1000:100 R:1000:100 R:1000:-; 2; 10"
      })
  void resourceReplicas(
      String name, int current, int target, String pods, int expected, int expectedUtilization) {
    ReplicaCalculation.Recommendation r =
        ReplicaCalculation.resourceReplicas(
            current, target, pods(pods), ReplicaCalculation.DEFAULT_TOLERANCE);
    assertEquals(expected, r.replicas(), "replicas");
    assertEquals(expectedUtilization, r.utilizationPercent(), "utilization");
  }

  /**
   * TestReplicaCalcComputedToleranceAlgImplementation: 10 pods using 150m each, requests 300m
   * spread ±100, ±10, ±2, ±1, 0, 0 (sum 3000m, utilization 50%). Its computed targets: 56% just
   * breaches the tolerance (50/56 = 0.893, 10 → ⌈8.93⌉ = 9); 55% stays within it (50/55 = 0.909).
   */
  @ParameterizedTest(name = "target {0}% -> {1}")
  @CsvSource({"56, 9", "55, 10"})
  void computedTolerance(int target, int expected) {
    long[] requests = {400, 200, 310, 290, 302, 298, 301, 299, 300, 300};
    List<PodSample> pods = new ArrayList<>();
    for (long r : requests) {
      pods.add(PodSample.ready(r, 150));
    }
    assertEquals(expected, ReplicaCalculation.resourceReplicas(10, target, pods, 0.1).replicas());
  }

  /** TestReplicaCalcEmptyMetrics: no pod has a metric — an error, no recommendation. */
  @org.junit.jupiter.api.Test
  void noMetricsIsAnError() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ReplicaCalculation.resourceReplicas(4, 100, pods("R:1000:- R:1000:- R:1000:-"), 0.1));
  }

  /**
   * Within the tolerance of the target nothing changes, whatever the pod count. (Utilization is
   * truncated to whole percent before the ratio, as upstream, so the pods' utilization is chosen as
   * a whole percent strictly inside the tolerance.)
   */
  @Property
  void withinToleranceKeepsTheCount(
      @ForAll @IntRange(min = 1, max = 50) int current,
      @ForAll @IntRange(min = 1, max = 30) int podCount,
      @ForAll @IntRange(min = 10, max = 200) int target,
      @ForAll @IntRange(min = -20, max = 20) int offset) {
    int bound = (target - 1) / 10;
    int utilization = target + (bound == 0 ? 0 : offset % (bound + 1));
    List<PodSample> pods = new ArrayList<>();
    for (int i = 0; i < podCount; i++) {
      pods.add(PodSample.ready(1000, utilization * 10L));
    }
    assertEquals(
        current, ReplicaCalculation.resourceReplicas(current, target, pods, 0.1).replicas());
  }
}
