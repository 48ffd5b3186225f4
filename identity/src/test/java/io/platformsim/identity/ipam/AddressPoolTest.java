package io.platformsim.identity.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AddressPoolTest {

  @Test
  void handsOutLowestFreeFirstAndRefusesWhenFull() {
    // /29 = 8 addresses, network and broadcast reserved: .1 to .6.
    AddressPool p = new AddressPool(Cidr.parse("10.0.0.0/29"), 1, 1);
    assertEquals(6, p.capacity());
    for (int i = 1; i <= 6; i++) {
      assertEquals("10.0.0." + i, Ipv4.format(p.allocate()));
    }
    assertEquals(AddressPool.NONE, p.allocate());
    p.release(Ipv4.parse("10.0.0.3"));
    assertEquals("10.0.0.3", Ipv4.format(p.allocate()));
  }

  @Test
  void releasingAnAddressNotHandedOutNamesIt() {
    AddressPool p = new AddressPool(Cidr.parse("10.0.0.0/29"), 1, 1);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> p.release(Ipv4.parse("10.0.0.2")));
    assertTrue(e.getMessage().contains("10.0.0.2"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> p.release(Ipv4.parse("10.0.0.7"))); // broadcast
  }

  @Test
  void aLargePoolAllocatesAcrossWords() {
    AddressPool p = new AddressPool(Cidr.parse("10.0.0.0/8"), 1, 1);
    assertEquals((1 << 24) - 2, p.capacity());
    long last = 0;
    for (int i = 0; i < 1000; i++) {
      last = p.allocate();
    }
    assertEquals("10.0.3.232", Ipv4.format(last)); // 1000th address after 10.0.0.0: 3 × 256 + 232
  }

  @Test
  void reservationsLeavingNothingAreRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> new AddressPool(Cidr.parse("10.0.0.0/31"), 1, 1));
  }
}
