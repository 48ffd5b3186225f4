package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import io.platformsim.core.workload.Workload;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ScenarioTest {

  @Test
  void eventForAnUnknownServiceIsRejectedWithSuggestion() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SmallScenario.builder().release(Duration.ofMinutes(5), "alpah", "2").build());
    assertTrue(
        e.getMessage().contains("unknown service 'alpah'; did you mean 'alpha'?"), e.getMessage());
  }

  @Test
  void eventAfterTheHorizonAndBadCountsAreRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> SmallScenario.builder().release(Duration.ofHours(5), "alpha", "3").build());
    IllegalArgumentException r =
        assertThrows(
            IllegalArgumentException.class, () -> SmallScenario.builder().replications(0).build());
    assertTrue(r.getMessage().contains("replications"), r.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> SmallScenario.builder().machineFailure(Duration.ofMinutes(1), "alpha", 0));
  }

  @Test
  void serviceThatFitsNoNodeIsRejectedUpFront() {
    Service huge =
        Service.builder("huge")
            .request(Resources.of(64_000, 4096))
            .usage(Resources.of(1, 1))
            .build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Scenario.builder("x").service(huge).kusp(KuspConfig.builder().build()).build());
    assertTrue(e.getMessage().contains("'huge'"), e.getMessage());
  }

  @Test
  void timelineIsSortedStably() {
    Scenario s = SmallScenario.build();
    for (int i = 1; i < s.timeline().size(); i++) {
      assertTrue(s.timeline().get(i - 1).atMillis() <= s.timeline().get(i).atMillis());
    }
    // The base-image change expands to one release per service, in service order.
    assertEquals("alpha", Scenario.serviceOf(s.timeline().get(s.timeline().size() - 3)));
  }

  @Test
  void defaultScenarioMeetsTheBrief() {
    Scenario s = DefaultScenario.build();
    assertTrue(s.workload().contains("zebra") && s.workload().contains("cheetah"));
    assertEquals(60, s.workload().services().size());
    int releasesApp = 0;
    int releasesImage = 0;
    for (TimelineEvent e : s.timeline()) {
      if (e instanceof TimelineEvent.ApplyRelease r) {
        if (r.release().kind() == io.platformsim.core.workload.Release.Kind.APP) {
          releasesApp++;
        } else {
          releasesImage++;
        }
      }
    }
    assertEquals(60, releasesApp);
    assertEquals(60, releasesImage);
    assertTrue(s.loadSpike().isPresent());
    int small = 0;
    int large = 0;
    for (Service svc : s.workload().services()) {
      assertTrue(
          svc.usage().milliCpu() < svc.request().milliCpu(),
          svc.name() + " uses less CPU than requested");
      assertTrue(
          svc.usage().memoryMib() < svc.request().memoryMib(),
          svc.name() + " uses less memory than requested");
      if (svc.instances() <= 3) {
        small++;
      }
      if (svc.instances() >= 20) {
        large++;
      }
    }
    // A few large, many small: over half the services have at most 3 instances, at most a fifth 20
    // or more.
    assertTrue(
        small > 30 && large >= 2 && large <= 12, "heavy tail: small " + small + ", large " + large);
  }

  /**
   * The volume bound: 10 pods of 1 CPU on nodes with 3.7 CPU for pods: ceil(1.1 × 10 / 3.7) =
   * ceil(2.97) = 3.
   */
  @Test
  void nodesForIsTheVolumeBoundPlusTenPercent() {
    KuspConfig k = KuspConfig.builder().build();
    long room = k.allocatableForPods().milliCpu();
    assertEquals(3700, room, "4 CPU minus 3 DaemonSets of 100m");
    Workload w =
        Workload.of(Service.builder("a").instances(10).request(Resources.of(1000, 1024)).build());
    assertEquals(3, Scenario.nodesFor(w, k));
  }

  @Property(tries = 20)
  void suggestionsFindAOneLetterTypo(@ForAll @IntRange(min = 0, max = 7) int position) {
    String word = "headroom";
    String typo = word.substring(0, position) + word.substring(position + 1);
    assertEquals(
        "; did you mean 'headroom'?",
        Suggestions.didYouMean(
            typo, java.util.List.of("strategy", "headroom", "imageBatch", "replaceFailed")));
  }

  @Test
  void envelopeWarningNamesTheNodesAndPodsPastTheUpstreamLimits() {
    // kubernetes.io "Considerations for large clusters": 5,000 nodes, 150,000 pods per cluster.
    Service zebra = Service.builder("zebra").instances(2).build();
    KuspConfig atLimit = KuspConfig.builder().initialNodes(5_000).build();
    assertTrue(
        Scenario.builder("edge").service(zebra).kusp(atLimit).build().envelopeWarning().isEmpty());
    KuspConfig past = KuspConfig.builder().initialNodes(5_001).build();
    String w =
        Scenario.builder("wide").service(zebra).kusp(past).build().envelopeWarning().orElseThrow();
    assertTrue(w.contains("5,001 nodes") && w.contains("5,000 nodes and 150,000 pods"), w);
    // pods: 150,001 instances on 3 nodes are past the pod limit alone
    Service herd =
        Service.builder("herd")
            .instances(150_001)
            .request(Resources.of(10, 16))
            .usage(Resources.of(1, 8))
            .build();
    KuspConfig three = KuspConfig.builder().initialNodes(3).build();
    assertTrue(
        Scenario.builder("herd").service(herd).kusp(three).build().envelopeWarning().isPresent());
    assertTrue(DefaultScenario.build().envelopeWarning().isEmpty());
  }
}
