package io.platformsim.fleet.scenario;

import io.platformsim.core.experiment.DefaultScenario;
import io.platformsim.core.experiment.Scenario;
import io.platformsim.core.kusp.ClusterAutoscaling;
import io.platformsim.core.kusp.DaemonSet;
import io.platformsim.core.kusp.DeploymentSpec;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.KuspIdentity;
import io.platformsim.core.kusp.NodePool;
import io.platformsim.core.kusp.NodeType;
import io.platformsim.core.lesp.InstanceType;
import io.platformsim.core.workload.Service;
import io.platformsim.core.workload.Workload;
import io.platformsim.fleet.inventory.InstanceCatalogue;
import io.platformsim.scheduler.pod.NodeSelectorTerm;
import io.platformsim.scheduler.pod.Requirement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The KuSP side of an imported scenario: the default scenario's cluster (m5.2xlarge nodes in three
 * zones, the managed identity), the imported DaemonSets, a node pool per node selector no default
 * node satisfies, each pool sized for its services as {@link Scenario#sized} sizes a cluster.
 */
final class KuspSide {

  /** The zone label ({@code topology.kubernetes.io/zone}), which every node carries. */
  static final String ZONE_LABEL = "topology.kubernetes.io/zone";

  /** The node label naming one node; no pool can carry it. */
  static final String HOSTNAME_LABEL = "kubernetes.io/hostname";

  /** The cluster's zones: the default scenario's. */
  static final List<String> ZONES = List.of("a", "b", "c");

  private KuspSide() {}

  /** A catalogue type as a KuSP node type: the default node's disk and the kubelet's pod limit. */
  static NodeType nodeType(InstanceType t) {
    return new NodeType(
        t.name(),
        t.capacity(),
        DefaultScenario.NODE.diskBytes(),
        t.hourlyPriceUsd(),
        NodeType.DEFAULT_MAX_PODS);
  }

  /**
   * The KuSP configuration for {@code services} with {@code specs} (node selectors) and {@code
   * daemonSets} (empty: the KuSP default DaemonSets stay).
   *
   * @throws FleetImportException if a service fits no node or selects an unknown instance type
   */
  static KuspConfig config(
      List<Service> services,
      Map<String, DeploymentSpec> specs,
      List<DaemonSet> daemonSets,
      InstanceCatalogue catalogue) {
    KuspConfig.Builder b =
        KuspConfig.builder()
            .nodeType(DefaultScenario.NODE)
            .zones(ZONES.toArray(String[]::new))
            .identity(KuspIdentity.DEFAULT);
    if (!daemonSets.isEmpty()) {
      b.daemonSets(daemonSets.toArray(DaemonSet[]::new));
    }
    KuspConfig base = b.build();
    base = base.withNodeType(nodeTypeFor(base, services, catalogue));
    NodePool defaultPool = base.pools().get(0);
    // services by the selector no default node satisfies; the rest go to the default pool
    Map<Map<String, String>, List<Service>> bySelector = new LinkedHashMap<>();
    List<Service> rest = new ArrayList<>();
    for (Service s : services) {
      DeploymentSpec spec = specs.getOrDefault(s.name(), DeploymentSpec.DEFAULT);
      boolean affinityMet = meetsNodeAffinity(defaultPool, spec.requiredNodeAffinity());
      if (defaultPool.admits(spec.nodeSelector(), List.of(), ZONES) && affinityMet) {
        rest.add(s);
      } else {
        Map<String, String> labels = new TreeMap<>(spec.nodeSelector());
        if (!affinityMet) {
          labelsMeeting(spec.requiredNodeAffinity().get(0)).forEach(labels::putIfAbsent);
        }
        bySelector.computeIfAbsent(labels, k -> new ArrayList<>()).add(s);
      }
    }
    List<NodePool> pools = new ArrayList<>();
    for (Map.Entry<Map<String, String>, List<Service>> e : bySelector.entrySet()) {
      pools.add(
          selectorPool(
              "selector-" + (pools.size() + 1), e.getKey(), e.getValue(), base, catalogue));
    }
    KuspConfig sized =
        rest.isEmpty()
            ? base.withInitialNodes(1).withClusterAutoscaling(ClusterAutoscaling.between(1, 2))
            : Scenario.sized(base, Workload.of(rest));
    return sized.withNodePools(pools);
  }

  /**
   * Whether some node of {@code pool} (in some zone) meets one of the required node affinity {@code
   * terms} (ORed, as the scheduler's NodeAffinity filter reads them); true without terms.
   */
  static boolean meetsNodeAffinity(NodePool pool, List<NodeSelectorTerm> terms) {
    if (terms.isEmpty()) {
      return true;
    }
    for (String zone : ZONES) {
      Map<String, String> labels = new TreeMap<>(pool.nodeLabels());
      labels.put(ZONE_LABEL, zone);
      if (terms.stream().anyMatch(t -> t.matches(labels))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Node labels that meet {@code term}, as a cluster's nodes labelled for it would carry them:
   * {@code In} its first value, {@code Exists} the value {@code "true"}, {@code Gt n} n + 1, {@code
   * Lt n} n - 1; {@code NotIn} and {@code DoesNotExist} hold without the label (upstream {@code
   * labels.Requirement.Matches}). The zone and hostname keys are left out: every pool spans the
   * zones, and a hostname names one node.
   */
  static Map<String, String> labelsMeeting(NodeSelectorTerm term) {
    Map<String, String> out = new TreeMap<>();
    for (Requirement r : term.requirements()) {
      if (r.key().equals(ZONE_LABEL) || r.key().equals(HOSTNAME_LABEL)) {
        continue;
      }
      switch (r.operator()) {
        case IN -> out.put(r.key(), r.values().get(0));
        case EXISTS -> out.put(r.key(), "true");
        case GT -> out.put(r.key(), Long.toString(Long.parseLong(r.values().get(0)) + 1));
        case LT -> out.put(r.key(), Long.toString(Long.parseLong(r.values().get(0)) - 1));
        case NOT_IN, DOES_NOT_EXIST -> {}
      }
    }
    return out;
  }

  /**
   * The default node type, m5.2xlarge ({@link DefaultScenario#NODE}), if every request fits one of
   * its nodes; else the cheapest catalogue type (catalogue order breaks ties) whose nodes hold
   * every request.
   */
  private static NodeType nodeTypeFor(
      KuspConfig base, List<Service> services, InstanceCatalogue catalogue) {
    if (holdsAll(base, services)) {
      return base.nodeType();
    }
    return catalogue.types().stream()
        .sorted(Comparator.comparingDouble(InstanceType::hourlyPriceUsd))
        .map(KuspSide::nodeType)
        .filter(t -> holdsAll(base.withNodeType(t), services))
        .findFirst()
        .orElseThrow(
            () ->
                new FleetImportException(
                    "no catalogue instance type holds the largest request as a KuSP node; requests: "
                        + services.stream().map(s -> s.name() + " " + s.request()).toList()));
  }

  private static boolean holdsAll(KuspConfig k, List<Service> services) {
    return services.stream().allMatch(s -> s.request().fitsIn(k.allocatableForPods()));
  }

  /**
   * A pool whose nodes carry {@code selector}'s labels (its instance-type label chooses the pool's
   * node type from the catalogue; the zone label is every node's already), sized for {@code
   * services}: {@link Scenario#sized}'s rule, initial nodes by the volume bound plus 10% and the
   * cluster autoscaler between half and three times that.
   */
  private static NodePool selectorPool(
      String name,
      Map<String, String> selector,
      List<Service> services,
      KuspConfig base,
      InstanceCatalogue catalogue) {
    Map<String, String> labels = new TreeMap<>(selector);
    labels.remove(ZONE_LABEL);
    String typeName = labels.remove(NodePool.INSTANCE_TYPE_LABEL);
    NodeType type = base.nodeType();
    if (typeName != null) {
      type =
          nodeType(
              catalogue
                  .find(typeName)
                  .orElseThrow(
                      () ->
                          new FleetImportException(
                              "service '"
                                  + services.get(0).name()
                                  + "' selects instance type '"
                                  + typeName
                                  + "', which the catalogue lacks")));
    }
    KuspConfig own =
        Scenario.sized(base.withNodeType(type).withClusterAutoscaling(null), Workload.of(services));
    ClusterAutoscaling ca = own.clusterAutoscaling();
    return new NodePool(
        name, type, labels, List.of(), own.initialNodes(), ca.minNodes(), ca.maxNodes());
  }
}
