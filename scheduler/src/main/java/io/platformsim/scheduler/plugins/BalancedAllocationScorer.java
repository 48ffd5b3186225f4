package io.platformsim.scheduler.plugins;

import io.platformsim.scheduler.framework.CycleState;
import io.platformsim.scheduler.framework.ScorePlugin;
import java.util.List;

/**
 * NodeResourcesBalancedAllocation, upstream
 * pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go (v1.31): uses the pods'
 * actual requests ({@code useRequested}); {@code f_r = min(req/alloc, 1)} in float64; two
 * resources: {@code std = |f1 − f2| / 2}, more: population standard deviation; score {@code
 * int64((1 − std) · 100)}. v1.31 still scores BestEffort pods (the PreScore skip came with
 * kubernetes/kubernetes PR #130260 in 2025). Weights of the resources are ignored upstream.
 */
public final class BalancedAllocationScorer implements ScorePlugin {
  private final List<ResourceWeight> resources;

  /** Over the given resources. */
  public BalancedAllocationScorer(List<ResourceWeight> resources) {
    ResourceAllocation.checkDimensions(resources);
    this.resources = List.copyOf(resources);
  }

  /** Upstream defaults (cpu, memory). */
  public BalancedAllocationScorer() {
    this(ResourceWeight.defaults());
  }

  /** The resources. */
  public List<ResourceWeight> resources() {
    return resources;
  }

  @Override
  public String name() {
    return "NodeResourcesBalancedAllocation";
  }

  @Override
  public long score(CycleState s, int node) {
    long[] req = new long[resources.size()];
    long[] alloc = new long[resources.size()];
    ResourceAllocation.gather(s.nodes(), s.pod(), node, resources, true, req, alloc);
    return score(req, alloc);
  }

  /** {@code balancedResourceScorer} (allocatable 0 = skipped). */
  public static long score(long[] requested, long[] allocatable) {
    double[] fractions = new double[requested.length];
    int n = 0;
    double total = 0;
    for (int i = 0; i < requested.length; i++) {
      if (allocatable[i] == 0) {
        continue;
      }
      double f = (double) requested[i] / (double) allocatable[i];
      if (f > 1) {
        f = 1;
      }
      total += f;
      fractions[n++] = f;
    }
    double std = 0;
    if (n == 2) {
      std = Math.abs((fractions[0] - fractions[1]) / 2);
    } else if (n > 2) {
      double mean = total / n;
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum = sum + (fractions[i] - mean) * (fractions[i] - mean);
      }
      std = Math.sqrt(sum / n);
    }
    return (long) ((1 - std) * 100.0);
  }
}
