package io.platformsim.fleet.manifests;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import found, the figures of {@code platformsim import --json}.
 *
 * @param workloads workloads imported
 * @param pods pods wanted, the sum of replicas (a DaemonSet counts 1)
 * @param cpuMillis effective CPU requests x replicas, as imported, before any fallback
 * @param memoryMiB effective memory requests x replicas, as imported, before any fallback, MiB
 *     rounded up
 * @param missingRequests {@code namespace/name} of the workloads with a container lacking a CPU or
 *     memory request, in import order
 * @param skipped documents that do not become workloads, counted by kind (sorted)
 * @param notModelled manifest fields the scheduler cannot model, one line per field, {@code
 *     namespace/name: <field path> not modelled}, in import order
 */
public record ImportReport(
    int workloads,
    long pods,
    long cpuMillis,
    long memoryMiB,
    List<String> missingRequests,
    Map<String, Integer> skipped,
    List<String> notModelled) {

  /** Copies the collections (skipped sorted by kind). */
  public ImportReport {
    missingRequests = List.copyOf(missingRequests);
    skipped = java.util.Collections.unmodifiableMap(new TreeMap<>(skipped));
    notModelled = List.copyOf(notModelled);
  }

  /** A report with nothing unmodelled. */
  public ImportReport(
      int workloads,
      long pods,
      long cpuMillis,
      long memoryMiB,
      List<String> missingRequests,
      Map<String, Integer> skipped) {
    this(workloads, pods, cpuMillis, memoryMiB, missingRequests, skipped, List.of());
  }
}
