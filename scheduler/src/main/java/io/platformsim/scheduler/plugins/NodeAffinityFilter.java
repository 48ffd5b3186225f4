package io.platformsim.scheduler.plugins;

import io.platformsim.scheduler.framework.CycleState;
import io.platformsim.scheduler.framework.FilterPlugin;
import java.util.List;

/**
 * NodeAffinity filter, upstream pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go
 * (v1.31): the node must match {@code spec.nodeSelector} and at least one required node selector
 * term (In, NotIn, Exists, DoesNotExist, Gt, Lt).
 */
public final class NodeAffinityFilter implements FilterPlugin {
  /** Upstream ErrReasonPod. */
  public static final String REASON = "node(s) didn't match Pod's node affinity/selector";

  @Override
  public String name() {
    return "NodeAffinity";
  }

  @Override
  public List<String> filter(CycleState s, int node) {
    return s.pod().matchesNodeSelectorAndAffinity(s.nodes().labels(node))
        ? List.of()
        : List.of(REASON);
  }
}
