package io.platformsim.core.kusp.autoscaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ReplicaNormalization and ScaleEvents against k/k pkg/controller/podautoscaler/horizontal_test.go.
 */
class ReplicaNormalizationTest {

  private static final long NOW = 1_000_000;

  /**
   * horizontal_test.go generateScalingRules(pods, podsPeriod, percent, percentPeriod, window): MAX,
   * non-zero policies only.
   */
  private static ScalingRules rules(String text, ScalingRules dflt) {
    if (text.equals("-")) {
      return dflt;
    }
    String[] p = text.split(",");
    int pods = Integer.parseInt(p[0]);
    int percent = Integer.parseInt(p[2]);
    List<ScalingRules.Policy> policies = new ArrayList<>();
    if (pods != 0) {
      policies.add(ScalingRules.Policy.pods(pods, Long.parseLong(p[1])));
    }
    if (percent != 0) {
      policies.add(ScalingRules.Policy.percent(percent, Long.parseLong(p[3])));
    }
    return new ScalingRules(Long.parseLong(p[4]) * 1000, ScalingRules.SelectPolicy.MAX, policies);
  }

  /**
   * horizontal_test.go generateEventsUniformDistribution(raw, 120): event i of n at now − (120 −
   * (i+1)·120/n + 60/n) s. Upstream creates them just before its "now", so an event landing exactly
   * on a policy's cutoff is outside that period, as it is here.
   */
  private static ScaleEvents events(String text) {
    if (text.equals("-")) {
      return ScaleEvents.none();
    }
    String[] raw = text.split(" ");
    double segment = 120.0 / raw.length;
    List<ScaleEvents.Event> out = new ArrayList<>();
    for (int i = 0; i < raw.length; i++) {
      long secondsAgo = (long) (120 - segment * (i + 1) + segment / 2);
      out.add(new ScaleEvents.Event(NOW - secondsAgo * 1000, Integer.parseInt(raw[i])));
    }
    return new ScaleEvents(out);
  }

