package io.platformsim.scheduler.queue;

/**
 * The per-attempt backoff of a pod that failed scheduling: {@code initialMillis} after the first
 * attempt, doubled after each further one, capped at {@code maxMillis} (upstream {@code
 * PriorityQueue.calculateBackoffDuration} and {@code getBackoffTime} in
 * pkg/scheduler/internal/queue/scheduling_queue.go, v1.31; defaults podInitialBackoffSeconds 1 and
 * podMaxBackoffSeconds 10 in pkg/scheduler/apis/config/v1/defaults.go).
 *
 * @param initialMillis the first backoff, > 0
 * @param maxMillis the cap, >= initialMillis
 */
public record PodBackoff(long initialMillis, long maxMillis) {
  /** Upstream DefaultPodInitialBackoffDuration: 1 s. */
  public static final long DEFAULT_INITIAL_MILLIS = 1_000;

  /** Upstream DefaultPodMaxBackoffDuration: 10 s. */
  public static final long DEFAULT_MAX_MILLIS = 10_000;

  /** The defaults. */
  public static final PodBackoff DEFAULT =
      new PodBackoff(DEFAULT_INITIAL_MILLIS, DEFAULT_MAX_MILLIS);

  /** Validates. */
  public PodBackoff {
    if (initialMillis <= 0 || maxMillis < initialMillis) {
      throw new IllegalArgumentException(
          "backoff must satisfy 0 < initial <= max, was initial "
              + initialMillis
              + " ms, max "
              + maxMillis
              + " ms");
    }
  }

  /**
   * Upstream {@code calculateBackoffDuration}: {@code initial} doubled once per attempt after the
   * first, capped at {@code max}; the cap is tested by subtraction so the doubling never overflows.
   */
  public static long calculateBackoffDuration(long initial, long max, int attempts) {
    long duration = initial;
    for (int i = 1; i < attempts; i++) {
      if (duration > max - duration) {
        return max;
      }
      duration += duration;
    }
    return duration;
  }

  /** The backoff after {@code attempts} attempts. */
  public long duration(int attempts) {
    return calculateBackoffDuration(initialMillis, maxMillis, attempts);
  }

  /**
   * Upstream {@code getBackoffTime}: when the backoff of a pod stamped at {@code timestamp} ends
   * (saturating).
   */
  public long expiry(long timestamp, int attempts) {
    long d = duration(attempts);
    return timestamp > Long.MAX_VALUE - d ? Long.MAX_VALUE : timestamp + d;
  }
}
