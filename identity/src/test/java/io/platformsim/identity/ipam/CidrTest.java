package io.platformsim.identity.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

  @Test
  void parsesAndMeasuresABlock() {
    Cidr c = Cidr.parse("10.0.0.0/16");
    // 10.0.0.0 = 10 × 2^24 = 167772160.
    assertEquals(167_772_160L, c.network());
    assertEquals(65_536, c.size()); // 2^(32-16)
    assertEquals(Ipv4.parse("10.0.255.255"), c.last());
    assertEquals("10.0.0.0/16", c.toString());
  }

  @Test
  void splitsIntoNodeRanges() {
    Cidr c = Cidr.parse("10.0.0.0/16");
    assertEquals(256, c.subnetCount(24)); // 2^(24-16)
    assertEquals(Cidr.parse("10.0.3.0/24"), c.subnet(24, 3));
    assertEquals(Cidr.parse("10.0.255.0/24"), c.subnet(24, 255));
    assertThrows(IllegalArgumentException.class, () -> c.subnet(24, 256));
  }

  @Test
  void aPerNodeRangeLargerThanTheClusterIsRejectedNamingBoth() {
    Cidr c = Cidr.parse("10.0.0.0/16");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> c.subnetCount(8));
    assertTrue(
        e.getMessage().contains("/8") && e.getMessage().contains("10.0.0.0/16"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.0.0.0",
        "10.0.0/16",
        "10.0.0.0/33",
        "10.0.0.256/24",
        "10.0.0.0/x",
        "a.b.c.d/8",
        "10.0.0.0/16/2",
        "",
        "10..0.0/16"
      })
  void malformedCidrsAreRejectedNamingTheText(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse(text));
    assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
  }

  @Test
  void hostBitsAreRejectedWithTheLikelyMeaning() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.1/16"));
    assertTrue(
        e.getMessage().contains("10.0.0.1/16") && e.getMessage().contains("10.0.0.0/16"),
        e.getMessage());
  }

  @Test
  void overlapAndContainment() {
    Cidr a = Cidr.parse("10.0.0.0/24");
    Cidr b = Cidr.parse("10.0.0.128/25");
    Cidr c = Cidr.parse("10.0.1.0/24");
    assertTrue(a.overlaps(b));
    assertTrue(b.overlaps(a));
    assertTrue(a.contains(b));
    assertFalse(a.overlaps(c));
    assertTrue(a.contains(Ipv4.parse("10.0.0.255")));
    assertFalse(a.contains(Ipv4.parse("10.0.1.0")));
  }

  @Test
  void formatsAddresses() {
    assertEquals("192.168.1.10", Ipv4.format(Ipv4.parse("192.168.1.10")));
    assertEquals(0xC0A8010AL, Ipv4.parse("192.168.1.10"));
    assertThrows(IllegalArgumentException.class, () -> Ipv4.format(-1));
  }
}
