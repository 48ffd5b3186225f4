package io.platformsim.core.kusp;

import io.platformsim.core.engine.DurationSampler;
import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.Resources;
import io.platformsim.identity.ipam.Allocation;
import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.cluster.Taint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Nodes from request to removal, after k/k v1.31 {@code pkg/controller/nodelifecycle/
 * node_lifecycle_controller.go} and {@code pkg/controller/tainteviction/taint_eviction.go}. A
 * requested instance joins Ready after provisioning (with its DaemonSet pods and preloaded images)
 * and gets its address range. A node renews its lease every {@code nodeStatusUpdateMillis} (10 s:
 * lease duration 40 s × {@code nodeLeaseRenewIntervalFraction} 0.25, k/k pkg/kubelet/kubelet.go);
 * one that stops responding stops renewing it:
 *
 * <ul>
 *   <li>{@code monitorNodeHealth}, every node-monitor-period (5 s, on a grid from time 0), stamps a
 *       renewed lease with its own clock (the first pass at or after the heartbeat) and sets Ready
 *       Unknown at the first pass a node-monitor-grace-period (40 s in v1.31) after that stamp; the
 *       node is cordoned and its pods marked NotReady ({@code MarkPodsNotReady}). Upstream's passes
 *       drift by their own run time, so the pass a grace period after the stamp already finds it
 *       expired: that is taken as "at or after".
 *   <li>{@code processTaintBaseEviction} reads the condition as observed before the pass, so the
 *       node enters its zone's tainting queue one pass later.
 *   <li>{@code handleDisruption} sets each zone's rate (0.1 nodes/s; a partially disrupted zone
 *       0.01 above 50 nodes, else 0; when every zone is fully disrupted no node is tainted and the
 *       taints come off, {@code markNodeAsReachable}), in {@link ZoneTainting}.
 *   <li>{@code doNoExecuteTaintingPass} (every 100 ms) taints queued nodes {@code
 *       node.kubernetes.io/unreachable:NoExecute} while the zone's token bucket (burst 1) has a
 *       token, in {@link ZoneTainting}.
 *   <li>The taint eviction controller deletes each pod at taint time + its smallest matching {@code
 *       tolerationSeconds} (the template's tolerations plus the {@code DefaultTolerationSeconds}
 *       admission's 300 s, {@link KuspConfig#notReadyTolerationMillis()}); a pod tolerating forever
 *       and DaemonSet pods stay.
 *   <li>Once the node's pods are gone its instance is replaced (the node group keeps its size).
 * </ul>
 *
 * Simplifications: monitor passes run only while some node is unhealthy or a node joins or leaves
 * while one is (a pass over healthy nodes in normal zones changes nothing), and tainting passes
 * only at the 100 ms ticks a token is due, so an idle cluster's simulation runs dry; a node's Ready
 * condition is never False (the model has no kubelet-reported NotReady), so the {@code not-ready}
 * taint is not used; crashed nodes never come back, and a node kept by a pod tolerating the taint
 * forever stays billed (NotReady) even if that pod is deleted later. A NotReady, draining, gone or
 * address-less node is cordoned in the scheduler's table. Nodes stop responding through {@link
 * NodeFailures}.
 */
final class NodeLifecycleController {
  /**
   * node-monitor-period 5 s: k/k pkg/controller/apis/config/v1alpha1/defaults.go {@code
   * SetDefaults_KubeCloudSharedConfiguration}.
   */
  static final long NODE_MONITOR_PERIOD_MILLIS = 5_000;

  private final Cluster c;
  // zone states and rates, and the rate-limited tainting queues
  private final ZoneTainting tainting;
  // the pending monitor pass (-1: none), the last one run
  private long monitorAt = -1;
  private long lastPassAt = Long.MIN_VALUE / 2;
  // registered nodes whose Ready condition is Unknown
  private int unknownNodes;
  private final DurationSampler provisioning;
  private final List<NodeEviction> evictions = new ArrayList<>();
  private int nodeSeq;
  private int zoneCursor;

  NodeLifecycleController(Cluster c, DurationSampler provisioning) {
    this.c = c;
    this.provisioning = provisioning;
    this.tainting = new ZoneTainting(c, this);
  }

  /**
   * Requests an instance of node pool {@code pool} (its index in the configuration's pools) now; it
   * is billed from now and joins when {@link #join} is called.
   */
  Node newNode(int pool) {
    String zone = nextZone();
    Node n = new Node("node-" + (++nodeSeq), zone, c.pools.get(pool), pool, c.sim.now(), c.table);
    c.nodes.add(n);
    c.nodesByName.put(n.name, n);
    c.spotNodes.requested(n);
    c.recorder.nodeRequested(n);
    return n;
  }

  private String nextZone() {
    List<String> zones = c.config.zones();
    for (int i = 0; i < zones.size(); i++) {
      String z = zones.get(zoneCursor++ % zones.size());
      if (!c.failures.downZones().contains(z)) {
        return z;
      }
    }
    return zones.get(zoneCursor++ % zones.size());
  }

