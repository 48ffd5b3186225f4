package io.platformsim.fleet.usage;

import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import java.util.Locale;

/**
 * The Vertical Pod Autoscaler recommender's rule for a pod's request, modelled (not ported) from
 * kubernetes/autoscaler vertical-pod-autoscaler/pkg/recommender/logic/recommender.go ({@code
 * CreatePodResourceRecommender}, {@code GetRecommendedPodResources}) and estimator.go ({@code
 * WithMargin}, {@code WithMinResource}):
 *
 * <ul>
 *   <li>CPU estimate: the {@code targetCpuPercentile} of CPU usage (flag {@code
 *       --target-cpu-percentile}, default 0.9); lower and upper bounds at the 0.5 and 0.95
 *       percentiles ({@code --recommendation-lower-bound-cpu-percentile}, {@code
 *       --recommendation-upper-bound-cpu-percentile}).
 *   <li>Memory estimate: the same percentiles (0.9, 0.5, 0.95: {@code --target-memory-percentile},
 *       {@code --recommendation-lower-bound-memory-percentile}, {@code
 *       --recommendation-upper-bound-memory-percentile}) of the memory <em>peaks</em>, one per
 *       aggregation interval ({@link UsageProfile#memoryPeakBytes()}).
 *   <li>Each estimate times {@code 1 + marginFraction} ({@code --recommendation-margin-fraction},
 *       default 0.15), then raised to the pod minimum ({@code
 *       --pod-recommendation-min-cpu-millicores} 25, {@code --pod-recommendation-min-memory-mb}
 *       250, where upstream's "MB" is 250 * 1024 * 1024 bytes, i.e. 250 MiB).
 *   <li>CPU is rounded up to whole millicores ({@code --round-cpu-millicores} 1), memory up to
 *       whole MiB (a request is never rounded below the estimate).
 * </ul>
 *
 * <p>What is not modelled: upstream keeps decaying histograms (exponential buckets, so its
 * percentile is a bucket bound up to about 5% above the exact one; usage half-life 24 h), where
 * this rule takes the profile's exact percentiles with equal weight; and it multiplies the upper
 * bound by {@code (1 + 1/days of history)} and the lower by {@code (1 + 0.001/days)^-2} (the
 * confidence multipliers in {@code CreatePodResourceRecommender}), which are left out: the bounds
 * here are those of a long history. The whole pod is one container (the minimum is not split).
 *
 * @param targetCpuPercentile fraction in [0.5, 1]
 * @param lowerCpuPercentile fraction in [0.5, 1]
 * @param upperCpuPercentile fraction in [0.5, 1]
 * @param targetMemoryPercentile fraction in [0.5, 1]
 * @param lowerMemoryPercentile fraction in [0.5, 1]
 * @param upperMemoryPercentile fraction in [0.5, 1]
 * @param marginFraction added share of the estimate, finite and at least 0
 * @param minimum the pod minimum request
 */
