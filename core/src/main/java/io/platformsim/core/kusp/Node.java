package io.platformsim.core.kusp;

import io.platformsim.core.workload.Resources;
import io.platformsim.scheduler.resource.DimensionRegistry;
import io.platformsim.scheduler.state.NodeTable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One KuSP node: its instance's life ({@link NodeState}), zone, image cache and the pods bound to
 * it. Its requested resources are read from the scheduler's {@link NodeTable}, the one ledger of
 * what is bound where. Read-only to callers; {@link KuspPlatform} changes it.
 */
public final class Node {
  // scratch for PodDeletionOrder: pods of one ReplicaSet on this node, 0 between calls
  int deletionRank;

  final String name;
  final String zone;
  // its node pool and that pool's index in the configuration's pools(): its type, labels, taints
  final NodePool pool;
  final int poolIndex;
  final ImageCache cache;
  final long requestedAt;
  // the scheduler's table this node joins (null for a node built outside a platform): its row
  // holds what the node's bound pods request
  private final NodeTable table;
  NodeState state = NodeState.PROVISIONING;
  int index = -1;
  long joinedAt = -1;
  long crashedAt = -1;
  long goneAt = -1;
  boolean responsive = true;
  boolean blocked;
  final List<Pod> pods = new ArrayList<>();
  // pods waiting for an image pull; created on the first pull, dropped when the node goes (an
  // empty ArrayDeque holds a 17-slot array, and most nodes have finished pulling long ago)
  ArrayDeque<Pod> pullQueue;
  final List<Pod> nominated = new ArrayList<>();
  int activePulls;
  boolean gcPending;
  boolean removing;
  // Whether the identity layer gave it a pod range (overlay) or a primary address (VPC-native).
  boolean addressed;
  // Bought as spot (SpotNodes): billed at the spot price, interrupted.
  boolean spot;
  // A spot node's time from its join to its interruption notice (CommonStreams), else -1.
  long spotLifeMillis = -1;
  long unneededSince = -1;
  // The node lifecycle controller's view (NodeLifecycleController): when it set Ready Unknown
  // (-1 while Ready), the earliest probe timestamp it may use (set on leaving master disruption
  // mode), when the NoExecute taint went on (-1: none), whether the node waits in its zone's
  // tainting queue, its NodeEviction record (-1: none) and its taint eviction batches still due.
  long unknownAt = -1;
  long probeFloor = -1;
  long taintedAt = -1;
  boolean taintQueued;
  int evictionRecord = -1;
  int evictionsDue;
  double strandedCpu;
  double strandedMemory;

  Node(String name, String zone, NodePool pool, int poolIndex, long requestedAt, NodeTable table) {
    this.name = name;
    this.table = table;
    this.zone = zone;
    this.pool = pool;
    this.poolIndex = poolIndex;
    this.cache = new ImageCache(pool.nodeType().diskBytes());
    this.requestedAt = requestedAt;
  }

  /** Node name. */
  public String name() {
    return name;
  }

  /** Zone label. */
  public String zone() {
    return zone;
  }

  /** Whether its instance was bought as spot. */
  public boolean spot() {
    return spot;
  }

  /** Its node pool. */
  public NodePool pool() {
    return pool;
  }

  /** Its instance type (its pool's). */
  public NodeType type() {
    return pool.nodeType();
  }

  /** Life-cycle state. */
  public NodeState state() {
    return state;
  }

  /** Its image layer cache. */
  public ImageCache imageCache() {
    return cache;
  }

  /** Time it joined (Ready), or -1. */
  public long joinedAt() {
    return joinedAt;
  }

  /** Time it stopped responding (an injected crash or a zone outage), or -1. */
  public long crashedAt() {
    return crashedAt;
  }

  /** Milli-CPU requested by the pods bound to it (DaemonSets included). */
  public long requestedMilliCpu() {
    return index < 0 ? 0 : table.requested(index, DimensionRegistry.CPU);
  }

  /** MiB requested by the pods bound to it (DaemonSets included). */
  public long requestedMemoryMib() {
    // every pod requests whole MiB (its spec holds Resources.memoryBytes()), so this is exact
    return index < 0 ? 0 : Resources.mibOfBytes(table.requested(index, DimensionRegistry.MEMORY));
  }

  /** The pods bound to it. */
  public List<Pod> pods() {
    return List.copyOf(pods);
  }

  /**
   * The time of its last status heartbeat at or before {@code t}: the kubelet posts status every
   * {@code period} from joining until it stops responding. Heartbeats are implicit (computed, not
   * simulated as events), so an idle cluster's simulation runs dry.
   */
  long lastHeartbeat(long t, long period) {
    long until = responsive ? t : Math.min(t, crashedAt);
    return joinedAt + (until - joinedAt) / period * period;
  }

  @Override
  public String toString() {
    return "Node["
        + name
        + " "
        + zone
        + " "
        + pool.name()
        + " "
        + state
        + ", "
        + pods.size()
        + " pods, requested "
        + requestedMilliCpu()
        + "m CPU, "
        + requestedMemoryMib()
        + " MiB, "
        + cache
        + "]";
  }
}
