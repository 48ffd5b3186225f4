package io.platformsim.fleet.manifests;

import io.fabric8.kubernetes.api.model.Probe;

/**
 * The timing of a readiness or liveness probe, with upstream's defaults for fields left out ({@code
 * SetDefaults_Probe}, kubernetes/kubernetes pkg/apis/core/v1/defaults.go: timeout 1 s, period 10 s,
 * success threshold 1, failure threshold 3; initial delay 0).
 *
 * @param initialDelaySeconds seconds after the container starts before the first probe
 * @param periodSeconds seconds between probes
 * @param timeoutSeconds seconds before one probe times out
 * @param successThreshold consecutive successes to count as passing
 * @param failureThreshold consecutive failures to count as failing
 */
public record ProbeTiming(
    int initialDelaySeconds,
    int periodSeconds,
    int timeoutSeconds,
    int successThreshold,
    int failureThreshold) {

  /** The timing of {@code probe}, or null when there is none. */
  static ProbeTiming of(Probe probe) {
    if (probe == null) {
      return null;
    }
    return new ProbeTiming(
        or(probe.getInitialDelaySeconds(), 0),
        or(probe.getPeriodSeconds(), 10),
        or(probe.getTimeoutSeconds(), 1),
        or(probe.getSuccessThreshold(), 1),
        or(probe.getFailureThreshold(), 3));
  }

  /**
   * The earliest a started container can pass: the initial delay plus {@code successThreshold - 1}
   * more periods (the first probe runs at the initial delay).
   */
  public int earliestReadySeconds() {
    return initialDelaySeconds + (successThreshold - 1) * periodSeconds;
  }

  private static int or(Integer v, int dflt) {
    return v == null ? dflt : v;
  }
}