  /** Requests an instance of node pool {@code pool} that joins after the provisioning time. */
  void provisionNode(int pool) {
    Node n = newNode(pool);
    c.sim.schedule(provisioning.next(), () -> join(n));
  }

  /**
   * {@code n} joins Ready: it enters the scheduler's table, gets addresses and its DaemonSet pods.
   */
  void join(Node n) {
    if (n.state != NodeState.PROVISIONING) {
      return;
    }
    KuspConfig config = c.config;
    NodeType type = n.pool.nodeType();
    Resources allocatable = c.allocatable(n);
    NodeSpec.Builder b =
        NodeSpec.builder(n.name, c.registry)
            .allocatable("cpu", allocatable.milliCpu())
            .allocatable("memory", allocatable.memoryBytes())
            .allocatable("pods", type.maxPods())
            // nodefs.available<10%: k/k pkg/kubelet/apis/config/v1beta1/defaults_linux.go.
            .allocatable("ephemeral-storage", type.diskBytes() - type.diskBytes() / 10)
            .zone(n.zone);
    n.pool.nodeLabels().forEach(b::label);
    for (Taint t : n.pool.taints()) {
      b.taint(t.key(), t.value(), t.effect());
    }
    for (ImageDescription img : config.preloadedImages()) {
      b.image(img.reference(), img.totalBytes());
      n.cache.store(img, c.sim.now());
    }
    n.index = c.table.addNode(b.build());
    c.nodesByIndex.add(n);
    n.joinedAt = c.sim.now();
    Allocation range = c.identity.nodeJoined(n.name, type.name(), n.zone, c.sim.now());
    n.addressed = range.isGranted();
    c.recorder.setNodeState(n, NodeState.READY);
    if (!n.addressed) {
      // No pod range (overlay cluster CIDR full) or no primary address (subnet full): the node is
      // billed but can run no pod with an address; keep the scheduler off it. Counted by the
      // identity layer's exhaustion events.
      block(n);
    }
    for (DaemonSet ds : config.daemonSets()) {
      Pod p =
          c.pods.create(
              ds.name() + "-" + n.name,
              ds.name(),
              0,
              true,
              c.pods.daemonImage(ds),
              ds.request(),
              2_000_001_000,
              false,
              null);
      c.scheduling.bind(p, n);
      p.containerState(ContainerState.RUNNING);
      c.recorder.setPhase(p, PodPhase.RUNNING);
      p.setReady(true);
    }
    c.stranded.update(n);
    c.queue.retryUnschedulable();
    zoneCountsChanged();
    c.spotNodes.joined(n);
  }

  /**
   * Schedules the next monitor pass on its grid unless one is due (at most one pass per grid time).
   */
  void monitorSoon() {
    if (monitorAt >= 0) {
      return;
    }
    long at =
        Math.max(
            ceil(c.sim.now(), NODE_MONITOR_PERIOD_MILLIS), lastPassAt + NODE_MONITOR_PERIOD_MILLIS);
    monitorAt = at;
    c.sim.scheduleAt(at, this::monitorNodeHealth);
  }

  static long ceil(long t, long period) {
    return Math.floorDiv(t + period - 1, period) * period;
  }

  /** Whether the node is registered with the API server: joined and not gone. */
  static boolean registered(Node n) {
    return n.index >= 0 && n.state != NodeState.GONE;
  }

  /**
   * One {@code monitorNodeHealth} pass: a node whose last heartbeat the controller saw more than
   * the grace period ago gets Ready Unknown and its pods NotReady ({@code tryUpdateNodeHealth},
   * {@code MarkPodsNotReady}); a node already Unknown when the pass began goes into its zone's
   * tainting queue ({@code processTaintBaseEviction} reads the condition observed before the
   * update, so this is one pass later); then {@code handleDisruption} sets each zone's rate.
   */
  private void monitorNodeHealth() {
    long now = c.sim.now();
    monitorAt = -1;
    lastPassAt = now;
    long grace = c.config.nodeMonitorGracePeriodMillis();
    Map<String, int[]> counts = new TreeMap<>();
    List<Node> toQueue = new ArrayList<>();
    boolean pending = false;
    for (Node n : c.nodes) {
      if (!registered(n)) {
        continue;
      }
      boolean observedUnknown = n.unknownAt >= 0;
      if (!observedUnknown && !n.responsive) {
        if (now >= probeTimestamp(n) + grace) {
          markUnknown(n, now);
        } else {
          pending = true;
        }
      }
      int[] zc = counts.computeIfAbsent(n.zone, z -> new int[2]);
      zc[n.unknownAt >= 0 ? 1 : 0]++;
      if (observedUnknown && n.taintedAt < 0 && !n.taintQueued) {
        toQueue.add(n);
      }
      pending |= n.unknownAt >= 0 && !observedUnknown;
    }
    tainting.zonesSeen(counts.keySet(), now);
    for (Node n : toQueue) {
      tainting.queue(n);
    }
    tainting.handleDisruption(counts, now);
    tainting.taintingPass();
    if (pending) {
      monitorSoon();
    }
  }

