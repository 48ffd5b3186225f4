package io.platformsim.identity.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VpcNativeAddressingTest {

  @Test
  void eniTableMatchesTheEksAmiFigures() {
    // kubernetes.md §6 / awslabs/amazon-eks-ami eni-max-pods.txt: ENIs × (IPs − 1) + 2.
    assertEquals(29, EniLimits.AWS.maxPods("m5.large")); // 3 × 9 + 2
    assertEquals(29, EniLimits.AWS.maxPods("c5.large"));
    assertEquals(17, EniLimits.AWS.maxPods("t3.medium")); // 3 × 5 + 2
    assertEquals(58, EniLimits.AWS.maxPods("m5.xlarge")); // 4 × 14 + 2
    assertEquals(58, EniLimits.AWS.maxPods("m5.2xlarge"));
    assertEquals(234, EniLimits.AWS.maxPods("m5.4xlarge")); // 8 × 29 + 2
    assertEquals(737, EniLimits.AWS.maxPods("m5.24xlarge")); // 15 × 49 + 2
  }

  @Test
  void unknownInstanceTypesAreRejectedNamingTheType() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EniLimits.AWS.of("m9.huge"));
    assertTrue(
        e.getMessage().contains("'m9.huge'") && e.getMessage().contains("m5.large"),
        e.getMessage());
  }

  private static VpcNativeAddressing vpc(String subnetCidr) {
    return VpcNativeAddressing.builder(
            Network.builder("10.0.0.0/24").awsSubnet("s", "z", subnetCidr).build())
        .build();
  }

  @Test
  void anM5LargeHolds27PodAddressesThenHitsItsInstanceLimit() {
    // /26 AWS subnet: 64 − 5 = 59 usable.
    VpcNativeAddressing v = vpc("10.0.0.0/26");
    assertEquals("10.0.0.4", v.addNode("n1", "m5.large", "z", 0).ip());
    // Warm target one ENI = 10 − 1 = 9: used 1 (primary), reserved 9, free 59 − 10 = 49.
    assertEquals(new AddressCounts(1, 9, 49, java.util.Map.of()), v.counts());
    assertEquals(27, v.podAddressLimit("n1")); // 3 × (10 − 1)
    assertEquals(29, v.maxPods("n1"));
    for (int i = 0; i < 27; i++) {
      assertTrue(v.allocatePod("n1", "p" + i, 0).isGranted());
    }
    // Warm shrinks to min(9, 27 − pods) = 0; drawn 1 + 27 = 28, free 59 − 28 = 31.
    assertEquals(0, v.warm("n1"));
    Allocation refused = v.allocatePod("n1", "p27", 9);
    assertEquals(ExhaustionReason.INSTANCE_ADDRESS_LIMIT, refused.reason());
    AddressCounts c = v.counts();
    assertEquals(28, c.used());
    assertEquals(31, c.free());
    assertEquals(java.util.Map.of(ExhaustionReason.INSTANCE_ADDRESS_LIMIT, 1), c.exhaustions());
  }

  @Test
  void aSmallSubnetRunsOutBeforeTheInstanceLimit() {
    // /28 AWS subnet: 16 − 5 = 11 usable: primary + 10 pods, the 11th pod is refused.
    VpcNativeAddressing v = vpc("10.0.0.0/28");
    v.addNode("n1", "m5.large", null, 0);
    List<Long> pods = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Allocation a = v.allocatePod("n1", "p" + i, 0);
      assertTrue(a.isGranted(), "pod " + i);
      pods.add(a.address());
    }
    assertEquals(ExhaustionReason.SUBNET_FULL, v.allocatePod("n1", "p10", 1).reason());
    assertEquals(ExhaustionReason.SUBNET_FULL, v.addNode("n2", "t3.medium", "z", 2).reason());
    // A released pod address stays warm on its node (target 9 > 1) and serves the next pod.
    v.releasePod("n1", pods.get(4));
    assertEquals(1, v.counts().reserved());
    assertEquals(pods.get(4), v.allocatePod("n1", "p11", 3).address());
  }

  @Test
  void theWarmPoolIsTrimmedBackToItsTarget() {
    VpcNativeAddressing v =
        VpcNativeAddressing.builder(Network.perZone("10.0.0.0/16", 20, "z")).warmTarget(2).build();
    v.addNode("n", "m5.large", "z", 0);
    List<Long> pods = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      pods.add(v.allocatePod("n", "p" + i, 0).address());
    }
    assertEquals(2, v.warm("n"));
    for (long a : pods) {
      v.releasePod("n", a);
    }
    assertEquals(
        new AddressCounts(1, 2, 4091 - 3, java.util.Map.of()), v.counts()); // /20: 4096 − 5 = 4091
    v.removeNode("n");
    assertEquals(4091, v.counts().free());
  }

  @Test
  void releasingAnotherNodesAddressIsRejected() {
    VpcNativeAddressing v = vpc("10.0.0.0/26");
    v.addNode("a", "m5.large", "z", 0);
    v.addNode("b", "m5.large", "z", 0);
    long pod = v.allocatePod("a", "p", 0).address();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> v.releasePod("b", pod));
    assertTrue(e.getMessage().contains(Ipv4.format(pod)), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> v.addNode("c", "m9.huge", "z", 0));
  }
}
