package io.platformsim.core.kusp;

/**
 * The node lifecycle controller's handling of one unresponsive node.
 *
 * @param node            node name
 * @param lastHeartbeat   time of its last status update
 * @param notReadyAt      time it was marked NotReady (last heartbeat + monitor grace period)
 * @param evictedAt       time its pods were evicted (NotReady + toleration), -1 if not yet
 * @param podsEvicted     pods evicted
 */
public record NodeEviction(String node, long lastHeartbeat, long notReadyAt, long evictedAt, int podsEvicted) {

  /** Last heartbeat to eviction, in milliseconds (-1 if not evicted yet). */
  public long heartbeatToEvictionMillis() {
    return evictedAt < 0 ? -1 : evictedAt - lastHeartbeat;
  }
}
