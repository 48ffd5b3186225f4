package io.platformsim.scheduler.plugins;

import io.platformsim.scheduler.framework.CycleState;
import io.platformsim.scheduler.framework.ScorePlugin;
import java.util.List;

/**
 * NodeResourcesFit with the MostAllocated strategy (best fit), upstream
 * pkg/scheduler/framework/plugins/noderesources/most_allocated.go (v1.31): per resource {@code
 * min(req, alloc) · 100 / alloc}; node score {@code Σ w·s / Σ w}, integer division.
 */
public final class MostAllocatedScorer implements ScorePlugin {
  private final List<ResourceWeight> resources;
  private final long[] weights;

  /** With the given resources and weights. */
  public MostAllocatedScorer(List<ResourceWeight> resources) {
    ResourceAllocation.checkDimensions(resources);
    this.resources = List.copyOf(resources);
    this.weights = ResourceAllocation.weights(resources);
  }

  /** Upstream defaults (cpu 1, memory 1). */
  public MostAllocatedScorer() {
    this(ResourceWeight.defaults());
  }

  /** The resources and weights. */
  public List<ResourceWeight> resources() {
    return resources;
  }

  @Override
  public String name() {
    return "NodeResourcesFit/MostAllocated";
  }

  @Override
  public long score(CycleState s, int node) {
    long[] req = new long[resources.size()];
    long[] alloc = new long[resources.size()];
    ResourceAllocation.gather(s.nodes(), s.pod(), node, resources, false, req, alloc);
    return score(req, alloc, weights);
  }

  /** {@code mostRequestedScore} for one resource. */
  public static long resourceScore(long requested, long capacity) {
    if (capacity == 0) {
      return 0;
    }
    if (requested > capacity) {
      requested = capacity;
    }
    return requested * 100 / capacity;
  }

  /** The node score (allocatable 0 = skipped). */
  public static long score(long[] requested, long[] allocatable, long[] weights) {
    return ResourceAllocation.weightedScore(
        requested, allocatable, weights, MostAllocatedScorer::resourceScore);
  }
}