public record RightSizing(
    double targetCpuPercentile,
    double lowerCpuPercentile,
    double upperCpuPercentile,
    double targetMemoryPercentile,
    double lowerMemoryPercentile,
    double upperMemoryPercentile,
    double marginFraction,
    Resources minimum) {

  /** {@code --recommendation-margin-fraction} default (recommender.go). */
  public static final double VPA_MARGIN_FRACTION = 0.15;

  /**
   * {@code --pod-recommendation-min-cpu-millicores} 25 and {@code
   * --pod-recommendation-min-memory-mb} 250 (MiB), the defaults in recommender.go.
   */
  public static final Resources VPA_MINIMUM = Resources.of(25, 250);

  /** Validates the percentiles, the margin and the minimum. */
  public RightSizing {
    double[] ps = {
      targetCpuPercentile,
      lowerCpuPercentile,
      upperCpuPercentile,
      targetMemoryPercentile,
      lowerMemoryPercentile,
      upperMemoryPercentile
    };
    for (double p : ps) {
      if (!(p >= 0.5 && p <= 1.0)) {
        throw new IllegalArgumentException("percentile must be in [0.5, 1], was " + p);
      }
    }
    if (!(marginFraction >= 0) || Double.isInfinite(marginFraction)) {
      throw new IllegalArgumentException(
          "marginFraction must be finite and >= 0, was " + marginFraction);
    }
    if (minimum == null) {
      throw new IllegalArgumentException("minimum must not be null");
    }
  }

  /** The recommender's defaults: percentiles 0.9 / 0.5 / 0.95, margin 0.15, minimum 25m / 250Mi. */
  public static RightSizing vpaDefaults() {
    return new RightSizing(0.9, 0.5, 0.95, 0.9, 0.5, 0.95, VPA_MARGIN_FRACTION, VPA_MINIMUM);
  }

  /** A copy with another safety margin. */
  public RightSizing withMarginFraction(double fraction) {
    return new RightSizing(
        targetCpuPercentile,
        lowerCpuPercentile,
        upperCpuPercentile,
        targetMemoryPercentile,
        lowerMemoryPercentile,
        upperMemoryPercentile,
        fraction,
        minimum);
  }

  /** A copy with another pod minimum. */
  public RightSizing withMinimum(Resources newMinimum) {
    return new RightSizing(
        targetCpuPercentile,
        lowerCpuPercentile,
        upperCpuPercentile,
        targetMemoryPercentile,
        lowerMemoryPercentile,
        upperMemoryPercentile,
        marginFraction,
        newMinimum);
  }

  /** The recommendation for one service's profile. */
  public Recommendation recommend(UsageProfile profile) {
    return new Recommendation(
        profile.service(),
        request(profile, targetCpuPercentile, targetMemoryPercentile),
        request(profile, lowerCpuPercentile, lowerMemoryPercentile),
        request(profile, upperCpuPercentile, upperMemoryPercentile));
  }

  private Resources request(UsageProfile profile, double cpuQ, double memQ) {
    double milliCpu = profile.cpuCores().at(cpuQ) * 1000 * (1 + marginFraction);
    double bytes = profile.memoryPeakBytes().at(memQ) * (1 + marginFraction);
    // The tolerance keeps binary noise (0.4 * 1.15 = 0.45999999999999996) from rounding a whole
    // millicore or MiB up by one.
    long cpu = (long) Math.ceil(milliCpu - 1e-6);
    long mib = (long) Math.ceil(bytes / Resources.BYTES_PER_MIB - 1e-9);
    return Resources.of(Math.max(minimum.milliCpu(), cpu), Math.max(minimum.memoryMib(), mib));
  }

  /**
   * {@code service} with its request set to the recommendation's target; everything else (usage,
   * instances, image…) unchanged.
   *
   * @throws IllegalArgumentException if the recommendation is for another service
   */
  public static Service rightSized(Service service, Recommendation recommendation) {
    if (!service.name().equals(recommendation.service())) {
      throw new IllegalArgumentException(
          "recommendation for '"
              + recommendation.service()
              + "' applied to service '"
              + service.name()
              + "'");
    }
    return copy(service, recommendation.target(), service.usage());
  }

  /** {@code service} with its usage from {@code profile} and its request at this rule's target. */
  public Service rightSized(Service service, UsageProfile profile) {
    return rightSized(profile.applyTo(service), recommend(profile));
  }

  static Service copy(Service s, Resources request, Resources usage) {
    return new Service(
        s.name(),
        s.version(),
        s.instances(),
        request,
        usage,
        s.artifactBytes(),
        s.startupMillis(),
        s.healthCheckMillis(),
        s.image(),
        s.placement());
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "RightSizing[cpu p%s (lower p%s, upper p%s), memory peaks p%s (lower p%s, upper p%s),"
            + " margin %s, minimum %dm/%dMi]",
        targetCpuPercentile * 100,
        lowerCpuPercentile * 100,
        upperCpuPercentile * 100,
        targetMemoryPercentile * 100,
        lowerMemoryPercentile * 100,
        upperMemoryPercentile * 100,
        marginFraction,
        minimum.milliCpu(),
        minimum.memoryMib());
  }
}
