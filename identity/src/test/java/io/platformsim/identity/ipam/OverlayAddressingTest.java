package io.platformsim.identity.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OverlayAddressingTest {

  @Test
  void aSlash16ClusterWithSlash24PerNodeHolds256Nodes() {
    OverlayAddressing o = OverlayAddressing.of("10.0.0.0/16");
    assertEquals(256, o.maxNodes()); // 2^(24 − 16)
    for (int i = 0; i < 256; i++) {
      assertTrue(o.addNode("n" + i, null, null, 0).isGranted());
    }
    assertEquals(Cidr.parse("10.0.255.0/24"), o.nodeRange("n255"));
    Allocation refused = o.addNode("n256", null, null, 7);
    assertEquals(ExhaustionReason.CLUSTER_CIDR_FULL, refused.reason());
    assertEquals(1, o.counts().exhaustionEvents());
    assertEquals(7, o.exhaustions().get(0).atMillis());
    // A departing node's range goes to the next node.
    o.removeNode("n3");
    assertEquals("10.0.3.0/24", o.addNode("n256", null, null, 8).source());
  }

  @Test
  void aSlash24RangeHolds254PodsThenRefuses() {
    OverlayAddressing o = OverlayAddressing.of("10.0.0.0/16");
    o.addNode("n", null, null, 0);
    assertEquals(254, o.podAddressLimit("n")); // 256 − network − broadcast
    assertEquals("10.0.0.1", o.allocatePod("n", "p0", 0).ip());
    for (int i = 1; i < 254; i++) {
      assertTrue(o.allocatePod("n", "p" + i, 0).isGranted());
    }
    Allocation refused = o.allocatePod("n", "p254", 3);
    assertFalse(refused.isGranted());
    assertEquals(ExhaustionReason.NODE_RANGE_FULL, refused.reason());
    o.releasePod("n", Ipv4.parse("10.0.0.77"));
    assertEquals("10.0.0.77", o.allocatePod("n", "p255", 4).ip());
  }

  @Test
  void countsSumToTheClusterSize() {
    OverlayAddressing o = OverlayAddressing.of("10.0.0.0/16");
    o.addNode("a", null, null, 0);
    o.addNode("b", null, null, 0);
    for (int i = 0; i < 3; i++) {
      o.allocatePod("a", "p" + i, 0);
    }
    AddressCounts c = o.counts();
    assertEquals(3, c.used());
    assertEquals(512 - 3, c.reserved()); // two /24 ranges
    assertEquals(65_536 - 512, c.free());
  }

  @Test
  void badRangesAreRejectedNamingTheValues() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> OverlayAddressing.of("10.0.0.0/16", 12));
    assertTrue(
        e.getMessage().contains("/12") && e.getMessage().contains("10.0.0.0/16"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> OverlayAddressing.of("10.0.0.0/16", 32));
    assertThrows(
        IllegalArgumentException.class,
        () -> OverlayAddressing.of("10.0.0.0/16").allocatePod("x", "p", 0));
  }
}
