package io.platformsim.core.kusp;

import io.platformsim.core.engine.DurationSampler;
import io.platformsim.core.workload.ImageDescription;
import io.platformsim.identity.ipam.Allocation;
import io.platformsim.scheduler.cluster.NodeSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Nodes from request to removal: a requested instance joins Ready after provisioning (with its
 * DaemonSet pods and preloaded images) and gets its address range; a node that stops responding
 * is marked NotReady at last heartbeat + {@code nodeMonitorGracePeriod} and its pods evicted
 * {@code notReadyToleration} later (k/k pkg/controller/nodelifecycle/node_lifecycle_controller.go
 * {@code MarkPodsNotReady}, taint-based eviction), then its instance is replaced (the node group
 * keeps its size). A NotReady, draining, gone or address-less node is cordoned in the scheduler's
 * table.
 */
final class NodeLifecycleController {
  private final Cluster c;
  private final DurationSampler provisioning;
  private final RandomGenerator failurePicks;
  private final List<String> downZones = new ArrayList<>();
  private final List<NodeEviction> evictions = new ArrayList<>();
  private int nodeSeq;
  private int zoneCursor;

  NodeLifecycleController(Cluster c, DurationSampler provisioning, RandomGenerator failurePicks) {
    this.c = c;
    this.provisioning = provisioning;
    this.failurePicks = failurePicks;
  }

  /** Requests an instance now; it is billed from now and joins when {@link #join} is called. */
  Node newNode() {
    String zone = nextZone();
    Node n = new Node("node-" + (++nodeSeq), zone, c.config.nodeType().diskBytes(), c.sim.now(), c.table);
    c.nodes.add(n);
    c.nodesByName.put(n.name, n);
    c.recorder.nodeRequested();
    return n;
  }

  private String nextZone() {
    List<String> zones = c.config.zones();
    for (int i = 0; i < zones.size(); i++) {
      String z = zones.get(zoneCursor++ % zones.size());
      if (!downZones.contains(z)) {
        return z;
      }
    }
    return zones.get(zoneCursor++ % zones.size());
  }

  /** Requests an instance that joins after the provisioning time. */
  void provisionNode() {
    Node n = newNode();
    c.sim.schedule(provisioning.next(), () -> join(n));
  }

  /** {@code n} joins Ready: it enters the scheduler's table, gets addresses and its DaemonSet pods. */
  void join(Node n) {
    if (n.state != NodeState.PROVISIONING) {
      return;
    }
    KuspConfig config = c.config;
    NodeSpec.Builder b = NodeSpec.builder(n.name, c.registry)
        .allocatable("cpu", c.allocatable.milliCpu())
        .allocatable("memory", c.allocatable.memoryMib() << 20)
        .allocatable("pods", config.nodeType().maxPods())
        // nodefs.available<10%: k/k pkg/kubelet/apis/config/v1beta1/defaults_linux.go.
        .allocatable("ephemeral-storage", config.nodeType().diskBytes() - config.nodeType().diskBytes() / 10)
        .zone(n.zone);
    for (ImageDescription img : config.preloadedImages()) {
      b.image(img.reference(), img.totalBytes());
      n.cache.store(img, c.sim.now());
    }
    n.index = c.table.addNode(b.build());
    c.nodesByIndex.add(n);
    n.joinedAt = c.sim.now();
    Allocation range = c.identity.nodeJoined(n.name, config.nodeType().name(), n.zone, c.sim.now());
    n.addressed = range.isGranted();
    c.recorder.setNodeState(n, NodeState.READY);
    if (!n.addressed) {
      // No pod range (overlay cluster CIDR full) or no primary address (subnet full): the node is
      // billed but can run no pod with an address; keep the scheduler off it. Counted by the
      // identity layer's exhaustion events.
      block(n);
    }
    for (DaemonSet ds : config.daemonSets()) {
      Pod p = c.pods.create(ds.name() + "-" + n.name, ds.name(), 0, true, c.pods.daemonImage(ds), ds.request(),
          2_000_001_000, false, null);
      c.scheduling.bind(p, n);
      p.containerState(ContainerState.RUNNING);
      c.recorder.setPhase(p, PodPhase.RUNNING);
      p.setReady(true);
    }
    c.stranded.update(n);
    c.queue.retryUnschedulable();
  }

  /** Whether {@code n} runs: responsive, neither provisioning nor gone. */
  static boolean running(Node n) {
    return n.responsive && n.state != NodeState.GONE && n.state != NodeState.PROVISIONING;
  }

  /** {@code count} distinct running nodes with a live pod of {@code service} stop responding, picked at random. */
  void crashNodesRunning(String service, int count) {
    List<Node> candidates = new ArrayList<>();
    for (Node n : c.nodes) {
      if (running(n)) {
        for (Pod p : n.pods) {
          if (!p.daemon() && p.service().equals(service) && !p.terminating()) {
            candidates.add(n);
            break;
          }
        }
      }
    }
    if (count > candidates.size()) {
      throw new IllegalArgumentException("failure count " + count + " is above the " + candidates.size()
          + " responsive nodes running '" + service + "'");
    }
    for (int i = 0; i < count; i++) {
      crash(candidates.remove(failurePicks.nextInt(candidates.size())));
    }
  }

  /**
   * The node named {@code name} stops responding now.
   *
   * @throws IllegalArgumentException for an unknown node or one not running
   */
  void crashNode(String name) {
    Node n = c.nodesByName.get(name);
    if (n == null) {
      throw new IllegalArgumentException("unknown node '" + name + "'");
    }
    if (!running(n)) {
      throw new IllegalArgumentException("node '" + name + "' is not running (state " + n.state + ")");
    }
    crash(n);
  }

