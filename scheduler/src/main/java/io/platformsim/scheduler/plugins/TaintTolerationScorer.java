package io.platformsim.scheduler.plugins;

import io.platformsim.scheduler.cluster.Taint;
import io.platformsim.scheduler.cluster.TaintEffect;
import io.platformsim.scheduler.framework.CycleState;
import io.platformsim.scheduler.framework.Normalize;
import io.platformsim.scheduler.framework.ScorePlugin;
import io.platformsim.scheduler.pod.Toleration;
import java.util.ArrayList;
import java.util.List;

/**
 * TaintToleration score, upstream
 * pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go (v1.31): raw score = number
 * of PreferNoSchedule taints not tolerated by the pod's tolerations whose effect is empty or
 * PreferNoSchedule; NormalizeScore = DefaultNormalizeScore reversed.
 */
public final class TaintTolerationScorer implements ScorePlugin {
  @Override
  public String name() {
    return "TaintToleration";
  }

  @Override
  public long score(CycleState s, int node) {
    List<Toleration> prefer = new ArrayList<>();
    for (Toleration t : s.pod().tolerations()) {
      if (t.effect() == null || t.effect() == TaintEffect.PREFER_NO_SCHEDULE) {
        prefer.add(t);
      }
    }
    long count = 0;
    for (Taint taint : s.nodes().taints(node)) {
      if (taint.effect() == TaintEffect.PREFER_NO_SCHEDULE
          && !TaintTolerationFilter.tolerated(prefer, taint)) {
        count++;
      }
    }
    return count;
  }

  @Override
  public void normalize(CycleState s, int[] feasible, long[] scores, int count) {
    Normalize.defaultNormalize(Normalize.MAX_NODE_SCORE, true, scores, count);
  }
}
