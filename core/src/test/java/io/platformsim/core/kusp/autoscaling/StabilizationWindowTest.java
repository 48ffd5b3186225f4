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

/** StabilizationWindow against k/k pkg/controller/podautoscaler/horizontal_test.go. */
class StabilizationWindowTest {

  private static final long NOW = 100_000_000;

  /** "recommendation@minutesAgo" samples, space separated; "-" none. */
  private static StabilizationWindow window(String text) {
    List<StabilizationWindow.Sample> out = new ArrayList<>();
    if (!text.equals("-")) {
      for (String t : text.split(" ")) {
        String[] p = t.split("@");
        out.add(
            new StabilizationWindow.Sample(
                NOW - Long.parseLong(p[1]) * 60_000, Integer.parseInt(p[0])));
      }
    }
    return new StabilizationWindow(out);
  }

  private static List<Integer> recommendations(StabilizationWindow w) {
    return w.samples().stream().map(StabilizationWindow.Sample::recommendation).toList();
  }

  /** horizontal_test.go TestNormalizeDesiredReplicas (stabilizeRecommendation, 5 min window). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "empty log; -; 5; 5; 1",
        "stabilize; 4@2 5@1; 3; 5; 3",
        "no stabilize; 1@2 2@1; 3; 3; 3",
        "no stabilize - old recommendations; 10@10 9@9; 3; 3; 2",
        "stabilize - old recommendations; 10@10 4@1 5@2 9@9; 3; 5; 4"
      })
  void maxOverWindow(String name, String samples, int desired, int expected, int expectedLength) {
    StabilizationWindow.Stabilized s = window(samples).maxOverWindow(desired, 300_000, NOW);
    assertEquals(expected, s.replicas());
    assertEquals(expectedLength, s.window().samples().size());
  }

  /**
   * horizontal_test.go TestNormalizeDesiredReplicasWithBehavior
   * (stabilizeRecommendationWithBehaviors); windows in seconds (upstream's unset fields are 0); the
   * expected stored recommendations, "-" where upstream does not check them.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "empty recommendations for scaling down; -; 100; 5; 0; 0; 5; 5",
        "simple scale down stabilization; 4@2 5@1; 100; 3; 0; 180; 5; 4 5 3",
        "simple scale up stabilization; 4@2 5@1; 1; 7; 300; 0; 4; 4 5 7",
        "no scale down stabilization; 1@2 2@1; 100; 3; 300; 0; 3; 1 2 3",
        "no scale up stabilization; 4@2 5@1; 1; 3; 0; 300; 3; 4 5 3",
        "no scale down stabilization, reuse recommendation element; 10@10 9@9; 100; 3; 0; 0; 3; 10 3",
        "no scale up stabilization, reuse recommendation element; 10@10 9@9; 1; 100; 0; 0; 100; 10 100",
        "scale down stabilization, reuse one of obsolete recommendation element; 10@10 4@1 5@2 9@9; 100; 3; 0; 180; 5; 10 4 5 3",
        "scale up stabilization, reuse one of obsolete recommendation element; 10@100 6@1 5@2 9@3; 1; 100; 300; 0; 5; 100 6 5 9",
        "do not scale up when prenormalized rec goes down; 2@100 3@3; 2; 1; 300; 300; 2; -",
        "do not scale down when prenormalized rec goes up; 2@100 1@3; 2; 3; 300; 300; 2; -"
      })
  void stabilize(
      String name,
      String samples,
      int current,
      int desired,
      long upSeconds,
      long downSeconds,
      int expected,
      String expectedStored) {
    ScalingRules up = ScalingRules.DEFAULT_SCALE_UP.withStabilizationWindowMillis(upSeconds * 1000);
    ScalingRules down =
        ScalingRules.DEFAULT_SCALE_DOWN.withStabilizationWindowMillis(downSeconds * 1000);
    StabilizationWindow.Stabilized s = window(samples).stabilize(current, desired, up, down, NOW);
    assertEquals(expected, s.replicas());
    if (!expectedStored.equals("-")) {
      List<Integer> stored = new ArrayList<>();
      for (String t : expectedStored.split(" ")) {
        stored.add(Integer.parseInt(t));
      }
      assertEquals(stored, recommendations(s.window()));
    }
  }

  /**
   * With the default rules a scale-down never goes below any recommendation of the last 300 s, and
   * the stabilized value lies between current and desired.
   */
  @Property
  void scaleDownNeverUndercutsTheWindow(
      @ForAll @IntRange(min = 1, max = 50) int a,
      @ForAll @IntRange(min = 1, max = 50) int b,
      @ForAll @IntRange(min = 1, max = 50) int current,
      @ForAll @IntRange(min = 0, max = 299) int ageSeconds) {
    StabilizationWindow w =
        StabilizationWindow.empty()
            .stabilize(
                current, a, ScalingRules.DEFAULT_SCALE_UP, ScalingRules.DEFAULT_SCALE_DOWN, NOW)
            .window();
    StabilizationWindow.Stabilized s =
        w.stabilize(
            current,
            b,
            ScalingRules.DEFAULT_SCALE_UP,
            ScalingRules.DEFAULT_SCALE_DOWN,
            NOW + ageSeconds * 1000L);
    if (b < current) {
      assertTrue(s.replicas() >= Math.min(current, a) && s.replicas() >= b);
    }
    assertTrue(s.replicas() >= Math.min(current, b) && s.replicas() <= Math.max(current, b));
  }
}
