package io.platformsim.fleet.plan;

import io.platformsim.core.kusp.DaemonSet;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.NodeType;
import io.platformsim.core.lesp.InstanceType;
import io.platformsim.core.workload.Resources;
import io.platformsim.fleet.manifests.ImportedWorkload;
import io.platformsim.scheduler.packing.PackingAlgorithm;
import io.platformsim.scheduler.packing.PackingInstance;
import io.platformsim.scheduler.packing.PackingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How many nodes of one instance type hold a set of imported workloads, the answer of {@code
 * platformsim plan} for that type.
 *
 * <p>The room a node offers service pods is KuSP's own: {@link KuspConfig#allocatableForPods()} of
 * a {@link KuspConfig} with the builder's reserved resources (kube-reserved and system-reserved 0,
 * the eviction threshold {@code memory.available} 100 MiB, cited there) and the imported DaemonSets
 * as the system DaemonSets, one pod of each on every node. A DaemonSet's {@code nodeSelector} and
 * affinity are ignored: every DaemonSet counts on every node (the worst case for capacity). The
 * kubelet's pod limit is a third dimension: {@link NodeType#DEFAULT_MAX_PODS} per node (k/k {@code
 * pkg/kubelet/apis/config/v1beta1/defaults.go}), less one slot per DaemonSet.
 *
 * <p>Every other workload contributes {@code replicas} items of its service request (the effective
 * pod request with the fallback for missing requests, memory in MiB rounded up); the items are
 * packed with {@link PackingAlgorithm#best()}, and the lower bound proves how far the answer may be
 * from the optimum. A workload with 0 replicas takes no room. If a pod is larger than a node's
 * room, or the DaemonSets alone exceed it, the plan lists why instead of a node count.
 *
 * <p>Placement terms (node selectors, node affinity, pod anti-affinity, topology spread) are not
 * honoured: the plan packs resources only, so it is a lower estimate when anti-affinity or spread
 * force pods apart.
 *
 * <p>Allocation is as {@code compare} reports it ({@code PlatformMetrics.cpuAllocation}): the
 * service pods' requests over the capacity of the machines paid for; DaemonSets count as neither.
 *
 * @param type the instance type with its capacity and on-demand price per hour
 * @param allocatable node allocatable: capacity minus reserved and the eviction threshold
 * @param daemonSets the DaemonSet pods' requests on every node
 * @param podRoom what a node has left for service pods (allocatable minus DaemonSets)
 * @param podSlots service pods a node may run (max pods minus DaemonSet pods)
 * @param pods service pods to place
 * @param requested total request of the service pods
 * @param packing the packing, or {@code null} when something does not fit
 * @param unfit why nothing can be planned on this type (empty when {@code packing} is set)
 */
public record NodePlan(
    InstanceType type,
    Resources allocatable,
    Resources daemonSets,
    Resources podRoom,
    int podSlots,
    long pods,
    Resources requested,
    PackingResult packing,
    List<String> unfit) {

  /** Hours in a month, the AWS Pricing Calculator's convention (365 × 24 / 12). */
  public static final double HOURS_PER_MONTH = 730;

  /** Copies the list. */
  public NodePlan {
    unfit = List.copyOf(unfit);
  }

  /** Plans {@code workloads} on nodes of {@code type} (see the class comment). */
  public static NodePlan of(InstanceType type, List<ImportedWorkload> workloads) {
    NodeType node =
        new NodeType(
            type.name(),
            type.capacity(),
            NodeType.GENERIC.diskBytes(),
            type.hourlyPriceUsd(),
            NodeType.DEFAULT_MAX_PODS);
    List<DaemonSet> ds = new ArrayList<>();
    List<ImportedWorkload> services = new ArrayList<>();
    Resources dsTotal = Resources.ZERO;
    for (ImportedWorkload w : workloads) {
      if (w.kind().equals("DaemonSet")) {
        ds.add(new DaemonSet(w.namespace() + "/" + w.name(), w.service().request()));
        dsTotal = dsTotal.plus(w.service().request());
      } else if (w.replicas() > 0) {
        services.add(w);
      }
    }
    long pods = 0;
    Resources requested = Resources.ZERO;
    for (ImportedWorkload w : services) {
      pods += w.replicas();
      requested = requested.plus(w.service().request().times(w.replicas()));
    }
    Resources allocatable;
    try {
      allocatable = KuspConfig.builder().nodeType(node).daemonSets().build().allocatable();
    } catch (IllegalArgumentException e) {
      return new NodePlan(
          type,
          Resources.ZERO,
          dsTotal,
          Resources.ZERO,
          0,
          pods,
          requested,
          null,
          List.of(e.getMessage()));
    }
    int slots = NodeType.DEFAULT_MAX_PODS - ds.size();
    if (!dsTotal.fitsIn(allocatable) || slots < 1) {
      return new NodePlan(
          type,
          allocatable,
          dsTotal,
          Resources.ZERO,
          Math.max(slots, 0),
          pods,
          requested,
          null,
          List.of(
              ds.size()
                  + " DaemonSets need "
                  + dsTotal
                  + " and "
                  + ds.size()
                  + " pods per node, more than allocatable "
                  + allocatable
                  + " and "
                  + NodeType.DEFAULT_MAX_PODS
                  + " pods"));
    }
    Resources room =
        KuspConfig.builder()
            .nodeType(node)
            .daemonSets(ds.toArray(DaemonSet[]::new))
            .build()
            .allocatableForPods();
    List<String> unfit = new ArrayList<>();
    for (ImportedWorkload w : services) {
      Resources r = w.service().request();
      if (!r.fitsIn(room)) {
        unfit.add(
            w.kind()
                + " "
                + w.namespace()
                + "/"
                + w.name()
                + " asks "
                + r
                + " per pod, more than a node's room "
                + room);
      }
    }
    if (!unfit.isEmpty()) {
      return new NodePlan(type, allocatable, dsTotal, room, slots, pods, requested, null, unfit);
    }
    long[][] items = new long[Math.toIntExact(pods)][];
    int i = 0;
    for (ImportedWorkload w : services) {
      Resources r = w.service().request();
      for (int k = 0; k < w.replicas(); k++) {
        items[i++] = new long[] {r.milliCpu(), r.memoryMib(), 1};
      }
    }
    PackingInstance instance =
        PackingInstance.of(new long[] {room.milliCpu(), room.memoryMib(), slots}, items)
            .named(type.name());
    PackingResult packing = PackingAlgorithm.best().pack(instance);
    return new NodePlan(
        type, allocatable, dsTotal, room, slots, pods, requested, packing, List.of());
  }

  /** True when every pod fits on a node of this type, so {@link #packing()} is set. */
  public boolean fits() {
    return packing != null;
  }

  /** Nodes needed (0 when nothing fits; see {@link #fits()}). */
  public int nodes() {
    return packing == null ? 0 : packing.bins();
  }

  /** On-demand price of the nodes per hour, US dollars. */
  public double costPerHour() {
    return nodes() * type.hourlyPriceUsd();
  }

  /** On-demand price of the nodes per month of {@link #HOURS_PER_MONTH}, US dollars. */
  public double costPerMonth() {
    return costPerHour() * HOURS_PER_MONTH;
  }

  /** Service pods' CPU requests over the CPU capacity of the nodes, in [0, 1]; 0 without nodes. */
  public double cpuAllocation() {
    return nodes() == 0
        ? 0
        : requested.milliCpu() / ((double) nodes() * type.capacity().milliCpu());
  }

  /** The same for memory. */
  public double memoryAllocation() {
    return nodes() == 0
        ? 0
        : requested.memoryMib() / ((double) nodes() * type.capacity().memoryMib());
  }

  @Override
  public String toString() {
    return fits()
        ? String.format(
            Locale.ROOT,
            "%s: %d nodes (lower bound %d), $%.4f/h",
            type.name(),
            nodes(),
            packing.lowerBound(),
            costPerHour())
        : type.name() + ": does not fit: " + String.join("; ", unfit);
  }
}
