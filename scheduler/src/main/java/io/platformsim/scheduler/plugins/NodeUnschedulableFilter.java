package io.platformsim.scheduler.plugins;

import io.platformsim.scheduler.cluster.Taint;
import io.platformsim.scheduler.cluster.TaintEffect;
import io.platformsim.scheduler.framework.CycleState;
import io.platformsim.scheduler.framework.FilterPlugin;
import io.platformsim.scheduler.pod.Toleration;
import java.util.List;

/**
 * NodeUnschedulable, upstream
 * pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go: a cordoned node ({@code
 * NodeSpec.unschedulable} at add time, or {@link
 * io.platformsim.scheduler.state.NodeTable#setUnschedulable} since) rejects pods with {@value
 * #REASON} unless they tolerate {@code node.kubernetes.io/unschedulable:NoSchedule} (upstream
 * matches the toleration against that taint with {@code ToleratesTaint}, effect NoSchedule).
 */
public final class NodeUnschedulableFilter implements FilterPlugin {
  /** Upstream ErrReasonUnschedulable. */
  public static final String REASON = "node(s) were unschedulable";

  /** The taint a pod must tolerate to land on a cordoned node. */
  public static final Taint UNSCHEDULABLE_TAINT =
      new Taint("node.kubernetes.io/unschedulable", "", TaintEffect.NO_SCHEDULE);

  @Override
  public String name() {
    return "NodeUnschedulable";
  }

  @Override
  public List<String> filter(CycleState s, int node) {
    if (!s.nodes().isUnschedulable(node)) {
      return List.of();
    }
    for (Toleration t : s.pod().tolerations()) {
      if (t.tolerates(UNSCHEDULABLE_TAINT)) {
        return List.of();
      }
    }
    return List.of(REASON);
  }
}
