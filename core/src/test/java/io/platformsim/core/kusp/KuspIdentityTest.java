package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.platform.Failure;
import io.platformsim.core.workload.Resources;
import io.platformsim.identity.IdentityMetrics;
import io.platformsim.identity.access.IdentityMode;
import io.platformsim.identity.ipam.ExhaustionReason;
import io.platformsim.identity.ipam.Network;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** KuSP pods draw addresses, certificates and tokens from the identity layer (issue 6). */
class KuspIdentityTest {

  static KuspPlatform cluster(KuspConfig.Builder b) {
    return new KuspPlatform(
        BoundedSimulation.create(),
        RandomStreams.of(5, 0),
        b.preloadedImages(KuspBehaviourTest.IMG).build());
  }

  static io.platformsim.core.workload.Service tiny(String name, int replicas) {
    return KuspBehaviourTest.svc(name, replicas, Resources.of(10, 16), 0);
  }

  @Test
  void defaultOverlayGivesEachNodeASlash24AndEachPodAnAddressCertificateAndToken() {
    KuspPlatform k = cluster(KuspConfig.builder().initialNodes(3).identity(KuspIdentity.DEFAULT));
    IdentityMetrics before = k.identityMetrics();
    // 10.0.0.0/16 = 65 536 addresses in 256 ranges of /24 = 256 addresses (254 usable for pods,
    // network and broadcast reserved); 3 ranges assigned to nodes are withheld from everyone
    // else (reserved, whole), the other 65 536 − 768 are free.
    assertEquals(0, before.addresses().used());
    assertEquals(3 * 256, before.addresses().reserved());
    assertEquals(65_536 - 3 * 256, before.addresses().free());
    k.deploy(tiny("web", 6));
    k.simulation().run();
    IdentityMetrics m = k.identityMetrics();
    // DaemonSet pods use the host network: only the 6 app pods take addresses and credentials.
    assertEquals(6, m.addresses().used());
    assertEquals(3 * 256 - 6, m.addresses().reserved());
    assertEquals(6, m.certificates().issued());
    assertEquals(6, m.tokens().issued());
    assertEquals(6, m.credentialHolders());
    // 25 per second: 6 requests at t = 0 issue 40 ms apart, the last after 5 × 40 = 200 ms.
    assertEquals(25, m.certificates().capacityPerSecond());
    assertEquals(200, m.certificates().maxDelayMillis());
    // The builder's default issues at once.
    assertEquals(0, KuspConfig.builder().build().identity().authorityCapacityPerSecond());
    k.scale("web", 2);
    k.simulation().run();
    assertEquals(2, k.identityMetrics().addresses().used());
    assertEquals(2, k.identityMetrics().credentialHolders());
    assertEquals(k.identityMetrics(), k.identityMetrics(), "reading is side-effect free");
  }

  @Test
  void renewalsReissueTokensAt80PercentOfTheirHour() {
    // Service-account tokens live 1 h and rotate at 80%: every 48 min (issue 6; DESIGN.md). Ten
    // pods from t = 0 until 239 min hold tokens issued at 0, 48, 96, 144 and 192 min: 5 each.
    // Certificates (24 h, renewed at 50% = 12 h) are issued once each in that time.
    KuspPlatform k =
        cluster(
            KuspConfig.builder().initialNodes(1).identity(KuspIdentity.INSTANT.withRenewals(true)));
    k.deploy(tiny("web", 10));
    k.simulation().runUntil(239 * 60_000L);
    IdentityMetrics m = k.identityMetrics();
    assertEquals(50, m.tokens().issued());
    assertEquals(10, m.certificates().issued());
    // Pods that go stop renewing: after scaling to 0 nothing more is issued.
    k.scale("web", 0);
    k.simulation().runUntil(10 * 3_600_000L);
    assertEquals(50, k.identityMetrics().tokens().issued());
  }

  @Test
  void aSaturatedAuthorityDelaysStartUp() {
    // Authority 1 certificate/s, 3 pods bound at t = 0 with start-up 0 and image present: issues at
    // 0, 1000 and 2000 ms (issue_i = max(request, issue_{i-1} + 1000/k)), so the containers run
    // at those times.
    KuspPlatform k =
        cluster(
            KuspConfig.builder()
                .initialNodes(1)
                .identity(KuspIdentity.DEFAULT.withAuthorityCapacity(1)));
    k.deploy(tiny("web", 3));
    k.simulation().run();
    long[] starts = k.pods("web").stream().mapToLong(p -> p.startTimes()[0]).sorted().toArray();
    assertEquals("[0, 1000, 2000]", Arrays.toString(starts));
    IdentityMetrics m = k.identityMetrics();
    // Queueing delays 0, 1000, 2000 ms: mean 1000.
    assertEquals(1000.0, m.certificates().meanDelayMillis(), 1e-9);
    assertEquals(2, k.podsDelayedByCredentials());
  }

