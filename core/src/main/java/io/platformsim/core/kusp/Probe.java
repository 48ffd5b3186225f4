package io.platformsim.core.kusp;

/**
 * A container probe's timing (startup, readiness or liveness). Defaults from k/k {@code
 * pkg/apis/core/v1/defaults.go SetDefaults_Probe} (v1.31): initialDelaySeconds 0, timeoutSeconds 1,
 * periodSeconds 10, successThreshold 1, failureThreshold 3.
 *
 * <p>The kubelet runs probe {@code k} (0-based) at {@code running + initialDelay + k · period} (k/k
 * {@code pkg/kubelet/prober/worker.go}: the first probe waits for the initial delay, then a ticker
 * of one period). A probe succeeds once the application is healthy; with successThreshold 1 one
 * success is enough; {@code failureThreshold} consecutive failures act (restart for
 * liveness/startup, not ready for readiness). Upstream's probe ticker runs from the moment the
 * prober worker starts, not from container start, so real first probes can come up to one period
 * later than here; the documented meaning of {@code initialDelaySeconds} ("seconds after the
 * container has started before probes are initiated") is what is modelled.
 *
 * @param initialDelayMillis delay after the container started before the first probe, at least 0
 * @param periodMillis time between probes, at least 1 ms
 * @param failureThreshold consecutive failures that count as failed, at least 1
 */
public record Probe(long initialDelayMillis, long periodMillis, int failureThreshold) {

  /** The upstream defaults: no initial delay, every 10 s, 3 failures. */
  public static final Probe DEFAULT = new Probe(0, 10_000, 3);

  /** Validates the fields. */
  public Probe {
    if (initialDelayMillis < 0) {
      throw new IllegalArgumentException(
          "probe initialDelaySeconds must be >= 0, was " + initialDelayMillis + " ms");
    }
    if (periodMillis < 1) {
      throw new IllegalArgumentException(
          "probe periodSeconds must be > 0, was " + periodMillis + " ms");
    }
    if (failureThreshold < 1) {
      throw new IllegalArgumentException(
          "probe failureThreshold must be >= 1, was " + failureThreshold);
    }
  }

  /** The defaults with another initial delay in seconds. */
  public static Probe withInitialDelaySeconds(long seconds) {
    return new Probe(seconds * 1000, DEFAULT.periodMillis, DEFAULT.failureThreshold);
  }

  /**
   * The time after the container started at which the first successful probe happens, for an
   * application that is healthy from {@code healthyAfterMillis} after start: the first probe time
   * {@code initialDelay + k·period} that is at or after it.
   */
  public long firstSuccessAfter(long healthyAfterMillis) {
    if (healthyAfterMillis <= initialDelayMillis) {
      return initialDelayMillis;
    }
    long k = (healthyAfterMillis - initialDelayMillis + periodMillis - 1) / periodMillis;
    return initialDelayMillis + k * periodMillis;
  }

  /**
   * The time after the container started at which a never-healthy application reaches {@code
   * failureThreshold} consecutive failures: probe number failureThreshold − 1.
   */
  public long failedAfter() {
    return initialDelayMillis + (failureThreshold - 1) * periodMillis;
  }

  @Override
  public String toString() {
    return "Probe[delay "
        + initialDelayMillis / 1000.0
        + " s, period "
        + periodMillis / 1000.0
        + " s, failureThreshold "
        + failureThreshold
        + "]";
  }
}