  /**
   * Every running node in {@code zone} stops responding; replacements go to the other zones.
   *
   * @throws IllegalArgumentException for an unknown zone
   */
  void crashZone(String zone) {
    if (!c.config.zones().contains(zone)) {
      throw new IllegalArgumentException("unknown zone '" + zone + "'; zones: " + c.config.zones());
    }
    if (!downZones.contains(zone)) {
      downZones.add(zone);
    }
    for (Node n : new ArrayList<>(c.nodes)) {
      if (n.zone.equals(zone) && running(n)) {
        crash(n);
      }
    }
  }

  /** {@code n} stops responding now: its kubelet stops; NotReady follows after the grace period. */
  void crash(Node n) {
    long now = c.sim.now();
    n.responsive = false;
    n.crashedAt = now;
    c.kubelet.stop(n);
    long lastHeartbeat = n.lastHeartbeat(now, c.config.nodeStatusUpdateMillis());
    long notReadyAt = Math.max(now, lastHeartbeat + c.config.nodeMonitorGracePeriodMillis());
    c.sim.scheduleAt(notReadyAt, () -> markNotReady(n, lastHeartbeat));
  }

  private void markNotReady(Node n, long lastHeartbeat) {
    if (n.state == NodeState.GONE) {
      return;
    }
    c.recorder.setNodeState(n, NodeState.NOT_READY);
    block(n);
    // MarkPodsNotReady: k/k pkg/controller/nodelifecycle/node_lifecycle_controller.go.
    for (Pod p : new ArrayList<>(n.pods)) {
      if (!p.daemon()) {
        c.kubelet.setUnready(p);
      }
    }
    NodeEviction pending = new NodeEviction(n.name, lastHeartbeat, c.sim.now(), -1, 0);
    int idx = evictions.size();
    evictions.add(pending);
    c.sim.schedule(c.config.notReadyTolerationMillis(), () -> evict(n, idx));
  }

  private void evict(Node n, int evictionIndex) {
    if (n.state == NodeState.GONE) {
      return;
    }
    int count = 0;
    for (Pod p : new ArrayList<>(n.pods)) {
      if (!p.daemon()) {
        Deployment d = Cluster.deploymentOf(p);
        if (d != null) {
          if (d.evictedAt == null) {
            d.evictedAt = new ArrayDeque<>();
          }
          d.evictedAt.add(c.sim.now());
        }
        c.kubelet.deletePod(p, PodPhase.FAILED);
        count++;
      }
    }
    NodeEviction e = evictions.get(evictionIndex);
    evictions.set(evictionIndex, new NodeEviction(e.node(), e.lastHeartbeat(), e.notReadyAt(), c.sim.now(), count));
    removeNode(n);
    // The node group keeps its size: the unreachable instance is replaced.
    provisionNode();
  }

  /**
   * Removes the node's instance: finishes its pods and bills it off. Idempotent: the flag is set
   * before any pod is finished, because finishing the last pods of a DRAINING node calls back here.
   */
  /**
   * Whether a node whose last heartbeat was at or before {@code failedAtMillis} has had its pods
   * evicted before now: until then its pods still count as available.
   */
  boolean evictedNodeFailedBy(long failedAtMillis) {
    long now = c.sim.now();
    for (NodeEviction e : evictions) {
      if (e.lastHeartbeat() <= failedAtMillis && e.evictedAt() >= 0 && e.evictedAt() < now) {
        return true;
      }
    }
    return false;
  }

  void removeNode(Node n) {
    if (n.removing || n.state == NodeState.GONE) {
      return;
    }
    n.removing = true;
    for (Pod p : new ArrayList<>(n.pods)) {
      if (p.daemon()) {
        c.kubelet.finish(p, PodPhase.SUCCEEDED);
      } else {
        c.kubelet.deletePod(p, PodPhase.FAILED);
        if (!p.gone()) {
          c.kubelet.finish(p, PodPhase.FAILED);
        }
      }
    }
    block(n);
    n.pullQueue = null;
    c.scheduling.bindNominated(n);
    if (n.addressed) {
      c.identity.nodeLeft(n.name);
      n.addressed = false;
    }
    n.goneAt = c.sim.now();
    c.recorder.setNodeState(n, NodeState.GONE);
    c.recorder.billing(-1);
    c.stranded.update(n);
  }

  /**
   * Keeps the scheduler off a node that is NotReady, draining, gone or without pod addresses by
   * cordoning it in the scheduler's node table ({@code spec.unschedulable}, as the node lifecycle
   * controller's {@code node.kubernetes.io/unschedulable} taint and {@code kubectl drain} do):
   * the NodeUnschedulable filter then rejects it with "node(s) were unschedulable" (upstream
   * ErrReasonUnschedulable). Its pods stay bound until they are removed.
   */
  void block(Node n) {
    if (n.blocked || n.index < 0) {
      return;
    }
    n.blocked = true;
    c.table.setUnschedulable(n.index, true);
  }

  /** Node lifecycle evictions so far (the live list; the platform copies it). */
  List<NodeEviction> evictions() {
    return evictions;
  }

  @Override
  public String toString() {
    return "NodeLifecycleController[" + c.nodes.size() + " nodes requested, " + evictions.size() + " evictions, down zones "
        + downZones + "]";
  }
}
