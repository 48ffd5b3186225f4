package io.platformsim.identity.cert;

import java.time.Duration;

/**
 * How long a credential lives and when its holder renews it: at {@code rotateAtFraction} of its
 * life. In steady state every holder renews once per {@link #renewAfterMillis()}, so an authority
 * serving {@code n} holders issues {@code n / (ttl × fraction)} credentials per unit time.
 *
 * <pre>{@code
 * RotationPolicy.SERVICE_ACCOUNT_TOKEN.issuancePerHour(1000);   // 1000 / 0.8 h = 1250.0
 * }</pre>
 *
 * @param ttlMillis lifetime, &gt; 0
 * @param rotateAtFraction fraction of the lifetime after which the holder renews, in (0, 1]
 */
public record RotationPolicy(long ttlMillis, double rotateAtFraction) {

  /**
   * Kubernetes projected service-account token: 1 h ({@code expirationSeconds} default 3600),
   * renewed by the kubelet once older than 80% of its TTL (core/v1 {@code
   * ServiceAccountTokenProjection} API doc).
   */
  public static final RotationPolicy SERVICE_ACCOUNT_TOKEN = new RotationPolicy(3_600_000L, 0.8);

  /**
   * A 90-day certificate renewed after 60 days, as Let's Encrypt recommends (letsencrypt.org docs,
   * "Certificate lifetime": renew every 60 days); a long-lived machine certificate.
   */
  public static final RotationPolicy NINETY_DAY_CERTIFICATE =
      new RotationPolicy(90L * 86_400_000L, 2.0 / 3.0);

  /**
   * Validates the fields.
   *
   * @throws IllegalArgumentException naming the value if the TTL is not positive or the fraction is
   *     outside (0, 1]
   */
  public RotationPolicy {
    if (ttlMillis <= 0) {
      throw new IllegalArgumentException("ttlMillis must be > 0, was " + ttlMillis);
    }
    if (!(rotateAtFraction > 0 && rotateAtFraction <= 1)) {
      throw new IllegalArgumentException(
          "rotateAtFraction must be in (0, 1], was " + rotateAtFraction);
    }
    if ((long) Math.floor(ttlMillis * rotateAtFraction) < 1) {
      throw new IllegalArgumentException(
          "ttlMillis "
              + ttlMillis
              + " x rotateAtFraction "
              + rotateAtFraction
              + " renews in under 1 ms");
    }
  }

  /**
   * A policy of {@code ttl} renewed at {@code rotateAtFraction} of it.
   *
   * @throws IllegalArgumentException for a zero, negative or null TTL or a fraction outside (0, 1]
   */
  public static RotationPolicy of(Duration ttl, double rotateAtFraction) {
    if (ttl == null) {
      throw new IllegalArgumentException("ttl must not be null");
    }
    return new RotationPolicy(ttl.toMillis(), rotateAtFraction);
  }

  /** Time from issue to renewal: {@code floor(ttl × fraction)} ms. */
  public long renewAfterMillis() {
    return (long) Math.floor(ttlMillis * rotateAtFraction);
  }

  /**
   * Steady-state issuance per hour for {@code holders} credentials that each renew every {@link
   * #renewAfterMillis()}: {@code holders × 3 600 000 / renewAfterMillis}.
   *
   * @throws IllegalArgumentException if {@code holders} is negative
   */
  public double issuancePerHour(long holders) {
    if (holders < 0) {
      throw new IllegalArgumentException("holders must be >= 0, was " + holders);
    }
    return holders * 3_600_000.0 / renewAfterMillis();
  }

  @Override
  public String toString() {
    return "RotationPolicy[ttl "
        + Duration.ofMillis(ttlMillis)
        + ", renew at "
        + rotateAtFraction
        + "]";
  }
}
