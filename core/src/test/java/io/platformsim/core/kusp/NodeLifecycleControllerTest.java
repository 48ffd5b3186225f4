package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.kusp.nodelifecycle.Toleration;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The node lifecycle controller on small clusters, every time derived by hand from the upstream
 * rules (k/k v1.31 pkg/controller/nodelifecycle/node_lifecycle_controller.go,
 * pkg/controller/tainteviction/taint_eviction.go) and defaults: node-monitor-period 5 s,
 * node-monitor-grace-period 40 s, kubelet lease renewal 10 s, node-eviction-rate 0.1/s, secondary
 * 0.01/s, unhealthy-zone-threshold 0.55, large-cluster-size-threshold 50, default toleration 300 s.
 *
 * <p>Common timeline: nodes join at 0 and renew their lease at 0, 10, 20 s...; nodes crash at 12 s,
 * so the last heartbeat is at 10 s, which the monitor pass at 10 s stamps. Ready Unknown at the
 * pass 40 s later, 50 s; the tainting queue takes the node at the next pass, 55 s (upstream reads
 * the Ready condition observed before the pass); a zone's bucket (burst 1) then taints one node per
 * token.
 */
class NodeLifecycleControllerTest {

  private static final long CRASH_AT = 12_000;

  private static KuspPlatform cluster(int nodes, String... zones) {
    return new KuspPlatform(
        BoundedSimulation.create(),
        RandomStreams.of(5, 0),
        KuspConfig.builder()
            .initialNodes(nodes)
            .zones(zones)
            .preloadedImages(KuspDeterministicTest.WEB_V1)
            .identity(KuspDeterministicTest.INSTANT_IDENTITY)
            .build());
  }

  /**
   * {@code replicas} pods of {@code milliCpu}; 2000m leaves room for one per node (3700m for pods).
   */
  private static Service service(String name, int replicas, long milliCpu) {
    return Service.builder(name)
        .instances(replicas)
        .request(Resources.of(milliCpu, 256))
        .usage(Resources.of(milliCpu / 2, 128))
        .image(KuspDeterministicTest.WEB_V1)
        .startup(Duration.ZERO)
        .healthCheck(Duration.ZERO)
        .build();
  }

  /** Crashes node-1 .. node-{@code count} at {@link #CRASH_AT}. */
  private static void crashFirst(KuspPlatform k, int count) {
    k.simulation().runUntil(CRASH_AT);
    for (int i = 1; i <= count; i++) {
      k.crashNode("node-" + i);
    }
  }

  private static long[] taintTimes(KuspPlatform k) {
    return k.evictions().stream()
        .mapToLong(NodeEviction::taintedAt)
        .filter(t -> t >= 0)
        .sorted()
        .toArray();
  }

  /**
   * ComputeZoneState and the zone's rate, one zone of {@code size} nodes, one pod each, the first
   * {@code crashed} crashing at 12 s; the taint times seen by 300 s (s), "-" for none.
   *
   * <ul>
   *   <li>10 of 3, 4 of 2, 60 of 32 (53%): normal, 0.1/s: 55, 65, 75 s.
   *   <li>5 of 3 (60%, more than 2): partial disruption in a zone of at most 50 nodes: rate 0,
   *       none.
   *   <li>60 of 33 (55%, float32 0.55 &gt;= 0.55) and 60 of 34: partial in a zone above 50:
   *       secondary rate 0.01/s; the bucket swapped at 50 s was full (it had a token), so 55, 155,
   *       255 s.
   *   <li>3 of 3: every zone fully disrupted (master disruption mode): none.
   * </ul>
   */
  @ParameterizedTest(name = "{0} nodes, {1} crash -> {2}")
  @CsvSource({
    "10, 3, 55 65 75",
    "4, 2, 55 65",
    "60, 32, 55 65 75 85 95 105 115 125 135 145 155 165 175 185 195 205 215 225 235 245 255 265 275 285 295",
    "5, 3, -",
    "60, 33, 55 155 255",
    "60, 34, 55 155 255",
    "3, 3, -"
  })
  void zoneStateSetsTheTaintingRate(int size, int crashed, String expected) {
    KuspPlatform k = cluster(size, "zone-a");
    k.deploy(service("web", size, 2000));
    crashFirst(k, crashed);
    k.simulation().runUntil(300_000);
    long[] want =
        expected.equals("-")
            ? new long[0]
            : Arrays.stream(expected.split(" ")).mapToLong(s -> Long.parseLong(s) * 1000).toArray();
    assertEquals(Arrays.toString(want), Arrays.toString(taintTimes(k)));
    assertEquals(crashed, k.evictions().size(), "every crashed node went Ready Unknown");
    for (NodeEviction e : k.evictions()) {
      assertEquals(10_000, e.lastHeartbeat(), e.toString());
      assertEquals(50_000, e.notReadyAt(), e.toString());
    }
  }

