package io.platformsim.core.kusp;

/**
 * The node lifecycle controller's handling of one unresponsive node: Ready Unknown, the NoExecute
 * {@code node.kubernetes.io/unreachable} taint (rate limited per zone), then the taint eviction
 * controller's deletion of each pod at taint time + that pod's {@code tolerationSeconds}.
 *
 * @param node node name
 * @param lastHeartbeat time of its last status update (lease renewal)
 * @param notReadyAt time the controller set its Ready condition Unknown (the first monitor pass a
 *     grace period after it last saw a heartbeat)
 * @param taintedAt time the NoExecute taint went on, -1 if not (yet)
 * @param evictedAt time its last pod was evicted (taint time for a node without pods to evict),
 *     after which its instance is replaced; -1 if not yet, or never when a pod on it tolerates the
 *     taint forever
 * @param podsEvicted pods evicted so far
 */
public record NodeEviction(
    String node,
    long lastHeartbeat,
    long notReadyAt,
    long taintedAt,
    long evictedAt,
    int podsEvicted) {

  /** Last heartbeat to eviction of its last pod, in milliseconds (-1 if not evicted yet). */
  public long heartbeatToEvictionMillis() {
    return evictedAt < 0 ? -1 : evictedAt - lastHeartbeat;
  }

  /** A copy tainted at {@code t} (-1: the taint came off). */
  NodeEviction tainted(long t) {
    return new NodeEviction(node, lastHeartbeat, notReadyAt, t, evictedAt, podsEvicted);
  }

  /** A copy with {@code n} more pods evicted. */
  NodeEviction plusEvicted(int n) {
    return new NodeEviction(node, lastHeartbeat, notReadyAt, taintedAt, evictedAt, podsEvicted + n);
  }

  /** A copy whose last pod was evicted at {@code t}. */
  NodeEviction emptiedAt(long t) {
    return new NodeEviction(node, lastHeartbeat, notReadyAt, taintedAt, t, podsEvicted);
  }
}
