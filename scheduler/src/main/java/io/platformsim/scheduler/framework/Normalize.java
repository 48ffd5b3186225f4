package io.platformsim.scheduler.framework;

/**
 * Upstream score normalization helpers (pkg/scheduler/framework/plugins/helper/normalize_score.go).
 */
public final class Normalize {
  /** MaxNodeScore (pkg/scheduler/framework/interface.go). */
  public static final long MAX_NODE_SCORE = 100;

  private Normalize() {}

  /**
   * {@code DefaultNormalizeScore}: {@code s' = maxPriority * s / max(s)}, reversed to {@code
   * maxPriority - s'}; if every score is 0 they stay 0, or all become maxPriority when reversed.
   */
  public static void defaultNormalize(long maxPriority, boolean reverse, long[] scores, int count) {
    long max = 0;
    for (int i = 0; i < count; i++) {
      if (scores[i] > max) {
        max = scores[i];
      }
    }
    if (max == 0) {
      if (reverse) {
        for (int i = 0; i < count; i++) {
          scores[i] = maxPriority;
        }
      }
      return;
    }
    for (int i = 0; i < count; i++) {
      long s = maxPriority * scores[i] / max;
      scores[i] = reverse ? maxPriority - s : s;
    }
  }
}
