package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.workload.PlacementNeeds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Placement invariants of KuSP over random small workloads, checked every 30 s of a 15-minute run
 * while the cluster autoscaler adds nodes for the pods the constraints keep apart: no node ever
 * holds two pods of an antiAffinity service, nor a pod of a dedicated service and a pod of another
 * service (DaemonSet pods aside); and every replica runs by the end, the autoscaler having found
 * room for all (at most 15 replicas, 15 nodes).
 */
class PlacementProperties {

  /** One service of the random workload. */
  record Spec(int replicas, int milliCpu, boolean antiAffinity, boolean dedicated) {}

  @Provide
  Arbitrary<Spec> spec() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 5),
            Arbitraries.of(250, 500, 1000, 1500),
            Arbitraries.of(true, false),
            Arbitraries.of(true, false))
        .as(Spec::new);
  }

  @Property(tries = 25)
  void antiAffinityAndDedicatedHardwareHoldOnEveryNode(
      @ForAll @Size(min = 1, max = 3) List<@From("spec") Spec> specs,
      @ForAll @IntRange(min = 1, max = 3) int initialNodes) {
    KuspPlatform k = KuspPlacementTest.cluster(initialNodes, 15);
    List<String> names = new ArrayList<>();
    Map<String, Spec> byName = new HashMap<>();
    for (int i = 0; i < specs.size(); i++) {
      Spec s = specs.get(i);
      String name = "s" + i;
      names.add(name);
      byName.put(name, s);
      k.deploy(
          KuspPlacementTest.svc(
              name,
              s.replicas(),
              s.milliCpu(),
              new PlacementNeeds(1, s.antiAffinity(), s.dedicated())));
    }
    for (long t = 30_000; t <= 15 * 60_000; t += 30_000) {
      k.simulation().runUntil(t);
      for (Node n : k.nodes()) {
        Map<String, Integer> perService = new HashMap<>();
        for (Pod p : n.pods()) {
          if (!p.daemon()) {
            perService.merge(p.service(), 1, Integer::sum);
          }
        }
        for (Map.Entry<String, Integer> e : perService.entrySet()) {
          Spec s = byName.get(e.getKey());
          if (s.antiAffinity()) {
            assertTrue(e.getValue() <= 1, n.name() + " at " + t + ": " + perService);
          }
          if (s.dedicated()) {
            assertEquals(1, perService.size(), n.name() + " at " + t + ": " + perService);
          }
        }
      }
    }
    for (String name : names) {
      assertEquals(byName.get(name).replicas(), k.available(name), name + " " + byName);
    }
  }

  /**
   * Three nodes, one per zone (zone-a, zone-b, zone-c round-robin), with room for 14 pods of 250m
   * each: every replica fits any zone, so only the spread decides. With zoneSpread n > 1, the
   * running pods are in the first n zones only and their per-zone counts differ by at most 1
   * (maxSkew 1 over the n allowed zones, each of which has a node, so each is a domain).
   */
  @Property(tries = 20)
  void zoneSpreadKeepsPerZoneCountsWithinOne(
      @ForAll @IntRange(min = 1, max = 12) int replicas,
      @ForAll @IntRange(min = 2, max = 3) int zoneSpread) {
    KuspPlatform k = KuspPlacementTest.cluster(3, 3);
    k.deploy(
        KuspPlacementTest.svc("web", replicas, 250, new PlacementNeeds(zoneSpread, false, false)));
    k.simulation().runUntil(60_000);
    assertEquals(replicas, k.available("web"));
    Map<String, Integer> perZone = KuspPlacementTest.perZone(k, "web");
    List<String> allowed = List.of("zone-a", "zone-b", "zone-c").subList(0, zoneSpread);
    int max = 0;
    int min = Integer.MAX_VALUE;
    for (String z : allowed) {
      int n = perZone.getOrDefault(z, 0);
      max = Math.max(max, n);
      min = Math.min(min, n);
    }
    assertTrue(max - min <= 1, perZone.toString());
    assertTrue(allowed.containsAll(perZone.keySet()), perZone.toString());
  }
}
