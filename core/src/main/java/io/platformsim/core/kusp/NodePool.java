package io.platformsim.core.kusp;

import io.platformsim.core.workload.Resources;
import io.platformsim.scheduler.cluster.Taint;
import io.platformsim.scheduler.cluster.TaintEffect;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One node pool (upstream: a node group, one instance type behind one template node): its nodes run
 * {@code nodeType}, carry {@code labels} plus the well-known {@value #INSTANCE_TYPE_LABEL} label
 * (k/k {@code staging/src/k8s.io/api/core/v1/well_known_labels.go} {@code LabelInstanceTypeStable})
 * and the {@code taints}, and the cluster autoscaler keeps their count between {@code minNodes} and
 * {@code maxNodes}.
 *
 * <pre>{@code
 * NodePool big = NodePool.of("big", bigType, 0, 0, 10)
 *     .withLabels(Map.of("tier", "batch"))
 *     .withTaints(List.of(new Taint("dedicated", "batch", TaintEffect.NO_SCHEDULE)));
 * }</pre>
 *
 * @param name pool name, not blank; unique in a cluster
 * @param nodeType the instance type of every node of the pool
 * @param labels node labels (besides hostname, zone and instance type), keys and values not null
 * @param taints node taints, effect {@code NoSchedule} only (NoExecute belongs to the node
 *     lifecycle controller)
 * @param initialNodes nodes Ready at time 0, at least 0
 * @param minNodes nodes the cluster autoscaler never goes below, at least 0
 * @param maxNodes nodes the cluster autoscaler never goes above, at least {@code minNodes}
 */
public record NodePool(
    String name,
    NodeType nodeType,
    Map<String, String> labels,
    List<Taint> taints,
    int initialNodes,
    int minNodes,
    int maxNodes) {

  /** The well-known label every node carries with its instance type's name. */
  public static final String INSTANCE_TYPE_LABEL = "node.kubernetes.io/instance-type";

  /** The name of the pool {@link KuspConfig}'s own node type, initial nodes and bounds make. */
  public static final String DEFAULT_NAME = "default";

  /** Validates and copies; messages name the pool and the field. */
  public NodePool {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("node pool name must not be blank, was '" + name + "'");
    }
    if (nodeType == null) {
      throw new IllegalArgumentException("node pool '" + name + "' nodeType must not be null");
    }
    if (labels == null
        || labels.entrySet().stream()
            .anyMatch(e -> e.getKey() == null || e.getKey().isBlank() || e.getValue() == null)) {
      throw new IllegalArgumentException(
          "node pool '" + name + "' labels must map non-blank keys to values, was " + labels);
    }
    if (labels.containsKey(INSTANCE_TYPE_LABEL)) {
      throw new IllegalArgumentException(
          "node pool '"
              + name
              + "' labels must not set "
              + INSTANCE_TYPE_LABEL
              + ": it is the node type's name");
    }
    labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    if (taints == null || taints.stream().anyMatch(t -> t == null)) {
      throw new IllegalArgumentException(
          "node pool '" + name + "' taints must be a list without nulls, was " + taints);
    }
    for (Taint t : taints) {
      if (t.effect() != TaintEffect.NO_SCHEDULE) {
        throw new IllegalArgumentException(
            "node pool '" + name + "' taint " + t + " must have effect NoSchedule");
      }
    }
    taints = List.copyOf(taints);
    if (initialNodes < 0 || minNodes < 0) {
      throw new IllegalArgumentException(
          "node pool '"
              + name
              + "' initialNodes and minNodes must be >= 0, were "
              + initialNodes
              + " and "
              + minNodes);
    }
    if (maxNodes < minNodes) {
      throw new IllegalArgumentException(
          "node pool '" + name + "' maxNodes " + maxNodes + " must be >= minNodes " + minNodes);
    }
  }

  /** A pool of {@code type} without labels or taints. */
  public static NodePool of(String name, NodeType type, int initial, int min, int max) {
    return new NodePool(name, type, Map.of(), List.of(), initial, min, max);
  }

  /** A copy with {@code l} as its labels. */
  public NodePool withLabels(Map<String, String> l) {
    return new NodePool(name, nodeType, l, taints, initialNodes, minNodes, maxNodes);
  }

  /** A copy with {@code t} as its taints. */
  public NodePool withTaints(List<Taint> t) {
    return new NodePool(name, nodeType, labels, t, initialNodes, minNodes, maxNodes);
  }

  /** A copy with one more taint {@code key=value:NoSchedule} ({@code value} may be empty). */
  public NodePool withNoScheduleTaint(String key, String value) {
    List<Taint> t = new java.util.ArrayList<>(taints);
    t.add(new Taint(key, value, TaintEffect.NO_SCHEDULE));
    return withTaints(t);
  }

  /** Its taints as plain text, in order (all {@code NoSchedule}). */
  public List<NoScheduleTerm> noScheduleTerms() {
    return taints.stream().map(t -> new NoScheduleTerm(t.key(), false, t.value())).toList();
  }

  /** A copy with {@code t} as its node type (e.g. capped at its ENI pod limit). */
  public NodePool withNodeType(NodeType t) {
    return new NodePool(name, t, labels, taints, initialNodes, minNodes, maxNodes);
  }

  /**
   * Whether a pod with {@code nodeSelector} and {@code tolerations} may run on this pool's nodes:
   * they carry every selected label (the zone label with any of {@code zones}, nodes going round
   * robin over them) and the pod tolerates every taint, as the scheduler's NodeAffinity ({@code
   * spec.nodeSelector}) and TaintToleration filters decide (k/k {@code
   * pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go}, {@code
   * tainttoleration/taint_toleration.go} {@code Filter}). The hostname label matches no pool.
   */
  public boolean admits(
      Map<String, String> nodeSelector,
      List<io.platformsim.scheduler.pod.Toleration> tolerations,
      List<String> zones) {
    Map<String, String> own = nodeLabels();
    for (Map.Entry<String, String> e : nodeSelector.entrySet()) {
      boolean zone =
          e.getKey().equals(io.platformsim.scheduler.cluster.NodeSpec.ZONE)
              && zones.contains(e.getValue());
      if (!zone && !e.getValue().equals(own.get(e.getKey()))) {
        return false;
      }
    }
    for (Taint t : taints) {
      if (tolerations.stream().noneMatch(x -> x.tolerates(t))) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code pools} checked as a cluster's extra pools: no nulls, names unique and not {@value
   * #DEFAULT_NAME}, each node type capped at its instance's ENI pod limit when {@code identity} is
   * VPC-native (as the default pool's), and room on each for the DaemonSets' total {@code
   * daemonSets} within its {@code allocatable}.
   */
  static List<NodePool> checked(
      List<NodePool> pools,
      KuspIdentity identity,
      java.util.function.Function<NodeType, Resources> allocatable,
      Resources daemonSets) {
    if (pools == null || pools.stream().anyMatch(p -> p == null)) {
      throw new IllegalArgumentException("nodePools must be a list without nulls, was " + pools);
    }
    List<NodePool> out = new java.util.ArrayList<>(pools.size());
    java.util.Set<String> names = new java.util.HashSet<>();
    names.add(DEFAULT_NAME);
    for (NodePool p : pools) {
      if (!names.add(p.name())) {
        throw new IllegalArgumentException(
            "node pool name '"
                + p.name()
                + "' is used twice ('"
                + DEFAULT_NAME
                + "' is the pool of nodeType)");
      }
      int cap = identity.maxPods(p.nodeType().name(), p.nodeType().maxPods());
      NodePool q =
          cap == p.nodeType().maxPods() ? p : p.withNodeType(p.nodeType().withMaxPods(cap));
      Resources a = allocatable.apply(q.nodeType());
      if (!daemonSets.fitsIn(a)) {
        throw new IllegalArgumentException(
            "daemonSets request "
                + daemonSets
                + " in total, more than node pool '"
                + q.name()
                + "' type '"
                + q.nodeType().name()
                + "' allocatable "
                + a);
      }
      out.add(q);
    }
    return List.copyOf(out);
  }

  /** The labels a node of this pool carries besides hostname and zone. */
  public Map<String, String> nodeLabels() {
    Map<String, String> l = new TreeMap<>(labels);
    l.put(INSTANCE_TYPE_LABEL, nodeType.name());
    return l;
  }
}
