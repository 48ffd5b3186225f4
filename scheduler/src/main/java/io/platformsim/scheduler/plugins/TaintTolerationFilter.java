package io.platformsim.scheduler.plugins;

import io.platformsim.scheduler.cluster.Taint;
import io.platformsim.scheduler.framework.CycleState;
import io.platformsim.scheduler.framework.FilterPlugin;
import io.platformsim.scheduler.pod.Toleration;
import java.util.List;

/**
 * TaintToleration filter, upstream
 * pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go (v1.31): the first
 * NoSchedule/NoExecute taint (in node order) no toleration tolerates rejects the node with "node(s)
 * had untolerated taint {key: value}".
 */
public final class TaintTolerationFilter implements FilterPlugin {
  @Override
  public String name() {
    return "TaintToleration";
  }

  @Override
  public List<String> filter(CycleState s, int node) {
    for (Taint taint : s.nodes().taints(node)) {
      if (!taint.isHard()) {
        continue;
      }
      if (!tolerated(s.pod().tolerations(), taint)) {
        return List.of(reason(taint));
      }
    }
    return List.of();
  }

  /** Upstream message for an untolerated taint. */
  public static String reason(Taint taint) {
    return "node(s) had untolerated taint {" + taint.key() + ": " + taint.value() + "}";
  }

  static boolean tolerated(List<Toleration> tolerations, Taint taint) {
    for (Toleration t : tolerations) {
      if (t.tolerates(taint)) {
        return true;
      }
    }
    return false;
  }
}
