package io.platformsim.core.kusp;

import io.platformsim.core.kusp.nodelifecycle.EvictionRates;
import io.platformsim.core.kusp.nodelifecycle.TokenBucket;
import io.platformsim.core.kusp.nodelifecycle.Toleration;
import io.platformsim.core.kusp.nodelifecycle.ZoneCounts;
import io.platformsim.core.kusp.nodelifecycle.ZoneLimits;
import io.platformsim.core.kusp.nodelifecycle.ZoneState;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The node lifecycle controller's per-zone disruption handling and rate-limited NoExecute tainting,
 * after k/k v1.31 {@code pkg/controller/nodelifecycle/node_lifecycle_controller.go}: each monitor
 * pass hands it the zones' Ready counts; {@code handleDisruption} sets each zone's state and rate
 * ({@link ZoneLimits}: 0.1 nodes/s; a partially disrupted zone 0.01 above 50 nodes, else 0; when
 * every zone is fully disrupted no node is tainted and the taints come off); {@code
 * doNoExecuteTaintingPass} taints the nodes queued in each zone {@code
 * node.kubernetes.io/unreachable:NoExecute} while the zone's {@link TokenBucket} (burst 1) has a
 * token, and the {@link TaintEvictionController} schedules their pods' deletions. Tainting passes
 * run only at the {@value #TAINTING_PERIOD_MILLIS} ms ticks a token is due.
 */
final class ZoneTainting {
  /**
   * {@code NodeEvictionPeriod} 100 ms: k/k
   * pkg/controller/nodelifecycle/scheduler/rate_limited_queue.go.
   */
  static final long TAINTING_PERIOD_MILLIS = 100;

  private final Cluster c;
  private final NodeLifecycleController lifecycle;
  private final EvictionRates rates = EvictionRates.DEFAULTS;
  private final TaintEvictionController taintEviction;
  // each zone's state and rate after the last monitor pass, and its tainting queue (sorted by zone)
  private ZoneLimits zoneLimits = ZoneLimits.none();
  private final Map<String, ZoneTainter> tainters = new TreeMap<>();
  // the pending tainting pass (-1: none)
  private long taintingAt = -1;

  ZoneTainting(Cluster c, NodeLifecycleController lifecycle) {
    this.c = c;
    this.lifecycle = lifecycle;
    this.taintEviction = new TaintEvictionController(c);
  }

  /**
   * {@code addPodEvictorForNewZone}: a zone not seen in the last pass gets a new queue with a full
   * bucket.
   */
  void zonesSeen(Set<String> zones, long now) {
    for (String zone : zones) {
      if (zoneLimits.of(zone) == null || !tainters.containsKey(zone)) {
        tainters.put(zone, new ZoneTainter(TokenBucket.full(rates.nodeEvictionRate(), now)));
      }
    }
  }

  /** {@code markNodeForTainting}: the zone queue is a set, a node is queued once until tainted. */
  void queue(Node n) {
    n.taintQueued = true;
    tainters.get(n.zone).queue.add(n);
  }

  /** {@code n} leaves its zone's tainting queue, if it is in it. */
  void unqueue(Node n) {
    if (n.taintQueued) {
      tainters.get(n.zone).queue.remove(n);
      n.taintQueued = false;
    }
  }

  /**
   * {@code handleDisruption}: the zones' states and rates from this pass's Ready counts ({@link
   * ZoneLimits#next}). Entering master disruption mode (every zone fully disrupted) takes the
   * NoExecute taints off every node ({@code markNodeAsReachable}), which cancels their pods'
   * evictions; leaving it resets every node's probe timestamp to now.
   */
  void handleDisruption(Map<String, int[]> counts, long now) {
    Map<String, ZoneCounts> zones = new TreeMap<>();
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      zones.put(e.getKey(), new ZoneCounts(e.getValue()[0], e.getValue()[1]));
    }
    boolean wasAllFull = allFullyDisrupted(zoneLimits, zones.keySet());
    zoneLimits = zoneLimits.next(rates, zones);
    boolean isAllFull = allFullyDisrupted(zoneLimits, zones.keySet());
    if (isAllFull && !wasAllFull) {
      for (Node n : c.nodes) {
        if (NodeLifecycleController.registered(n)) {
          lifecycle.markReachable(n);
        }
      }
    } else if (wasAllFull && !isAllFull) {
      for (Node n : c.nodes) {
        if (NodeLifecycleController.registered(n)) {
          n.probeFloor = now;
        }
      }
    }
    // setLimiterInZone / SwapLimiter: a bucket keeps its tokens while its zone's rate is unchanged.
    for (Map.Entry<String, ZoneTainter> e : tainters.entrySet()) {
      ZoneLimits.Limit limit = zoneLimits.of(e.getKey());
      if (limit != null) {
        e.getValue().bucket = e.getValue().bucket.swap(limit.qps(), now);
      }
    }
  }

  /**
   * Whether every one of {@code zones} is fully disrupted in {@code limits} (a zone new to it is
   * not).
   */
  private static boolean allFullyDisrupted(ZoneLimits limits, Set<String> zones) {
    for (String zone : zones) {
      ZoneLimits.Limit l = limits.of(zone);
      if (l == null || l.state() != ZoneState.FULL_DISRUPTION) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code doNoExecuteTaintingPass} (every {@value #TAINTING_PERIOD_MILLIS} ms upstream): each
   * zone's queue taints nodes in the order queued while its bucket has a token ({@code
   * RateLimitedTimedQueue.Try}: a token is taken per node tried, a node gone since or Ready again
   * included); the next pass is scheduled at the first period after a token is back.
   */
  void taintingPass() {
    long now = c.sim.now();
    long next = Long.MAX_VALUE;
    for (ZoneTainter t : tainters.values()) {
      while (!t.queue.isEmpty() && t.bucket.canAccept(now)) {
        t.bucket = t.bucket.accept(now);
        Node n = t.queue.poll();
        n.taintQueued = false;
        if (NodeLifecycleController.registered(n) && n.unknownAt >= 0) {
          taint(n, now);
        }
      }
      if (!t.queue.isEmpty() && t.bucket.qps() > 0) {
        next =
            Math.min(
                next,
                NodeLifecycleController.ceil(
                    t.bucket.nextTokenMillis(now), TAINTING_PERIOD_MILLIS));
      }
    }
    if (next != Long.MAX_VALUE && (taintingAt < 0 || next < taintingAt)) {
      taintingAt = next;
      c.sim.scheduleAt(
          next,
          () -> {
            if (taintingAt == c.sim.now()) {
              taintingAt = -1;
            }
            taintingPass();
          });
    }
  }

  /**
   * The {@code node.kubernetes.io/unreachable:NoExecute} taint goes on {@code n} (its Ready
   * condition is Unknown; Ready False, the {@code not-ready} taint, has no cause in this model) and
   * the taint eviction controller schedules its pods' deletions.
   */
  private void taint(Node n, long now) {
    n.taintedAt = now;
    lifecycle.recordTainted(n, now);
    n.evictionsDue = taintEviction.nodeTainted(n, Toleration.UNREACHABLE);
    lifecycle.replaceIfEmpty(n);
  }

  @Override
  public String toString() {
    return "ZoneTainting[zones " + zoneLimits + ", queued " + queued() + "]";
  }

  private int queued() {
    int queued = 0;
    for (ZoneTainter t : tainters.values()) {
      queued += t.queue.size();
    }
    return queued;
  }

  /** The zones' states and rates after the last monitor pass. */
  ZoneLimits zoneLimits() {
    return zoneLimits;
  }

  /**
   * One zone's tainting queue ({@code RateLimitedTimedQueue}): nodes in the order queued (all are
   * due when queued, so upstream's heap by process time is this order) and its token bucket.
   */
  private static final class ZoneTainter {
    TokenBucket bucket;
    final ArrayDeque<Node> queue = new ArrayDeque<>(4);

    ZoneTainter(TokenBucket bucket) {
      this.bucket = bucket;
    }
  }
}
