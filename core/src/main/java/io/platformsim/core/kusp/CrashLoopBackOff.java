package io.platformsim.core.kusp;

/**
 * The kubelet's container restart back-off: the delay before restart number {@code n} (1-based) is
 * {@code min(initial · 2^(n−1), max)}, and the sequence starts over once the container ran cleanly
 * for the reset period.
 *
 * <p>Upstream (v1.31): k/k {@code pkg/kubelet/kubelet.go} {@code backOffPeriod = 10 s}, {@code
 * MaxContainerBackOff = 300 s}; {@code client-go util/flowcontrol/backoff.go} doubles the delay up
 * to the cap and forgets an entry not updated for {@code 2 · max} = 10 min (the documented "reset
 * after 10 minutes", kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle #container-restarts).
 * The delays are therefore 10, 20, 40, 80, 160, 300, 300, … s.
 *
 * @param initialMillis first delay, at least 1 ms
 * @param maxMillis cap, at least {@code initialMillis}
 * @param resetMillis clean running time after which the next restart starts over
 */
public record CrashLoopBackOff(long initialMillis, long maxMillis, long resetMillis) {

  /** The upstream defaults: 10 s doubling to 300 s, reset after 10 min. */
  public static final CrashLoopBackOff DEFAULT = new CrashLoopBackOff(10_000, 300_000, 600_000);

  /** Validates the fields. */
  public CrashLoopBackOff {
    if (initialMillis < 1) {
      throw new IllegalArgumentException(
          "back-off initialMillis must be >= 1, was " + initialMillis);
    }
    if (maxMillis < initialMillis) {
      throw new IllegalArgumentException(
          "back-off maxMillis must be >= initialMillis " + initialMillis + ", was " + maxMillis);
    }
    if (resetMillis < 0) {
      throw new IllegalArgumentException("back-off resetMillis must be >= 0, was " + resetMillis);
    }
  }

  /** The delay before restart {@code n} (1-based) of an uninterrupted crash loop. */
  public long delayBeforeRestart(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("restart number must be >= 1, was " + n);
    }
    long d = initialMillis;
    for (int i = 1; i < n && d < maxMillis; i++) {
      d = Math.min(maxMillis, d * 2);
    }
    return Math.min(d, maxMillis);
  }
}
