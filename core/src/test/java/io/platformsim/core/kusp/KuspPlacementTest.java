package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.workload.PlacementNeeds;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A service's placement needs on KuSP, turned into scheduler terms by LivePods: zoneSpread as a
 * node affinity on the first n zones plus a zone topology spread (maxSkew 1, DoNotSchedule; k/k
 * pkg/scheduler/framework/plugins/podtopologyspread/filtering.go), dedicatedHardware as a required
 * anti-affinity term on the hostname selecting every other service's pods, checked both ways (k/k
 * pkg/scheduler/framework/plugins/interpodaffinity/filtering.go). A default node has 3700m for pods
 * (4000m less the DaemonSets' 300m); nodes take zones zone-a, zone-b, zone-c round-robin.
 */
class KuspPlacementTest {

  static Service svc(String name, int replicas, long milliCpu, PlacementNeeds needs) {
    Service s = KuspBehaviourTest.svc(name, replicas, Resources.of(milliCpu, 256), 0);
    return Service.builder(name)
        .instances(replicas)
        .request(s.request())
        .usage(s.usage())
        .image(s.image())
        .startup(java.time.Duration.ZERO)
        .healthCheck(java.time.Duration.ZERO)
        .placement(needs)
        .build();
  }

  static KuspPlatform cluster(int nodes, int maxNodes) {
    return KuspBehaviourTest.cluster(
        KuspConfig.builder()
            .initialNodes(nodes)
            .preloadedImages(KuspBehaviourTest.IMG)
            .nodeProvisioning(DurationDistribution.fixed(60_000))
            .clusterAutoscaling(ClusterAutoscaling.between(1, maxNodes)));
  }

  /** Running pods of {@code service} per zone. */
  static TreeMap<String, Integer> perZone(KuspPlatform k, String service) {
    TreeMap<String, Integer> out = new TreeMap<>();
    for (Node n : k.nodes()) {
      for (Pod p : n.pods()) {
        if (!p.daemon() && p.service().equals(service)) {
          out.merge(n.zone(), 1, Integer::sum);
        }
      }
    }
    return out;
  }

  /** The services with a pod on each node, DaemonSets left out. */
  static Map<String, Set<String>> servicesPerNode(KuspPlatform k) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (Node n : k.nodes()) {
      Set<String> s = new TreeSet<>();
      for (Pod p : n.pods()) {
        if (!p.daemon()) {
          s.add(p.service());
        }
      }
      out.put(n.name(), s);
    }
    return out;
  }

  /**
   * Three nodes, one per zone, room for 14 pods of 250m each; 7 replicas. Spread evenly with skew
   * at most 1 over the zones allowed: over zone-a..c 3, 2, 2 (the skew rule leaves 3 of 7 in one
   * zone at most); over zone-a, zone-b 4, 3 and none in zone-c, which the node affinity excludes.
   */
  @ParameterizedTest(name = "zoneSpread {0}")
  @CsvSource({"3, 3, 2, 2", "2, 4, 3, 0"})
  void podsSpreadEvenlyOverTheFirstZoneSpreadZones(int spread, int a, int b, int c) {
    KuspPlatform k = cluster(3, 3);
    k.deploy(svc("web", 7, 250, new PlacementNeeds(spread, false, false)));
    k.simulation().runUntil(60_000);
    assertEquals(7, k.available("web"));
    TreeMap<String, Integer> zones = perZone(k, "web");
    // the counts, largest first (which zone gets the extra pod is the scheduler's tie-break)
    List<Integer> counts = new ArrayList<>(zones.values());
    counts.sort(Comparator.reverseOrder());
    List<Integer> expected = new ArrayList<>(List.of(a, b, c));
    expected.removeIf(n -> n == 0);
    assertEquals(expected, counts, zones.toString());
    if (c == 0) {
      assertEquals(Set.of("zone-a", "zone-b"), zones.keySet());
    }
  }

  @Test
  void aZoneOutageOutsideTheSpreadLeavesTheDeploymentAlone() {
    // zoneSpread 2: the pods run in zone-a and zone-b only; zone-c's node stops, nothing of web
    // was there, so no pod of web is deleted and all 6 stay available through the outage.
    KuspPlatform k = cluster(3, 3);
    k.deploy(svc("web", 6, 250, new PlacementNeeds(2, false, false)));
    k.simulation().runUntil(60_000);
    TreeMap<String, Integer> before = perZone(k, "web");
    assertEquals(Map.of("zone-a", 3, "zone-b", 3), before);
    int created = k.pods("web").size();
    k.crashZone("zone-c");
    for (long t = 60_000; t <= 20 * 60_000; t += 30_000) {
      k.simulation().runUntil(t);
      assertEquals(6, k.available("web"), "at " + t);
    }
    assertEquals(created, k.pods("web").size());
    assertEquals(before, perZone(k, "web"));
  }

  /**
   * "a" (dedicated) and "b", two 500m pods each: 2000m, one node's worth. Whichever comes first
   * takes node-1; the other's pods may not join it (a's pods refuse b's node by their own term, b's
   * pods are refused a's node by a's term), so the cluster autoscaler adds one node for them.
   * Without the need all four share node-1.
   */
  @ParameterizedTest(name = "dedicated first: {0}")
  @CsvSource({"true", "false"})
  void aDedicatedServiceSharesNoNodeInEitherDirection(boolean dedicatedFirst) {
    KuspPlatform k = cluster(1, 5);
    Service a = svc("a", 2, 500, new PlacementNeeds(1, false, true));
    Service b = svc("b", 2, 500, PlacementNeeds.NONE);
    k.deploy(dedicatedFirst ? a : b);
    k.simulation().runUntil(5_000);
    k.deploy(dedicatedFirst ? b : a);
    k.simulation().runUntil(120_000);
    assertEquals(2, k.available("a"));
    assertEquals(2, k.available("b"));
    assertEquals(2, k.nodes().size());
    for (Set<String> services : servicesPerNode(k).values()) {
      assertTrue(services.size() == 1, servicesPerNode(k).toString());
    }
    // DaemonSet pods are no other service: every node, a's included, runs all of them
    for (Node n : k.nodes()) {
      assertEquals(
          k.config().daemonSets().size(), n.pods().stream().filter(Pod::daemon).count(), n.name());
    }

    KuspPlatform shared = cluster(1, 5);
    shared.deploy(svc("a", 2, 500, PlacementNeeds.NONE));
    shared.deploy(b);
    shared.simulation().runUntil(120_000);
    assertEquals(1, shared.nodes().size());
    assertEquals(Map.of("node-1", Set.of("a", "b")), servicesPerNode(shared));
  }

  @Test
  void twoDedicatedServicesKeepApartAndEachStillPacksItsOwnPods() {
    // Both dedicated: each service's pods may share a node with each other (the term selects
    // only other services), so 4 pods of 500m of each fit one node per service: 2 nodes.
    KuspPlatform k = cluster(1, 5);
    k.deploy(svc("a", 4, 500, new PlacementNeeds(1, false, true)));
    k.deploy(svc("b", 4, 500, new PlacementNeeds(1, false, true)));
    k.simulation().runUntil(120_000);
    assertEquals(4, k.available("a"));
    assertEquals(4, k.available("b"));
    assertEquals(2, k.nodes().size());
    assertEquals(Set.of(Set.of("a"), Set.of("b")), Set.copyOf(servicesPerNode(k).values()));
  }

  @Test
  void aSpreadOverMoreZonesThanKuspHasIsRefused() {
    KuspPlatform k = cluster(1, 1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> k.deploy(svc("web", 2, 250, new PlacementNeeds(4, false, false))));
    assertEquals(
        "service 'web' zoneSpread 4 is above KuSP's 3 zones [zone-a, zone-b, zone-c]",
        e.getMessage());
  }
}
