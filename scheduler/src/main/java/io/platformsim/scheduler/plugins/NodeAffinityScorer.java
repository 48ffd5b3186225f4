package io.platformsim.scheduler.plugins;

import io.platformsim.scheduler.framework.CycleState;
import io.platformsim.scheduler.framework.Normalize;
import io.platformsim.scheduler.framework.ScorePlugin;
import io.platformsim.scheduler.pod.PreferredTerm;

/**
 * NodeAffinity score, upstream pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go
 * (v1.31): sum of the weights of matching preferred terms; DefaultNormalizeScore (not reversed).
 */
public final class NodeAffinityScorer implements ScorePlugin {
  @Override
  public String name() {
    return "NodeAffinity";
  }

  @Override
  public long score(CycleState s, int node) {
    long sum = 0;
    for (PreferredTerm t : s.pod().preferredNodeAffinity()) {
      if (t.term().matches(s.nodes().labels(node))) {
        sum += t.weight();
      }
    }
    return sum;
  }

  @Override
  public void normalize(CycleState s, int[] feasible, long[] scores, int count) {
    Normalize.defaultNormalize(Normalize.MAX_NODE_SCORE, false, scores, count);
  }
}
