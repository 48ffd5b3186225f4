package io.platformsim.identity.cert;

/**
 * A certificate authority (or token issuer) that issues at most {@code k} credentials per second,
 * first come first served, modelled analytically: the simulator calls {@link #issueAt(long)} (or
 * {@link #issue}) when a request occurs and learns at once when it will be issued, so the authority
 * needs no events of its own. Mutable, not thread-safe; deterministic.
 *
 * <h2>Model</h2>
 *
 * Issues are spaced at least {@code 1000 / k} ms apart and never before their request: {@code
 * issue_i = max(request_i, issue_{i-1} + 1000/k)}. An idle authority therefore issues at once (no
 * delay for a lone request), a burst queues and drains at rate {@code k}, and any window of one
 * second holds at most {@code k} issues. Times are kept exactly in units of {@code 1/k} ms and
 * reported rounded up to the millisecond, which keeps both properties.
 *
 * <pre>{@code
 * var ca = CertificateAuthority.withCapacity(10);     // 10 per second
 * for (int i = 0; i < 30; i++) ca.issueAt(0);         // a burst of 30 at t = 0
 * ca.stats();   // max delay 2900 ms: the 30th waits 29 × 100 ms
 * }</pre>
 */
public final class CertificateAuthority {
  private static final long MINUTE = 60_000;

  private final int capacityPerSecond;
  // Next issue may happen at or after nextSlot / k ms (exact; k = capacity; unused when unlimited).
  private long nextSlot;
  private long lastRequest = Long.MIN_VALUE;
  private long issued;
  private long delayed;
  private long totalDelay;
  private long maxDelay;
  private long minute = Long.MIN_VALUE;
  private long inMinute;
  private long peakPerMinute;

  private CertificateAuthority(int capacityPerSecond) {
    this.capacityPerSecond = capacityPerSecond;
  }

  /**
   * An authority issuing at most {@code perSecond} credentials per second.
   *
   * @throws IllegalArgumentException if {@code perSecond} is outside 1–1 000 000
   */
  public static CertificateAuthority withCapacity(int perSecond) {
    if (perSecond < 1 || perSecond > 1_000_000) {
      throw new IllegalArgumentException(
          "capacityPerSecond must be in 1-1000000, was " + perSecond);
    }
    return new CertificateAuthority(perSecond);
  }

  /** An authority that never queues: every credential is issued at its request time. */
  public static CertificateAuthority unlimited() {
    return new CertificateAuthority(0);
  }

  /** Capacity per second, 0 for unlimited. */
  public int capacityPerSecond() {
    return capacityPerSecond;
  }

  /**
   * Queues a request made at {@code requestMillis} and returns when it is issued.
   *
   * @throws IllegalArgumentException if {@code requestMillis} is negative, earlier than the
   *     previous request (requests must arrive in time order), or too large to schedule
   */
  public long issueAt(long requestMillis) {
    if (requestMillis < 0) {
      throw new IllegalArgumentException("requestMillis must be >= 0, was " + requestMillis);
    }
    if (requestMillis < lastRequest) {
      throw new IllegalArgumentException(
          "requestMillis "
              + requestMillis
              + " is earlier than the previous request at "
              + lastRequest
              + "; requests must come in time order");
    }
    lastRequest = requestMillis;
    long issueMillis;
    if (capacityPerSecond == 0) {
      issueMillis = requestMillis;
    } else {
      long k = capacityPerSecond;
      long requestSlot;
      try {
        requestSlot = Math.multiplyExact(requestMillis, k);
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(
            "requestMillis " + requestMillis + " is too large for capacity " + k, e);
      }
      long slot = Math.max(requestSlot, nextSlot);
      nextSlot = slot + 1000; // the next issue comes at least 1000/k ms later
      issueMillis = -Math.floorDiv(-slot, k); // ceil(slot / k)
    }
    record(requestMillis, issueMillis);
    return issueMillis;
  }

  /**
   * Issues a credential for {@code subject} requested at {@code requestMillis} under {@code
   * policy}: valid from its issue time for the policy's TTL, renewed after {@link
   * RotationPolicy#renewAfterMillis()}.
   *
   * @throws IllegalArgumentException as {@link #issueAt(long)}, or for a null policy
   */
  public Certificate issue(String subject, RotationPolicy policy, long requestMillis) {
    if (policy == null) {
      throw new IllegalArgumentException("policy must not be null");
    }
    long at = issueAt(requestMillis);
    return new Certificate(
        subject,
        issued,
        requestMillis,
        at,
        at + policy.renewAfterMillis(),
        at + policy.ttlMillis());
  }

  /**
   * When a request made now would be issued, without queueing it: {@code max(now, next slot)}. Lets
   * a caller see the backlog.
   */
  public long nextIssueAt(long nowMillis) {
    if (capacityPerSecond == 0) {
      return nowMillis;
    }
    long k = capacityPerSecond;
    return Math.max(nowMillis, -Math.floorDiv(-nextSlot, k));
  }

  private void record(long request, long issue) {
    issued++;
    long delay = issue - request;
    if (delay > 0) {
      delayed++;
      totalDelay += delay;
      maxDelay = Math.max(maxDelay, delay);
    }
    // Issue times never decrease (both terms of the max do not), so calendar minutes close in
    // order.
    long m = Math.floorDiv(issue, MINUTE);
    if (m != minute) {
      minute = m;
      inMinute = 0;
    }
    inMinute++;
    peakPerMinute = Math.max(peakPerMinute, inMinute);
  }

  /** Credentials issued so far. */
  public long issued() {
    return issued;
  }

  /** A snapshot of the counters. */
  public IssuanceStats stats() {
    return new IssuanceStats(
        capacityPerSecond,
        issued,
        peakPerMinute,
        issued == 0 ? 0 : (double) totalDelay / issued,
        maxDelay,
        delayed);
  }

  @Override
  public String toString() {
    return "CertificateAuthority[" + stats() + "]";
  }
}
