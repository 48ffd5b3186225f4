package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.workload.PlacementNeeds;
import io.platformsim.core.workload.Service;
import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.pod.AntiAffinityTerm;
import io.platformsim.scheduler.pod.LabelSelector;
import io.platformsim.scheduler.pod.NodeSelectorTerm;
import io.platformsim.scheduler.pod.PreferredTerm;
import io.platformsim.scheduler.pod.Requirement;
import io.platformsim.scheduler.pod.SpreadConstraint;
import io.platformsim.scheduler.pod.WhenUnsatisfiable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Deployment's own placement terms ({@link DeploymentSpec#labels}, node affinity, pod
 * anti-affinity, topology spread) reach its pods' scheduler specs and move where they run, as the
 * scheduler's plugins decide (k/k pkg/scheduler/framework/plugins: nodeaffinity/node_affinity.go
 * {@code Filter} and {@code Score}, interpodaffinity/filtering.go {@code satisfyPodAntiAffinity},
 * podtopologyspread/filtering.go {@code Filter}). A default node has 3700m for pods (4000m less the
 * DaemonSets' 300m); nodes node-1, node-2, ... take zones zone-a, zone-b, zone-c round-robin; the
 * cluster autoscaler's new nodes join 60 s after its scan sees a pod it can help.
 */
class DeploymentPlacementTermsTest {

  private static final LabelSelector WEB = LabelSelector.matchLabels("app", "web");

  private static Service web(int replicas, long milliCpu) {
    return KuspPlacementTest.svc("web", replicas, milliCpu, PlacementNeeds.NONE);
  }

  private static KuspPlatform cluster(int nodes, int maxNodes, NodePool... pools) {
    KuspConfig.Builder b =
        KuspConfig.builder()
            .initialNodes(nodes)
            .preloadedImages(KuspBehaviourTest.IMG)
            .nodeProvisioning(DurationDistribution.fixed(60_000))
            .clusterAutoscaling(ClusterAutoscaling.between(1, maxNodes));
    for (NodePool p : pools) {
      b.nodePool(p);
    }
    return KuspBehaviourTest.cluster(b);
  }

  private static long pending(KuspPlatform k, String service) {
    return k.pods(service).stream().filter(p -> p.phase() == PodPhase.PENDING).count();
  }

  /**
   * Six pods of 500m (3000m) fit the one node's 3700m. A required anti-affinity on the hostname
   * selecting web's own pods allows one per node: six nodes, or, with the autoscaler capped at
   * four, four running and two Pending.
   */
  @ParameterizedTest(name = "max {0} nodes")
  @CsvSource({"10, 6, 0", "4, 4, 2"})
  void antiAffinityOnTheHostnameTakesANodePerReplica(int max, int running, int stillPending) {
    KuspPlatform plain = cluster(1, max);
    plain.deploy(web(6, 500));
    plain.simulation().runUntil(5 * 60_000);
    assertEquals(6, plain.available("web"));
    assertEquals(1, plain.nodes().size());

    KuspPlatform apart = cluster(1, max);
    apart.deploy(
        web(6, 500),
        DeploymentSpec.builder()
            .podAntiAffinity(List.of(new AntiAffinityTerm(WEB, NodeSpec.HOSTNAME)))
            .build());
    apart.simulation().runUntil(5 * 60_000);
    assertEquals(running, apart.available("web"));
    assertEquals(stillPending, pending(apart, "web"));
    assertEquals(running, apart.nodes().size());
    for (Node n : apart.nodes()) {
      assertEquals(1, n.pods().stream().filter(p -> !p.daemon()).count(), n.name());
    }
  }

  /**
   * A required node affinity to a label no node carries: no node passes the filter and no pool's
   * template does, so the autoscaler adds none and all six pods stay Pending. A pool labelled
   * {@code disk=ssd} (one node to start) takes all of them, on its nodes only.
   */
  @Test
  void aRequiredNodeAffinityRunsPodsOnlyWhereItMatches() {
    DeploymentSpec ssd =
        DeploymentSpec.builder()
            .requiredNodeAffinity(List.of(NodeSelectorTerm.of(Requirement.in("disk", "ssd"))))
            .build();
    KuspPlatform nowhere = cluster(1, 5);
    nowhere.deploy(web(6, 250), ssd);
    nowhere.simulation().runUntil(5 * 60_000);
    assertEquals(0, nowhere.available("web"));
    assertEquals(6, pending(nowhere, "web"));
    assertEquals(6, nowhere.podsByPhase().get(PodPhase.PENDING));
    assertEquals(1, nowhere.nodes().size());

    NodePool fast =
        NodePool.of("fast", NodeType.GENERIC, 1, 0, 3).withLabels(Map.of("disk", "ssd"));
    KuspPlatform labelled = cluster(1, 5, fast);
    labelled.deploy(web(6, 250), ssd);
    labelled.simulation().runUntil(5 * 60_000);
    assertEquals(6, labelled.available("web"));
    for (Node n : labelled.nodes()) {
      for (Pod p : n.pods()) {
        if (!p.daemon()) {
          assertEquals("fast", n.pool().name(), p.id() + " on " + n.name());
        }
      }
    }
  }

  /**
   * One pod on three empty, equal nodes (one per zone): every score is equal but NodeAffinity's, so
   * the node of the preferred zone wins.
   */
  @ParameterizedTest(name = "prefer {0}")
  @CsvSource({"zone-b", "zone-c"})
  void aPreferredNodeAffinityPicksTheNodeItPrefers(String zone) {
    KuspPlatform k = cluster(3, 3);
    k.deploy(
        web(1, 250),
        DeploymentSpec.builder()
            .preferredNodeAffinity(
                List.of(
                    new PreferredTerm(
                        50, NodeSelectorTerm.of(Requirement.in(NodeSpec.ZONE, zone)))))
            .build());
    k.simulation().runUntil(60_000);
    assertEquals(Map.of(zone, 1), KuspPlacementTest.perZone(k, "web"));
  }

  /**
   * Six pods, three zones, maxSkew 1 DoNotSchedule: two per zone, even against a preference for
   * zone-a that would otherwise draw them there (the filter is hard, the preference only a score).
   * Seven pods: 3, 2, 2.
   */
  @ParameterizedTest(name = "{0} pods")
  @CsvSource({"6, 2, 2, 2", "7, 3, 2, 2"})
  void aZoneSpreadConstraintSpreadsThePodsEvenly(int pods, int a, int b, int c) {
    KuspPlatform k = cluster(3, 3);
    k.deploy(
        web(pods, 250),
        DeploymentSpec.builder()
            .preferredNodeAffinity(
                List.of(
                    new PreferredTerm(
                        100, NodeSelectorTerm.of(Requirement.in(NodeSpec.ZONE, "zone-a")))))
            .topologySpread(
                List.of(
                    new SpreadConstraint(1, NodeSpec.ZONE, WhenUnsatisfiable.DO_NOT_SCHEDULE, WEB)))
            .build());
    k.simulation().runUntil(60_000);
    assertEquals(pods, k.available("web"));
    // zone-a takes the odd pod: it is the preferred zone among those the skew allows
    assertEquals(
        Map.of("zone-a", a, "zone-b", b, "zone-c", c), KuspPlacementTest.perZone(k, "web"));
  }

  /**
   * web's pods carry {@code tier=frontend} next to {@code app=web}; api's required anti-affinity
   * selects that label on the hostname. web comes first and takes node-1; api's two pods of 500m
   * would fit beside web's (2000m in all) but may not, so the autoscaler adds a node for them.
   */
  @Test
  void anotherServiceSelectsTheDeploymentsOwnLabels() {
    KuspPlatform k = cluster(1, 5);
    k.deploy(web(2, 500), DeploymentSpec.builder().labels(Map.of("tier", "frontend")).build());
    k.simulation().runUntil(5_000);
    Pod first = k.pods("web").get(0);
    assertEquals(Map.of("app", "web", "tier", "frontend"), first.spec.labels());
    k.deploy(
        KuspPlacementTest.svc("api", 2, 500, PlacementNeeds.NONE),
        DeploymentSpec.builder()
            .podAntiAffinity(
                List.of(
                    new AntiAffinityTerm(
                        LabelSelector.matchLabels("tier", "frontend"), NodeSpec.HOSTNAME)))
            .build());
    k.simulation().runUntil(3 * 60_000);
    assertEquals(2, k.available("web"));
    assertEquals(2, k.available("api"));
    assertEquals(2, k.nodes().size());
    assertEquals(
        Set.of(Set.of("web"), Set.of("api")),
        Set.copyOf(KuspPlacementTest.servicesPerNode(k).values()));
  }

  /**
   * placement.zoneSpread 2 allows zone-a and zone-b; the Deployment's own term allows zone-b and
   * zone-c. Both hold (the zone requirement is ANDed into the term, not ORed beside it): every pod
   * runs in zone-b, the one zone in both.
   */
  @Test
  void theZoneSpreadAndTheDeploymentsNodeAffinityBothHold() {
    KuspPlatform k = cluster(3, 3);
    k.deploy(
        KuspPlacementTest.svc("web", 4, 250, new PlacementNeeds(2, false, false)),
        DeploymentSpec.builder()
            .requiredNodeAffinity(
                List.of(NodeSelectorTerm.of(Requirement.in(NodeSpec.ZONE, "zone-b", "zone-c"))))
            .build());
    k.simulation().runUntil(60_000);
    assertEquals(4, k.available("web"));
    assertEquals(Map.of("zone-b", 4), KuspPlacementTest.perZone(k, "web"));
    // and the pod spec says so: one term, the Deployment's requirement and the zones'
    Pod p = k.pods("web").get(0);
    assertEquals(
        List.of(
            NodeSelectorTerm.of(
                Requirement.in(NodeSpec.ZONE, "zone-b", "zone-c"),
                Requirement.in(NodeSpec.ZONE, "zone-a", "zone-b"))),
        p.spec.requiredNodeAffinity());
    assertTrue(p.spec.preferredNodeAffinity().isEmpty());
  }
}
