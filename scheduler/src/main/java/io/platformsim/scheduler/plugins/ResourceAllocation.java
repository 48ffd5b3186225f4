package io.platformsim.scheduler.plugins;

import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.resource.DimensionRegistry;
import io.platformsim.scheduler.state.NodeTable;
import java.util.List;
import java.util.function.LongBinaryOperator;

/**
 * Gathers the (requested, allocatable) pairs a resource scorer sees, as upstream {@code
 * resourceAllocationScorer.score} / {@code calculateResourceAllocatableRequest} does
 * (pkg/scheduler/framework/plugins/noderesources/resource_allocation.go, v1.31): requested = node's
 * requested + pod's request, where CPU and memory use the non-zero values unless {@code
 * useRequested}; an extended resource the pod does not request is skipped (allocatable reported as
 * 0), and every scorer skips resources whose allocatable is 0.
 */
final class ResourceAllocation {
  private ResourceAllocation() {}

  /** Fills {@code requested} and {@code allocatable} (length = resources.size()). */
  static void gather(
      NodeTable t,
      PodSpec pod,
      int node,
      List<ResourceWeight> resources,
      boolean useRequested,
      long[] requested,
      long[] allocatable) {
    DimensionRegistry reg = t.registry();
    for (int i = 0; i < resources.size(); i++) {
      int r = resources.get(i).dimension();
      boolean cpuOrMem = r == DimensionRegistry.CPU || r == DimensionRegistry.MEMORY;
      long podReq = useRequested ? pod.request(r) : pod.nonZeroRequest(r);
      if (podReq == 0 && reg.isExtended(r)) {
        requested[i] = 0;
        allocatable[i] = 0;
        continue;
      }
      long nodeReq =
          (!useRequested && cpuOrMem) ? t.nonZeroRequested(node, r) : t.requested(node, r);
      allocatable[i] = t.allocatable(node, r);
      requested[i] = allocatable[i] == 0 ? 0 : nodeReq + podReq;
    }
  }

  static long[] weights(List<ResourceWeight> resources) {
    long[] w = new long[resources.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = resources.get(i).weight();
    }
    return w;
  }

  static void checkDimensions(List<ResourceWeight> resources) {
    if (resources.isEmpty()) {
      throw new IllegalArgumentException("scoringStrategy.resources is empty");
    }
  }

  /**
   * Upstream's node score for LeastAllocated and MostAllocated: {@code Σ w·s / Σ w} with Go integer
   * division over the resources whose allocatable is not 0 ({@code 0} if none).
   */
  static long weightedScore(
      long[] requested, long[] allocatable, long[] weights, LongBinaryOperator resourceScore) {
    long nodeScore = 0;
    long weightSum = 0;
    for (int i = 0; i < requested.length; i++) {
      if (allocatable[i] == 0) {
        continue;
      }
      nodeScore += resourceScore.applyAsLong(requested[i], allocatable[i]) * weights[i];
      weightSum += weights[i];
    }
    return weightSum == 0 ? 0 : nodeScore / weightSum;
  }
}
