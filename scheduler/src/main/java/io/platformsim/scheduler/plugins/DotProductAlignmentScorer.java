package io.platformsim.scheduler.plugins;

import io.platformsim.scheduler.framework.CycleState;
import io.platformsim.scheduler.framework.Normalize;
import io.platformsim.scheduler.framework.ScorePlugin;
import io.platformsim.scheduler.resource.DimensionRegistry;
import java.util.List;

/**
 * Tetris alignment (Grandl et al., "Multi-Resource Packing for Cluster Schedulers", SIGCOMM 2014):
 * prefer the node whose free-resource vector points the same way as the pod's demand. Not an
 * upstream plugin; integer arithmetic chosen here so two implementations agree exactly: per
 * resource {@code (podReq·100/alloc) · (free·100/alloc)} with {@code free = max(0, alloc −
 * nodeReq)} (CPU/memory use the non-zero scoring requests), node score {@code Σ w·s / Σ w}
 * (0..10000), then DefaultNormalizeScore to 0..100.
 */
public final class DotProductAlignmentScorer implements ScorePlugin {
  private final List<ResourceWeight> resources;
  private final long[] weights;

  /** Over the given resources. */
  public DotProductAlignmentScorer(List<ResourceWeight> resources) {
    ResourceAllocation.checkDimensions(resources);
    this.resources = List.copyOf(resources);
    this.weights = ResourceAllocation.weights(resources);
  }

  /** Over cpu and memory, weight 1 each. */
  public DotProductAlignmentScorer() {
    this(ResourceWeight.defaults());
  }

  /** The resources. */
  public List<ResourceWeight> resources() {
    return resources;
  }

  @Override
  public String name() {
    return "DotProductAlignment";
  }

  @Override
  public long score(CycleState s, int node) {
    long sum = 0;
    long wsum = 0;
    for (int i = 0; i < resources.size(); i++) {
      int r = resources.get(i).dimension();
      long alloc = s.nodes().allocatable(node, r);
      if (alloc == 0) {
        continue;
      }
      boolean cpuOrMem = r == DimensionRegistry.CPU || r == DimensionRegistry.MEMORY;
      long nodeReq = cpuOrMem ? s.nodes().nonZeroRequested(node, r) : s.nodes().requested(node, r);
      long podReq = s.pod().nonZeroRequest(r);
      sum += alignment(podReq, nodeReq, alloc) * weights[i];
      wsum += weights[i];
    }
    return wsum == 0 ? 0 : sum / wsum;
  }

  /** One resource's term. */
  public static long alignment(long podRequest, long nodeRequested, long allocatable) {
    long free = Math.max(0, allocatable - nodeRequested);
    long demand = Math.min(podRequest, allocatable);
    return (demand * 100 / allocatable) * (free * 100 / allocatable);
  }

  @Override
  public void normalize(CycleState s, int[] feasible, long[] scores, int count) {
    Normalize.defaultNormalize(Normalize.MAX_NODE_SCORE, false, scores, count);
  }
}
