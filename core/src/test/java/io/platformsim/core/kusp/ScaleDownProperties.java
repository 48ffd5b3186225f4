package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.platform.PlatformMetrics;
import io.platformsim.core.workload.Resources;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Billing invariants under random scale-up/scale-down sequences driven through the cluster
 * autoscaler: the nodes billed are exactly the nodes not GONE, cost is the sum of node lifetimes ×
 * price, allocation never exceeds 100%, and every live pod's address is released with it.
 */
class ScaleDownProperties {

  @Property(tries = 25)
  void billedNodesAreTheNodesNotGone(
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 12) Integer> replicas,
      @ForAll @IntRange(min = 1, max = 20) int minutesBetween,
      @ForAll @IntRange(min = 0, max = 1000) int seed) {
    // Pods of 1500m: two per node (3700m allocatable for pods); 1–6 nodes; scale-down after 60 s.
    KuspPlatform k = ScaleDownBillingTest.cluster(2, 1, 6, 60_000, seed);
    k.deploy(KuspBehaviourTest.svc("web", 1, Resources.of(1500, 512), 0));
    long t = 0;
    for (int r : replicas) {
      k.scale("web", r);
      for (int step = 0; step < minutesBetween; step++) {
        t += 60_000;
        k.simulation().runUntil(t);
        assertEquals(
            ScaleDownBillingTest.notGone(k), k.billedNodesNow(), "billed vs not GONE at " + t);
      }
      PlatformMetrics m = k.metrics();
      assertTrue(m.cpuAllocation() <= 1 + 1e-9, "CPU allocation " + m.cpuAllocation());
      assertTrue(m.memoryAllocation() <= 1 + 1e-9, "memory allocation " + m.memoryAllocation());
      assertEquals(ScaleDownBillingTest.independentCost(k), m.costUsd(), 1e-9);
      assertTrue(m.peakMachines() <= 6);
    }
    // Addresses: one per live app pod that got one (DaemonSet pods use the host network).
    long withAddress = k.pods().stream().filter(Pod::hasIdentity).count();
    assertEquals(withAddress, k.identityMetrics().addresses().used());
  }
}
