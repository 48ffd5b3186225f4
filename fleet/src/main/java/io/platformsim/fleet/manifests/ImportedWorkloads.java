package io.platformsim.fleet.manifests;

import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The workloads imported from a set of manifests, in reading order (files sorted by path, documents
 * and {@code List} items in order), and the documents skipped, counted by kind.
 *
 * @param workloads the imported workloads
 * @param skipped kind to number of documents that do not become workloads (sorted by kind)
 */
public record ImportedWorkloads(List<ImportedWorkload> workloads, Map<String, Integer> skipped) {

  /** Copies both collections. */
  public ImportedWorkloads {
    workloads = List.copyOf(workloads);
    skipped = java.util.Collections.unmodifiableMap(new TreeMap<>(skipped));
  }

  /** The scenario services, one per workload, in order. */
  public List<Service> services() {
    return workloads.stream().map(ImportedWorkload::service).toList();
  }

  /** The import report: counts and sums as imported, before any fallback. */
  public ImportReport report() {
    long pods = 0;
    long cpu = 0;
    long memBytes = 0;
    for (ImportedWorkload w : workloads) {
      pods += w.replicas();
      cpu += w.request().cpuMillis() * w.replicas();
      memBytes += w.request().memoryBytes() * w.replicas();
    }
    long mib = (memBytes + Resources.BYTES_PER_MIB - 1) / Resources.BYTES_PER_MIB;
    List<String> missing =
        workloads.stream()
            .filter(ImportedWorkload::missingRequest)
            .map(w -> w.namespace() + "/" + w.name())
            .toList();
    List<String> notModelled = new ArrayList<>();
    for (ImportedWorkload w : workloads) {
      for (String field : w.details().notModelled()) {
        notModelled.add(w.namespace() + "/" + w.name() + ": " + field + " not modelled");
      }
    }
    return new ImportReport(workloads.size(), pods, cpu, mib, missing, skipped, notModelled);
  }

  @Override
  public String toString() {
    ImportReport report = report();
    StringBuilder s = new StringBuilder(report.toString());
    for (ImportedWorkload w : workloads) {
      s.append("\n  ").append(w);
    }
    for (String line : report.notModelled()) {
      s.append("\n  ").append(line);
    }
    return s.toString();
  }
}
