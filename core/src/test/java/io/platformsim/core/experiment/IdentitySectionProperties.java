package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.identity.ipam.Network;
import io.platformsim.identity.ipam.Subnet;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of the {@code identity} section's address ranges over all prefix lengths: a network
 * without {@code subnetPrefix} gives every zone an equal subnet of the block, and an overlay's node
 * prefix is accepted exactly when it lies between the pod CIDR's prefix and /30.
 */
class IdentitySectionProperties {

  private static Scenario parse(String identity) {
    return ScenarioFile.parse(IdentitySectionTest.SMALL + "identity: " + identity + "\n", "p.yaml");
  }

  @Property(tries = 100)
  void everyZoneGetsAnEqualDisjointSubnetOfTheBlock(
      @ForAll @IntRange(min = 8, max = 26) int prefix, @ForAll @IntRange(min = 1, max = 9) int z) {
    List<String> zones = new ArrayList<>();
    for (int i = 0; i < z; i++) {
      zones.add("z" + i);
    }
    Network n =
        parse("{lesp: {network: {cidr: 10.0.0.0/" + prefix + ", zones: " + zones + "}}}")
            .lesp()
            .identity()
            .network();
    // The fewest halvings that give z subnets: ceil(log2 z) more prefix bits.
    int bits = 0;
    while ((1 << bits) < z) {
      bits++;
    }
    assertEquals(z, n.subnets().size());
    for (int i = 0; i < z; i++) {
      Subnet s = n.subnets().get(i);
      assertEquals(zones.get(i), s.zone());
      assertEquals(prefix + bits, s.cidr().prefixLength());
      assertTrue(n.cidr().contains(s.cidr()));
      // plain reservations: network and broadcast
      assertEquals((1L << (32 - prefix - bits)) - 2, s.usable());
    }
  }

  @Property(tries = 100)
  void aNodePrefixIsAcceptedExactlyBetweenThePodCidrsPrefixAnd30(
      @ForAll @IntRange(min = 8, max = 30) int prefix,
      @ForAll @IntRange(min = 0, max = 32) int nodePrefix) {
    String identity = "{kusp: {podCidr: 10.0.0.0/" + prefix + ", nodePrefix: " + nodePrefix + "}}";
    if (nodePrefix >= prefix && nodePrefix <= 30) {
      var id = parse(identity).kusp().identity();
      assertEquals("10.0.0.0/" + prefix, id.clusterCidr());
      assertEquals(nodePrefix, id.nodePrefix());
    } else {
      ScenarioFileException e = assertThrows(ScenarioFileException.class, () -> parse(identity));
      assertEquals("identity.kusp.nodePrefix", e.field());
      assertTrue(e.problem().contains("was " + nodePrefix), e.problem());
    }
  }
}