  @Test
  void anExhaustedNodeRangeLeavesPodsPendingWithTheReasonUntilAnAddressFrees() {
    // Overlay 10.0.0.0/24 with a /28 per node: 16 − 2 = 14 pod addresses on the one node.
    KuspPlatform k =
        cluster(
            KuspConfig.builder()
                .initialNodes(1)
                .identity(
                    KuspIdentity.DEFAULT.overlay("10.0.0.0/24", 28).withAuthorityCapacity(0)));
    k.deploy(tiny("a", 14));
    k.simulation().run();
    assertEquals(14, k.available("a"));
    k.deploy(tiny("b", 2));
    k.simulation().run();
    assertEquals(0, k.available("b"));
    for (Pod p : k.pods("b")) {
      assertEquals(PodPhase.PENDING, p.phase());
      assertEquals(
          "FailedCreatePodSandBox: " + ExhaustionReason.NODE_RANGE_FULL, p.waitingReason());
    }
    assertEquals(2, k.podsEverWithoutAddress());
    assertEquals(2, k.podsWithoutAddressNow());
    assertEquals(
        2, k.identityMetrics().addresses().exhaustions().get(ExhaustionReason.NODE_RANGE_FULL));
    // Two of a's pods go: their addresses are reused by b's waiting pods.
    k.scale("a", 12);
    k.simulation().run();
    assertEquals(2, k.available("b"));
    assertEquals(0, k.podsWithoutAddressNow());
    assertEquals(14, k.identityMetrics().addresses().used());
  }

  @Test
  void vpcNativeCapsAnM5LargeAt29Pods() {
    // m5.large: 3 ENIs × (10 addresses − 1) + 2 = 29 pods (awslabs/amazon-eks-ami
    // eni-max-pods.txt).
    NodeType m5large =
        new NodeType(
            "m5.large",
            Resources.ofCores(2, 8),
            100_000_000_000L,
            0.096,
            NodeType.DEFAULT_MAX_PODS);
    KuspPlatform k =
        cluster(
            KuspConfig.builder()
                .initialNodes(1)
                .nodeType(m5large)
                .zones("a")
                .identity(
                    KuspIdentity.DEFAULT
                        .vpcNative(Network.perZone("10.0.0.0/16", 20, "a"))
                        .withAuthorityCapacity(0)));
    assertEquals(29, k.config().nodeType().maxPods());
    assertEquals(
        29, k.nodeTable().allocatable(0, io.platformsim.scheduler.resource.DimensionRegistry.PODS));
    k.deploy(tiny("web", 40));
    k.simulation().run();
    // 29 pod slots minus the 3 DaemonSet pods (host network) = 26 app pods; the rest do not fit.
    assertEquals(26, k.available("web"));
    assertEquals(14, k.kuspMetrics().unschedulableNow().size());
    assertTrue(k.kuspMetrics().unschedulableReasons().containsKey("Too many pods"));
    // Every bound app pod has a VPC address: the ENI address limit (27) is never reached first.
    assertEquals(0, k.podsEverWithoutAddress());
    assertEquals(
        26 + 1, k.identityMetrics().addresses().used(), "26 pods + the node's primary address");
  }

  @Test
  void vpcNativeRejectsAnUnknownInstanceTypeByName() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                KuspConfig.builder()
                    .identity(
                        KuspIdentity.DEFAULT.vpcNative(Network.perZone("10.0.0.0/16", 20, "a")))
                    .build());
    assertTrue(e.getMessage().contains("'generic-4x16'"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> KuspIdentity.DEFAULT.overlay("10.0.0.0/24", 16));
    assertThrows(
        IllegalArgumentException.class, () -> KuspIdentity.DEFAULT.overlay("10.0.0.300/16", 24));
  }

  @Test
  void nodeRoleReachesEveryServiceOnTheNodeWorkloadIdentityOnlyItsOwn() {
    // One node, two services: with the node role every pod acts as the node, which reaches both
    // services' resources; with workload identity each service account reaches one.
    for (IdentityMode mode : List.of(IdentityMode.NODE_ROLE, IdentityMode.WORKLOAD_IDENTITY)) {
      KuspPlatform k =
          cluster(
              KuspConfig.builder()
                  .initialNodes(1)
                  .identity(KuspIdentity.DEFAULT.withMode(mode).withAuthorityCapacity(0)));
      k.deploy(tiny("a", 2));
      k.deploy(tiny("b", 2));
      k.simulation().run();
      IdentityMetrics m = k.identityMetrics();
      assertEquals(
          2, m.blastRadius().maxOverHosts(), mode + ": the node holds both services' credentials");
      assertEquals(
          mode == IdentityMode.NODE_ROLE ? 2 : 1,
          m.blastRadius().maxOverPrincipals(),
          mode.toString());
    }
  }

  @Test
  void aZoneOutageThroughTheContractStopsTheZonesNodes() {
    KuspPlatform k = cluster(KuspConfig.builder().initialNodes(3));
    k.deploy(tiny("web", 3));
    k.simulation().run();
    k.inject(Failure.zoneOutage("zone-b"));
    // Node i (from 1) joined in zone i−1 round-robin: node-2 is in zone-b.
    for (Node n : k.nodes()) {
      assertEquals(!n.zone().equals("zone-b"), n.responsive, n.name());
    }
    // NotReady 40 s after its last heartbeat, pods evicted 300 s later (upstream defaults), the
    // instance replaced outside zone-b.
    k.simulation().runUntil(3_600_000);
    assertEquals(1, k.evictions().size());
    assertEquals("node-2", k.evictions().get(0).node());
    Node replacement = k.nodes().get(3);
    assertNotEquals("zone-b", replacement.zone());
    assertEquals(3, k.available("web"));
    assertFalse(k.nodes().get(1).state() != NodeState.GONE, "the crashed node is gone");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> k.inject(Failure.zoneOutage("zone-z")));
    assertTrue(e.getMessage().contains("'zone-z'"), e.getMessage());
  }
}
