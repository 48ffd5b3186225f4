package io.platformsim.identity.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RotationPolicyTest {

  @Test
  void serviceAccountTokensLastAnHourAndRenewAt80Percent() {
    // core/v1 ServiceAccountTokenProjection: expirationSeconds 3600; kubelet renews after 80%.
    assertEquals(3_600_000, RotationPolicy.SERVICE_ACCOUNT_TOKEN.ttlMillis());
    assertEquals(
        2_880_000, RotationPolicy.SERVICE_ACCOUNT_TOKEN.renewAfterMillis()); // 0.8 × 3 600 000
  }

  @Test
  void steadyStateIssuanceIsHoldersOverTheRenewalInterval() {
    // 1000 holders renewing every 0.8 h: 1000 / 0.8 = 1250 per hour.
    assertEquals(1250.0, RotationPolicy.of(Duration.ofHours(1), 0.8).issuancePerHour(1000), 1e-9);
    // 90-day certificates renewed at 60 days, 1000 machines: 1000 / 1440 h = 0.6944 per hour.
    assertEquals(1000.0 / 1440, RotationPolicy.NINETY_DAY_CERTIFICATE.issuancePerHour(1000), 1e-9);
  }

  @Test
  void aZeroTtlIsRejectedNamingTheValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RotationPolicy.of(Duration.ZERO, 0.8));
    assertTrue(
        e.getMessage().contains("ttlMillis") && e.getMessage().contains("0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new RotationPolicy(1000, 0));
    assertThrows(IllegalArgumentException.class, () -> new RotationPolicy(1000, 1.5));
    assertThrows(IllegalArgumentException.class, () -> new RotationPolicy(1000, Double.NaN));
  }
}
