package io.platformsim.identity.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random node and pod churn on both pod-addressing models: no address is held by two holders at
 * once, and used + reserved + free stays the total.
 */
class PodAddressingProperties {

  @Property(tries = 100)
  void overlayNeverHandsOutAnAddressTwice(
      @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 99) Integer> ops) {
    OverlayAddressing o =
        OverlayAddressing.of("10.0.0.0/24", 28); // 16 nodes of 14 pods: exhaustion is common
    churn(o, ops, false, 256);
  }

  @Property(tries = 100)
  void vpcNativeNeverHandsOutAnAddressTwice(
      @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 99) Integer> ops,
      @ForAll @IntRange(min = 0, max = 12) int warm) {
    Network n =
        Network.builder("10.0.0.0/24")
            .awsSubnet("a", "z1", "10.0.0.0/26")
            .awsSubnet("b", "z2", "10.0.0.64/27")
            .build();
    VpcNativeAddressing v = VpcNativeAddressing.builder(n).warmTarget(warm).build();
    churn(v, ops, true, 59 + 27);
  }

  private static void churn(
      PodAddressing a, List<Integer> ops, boolean nodesHoldAddresses, long total) {
    String[] types = {"t3.medium", "m5.large", "t3.small"};
    Map<String, List<Long>> pods = new HashMap<>();
    Map<String, Long> primaries = new HashMap<>();
    List<String> nodes = new ArrayList<>();
    int next = 0;
    for (int op : ops) {
      if (op < 15 || nodes.isEmpty()) {
        String node = "n" + next++;
        Allocation r = a.addNode(node, types[op % 3], null, 0);
        if (r.isGranted()) {
          nodes.add(node);
          pods.put(node, new ArrayList<>());
          primaries.put(node, r.address());
        }
      } else if (op < 20) {
        String node = nodes.remove(op % nodes.size());
        a.removeNode(node);
        pods.remove(node);
        primaries.remove(node);
      } else if (op < 70) {
        String node = nodes.get(op % nodes.size());
        Allocation r = a.allocatePod(node, "p", 0);
        if (r.isGranted()) {
          pods.get(node).add(r.address());
        } else {
          assertTrue(pods.get(node).size() <= a.podAddressLimit(node));
        }
      } else {
        String node = nodes.get(op % nodes.size());
        List<Long> held = pods.get(node);
        if (!held.isEmpty()) {
          a.releasePod(node, held.remove(op % held.size()));
        }
      }
      Set<Long> all = new HashSet<>();
      long count = 0;
      for (Map.Entry<String, List<Long>> e : pods.entrySet()) {
        List<Long> l = e.getValue();
        assertTrue(l.size() <= a.podAddressLimit(e.getKey()), "over the node's limit");
        all.addAll(l);
        count += l.size();
      }
      if (nodesHoldAddresses) {
        all.addAll(primaries.values());
        count += primaries.size();
      }
      assertEquals(count, all.size(), "an address is held twice");
      AddressCounts c = a.counts();
      assertEquals(count, c.used());
      assertEquals(total, c.capacity());
    }
  }
}
