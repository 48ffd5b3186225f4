package io.platformsim.scheduler.plugins;

import io.platformsim.scheduler.framework.CycleState;
import io.platformsim.scheduler.framework.FilterPlugin;
import io.platformsim.scheduler.resource.DimensionRegistry;
import io.platformsim.scheduler.state.NodeTable;
import java.util.ArrayList;
import java.util.List;

/**
 * NodeResourcesFit filter, upstream pkg/scheduler/framework/plugins/noderesources/fit.go {@code
 * fitsRequest} (v1.31): "Too many pods" if pods + 1 > allowed; then for every resource the pod
 * requests (> 0), "Insufficient &lt;name&gt;" if request > allocatable − requested. All
 * insufficient resources are reported, so one node may count under several reasons.
 */
public final class NodeResourcesFitFilter implements FilterPlugin {
  /** Upstream reason for the pod count. */
  public static final String TOO_MANY_PODS = "Too many pods";

  @Override
  public String name() {
    return "NodeResourcesFit";
  }

  @Override
  public List<String> filter(CycleState s, int node) {
    NodeTable t = s.nodes();
    List<String> reasons = new ArrayList<>(0);
    if (t.requested(node, DimensionRegistry.PODS) + 1
        > t.allocatable(node, DimensionRegistry.PODS)) {
      reasons.add(TOO_MANY_PODS);
    }
    for (int r = 0; r < t.dims(); r++) {
      if (r == DimensionRegistry.PODS) {
        continue;
      }
      long req = s.pod().request(r);
      if (req > 0 && req > t.allocatable(node, r) - t.requested(node, r)) {
        reasons.add(insufficient(t.registry().name(r)));
      }
    }
    return reasons;
  }

  /** Upstream message for an insufficient resource. */
  public static String insufficient(String resource) {
    return "Insufficient " + resource;
  }
}
