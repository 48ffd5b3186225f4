package io.platformsim.scheduler.framework;

import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.state.NodeTable;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-scheduling-cycle data: the pod, the node table and whatever plugins computed in PreFilter or
 * PreScore (upstream framework.CycleState). One instance per {@code place} call.
 */
public final class CycleState {
  private final PodSpec pod;
  private final NodeTable nodes;
  private final Map<String, Object> data = new HashMap<>();

  /** A fresh state for {@code pod} on {@code nodes}. */
  public CycleState(PodSpec pod, NodeTable nodes) {
    this.pod = pod;
    this.nodes = nodes;
  }

  /** The pod being scheduled. */
  public PodSpec pod() {
    return pod;
  }

  /** The cluster. */
  public NodeTable nodes() {
    return nodes;
  }

  /** Stores plugin data under {@code key}. */
  public void put(String key, Object value) {
    data.put(key, value);
  }

  /** Reads plugin data, or {@code null}. */
  @SuppressWarnings("unchecked")
  public <T> T get(String key) {
    return (T) data.get(key);
  }
}
