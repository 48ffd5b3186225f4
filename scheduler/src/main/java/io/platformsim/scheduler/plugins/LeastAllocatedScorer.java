package io.platformsim.scheduler.plugins;

import io.platformsim.scheduler.framework.CycleState;
import io.platformsim.scheduler.framework.ScorePlugin;
import java.util.List;

/**
 * NodeResourcesFit with the LeastAllocated strategy (the default), upstream
 * pkg/scheduler/framework/plugins/noderesources/least_allocated.go (v1.31): per resource {@code
 * (alloc − req) · 100 / alloc}, 0 if {@code req > alloc}; node score {@code Σ w·s / Σ w} with Go
 * integer division. No normalization.
 */
public final class LeastAllocatedScorer implements ScorePlugin {
  private final List<ResourceWeight> resources;
  private final long[] weights;

  /** With the given resources and weights. */
  public LeastAllocatedScorer(List<ResourceWeight> resources) {
    ResourceAllocation.checkDimensions(resources);
    this.resources = List.copyOf(resources);
    this.weights = ResourceAllocation.weights(resources);
  }

  /** Upstream defaults (cpu 1, memory 1). */
  public LeastAllocatedScorer() {
    this(ResourceWeight.defaults());
  }

  /** The resources and weights. */
  public List<ResourceWeight> resources() {
    return resources;
  }

  @Override
  public String name() {
    return "NodeResourcesFit/LeastAllocated";
  }

  @Override
  public long score(CycleState s, int node) {
    long[] req = new long[resources.size()];
    long[] alloc = new long[resources.size()];
    ResourceAllocation.gather(s.nodes(), s.pod(), node, resources, false, req, alloc);
    return score(req, alloc, weights);
  }

  /** {@code leastRequestedScore} for one resource. */
  public static long resourceScore(long requested, long capacity) {
    if (capacity == 0) {
      return 0;
    }
    if (requested > capacity) {
      return 0;
    }
    return (capacity - requested) * 100 / capacity;
  }

  /**
   * The node score from per-resource requested/allocatable and weights (allocatable 0 = skipped).
   */
  public static long score(long[] requested, long[] allocatable, long[] weights) {
    return ResourceAllocation.weightedScore(
        requested, allocatable, weights, LeastAllocatedScorer::resourceScore);
  }
}