  /**
   * The controller's probe timestamp of {@code n}: the first monitor pass at or after the node's
   * last heartbeat (the controller stamps a renewed lease with its own clock when it sees it),
   * never before a reset on leaving master disruption mode.
   */
  private long probeTimestamp(Node n) {
    long heartbeat = n.lastHeartbeat(c.sim.now(), c.config.nodeStatusUpdateMillis());
    return Math.max(ceil(heartbeat, NODE_MONITOR_PERIOD_MILLIS), n.probeFloor);
  }

  private void markUnknown(Node n, long now) {
    n.unknownAt = now;
    unknownNodes++;
    c.recorder.setNodeState(n, NodeState.NOT_READY);
    block(n);
    // MarkPodsNotReady: k/k pkg/controller/util/node/controller_utils.go.
    for (Pod p : new ArrayList<>(n.pods)) {
      if (!p.daemon()) {
        c.kubelet.setUnready(p);
      }
    }
    n.evictionRecord = evictions.size();
    evictions.add(
        new NodeEviction(
            n.name, n.lastHeartbeat(now, c.config.nodeStatusUpdateMillis()), now, -1, -1, 0));
  }

  /**
   * {@code markNodeAsReachable}: the NoExecute taint comes off and the node leaves its zone's
   * queue.
   */
  void markReachable(Node n) {
    tainting.unqueue(n);
    if (n.taintedAt >= 0) {
      // The taint eviction controller cancels the pods' scheduled deletions (handleNodeUpdate).
      n.taintedAt = -1;
      n.evictionsDue = 0;
      evictions.set(n.evictionRecord, evictions.get(n.evictionRecord).tainted(-1));
    }
  }

  /** The NoExecute taint went on {@code n} at {@code now}: its eviction record says so. */
  void recordTainted(Node n, long now) {
    evictions.set(n.evictionRecord, evictions.get(n.evictionRecord).tainted(now));
  }

  /**
   * The taint eviction controller deleted {@code count} pods of {@code n}: replace it if they were
   * its last.
   */
  void podsEvicted(Node n, int count) {
    n.evictionsDue--;
    evictions.set(n.evictionRecord, evictions.get(n.evictionRecord).plusEvicted(count));
    replaceIfEmpty(n);
  }

  /**
   * Once no eviction is due and no pod is left on {@code n} but DaemonSet pods and pods already
   * terminating, its instance is removed and replaced (the node group keeps its size). A pod that
   * tolerates the taint forever keeps the node.
   */
  void replaceIfEmpty(Node n) {
    if (n.evictionsDue > 0) {
      return;
    }
    for (Pod p : n.pods) {
      if (!p.daemon() && !p.terminating() && !p.gone()) {
        return;
      }
    }
    evictions.set(n.evictionRecord, evictions.get(n.evictionRecord).emptiedAt(c.sim.now()));
    removeNode(n);
    provisionNode(n.poolIndex);
  }

  /**
   * Whether a node whose last heartbeat was at or before {@code failedAtMillis} has had its last
   * pod evicted before now: until then its pods still count as available.
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

  /**
   * Removes the node's instance: finishes its pods and bills it off. Idempotent: the flag is set
   * before any pod is finished, because finishing the last pods of a DRAINING node calls back here.
   */
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
    if (n.unknownAt >= 0) {
      unknownNodes--;
    }
    c.recorder.setNodeState(n, NodeState.GONE);
    c.recorder.billing(n, -1);
    c.spotNodes.gone(n);
    c.stranded.update(n);
    zoneCountsChanged();
  }

  /**
   * A node joined or left. While some node is not Ready a zone's state may change with its size, so
   * the next monitor pass must run; otherwise every zone is normal before and after, and the passes
   * (no-ops then) are skipped, so an idle cluster's simulation runs dry.
   */
  private void zoneCountsChanged() {
    if (unknownNodes > 0) {
      monitorSoon();
    }
  }

  /**
   * Keeps the scheduler off a node that is NotReady, draining, gone or without pod addresses by
   * cordoning it in the scheduler's node table ({@code spec.unschedulable}, as the node lifecycle
   * controller's {@code node.kubernetes.io/unschedulable} taint and {@code kubectl drain} do): the
   * NodeUnschedulable filter then rejects it with "node(s) were unschedulable" (upstream
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
    return "NodeLifecycleController["
        + c.nodes.size()
        + " nodes requested, "
        + evictions.size()
        + " evictions, down zones "
        + c.failures.downZones()
        + ", zones "
        + tainting.zoneLimits()
        + "]";
  }
}
