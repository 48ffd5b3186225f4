package io.platformsim.core.kusp.autoscaling;

import java.util.ArrayList;
import java.util.List;

/**
 * The HPA's recent raw recommendations and the stabilization they give (k/k v1.31 {@code
 * pkg/controller/podautoscaler/horizontal.go}): a scale-down goes no lower than the largest
 * recommendation within the scale-down window, a scale-up no higher than the smallest within the
 * scale-up window. Immutable: each step returns the next window with the new recommendation
 * recorded (into the slot of one that has left every window, else appended), as upstream.
 *
 * @param samples recorded recommendations
 */
public record StabilizationWindow(List<Sample> samples) {

  /**
   * A raw recommendation and when it was made.
   *
   * @param atMillis when
   * @param recommendation replicas recommended
   */
  public record Sample(long atMillis, int recommendation) {}

  /**
   * A stabilized recommendation and the window after recording the raw one.
   *
   * @param replicas the stabilized recommendation
   * @param window the next window
   */
  public record Stabilized(int replicas, StabilizationWindow window) {}

  /** Copies the list. */
  public StabilizationWindow {
    samples = List.copyOf(samples);
  }

  /** No recommendations yet. */
  public static StabilizationWindow empty() {
    return new StabilizationWindow(List.of());
  }

  /**
   * {@code stabilizeRecommendation} (an HPA without {@code spec.behavior}): the largest of {@code
   * desired} and the recommendations not older than the window.
   */
  public Stabilized maxOverWindow(int desired, long windowMillis, long nowMillis) {
    long cutoff = nowMillis - windowMillis;
    int max = desired;
    int old = -1;
    for (int i = 0; i < samples.size(); i++) {
      Sample s = samples.get(i);
      if (s.atMillis() < cutoff) {
        old = i;
      } else {
        max = Math.max(max, s.recommendation());
      }
    }
    return new Stabilized(max, recorded(old, desired, nowMillis));
  }

  /**
   * {@code stabilizeRecommendationWithBehaviors}: {@code current} raised to the smallest
   * recommendation (this one included) within the scale-up window, then lowered to the largest
   * within the scale-down window; recommendations count when strictly after the cutoff.
   */
  public Stabilized stabilize(
      int current, int desired, ScalingRules up, ScalingRules down, long nowMillis) {
    long upCutoff = nowMillis - up.stabilizationWindowMillis();
    long downCutoff = nowMillis - down.stabilizationWindowMillis();
    int upRecommendation = desired;
    int downRecommendation = desired;
    int old = -1;
    for (int i = 0; i < samples.size(); i++) {
      Sample s = samples.get(i);
      if (s.atMillis() > upCutoff) {
        upRecommendation = Math.min(upRecommendation, s.recommendation());
      }
      if (s.atMillis() > downCutoff) {
        downRecommendation = Math.max(downRecommendation, s.recommendation());
      }
      if (s.atMillis() < upCutoff && s.atMillis() < downCutoff) {
        old = i;
      }
    }
    int recommendation = current;
    if (recommendation < upRecommendation) {
      recommendation = upRecommendation;
    }
    if (recommendation > downRecommendation) {
      recommendation = downRecommendation;
    }
    return new Stabilized(recommendation, recorded(old, desired, nowMillis));
  }

  private StabilizationWindow recorded(int oldIndex, int desired, long nowMillis) {
    List<Sample> out = new ArrayList<>(samples);
    Sample s = new Sample(nowMillis, desired);
    if (oldIndex >= 0) {
      out.set(oldIndex, s);
    } else {
      out.add(s);
    }
    return new StabilizationWindow(out);
  }
}
