package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.KuspIdentity;
import io.platformsim.core.kusp.KuspPlatform;
import io.platformsim.core.kusp.NodeType;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.lesp.LespIdentity;
import io.platformsim.core.lesp.LespPlatform;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import io.platformsim.identity.ipam.Network;
import org.junit.jupiter.api.Test;

/** {@link MigrationAddressing}: overlay ranges against the legacy network, a shared VPC's use. */
class MigrationAddressingTest {

  @Test
  void theDefaultOverlayOverlapsTheDefaultLegacyNetwork() {
    // LespIdentity.DEFAULT: 10.0.0.0/8; KuspIdentity.DEFAULT: overlay 10.0.0.0/16, inside it.
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MigrationAddressing.check(LespConfig.defaults(), KuspConfig.builder().build()));
    assertEquals(
        "KuSP overlay pod range 10.0.0.0/16 overlaps the LeSP network 10.0.0.0/8: give the pods a"
            + " range outside it, e.g. overlay 100.64.0.0/10 (RFC 6598)",
        e.getMessage());
  }

  @Test
  void anOverlayInTheSharedAddressSpacePasses() {
    KuspConfig kusp =
        KuspConfig.builder().identity(KuspIdentity.DEFAULT.overlay("100.64.0.0/10", 24)).build();
    assertDoesNotThrow(() -> MigrationAddressing.check(LespConfig.defaults(), kusp));
    // 10.0.0.0/8 ends at 10.255.255.255; 11.0.0.0/16 starts right after it.
    KuspConfig adjacent =
        KuspConfig.builder().identity(KuspIdentity.DEFAULT.overlay("11.0.0.0/16", 24)).build();
    assertDoesNotThrow(() -> MigrationAddressing.check(LespConfig.defaults(), adjacent));
  }

  @Test
  void vpcNativeSubnetsStraddlingTheLegacyNetworkAreRefused() {
    LespConfig lesp =
        LespConfig.builder()
            .identity(LespIdentity.DEFAULT.withNetwork(Network.perZone("10.0.0.0/24", 26, "a")))
            .build();
    // 10.0.0.0/23 in /24 subnets: 10.0.0.0/24 is the legacy network, 10.0.1.0/24 is outside it.
    KuspConfig kusp = vpcKusp(Network.perZone("10.0.0.0/23", 24, "a", "b"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MigrationAddressing.check(lesp, kusp));
    assertTrue(
        e.getMessage().contains("partly inside the LeSP network 10.0.0.0/24"), e.getMessage());
  }

  /**
   * One shared /26 subnet: 64 addresses less the 5 AWS reserves in every subnet (the first four and
   * the last, AWS VPC User Guide "Subnet CIDR blocks") = 59. LeSP holds one address per live
   * machine; KuSP's single m5.large node holds its primary address, one per app pod (10 here) and
   * warm ones, at most 3 ENIs × 10 addresses = 30 (awslabs/amazon-eks-ami eni-max-pods.txt, see
   * EniLimits.AWS). So podsUsed is in [11, 30]: 20 LeSP machines + at most 30 fit in 59; 50 LeSP
   * machines + at least 11 do not.
   */
  @Test
  void vpcNativePodsInTheLegacySubnetReportExhaustionWhenBothSidesTogetherExceedIt() {
    Network shared = Network.perZone("10.0.0.0/24", 26, "a");
    AddressOverlap few = dualRun(shared, 20);
    assertEquals(20, few.legacyUsed());
    assertEquals(59, few.capacity());
    assertTrue(few.podsUsed() >= 11 && few.podsUsed() <= 30, few.toString());
    assertFalse(few.exhausted(), few.toString());

    AddressOverlap many = dualRun(shared, 50);
    assertEquals(50, many.legacyUsed());
    assertTrue(many.podsUsed() >= 11, many.toString());
    assertTrue(many.exhausted(), many.toString());
    assertEquals(0, many.free());
  }

  @Test
  void vpcNativePodsOutsideTheLegacyNetworkShareNothing() {
    LespConfig lesp = LespConfig.defaults(); // 10.0.0.0/8
    KuspConfig kusp = vpcKusp(Network.perZone("100.64.0.0/16", 20, "a"));
    Simulation sim = new Simulation();
    RandomStreams streams = RandomStreams.of(3, 0);
    AddressOverlap o =
        MigrationAddressing.overlap(
            new LespPlatform(sim, streams, lesp), new KuspPlatform(sim, streams, kusp));
    assertEquals(AddressOverlap.NONE, o);
  }

  @Test
  void theRecordKeepsExhaustedConsistent() {
    assertThrows(IllegalArgumentException.class, () -> new AddressOverlap(10, 10, 30, true));
    assertEquals(new AddressOverlap(20, 11, 30, true), AddressOverlap.of(20, 11, 30));
  }

  private static KuspConfig vpcKusp(Network network) {
    NodeType m5large =
        new NodeType(
            "m5.large",
            Resources.ofCores(2, 8),
            100_000_000_000L,
            0.096,
            NodeType.DEFAULT_MAX_PODS);
    return KuspConfig.builder()
        .initialNodes(1)
        .nodeType(m5large)
        .zones("a")
        .identity(KuspIdentity.INSTANT.vpcNative(network))
        .build();
  }

  /** LeSP with {@code machines} machines and KuSP with 10 pods on one node, both in one sim. */
  private static AddressOverlap dualRun(Network shared, int machines) {
    LespConfig lesp =
        LespConfig.builder().identity(LespIdentity.DEFAULT.withNetwork(shared)).build();
    Simulation sim = new Simulation();
    RandomStreams streams = RandomStreams.of(3, 0);
    LespPlatform l = new LespPlatform(sim, streams, lesp);
    KuspPlatform k = new KuspPlatform(sim, streams, vpcKusp(shared));
    Service legacy =
        Service.builder("legacy")
            .instances(machines)
            .request(Resources.of(250, 256))
            .usage(Resources.of(100, 128))
            .build();
    Service web =
        Service.builder("web")
            .instances(10)
            .request(Resources.of(100, 128))
            .usage(Resources.of(50, 64))
            .build();
    l.deploy(legacy);
    k.deploy(web);
    sim.runUntil(30 * 60_000);
    // A failed launch is terminated before its replacement is launched, so the pool has exactly
    // `machines` live machines, each holding one address, whatever is in service.
    assertEquals(10, k.inService("web"));
    return MigrationAddressing.overlap(l, k);
  }
}
