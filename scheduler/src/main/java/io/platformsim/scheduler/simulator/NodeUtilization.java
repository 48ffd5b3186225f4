package io.platformsim.scheduler.simulator;

import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.resource.DimensionRegistry;
import io.platformsim.scheduler.state.NodeTable;
import java.util.function.Predicate;

/**
 * A node's utilization as the cluster autoscaler's scale-down sees it, after cluster-autoscaler
 * {@code simulator/utilization/info.go} {@code Calculate}: for CPU and memory, the bound pods'
 * requests ÷ allocatable, and the larger of the two decides ({@code
 * --scale-down-utilization-threshold}, default 0.5, is compared against it). With {@code
 * ignoreDaemonSets} ({@code --ignore-daemonsets-utilization}, default false) DaemonSet pods'
 * requests are left out.
 *
 * @param cpu CPU requests ÷ allocatable CPU
 * @param memory memory requests ÷ allocatable memory
 * @param utilization the larger of the two
 */
public record NodeUtilization(double cpu, double memory, double utilization) {
  /** Upstream default of {@code --scale-down-utilization-threshold}. */
  public static final double DEFAULT_SCALE_DOWN_UTILIZATION_THRESHOLD = 0.5;

  /** The utilization of {@code node} in {@code table}. */
  public static NodeUtilization of(
      NodeTable table,
      int node,
      Predicate<? super PodSpec> daemonSetPod,
      boolean ignoreDaemonSets) {
    long cpu = table.requested(node, DimensionRegistry.CPU);
    long memory = table.requested(node, DimensionRegistry.MEMORY);
    if (ignoreDaemonSets) {
      for (PodSpec p : table.pods(node)) {
        if (daemonSetPod.test(p)) {
          cpu -= p.request(DimensionRegistry.CPU);
          memory -= p.request(DimensionRegistry.MEMORY);
        }
      }
    }
    double c = ratio(cpu, table.allocatable(node, DimensionRegistry.CPU));
    double m = ratio(memory, table.allocatable(node, DimensionRegistry.MEMORY));
    return new NodeUtilization(c, m, Math.max(c, m));
  }

  // upstream calculateUtilizationOfResource: allocatable 0 is an error there; 0 here
  private static double ratio(long requested, long allocatable) {
    return allocatable <= 0 ? 0 : requested / (double) allocatable;
  }
}
