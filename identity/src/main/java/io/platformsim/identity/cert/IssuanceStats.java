package io.platformsim.identity.cert;

/**
 * What a {@link CertificateAuthority} did so far.
 *
 * @param capacityPerSecond its capacity, 0 for unlimited
 * @param issued credentials issued
 * @param peakPerMinute most issued within one calendar minute {@code [m·60 s, (m+1)·60 s)}
 * @param meanDelayMillis mean queueing delay (issue − request), 0 if none issued
 * @param maxDelayMillis largest queueing delay
 * @param delayed requests that waited at all
 */
public record IssuanceStats(
    int capacityPerSecond,
    long issued,
    long peakPerMinute,
    double meanDelayMillis,
    long maxDelayMillis,
    long delayed) {

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "IssuanceStats[capacity %s/s, issued %d, peak %d/min, delay mean %.1f ms max %d ms, delayed %d]",
        capacityPerSecond == 0 ? "unlimited" : Integer.toString(capacityPerSecond),
        issued,
        peakPerMinute,
        meanDelayMillis,
        maxDelayMillis,
        delayed);
  }
}
