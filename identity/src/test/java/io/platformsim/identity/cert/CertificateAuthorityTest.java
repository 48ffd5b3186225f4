package io.platformsim.identity.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {

  @Test
  void anIdleAuthorityIssuesAtOnce() {
    CertificateAuthority ca = CertificateAuthority.withCapacity(10);
    assertEquals(5_000, ca.issueAt(5_000));
    assertEquals(6_000, ca.issueAt(6_000)); // 1 s later: far more than 100 ms spacing
    assertEquals(0, ca.stats().maxDelayMillis());
  }

  @Test
  void aBurstDrainsAtCapacity() {
    // 10 per second = one every 100 ms: the i-th of a burst at t = 0 is issued at i × 100 ms.
    CertificateAuthority ca = CertificateAuthority.withCapacity(10);
    for (int i = 0; i < 30; i++) {
      assertEquals(i * 100L, ca.issueAt(0));
    }
    IssuanceStats s = ca.stats();
    assertEquals(30, s.issued());
    assertEquals(2_900, s.maxDelayMillis());
    assertEquals(1_450.0, s.meanDelayMillis(), 1e-9); // mean of 0, 100, …, 2900
    assertEquals(29, s.delayed());
    assertEquals(30, s.peakPerMinute());
  }

  @Test
  void fractionalSpacingRoundsUpToTheMillisecond() {
    // 3 per second: issues at 0, 333.3, 666.7, 1000 ms → 0, 334, 667, 1000.
    CertificateAuthority ca = CertificateAuthority.withCapacity(3);
    assertEquals(0, ca.issueAt(0));
    assertEquals(334, ca.issueAt(0));
    assertEquals(667, ca.issueAt(0));
    assertEquals(1_000, ca.issueAt(0));
  }

  @Test
  void peakPerMinuteCountsCalendarMinutes() {
    CertificateAuthority ca = CertificateAuthority.unlimited();
    for (int i = 0; i < 5; i++) {
      ca.issueAt(10_000);
    }
    for (int i = 0; i < 7; i++) {
      ca.issueAt(70_000); // minute 1
    }
    ca.issueAt(130_000);
    assertEquals(7, ca.stats().peakPerMinute());
    assertEquals(13, ca.issued());
  }

  @Test
  void certificatesCarryTheirPolicy() {
    CertificateAuthority ca = CertificateAuthority.withCapacity(1);
    ca.issueAt(0);
    Certificate c = ca.issue("sa/web", RotationPolicy.SERVICE_ACCOUNT_TOKEN, 0);
    assertEquals(1_000, c.issuedAtMillis()); // behind one other at 1 per second
    assertEquals(1_000, c.queueingDelayMillis());
    assertEquals(1_000 + 2_880_000, c.renewAtMillis());
    assertEquals(1_000 + 3_600_000, c.expiresAtMillis());
    assertEquals(2, c.serial());
    assertTrue(c.validAt(1_000) && !c.validAt(3_601_000));
  }

  @Test
  void badInputIsRejectedNamingTheValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CertificateAuthority.withCapacity(0));
    assertTrue(e.getMessage().contains("capacityPerSecond") && e.getMessage().contains("0"));
    CertificateAuthority ca = CertificateAuthority.withCapacity(5);
    ca.issueAt(100);
    e = assertThrows(IllegalArgumentException.class, () -> ca.issueAt(50));
    assertTrue(e.getMessage().contains("50") && e.getMessage().contains("100"), e.getMessage());
  }
}
