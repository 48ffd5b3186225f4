package io.platformsim.core.kusp;

import io.platformsim.core.engine.TimeWeightedAverage;
import io.platformsim.core.workload.Resources;

/**
 * Stranded capacity over time: a Ready or NotReady node's free CPU is stranded when its free memory
 * is below the smallest memory request of any deployed service (no service pod can use the CPU),
 * and the other way round. Kept per node (on {@link Node}) and summed incrementally.
 */
final class StrandedCapacity {
  private final Cluster c;
  private final TimeWeightedAverage strandedCpu;
  private final TimeWeightedAverage strandedMemory;
  // Smallest CPU/memory request over all deployments, kept incrementally: deployments are never
  // removed, so these only fall, and update need not rescan every deployment per node.
  private long minCpuRequest = Long.MAX_VALUE;
  private long minMemoryRequest = Long.MAX_VALUE;

  StrandedCapacity(Cluster c) {
    this.c = c;
    long t = c.sim.now();
    strandedCpu = new TimeWeightedAverage("stranded mCPU", t, 0);
    strandedMemory = new TimeWeightedAverage("stranded MiB", t, 0);
  }

  /** A Deployment requesting {@code request} was added (already in the cluster's Deployments). */
  void deploymentAdded(Resources request) {
    long cpu = Math.max(1, request.milliCpu());
    long mem = Math.max(1, request.memoryMib());
    boolean first = c.deployments.size() == 1;
    if (first || cpu < minCpuRequest || mem < minMemoryRequest) {
      minCpuRequest = Math.min(minCpuRequest, cpu);
      minMemoryRequest = Math.min(minMemoryRequest, mem);
      for (Node n : c.nodes) {
        update(n);
      }
    }
  }

  /**
   * Recomputes what is stranded on {@code n}, after its pods, state or the smallest requests
   * changed.
   */
  void update(Node n) {
    long minCpu = minCpuRequest;
    long minMem = minMemoryRequest;
    double sc = 0;
    double sm = 0;
    if (!c.deployments.isEmpty()
        && (n.state == NodeState.READY || n.state == NodeState.NOT_READY)) {
      long freeCpu = Math.max(0, c.freeCpu(n));
      long freeMem = Math.max(0, c.freeMemory(n));
      if (freeMem < minMem) {
        sc = freeCpu;
      }
      if (freeCpu < minCpu) {
        sm = freeMem;
      }
    }
    long now = c.sim.now();
    strandedCpu.add(now, sc - n.strandedCpu);
    strandedMemory.add(now, sm - n.strandedMemory);
    n.strandedCpu = sc;
    n.strandedMemory = sm;
  }

  /** Stranded milli-CPU × milliseconds up to {@code now}. */
  double cpuIntegral(long now) {
    return strandedCpu.integral(now);
  }

  /** Stranded MiB × milliseconds up to {@code now}. */
  double memoryIntegral(long now) {
    return strandedMemory.integral(now);
  }

  @Override
  public String toString() {
    return "StrandedCapacity[smallest request "
        + minCpuRequest
        + "m CPU, "
        + minMemoryRequest
        + " MiB]";
  }
}
