package io.platformsim.identity.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NetworkTest {

  @Test
  void awsSubnetsReserveFiveAddresses() {
    // AWS VPC User Guide: first four and last address of each subnet reserved: /24 → 256 − 5 = 251.
    assertEquals(251, Subnet.aws("a", "z1", "10.0.0.0/24").usable());
    assertEquals(254, Subnet.plain("a", "z1", "10.0.0.0/24").usable());
  }

  @Test
  void perZoneCarvesOneSubnetPerZone() {
    Network n = Network.perZone("10.0.0.0/16", 18, "a", "b", "c");
    assertEquals(3, n.subnets().size());
    assertEquals(Cidr.parse("10.0.64.0/18"), n.subnets().get(1).cidr());
    assertEquals(3 * (16_384 - 5), n.usable()); // 2^14 − 5 per /18
  }

  @Test
  void overlappingSubnetsAreRejectedNamingBoth() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Network.builder("10.0.0.0/16")
                    .awsSubnet("a", "z1", "10.0.0.0/24")
                    .awsSubnet("b", "z2", "10.0.0.128/25")
                    .build());
    assertTrue(
        e.getMessage().contains("10.0.0.128/25") && e.getMessage().contains("10.0.0.0/24"),
        e.getMessage());
  }

  @Test
  void aSubnetOutsideTheNetworkIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Network.builder("10.0.0.0/16").awsSubnet("a", "z1", "10.1.0.0/24").build());
    assertTrue(e.getMessage().contains("10.1.0.0/24"), e.getMessage());
  }

  @Test
  void tooManyZonesForTheBlockIsRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> Network.perZone("10.0.0.0/24", 25, "a", "b", "c"));
  }

  @Test
  void machineAddressingSpreadsOverTheSubnetWithMostFreeAndRefusesWhenFull() {
    // Two /28 AWS subnets: 16 − 5 = 11 usable each.
    Network n =
        Network.builder("10.0.0.0/24")
            .awsSubnet("a", "z1", "10.0.0.0/28")
            .awsSubnet("b", "z2", "10.0.0.16/28")
            .build();
    MachineAddressing m = new MachineAddressing(n);
    Allocation first = m.allocate("m1", 0);
    assertEquals("10.0.0.4", first.ip()); // a, first four reserved
    assertEquals("b", m.allocate("m2", 0).source()); // b now has more free
    for (int i = 0; i < 20; i++) {
      assertTrue(m.allocate("x" + i, 0).isGranted());
    }
    Allocation refused = m.allocate("late", 5);
    assertEquals(ExhaustionReason.SUBNET_FULL, refused.reason());
    assertEquals(1, m.counts().exhaustionEvents());
    assertEquals(22, m.counts().used());
    m.release(first.address());
    assertEquals("10.0.0.4", m.allocate("again", 6).ip());
    assertThrows(IllegalArgumentException.class, () -> m.allocate("y", "nowhere", 0));
  }
}