  /**
   * The case: 3 nodes crash at once in a zone of 10 (a normal zone): tainted at 55, 65 and
   * 75 s, each node's pod evicted 300 s after its taint (355, 365, 375 s), when the node, its pods
   * gone, is replaced: 3 replacements requested, each joining 120 s later.
   */
  @Test
  void threeOfTenAreTaintedTenSecondsApartAndEvictedFiveMinutesLater() {
    KuspPlatform k = cluster(10, "zone-a");
    k.deploy(service("web", 10, 2000));
    crashFirst(k, 3);
    k.simulation().runUntil(1_000_000);
    List<NodeEviction> ev = k.evictions();
    assertEquals(3, ev.size());
    for (int i = 0; i < 3; i++) {
      NodeEviction e = ev.get(i);
      assertEquals("node-" + (i + 1), e.node());
      assertEquals(55_000 + 10_000 * i, e.taintedAt(), e.toString());
      assertEquals(355_000 + 10_000 * i, e.evictedAt(), e.toString());
      assertEquals(1, e.podsEvicted(), e.toString());
      assertEquals(NodeState.GONE, k.nodes().get(i).state());
      Node replacement = k.nodes().get(10 + i);
      assertEquals(355_000 + 10_000 * i + 120_000, replacement.joinedAt(), replacement.toString());
    }
    assertEquals(10, k.available("web"));
  }

  /**
   * A whole zone down while the others are healthy: its state is full disruption, whose rate is the
   * normal 0.1/s (HealthyQPSFunc), so its 2 nodes are tainted 10 s apart: 55 and 65 s.
   */
  @Test
  void aFullyDisruptedZoneAmongHealthyOnesIsTaintedAtTheNormalRate() {
    KuspPlatform k = cluster(6, "zone-a", "zone-b", "zone-c");
    k.deploy(service("web", 6, 2000));
    k.simulation().runUntil(CRASH_AT);
    k.crashZone("zone-a");
    k.simulation().runUntil(1_000_000);
    assertEquals("[55000, 65000]", Arrays.toString(taintTimes(k)));
    assertEquals(
        List.of(355_000L, 365_000L), k.evictions().stream().map(NodeEviction::evictedAt).toList());
    assertEquals(6, k.available("web"));
  }

  /**
   * Master disruption mode: node-1 (zone-a) crashes at 12 s and is tainted at 55 s, its pod due at
   * 355 s. The two other nodes (zone-b, zone-c) crash at 100 s: last heartbeat 100 s, Unknown at
   * 140 s; every zone is then fully disrupted, so the controller stops tainting and takes the taint
   * off node-1 (markNodeAsReachable), which cancels its pod's eviction. Nothing is ever evicted,
   * and with nothing left to do the simulation runs dry.
   */
  @Test
  void everyZoneDownRemovesTheTaintsAndCancelsEvictions() {
    KuspPlatform k = cluster(3, "zone-a", "zone-b", "zone-c");
    k.deploy(service("web", 3, 2000));
    crashFirst(k, 1);
    k.simulation().runUntil(100_000);
    assertEquals(55_000, k.evictions().get(0).taintedAt());
    k.crashNode("node-2");
    k.crashNode("node-3");
    k.simulation().run();
    assertEquals(3, k.evictions().size());
    for (NodeEviction e : k.evictions()) {
      assertEquals(-1, e.taintedAt(), e.toString());
      assertEquals(-1, e.evictedAt(), e.toString());
      assertEquals(0, e.podsEvicted(), e.toString());
    }
    assertEquals(140_000, k.evictions().get(2).notReadyAt());
    for (Node n : k.nodes()) {
      assertEquals(NodeState.NOT_READY, n.state(), n.toString());
      assertEquals(4, n.pods().size(), "3 DaemonSet pods and the web pod stay: " + n);
    }
  }

  /**
   * Per-pod tolerationSeconds (taint_eviction.go processPodOnNode, getMinTolerationTime): on
   * node-1, tainted at 55 s, a pod tolerating unreachable for 0 s goes at 55 s, one for 60 s at 115
   * s, one with the admission default at 355 s; one tolerating it forever stays, and so do the
   * DaemonSet pods, so the node is never emptied nor replaced. Two nodes in two zones: zone-a is
   * fully disrupted but zone-b is not, so zone-a has the normal rate.
   */
  @Test
  void eachPodLeavesAfterItsOwnTolerationSeconds() {
    KuspPlatform k = cluster(2, "zone-a", "zone-b");
    // 900m each, one replica per node (PodTopologySpread's system default spreads a service over
    // nodes); 4 × 900m = 3600m fits in the 3700m left for pods.
    k.deploy(service("zero", 2, 900), spec(Toleration.noExecute(Toleration.UNREACHABLE, 0L)));
    k.deploy(service("minute", 2, 900), spec(Toleration.noExecute(Toleration.UNREACHABLE, 60L)));
    k.deploy(service("default", 2, 900), DeploymentSpec.DEFAULT);
    k.deploy(service("forever", 2, 900), spec(Toleration.noExecute(Toleration.UNREACHABLE, null)));
    crashFirst(k, 1);
    Node node1 = k.nodes().get(0);
    List<String> onNode1 = new ArrayList<>();
    for (Pod p : node1.pods()) {
      if (!p.daemon()) {
        onNode1.add(p.service());
      }
    }
    assertEquals(
        List.of("default", "forever", "minute", "zero"), onNode1.stream().sorted().toList());

    k.simulation().runUntil(54_999);
    assertEquals(List.of("default", "forever", "minute", "zero"), services(node1));
    k.simulation().runUntil(55_000);
    assertEquals(List.of("default", "forever", "minute"), services(node1));
    k.simulation().runUntil(114_999);
    assertEquals(List.of("default", "forever", "minute"), services(node1));
    k.simulation().runUntil(115_000);
    assertEquals(List.of("default", "forever"), services(node1));
    k.simulation().runUntil(354_999);
    assertEquals(List.of("default", "forever"), services(node1));
    k.simulation().runUntil(355_000);
    assertEquals(List.of("forever"), services(node1));
    k.simulation().run();
    assertEquals(List.of("forever"), services(node1));
    assertEquals(
        3, node1.pods().stream().filter(Pod::daemon).count(), "DaemonSet pods tolerate it forever");
    assertEquals(NodeState.NOT_READY, node1.state());
    NodeEviction e = k.evictions().get(0);
    assertEquals(55_000, e.taintedAt());
    assertEquals(3, e.podsEvicted());
    assertEquals(-1, e.evictedAt(), "a pod tolerating the taint forever keeps the node");
    assertEquals(2, k.nodes().size(), "no replacement");
  }

