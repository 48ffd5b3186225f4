package io.platformsim.core.kusp.nodelifecycle;

/**
 * A token bucket as one zone's tainting queue uses it: client-go {@code util/flowcontrol
 * NewTokenBucketRateLimiter(qps, burst)} over {@code golang.org/x/time/rate}, created full,
 * refilled continuously at {@code qps} up to {@code burst}; the node lifecycle controller uses
 * burst 1 ({@code EvictionRateLimiterBurst}, k/k {@code
 * pkg/controller/nodelifecycle/scheduler/rate_limited_queue.go}). A rate of 0 is upstream's
 * never-accepting fake limiter. Immutable: each operation returns the next bucket.
 *
 * @param qps tokens per second, at least 0
 * @param burst capacity, at least 1
 * @param tokens tokens held at {@code atMillis}
 * @param atMillis simulated time the token count was taken
 */
public record TokenBucket(double qps, int burst, double tokens, long atMillis) {

  /** {@code EvictionRateLimiterBurst}. */
  public static final int EVICTION_BURST = 1;

  /** Validates the fields. */
  public TokenBucket {
    if (!(qps >= 0) || burst < 1 || tokens < 0 || tokens > burst) {
      throw new IllegalArgumentException(
          "bad token bucket: qps " + qps + ", burst " + burst + ", tokens " + tokens);
    }
  }

  /** A full bucket of {@link #EVICTION_BURST} at {@code qps}, as of {@code nowMillis}. */
  public static TokenBucket full(double qps, long nowMillis) {
    return new TokenBucket(qps, EVICTION_BURST, EVICTION_BURST, nowMillis);
  }

  /** Tokens held at {@code nowMillis} (never before {@link #atMillis}). */
  public double tokensAt(long nowMillis) {
    if (qps == 0) {
      return 0;
    }
    long elapsed = Math.max(0, nowMillis - atMillis);
    return Math.min(burst, tokens + elapsed * qps / 1000.0);
  }

  /** Whether a token is there at {@code nowMillis}. */
  public boolean canAccept(long nowMillis) {
    return qps > 0 && tokensAt(nowMillis) >= 1;
  }

  /**
   * {@code TryAccept}: the bucket after taking a token at {@code nowMillis}; check {@link
   * #canAccept} first.
   */
  public TokenBucket accept(long nowMillis) {
    if (!canAccept(nowMillis)) {
      throw new IllegalStateException("no token at " + nowMillis + " ms: " + this);
    }
    return new TokenBucket(qps, burst, tokensAt(nowMillis) - 1, Math.max(atMillis, nowMillis));
  }

  /**
   * The first time at or after {@code nowMillis} a token is there; {@code Long.MAX_VALUE} at rate
   * 0.
   */
  public long nextTokenMillis(long nowMillis) {
    if (qps == 0) {
      return Long.MAX_VALUE;
    }
    double missing = 1 - tokensAt(nowMillis);
    if (missing <= 0) {
      return Math.max(nowMillis, atMillis);
    }
    return Math.max(nowMillis, atMillis) + (long) Math.ceil(missing * 1000.0 / qps);
  }

  /**
   * {@code RateLimitedTimedQueue.SwapLimiter}: the same bucket if the rate is unchanged; at rate 0
   * a never-accepting bucket; otherwise a new full bucket that is drained at once when this one had
   * no token ("if we're currently waiting on limiter, we drain the new one").
   */
  public TokenBucket swap(double newQps, long nowMillis) {
    if ((float) newQps == (float) qps) {
      // Upstream compares the float32 QPS.
      return this;
    }
    if (newQps <= 0) {
      return new TokenBucket(0, burst, 0, nowMillis);
    }
    double start = canAccept(nowMillis) ? burst : burst - 1;
    return new TokenBucket(newQps, burst, start, nowMillis);
  }

  @Override
  public String toString() {
    return String.format("%.3f/s, %.3f of %d tokens at %d ms", qps, tokens, burst, atMillis);
  }
}
