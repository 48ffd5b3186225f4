package io.platformsim.core.kusp.autoscaling;

import java.util.List;

/**
 * One direction of an HPA's {@code spec.behavior} (k/k {@code autoscaling/v2 HPAScalingRules}).
 * Defaults, k/k v1.31 {@code pkg/apis/autoscaling/v2/defaults.go}: scale-up has no stabilization
 * window and allows the larger of +100% and +4 pods per 15 s; scale-down has a 300 s window ({@code
 * --horizontal-pod-autoscaler-downscale-stabilization}, 5 min) and allows −100% per 15 s.
 *
 * @param stabilizationWindowMillis how far back recommendations are looked at
 * @param selectPolicy which policy's limit applies
 * @param policies the policies, at least one unless disabled
 */
public record ScalingRules(
    long stabilizationWindowMillis, SelectPolicy selectPolicy, List<Policy> policies) {

  /** {@code ScalingPolicySelect}. */
  public enum SelectPolicy {
    /** The policy allowing the largest change (default). */
    MAX,
    /** The policy allowing the smallest change. */
    MIN,
    /** No scaling in this direction. */
    DISABLED
  }

  /**
   * {@code HPAScalingPolicy}: at most {@code value} pods or percent per {@code periodMillis}.
   *
   * @param percent whether {@code value} is a percentage (else pods)
   * @param value pods or percent, at least 1
   * @param periodMillis the period, at least 1 s
   */
  public record Policy(boolean percent, int value, long periodMillis) {
    /** Validates the policy. */
    public Policy {
      if (value < 1 || periodMillis < 1000) {
        throw new IllegalArgumentException(
            "policy value must be >= 1 and period >= 1 s, were "
                + value
                + ", "
                + periodMillis
                + " ms");
      }
    }

    /** {@code value} pods per {@code periodSeconds}. */
    public static Policy pods(int value, long periodSeconds) {
      return new Policy(false, value, periodSeconds * 1000);
    }

    /** {@code value} percent per {@code periodSeconds}. */
    public static Policy percent(int value, long periodSeconds) {
      return new Policy(true, value, periodSeconds * 1000);
    }

    @Override
    public String toString() {
      return value + (percent ? "%" : " pods") + " per " + periodMillis / 1000 + " s";
    }
  }

  /** {@code GenerateHPAScaleUpRules} with nothing set. */
  public static final ScalingRules DEFAULT_SCALE_UP =
      new ScalingRules(0, SelectPolicy.MAX, List.of(Policy.pods(4, 15), Policy.percent(100, 15)));

  /**
   * {@code GenerateHPAScaleDownRules} with nothing set, window from the controller flag default.
   */
  public static final ScalingRules DEFAULT_SCALE_DOWN =
      new ScalingRules(300_000, SelectPolicy.MAX, List.of(Policy.percent(100, 15)));

  /** Validates the rules and copies the list. */
  public ScalingRules {
    if (stabilizationWindowMillis < 0 || selectPolicy == null) {
      throw new IllegalArgumentException("stabilization window must be >= 0 and selectPolicy set");
    }
    policies = List.copyOf(policies);
    if (policies.isEmpty() && selectPolicy != SelectPolicy.DISABLED) {
      throw new IllegalArgumentException("scaling rules need at least one policy unless disabled");
    }
  }

  /** These rules with another stabilization window. */
  public ScalingRules withStabilizationWindowMillis(long windowMillis) {
    return new ScalingRules(windowMillis, selectPolicy, policies);
  }

  /** The longest policy period ({@code getLongestPolicyPeriod}), 0 without policies. */
  public long longestPeriodMillis() {
    long longest = 0;
    for (Policy p : policies) {
      longest = Math.max(longest, p.periodMillis());
    }
    return longest;
  }
}