  private static DeploymentSpec spec(Toleration t) {
    return DeploymentSpec.builder().tolerations(List.of(t)).build();
  }

  private static List<String> services(Node n) {
    List<String> out = new ArrayList<>();
    for (Pod p : n.pods()) {
      if (!p.daemon() && !p.terminating()) {
        out.add(p.service());
      }
    }
    out.sort(null);
    return out;
  }

  /**
   * Leaving master disruption mode: three nodes, one per zone, without pods, crash at 12 s; at 50 s
   * every zone is fully disrupted, the rates go to 0, and at 55 s the three nodes wait in their
   * zones' queues. A fourth node joins zone-a at 200 s: the pass then finds zone-a normal (1 of 2
   * Ready) and zone-b, zone-c fully disrupted among a healthy zone, all at 0.1/s; the new buckets
   * replace never-accepting ones and start empty (SwapLimiter drains them), so each zone gets its
   * token at 210 s and taints its node then; without pods, each is replaced at once.
   */
  @Test
  void leavingMasterDisruptionResumesTaintingAfterOneToken() {
    Simulation sim = BoundedSimulation.create();
    Cluster c =
        new Cluster(
            sim,
            RandomStreams.of(5, 0),
            KuspConfig.builder()
                .zones("zone-a", "zone-b", "zone-c")
                .identity(KuspDeterministicTest.INSTANT_IDENTITY)
                .build());
    for (int i = 0; i < 3; i++) {
      c.nodeLifecycle.join(c.nodeLifecycle.newNode(0));
    }
    sim.runUntil(CRASH_AT);
    for (Node n : List.copyOf(c.nodes)) {
      c.failures.crash(n);
    }
    sim.runUntil(200_000);
    assertEquals(
        List.of(-1L, -1L, -1L),
        c.nodeLifecycle.evictions().stream().map(NodeEviction::taintedAt).toList());
    Node fourth = c.nodeLifecycle.newNode(0);
    assertEquals("zone-a", fourth.zone());
    c.nodeLifecycle.join(fourth);
    sim.run();
    assertEquals(
        List.of(210_000L, 210_000L, 210_000L),
        c.nodeLifecycle.evictions().stream().map(NodeEviction::taintedAt).toList());
    assertEquals(
        List.of(210_000L, 210_000L, 210_000L),
        c.nodeLifecycle.evictions().stream().map(NodeEviction::evictedAt).toList());
  }

  @Test
  void tolerationsAreCopiedAndANullOneIsRejected() {
    List<Toleration> ts =
        new ArrayList<>(List.of(Toleration.noExecute(Toleration.UNREACHABLE, 30L)));
    DeploymentSpec s = DeploymentSpec.builder().tolerations(ts).build();
    ts.clear();
    assertEquals(List.of(Toleration.noExecute(Toleration.UNREACHABLE, 30L)), s.tolerations());
    assertEquals(List.of(), DeploymentSpec.DEFAULT.tolerations());
    List<Toleration> withNull = new ArrayList<>();
    withNull.add(null);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DeploymentSpec.builder().tolerations(withNull).build());
    assertTrue(e.getMessage().contains("spec.tolerations"), e.getMessage());
  }

  /** A healthy cluster schedules no monitor pass: the simulation runs dry. */
  @Test
  void anIdleClusterRunsDry() {
    KuspPlatform k = cluster(3, "zone-a", "zone-b", "zone-c");
    k.deploy(service("web", 3, 2000));
    k.simulation().run();
    assertEquals(0, k.simulation().pending());
    assertTrue(k.evictions().isEmpty());
    assertFalse(k.nodes().stream().anyMatch(n -> n.state() != NodeState.READY));
  }
}