  /**
   * horizontal_test.go TestScalingWithRules (convertDesiredReplicasWithBehaviorRate). Rules
   * "pods,podsPeriod,percent,percentPeriod,window" or "-" for the defaults (GenerateHPAScaleUpRules
   * / GenerateHPAScaleDownRules of nil). The row upstream skips (testThis) is included; it holds as
   * written.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "prenormalized desired replicas within range; -; -; 3; 8; -; -; 5; 7; 7; DESIRED_WITHIN_RANGE",
        "prenormalized desired replicas < minReplicas; -; -; 2; 8; -; -; 3; 1; 2; TOO_FEW_REPLICAS",
        "within range when minReplicas is 0; -; -; 0; 10; -; -; 1; 0; 0; DESIRED_WITHIN_RANGE",
        "maxReplicas is the limit because maxReplicas < scaleUpLimit; -; -; 1; 10; -; -; 20; 1000; 10; TOO_MANY_REPLICAS",
        "desired replica count is more than the maximum replica count; -; -; 100; 150; -; -; 100; 1000; 150; TOO_MANY_REPLICAS",
        "scaleUpLimit < maxReplicas with user policies; -; -; 1; 2000; 0,0,1,60,0; -; 3; 1000; 4; SCALE_UP_LIMIT",
        "scaleDownLimit > minReplicas with user defined policies; -; -; 3; 2000; -; 20,60,0,0,0; 1000; 3; 980; SCALE_DOWN_LIMIT",
        "scaleUp with default behavior; -; -; 1; 1000; -; -; 10; 50; 20; SCALE_UP_LIMIT",
        "scaleUp with pods policy larger than percent policy; -; -; 1; 1000; 100,60,100,60,0; -; 10; 500; 110; SCALE_UP_LIMIT",
        "scaleUp with percent policy larger than pods policy; -; -; 1; 1000; 2,60,100,60,0; -; 10; 500; 20; SCALE_UP_LIMIT",
        "scaleUp with spec MaxReplicas limitation with large pod policy; -; -; 1; 1000; 100,60,0,0,0; -; 10; 50; 50; DESIRED_WITHIN_RANGE",
        "scaleUp with spec MaxReplicas limitation with large percent policy; -; -; 1; 1000; 10000,60,0,0,0; -; 10; 50; 50; DESIRED_WITHIN_RANGE",
        "scaleUp with pod policy limitation; -; -; 1; 1000; 30,60,0,0,0; -; 10; 50; 40; SCALE_UP_LIMIT",
        "scaleUp with percent policy limitation; -; -; 1; 1000; 0,0,200,60,0; -; 10; 50; 30; SCALE_UP_LIMIT",
        "scaleDown with percent policy larger than pod policy; -; -; 1; 1000; -; 20,60,1,60,300; 100; 2; 80; SCALE_DOWN_LIMIT",
        "scaleDown with pod policy larger than percent policy; -; -; 1; 1000; -; 2,60,1,60,300; 100; 2; 98; SCALE_DOWN_LIMIT",
        "scaleDown with spec MinReplicas=nil limitation with large pod policy; -; -; 1; 1000; -; 100,60,0,0,300; 10; 0; 1; TOO_FEW_REPLICAS",
        "scaleDown with spec MinReplicas limitation with large percent policy; -; -; 5; 1000; -; 0,0,100,60,300; 10; 2; 5; TOO_FEW_REPLICAS",
        "scaleDown with pod policy limitation; -; -; 1; 1000; -; 5,60,0,0,300; 10; 2; 5; SCALE_DOWN_LIMIT",
        "scaleDown with percent policy limitation; -; -; 1; 1000; -; 0,0,50,60,300; 10; 5; 5; DESIRED_WITHIN_RANGE",
        "scaleUp MaxReplicas limitation, large pod policy and events; 1 5 9; -; 1; 200; 300,60,0,0,0; -; 100; 500; 200; TOO_MANY_REPLICAS",
        "scaleUp MaxReplicas limitation, large percent policy and events; 1 5 9; -; 1; 200; 0,0,10000,60,0; -; 100; 500; 200; TOO_MANY_REPLICAS",
        "scaleUp with currentReplicas limitation with a lot of recent scale up events; 1 5 9; -; 1; 1000; 5,120,0,0,0; -; 100; 500; 100; SCALE_UP_LIMIT",
        "scaleUp with pod policy and previous scale up events; 1 5 9; -; 1; 1000; 150,120,0,0,0; -; 100; 500; 235; SCALE_UP_LIMIT",
        "scaleUp with percent policy and previous scale up events; 1 5 9; -; 1; 1000; 0,0,200,120,0; -; 100; 500; 255; SCALE_UP_LIMIT",
        "scaleUp with percent policy and previous scale up and down events; 4; 2; 1; 1000; 0,0,300,300,0; -; 6; 24; 16; SCALE_UP_LIMIT",
        "scaleDown with default policy and previous events; -; 1 5 9; 1; 1000; -; -; 10; 5; 5; DESIRED_WITHIN_RANGE",
        "scaleDown MinReplicas=nil limitation, large pod policy and previous events; -; 1 5 9; 1; 1000; -; 115,120,0,0,300; 100; 0; 1; TOO_FEW_REPLICAS",
        "scaleDown MinReplicas limitation, large pod policy and previous events; -; 1 5 9; 5; 1000; -; 130,120,0,0,300; 100; 0; 5; TOO_FEW_REPLICAS",
        "scaleDown MinReplicas limitation, large percent policy and previous events; -; 1 5 9; 5; 1000; -; 0,0,100,120,300; 100; 2; 5; TOO_FEW_REPLICAS",
        "scaleDown with pod policy limitation and previous events; -; 1 5 9; 1; 1000; -; 5,120,0,0,300; 100; 2; 100; SCALE_DOWN_LIMIT",
        "scaleDown with percent policy limitation and previous events; -; 2 4 6; 1; 1000; -; 0,0,50,120,300; 100; 0; 56; SCALE_DOWN_LIMIT",
        "scaleDown with percent policy and previous scale up and down events; 2; 4; 1; 1000; -; 0,0,50,180,0; 10; 1; 6; SCALE_DOWN_LIMIT",
        "scaleDown with previous events preventing further scale down; -; 10 10 10; 1; 1000; -; 0,0,10,120,300; 100; 0; 100; SCALE_DOWN_LIMIT",
        "scaleDown with previous events still allowing more scale down; -; 10 10 10; 1; 1000; -; 0,0,1000,120,300; 10; 5; 5; DESIRED_WITHIN_RANGE",
        "check 'outdated' flag for events for one behavior for up; 8 12 9 11; -; 1; 1000; 1000,60,0,0,0; -; 100; 200; 200; DESIRED_WITHIN_RANGE",
        "events not marked 'outdated' for two different policies for up; 8 12 9 11; -; 1; 1000; 1000,120,100,60,0; -; 100; 200; 200; DESIRED_WITHIN_RANGE",
        "events marked 'outdated' for two different policies for up; 8 12 9 11; -; 1; 1000; 1000,30,100,60,0; -; 100; 200; 200; DESIRED_WITHIN_RANGE",
        "check 'outdated' flag for events for one behavior for down; -; 8 12 9 11; 1; 1000; -; 1000,60,0,0,300; 100; 5; 5; DESIRED_WITHIN_RANGE",
        "events not marked 'outdated' for two different policies for down; -; 8 12 9 11; 1; 1000; -; 1000,120,100,60,300; 100; 5; 5; DESIRED_WITHIN_RANGE",
        "events marked 'outdated' for two different policies for down; -; 8 12 9 11; 1; 1000; -; 1000,30,100,60,300; 100; 5; 5; DESIRED_WITHIN_RANGE"
      })
  void scalingWithRules(
      String name,
      String upEvents,
      String downEvents,
      int min,
      int max,
      String upRules,
      String downRules,
      int current,
      int desired,
      int expected,
      ReplicaNormalization.Reason reason) {
    ReplicaNormalization.Bounded b =
        ReplicaNormalization.withBehaviorRate(
            current,
            desired,
            min,
            max,
            rules(upRules, ScalingRules.DEFAULT_SCALE_UP),
            rules(downRules, ScalingRules.DEFAULT_SCALE_DOWN),
            events(upEvents),
            events(downEvents),
            NOW);
    assertEquals(new ReplicaNormalization.Bounded(expected, reason), b);
  }

  /**
   * horizontal_test.go TestStoreScaleEvents, its expectedReplicasChange column:
   * getReplicasChangePerPeriod(60, events) over "change@secondsAgo" events.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "empty entries; -; 0",
        "one outdated entry; 7@61; 0",
        "one actual entry; 7@58; 7",
        "two entries, one of them to be replaced; 7@61 6@59; 6",
        "replace one entry, use policies with different periods; 8@29 6@59 7@61 9@61; 14",
        "two entries, both actual; 7@58 6@59; 13"
      })
  void changeInPeriod(String name, String text, int expected) {
    List<ScaleEvents.Event> list = new ArrayList<>();
    if (!text.equals("-")) {
      for (String t : text.split(" ")) {
        String[] p = t.split("@");
        list.add(new ScaleEvents.Event(NOW - Long.parseLong(p[1]) * 1000, Integer.parseInt(p[0])));
      }
    }
    ScaleEvents events = new ScaleEvents(list);
    assertEquals(expected, events.changeInPeriod(60_000, NOW));
    // storeScaleEvent: the new change counts at once, events past the longest period never again.
    ScalingRules twoPolicies = rules("10,60,100,30,0", null);
    assertEquals(expected + 5, events.record(NOW, 5, twoPolicies).changeInPeriod(60_000, NOW));
  }

  /**
   * horizontal.go convertDesiredReplicasWithRules (no behavior): within [min, min(max,
   * max(2·current, 4))] (scaleUpLimitFactor 2, scaleUpLimitMinimum 4). Rows worked by hand from
   * that rule, with current/desired/min/max borrowed from TestScalingWithRules: 20 → 1000 with max
   * 10 → 10; 3 → 1000 → 6 (2·3); 1 → 1000 → 4 (the minimum limit).
   */
  @ParameterizedTest(name = "{0} -> {1} in [{2}, {3}]")
  @CsvSource({
    "20, 1000, 1, 10, 10, TOO_MANY_REPLICAS",
    "3, 1000, 1, 2000, 6, SCALE_UP_LIMIT",
    "1, 1000, 1, 2000, 4, SCALE_UP_LIMIT",
    "5, 7, 3, 8, 7, DESIRED_WITHIN_RANGE",
    "3, 1, 2, 8, 2, TOO_FEW_REPLICAS"
  })
  void withRules(
      int current,
      int desired,
      int min,
      int max,
      int expected,
      ReplicaNormalization.Reason reason) {
    assertEquals(
        new ReplicaNormalization.Bounded(expected, reason),
        ReplicaNormalization.withRules(current, desired, min, max));
  }

  /** Whatever the raw recommendation, an HPA inside its bounds stays inside them. */
  @Property
  void staysWithinMinAndMax(
      @ForAll @IntRange(min = 1, max = 20) int min,
      @ForAll @IntRange(min = 0, max = 80) int span,
      @ForAll @IntRange(min = 0, max = 100) int currentOffset,
      @ForAll @IntRange(min = 0, max = 500) int desired) {
    int max = min + span;
    int current = min + currentOffset % (span + 1);
    ReplicaNormalization.Normalized legacy =
        ReplicaNormalization.normalize(
            current, desired, min, max, StabilizationWindow.empty(), 300_000, NOW);
    ReplicaNormalization.Normalized behaviors =
        ReplicaNormalization.normalizeWithBehaviors(
            current,
            desired,
            min,
            max,
            ScalingRules.DEFAULT_SCALE_UP,
            ScalingRules.DEFAULT_SCALE_DOWN,
            StabilizationWindow.empty(),
            ScaleEvents.none(),
            ScaleEvents.none(),
            NOW);
    for (int r : new int[] {legacy.replicas(), behaviors.replicas()}) {
      assertTrue(r >= min && r <= max, r + " outside [" + min + ", " + max + "]");
    }
  }
}
