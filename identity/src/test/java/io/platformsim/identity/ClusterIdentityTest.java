package io.platformsim.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.identity.access.IdentityMode;
import io.platformsim.identity.cert.Certificate;
import io.platformsim.identity.ipam.ExhaustionReason;
import io.platformsim.identity.ipam.Network;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterIdentityTest {

  @Test
  void podsGetAnAddressACertificateAndATokenAndWaitForASaturatedAuthority() {
    // CA at 2 per second = one every 500 ms; three pods at 1 s: certificates at 1.0, 1.5, 2.0 s.
    ClusterIdentity id =
        ClusterIdentity.builder().overlay("10.0.0.0/24", 26).certificateAuthority(2).build();
    assertEquals("10.0.0.0/26", id.nodeJoined("node-1", "m5.large", "z", 0).source());
    PodCredentials a = id.podStarting("node-1", "web-0", "web", 1_000);
    PodCredentials b = id.podStarting("node-1", "web-1", "web", 1_000);
    PodCredentials c = id.podStarting("node-1", "db-0", "db", 1_000);
    assertEquals("10.0.0.1", a.address().ip());
    assertEquals("10.0.0.3", c.address().ip());
    assertEquals(1_000, a.readyAtMillis());
    assertEquals(1_500, b.readyAtMillis());
    assertEquals(2_000, c.readyAtMillis());
    assertEquals(1_000, c.token().issuedAtMillis()); // the token issuer is unlimited
    assertEquals(1_000 + 2_880_000, c.token().renewAtMillis()); // 80% of 1 h
    // Istio workload certificate default: 24 h renewed at 50% → 12 h after issue.
    assertEquals(2_000 + 43_200_000, c.certificate().renewAtMillis());

    IdentityMetrics m = id.metrics();
    assertEquals(3, m.certificates().issued());
    assertEquals(1_000, m.certificates().maxDelayMillis());
    assertEquals(3, m.tokens().issued());
    assertEquals(3, m.credentialHolders());
    // Workload identity: sa/web, sa/db and node/node-1; each role reaches one service, the node
    // holds both services' tokens.
    assertEquals(3, m.principals());
    assertEquals(1, m.blastRadius().maxOverPrincipals());
    assertEquals(Map.of("node-1", 2), m.blastRadius().byHost());
    assertEquals(3, m.addresses().used());
  }

  @Test
  void aStoppedPodsAddressIsReusedAndRenewalsGoThroughTheIssuers() {
    ClusterIdentity id = ClusterIdentity.builder().mode(IdentityMode.NODE_ROLE).build();
    id.nodeJoined("n", null, null, 0);
    long first = id.podStarting("n", "p0", "web", 0).address().address();
    id.podStarting("n", "p1", "api", 0);
    assertEquals(2, id.metrics().blastRadius().maxOverPrincipals()); // node role holds web + api
    assertEquals(1, id.metrics().principals());
    id.podStopped("p0");
    assertEquals(first, id.podStarting("n", "p2", "web", 10).address().address());
    Certificate t = id.renewToken("p2", 2_880_010);
    assertEquals(2_880_010, t.issuedAtMillis());
    assertEquals(4, id.metrics().tokens().issued());
    assertThrows(IllegalArgumentException.class, () -> id.renewCertificate("p0", 20));
    id.nodeLeft("n");
    assertEquals(0, id.livePods());
  }

  @Test
  void anAddressRefusalIssuesNoCredentials() {
    // t3.medium: 3 ENIs × (6 − 1) = 15 pod addresses.
    ClusterIdentity id =
        ClusterIdentity.builder().vpcNative(Network.perZone("10.0.0.0/16", 20, "z")).build();
    id.nodeJoined("n", "t3.medium", "z", 0);
    for (int i = 0; i < 15; i++) {
      assertTrue(id.podStarting("n", "p" + i, "web", 0).isGranted());
    }
    PodCredentials refused = id.podStarting("n", "p15", "web", 5);
    assertFalse(refused.isGranted());
    assertEquals(ExhaustionReason.INSTANCE_ADDRESS_LIMIT, refused.address().reason());
    assertNull(refused.certificate());
    assertEquals(-1, refused.readyAtMillis());
    assertEquals(15, id.metrics().certificates().issued());
    assertEquals(1, id.metrics().addresses().exhaustionEvents());
  }

  @Test
  void badConfigurationNamesTheField() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ClusterIdentity.builder().certificateAuthority(-5));
    assertTrue(e.getMessage().contains("certificateAuthority") && e.getMessage().contains("-5"));
    assertThrows(
        IllegalArgumentException.class, () -> ClusterIdentity.builder().overlay("10.0.0.0/16", 8));
  }
}
