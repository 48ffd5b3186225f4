package io.platformsim.core.kusp;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.Resources;
import io.platformsim.scheduler.placement.NodeSampling;
import io.platformsim.scheduler.placement.Policies;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything about a KuSP cluster that is not a service: the node type and what is reserved on it,
 * the DaemonSets, node provisioning, image pull bandwidth, scheduler profile and latency,
 * control-plane timing and the optional cluster autoscaler. Immutable; build with {@link
 * #builder()}, whose defaults are the upstream v1.31 values cited on each setter.
 *
 * <pre>{@code
 * KuspConfig c = KuspConfig.builder().initialNodes(5).nodeType(NodeType.GENERIC)
 *     .schedulingLatency(DurationDistribution.fixed(0)).build();
 * }</pre>
 *
 * @param nodeType the generic instance type
 * @param initialNodes nodes Ready at time 0
 * @param zones zone names, nodes assigned round-robin
 * @param kubeReserved kube-reserved (0 upstream)
 * @param systemReserved system-reserved (0 upstream)
 * @param evictionHardMemoryMib hard eviction threshold memory.available (100 Mi upstream)
 * @param daemonSets system DaemonSets, one pod each per node
 * @param nodeProvisioning instance request to node Ready
 * @param nodeBandwidthBytesPerSecond a node's download bandwidth
 * @param registryBandwidthBytesPerSecond the registry's per-pull bandwidth
 * @param maxParallelImagePulls 1 = serialized (upstream default), 0 = unlimited, n = at most n
 * @param preloadedImages images baked into the node image
 * @param schedulerProfile scheduler profile name ({@link Policies#names()})
 * @param nodeSampling percentageOfNodesToScore mode
 * @param schedulingLatency per-pod time a scheduling cycle takes (0 allowed)
 * @param controllerLatencyMillis delay between a change and the controller's reaction
 * @param nodeMonitorGracePeriodMillis heartbeat silence before NotReady
 * @param nodeStatusUpdateMillis kubelet heartbeat period
 * @param notReadyTolerationMillis DefaultTolerationSeconds admission: the not-ready and unreachable
 *     NoExecute toleration added to pods without one (whole seconds)
 * @param terminationGracePeriodMillis SIGTERM to SIGKILL
 * @param crashLoopBackOff container restart back-off
 * @param clusterAutoscaling cluster autoscaler, or {@code null} for a fixed node count
 * @param identity pod addresses, certificates and roles; VPC-native addressing caps {@code
 *     nodeType.maxPods} at the instance's ENI limit
 * @param deployments the Deployment spec of each service named here; a service not named runs with
 *     {@link DeploymentSpec#DEFAULT} (empty by default)
 * @param nodePools node pools besides the default one ({@link #pools()}: {@code nodeType}, {@code
 *     initialNodes} and the autoscaler's bounds), names unique and not {@value
 *     NodePool#DEFAULT_NAME}; empty by default
 * @param expander how the cluster autoscaler picks the pool to grow ({@link Expander#RANDOM}, the
 *     upstream default)
 */
public record KuspConfig(
    NodeType nodeType,
    int initialNodes,
    List<String> zones,
    Resources kubeReserved,
    Resources systemReserved,
    long evictionHardMemoryMib,
    List<DaemonSet> daemonSets,
    DurationDistribution nodeProvisioning,
    long nodeBandwidthBytesPerSecond,
    long registryBandwidthBytesPerSecond,
    int maxParallelImagePulls,
    List<ImageDescription> preloadedImages,
    String schedulerProfile,
    NodeSampling nodeSampling,
    DurationDistribution schedulingLatency,
    long controllerLatencyMillis,
    long nodeMonitorGracePeriodMillis,
    long nodeStatusUpdateMillis,
    long notReadyTolerationMillis,
    long terminationGracePeriodMillis,
    CrashLoopBackOff crashLoopBackOff,
    ClusterAutoscaling clusterAutoscaling,
    KuspIdentity identity,
    Map<String, DeploymentSpec> deployments,
    List<NodePool> nodePools,
    Expander expander) {

  /** Validates and copies; messages name the field. */
  public KuspConfig {
    Objects.requireNonNull(nodeType, "nodeType");
    atLeast("initialNodes", initialNodes, 0);
    if (zones == null
        || zones.isEmpty()
        || zones.stream().anyMatch(z -> z == null || z.isBlank())) {
      throw new IllegalArgumentException(
          "zones must be a non-empty list of non-blank names, was " + zones);
    }
    zones = List.copyOf(zones);
    Objects.requireNonNull(kubeReserved, "kubeReserved");
    Objects.requireNonNull(systemReserved, "systemReserved");
    atLeast("evictionHardMemoryMib", evictionHardMemoryMib, 0);
    daemonSets = List.copyOf(daemonSets);
    Objects.requireNonNull(nodeProvisioning, "nodeProvisioning");
    atLeast("nodeBandwidthBytesPerSecond", nodeBandwidthBytesPerSecond, 1);
    atLeast("registryBandwidthBytesPerSecond", registryBandwidthBytesPerSecond, 1);
    atLeast("maxParallelImagePulls (0 = unlimited)", maxParallelImagePulls, 0);
    preloadedImages = List.copyOf(preloadedImages);
    if (schedulerProfile == null || !Policies.names().contains(schedulerProfile)) {
      throw new IllegalArgumentException(
          "schedulerProfile '" + schedulerProfile + "' is unknown; known: " + Policies.names());
    }
    Objects.requireNonNull(nodeSampling, "nodeSampling");
    Objects.requireNonNull(schedulingLatency, "schedulingLatency");
    atLeast("controllerLatencyMillis", controllerLatencyMillis, 0);
    atLeast("nodeMonitorGracePeriodMillis", nodeMonitorGracePeriodMillis, 0);
    atLeast("notReadyTolerationMillis", notReadyTolerationMillis, 0);
    atLeast("terminationGracePeriodMillis", terminationGracePeriodMillis, 0);
    atLeast("nodeStatusUpdateMillis", nodeStatusUpdateMillis, 1);
    Objects.requireNonNull(crashLoopBackOff, "crashLoopBackOff");
    if (identity == null) {
      throw new IllegalArgumentException(
          "identity must not be null (KuspIdentity.DEFAULT for the defaults)");
    }
    if (deployments == null
        || deployments.entrySet().stream()
            .anyMatch(e -> e.getKey() == null || e.getKey().isBlank() || e.getValue() == null)) {
      throw new IllegalArgumentException(
          "deployments must map service names to specs, without nulls, was " + deployments);
    }
    deployments = Collections.unmodifiableMap(new LinkedHashMap<>(deployments));
    // VPC-native: the kubelet's maxPods is the ENI limit (EKS bootstrap sets it from
    // eni-max-pods.txt).
    int capped = identity.maxPods(nodeType.name(), nodeType.maxPods());
    if (capped != nodeType.maxPods()) {
      nodeType = nodeType.withMaxPods(capped);
    }
    Resources alloc = allocatableOf(nodeType, kubeReserved, systemReserved, evictionHardMemoryMib);
    Resources ds = Resources.ZERO;
    for (DaemonSet d : daemonSets) {
      ds = ds.plus(d.request());
    }
    if (!ds.fitsIn(alloc)) {
      throw new IllegalArgumentException(
          "daemonSets request "
              + ds
              + " in total, more than node type '"
              + nodeType.name()
              + "' allocatable "
              + alloc);
    }
    Objects.requireNonNull(expander, "expander");
    nodePools =
        NodePool.checked(
            nodePools,
            identity,
            t -> allocatableOf(t, kubeReserved, systemReserved, evictionHardMemoryMib),
            ds);
  }

  /** One rule for every lower bound of a number: the message names the field and the value. */
  private static void atLeast(String field, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(field + " must be >= " + min + ", was " + value);
    }
  }

  // The one copy every with* goes through: this record with the five components they vary.
  private KuspConfig copy(
      NodeType t, int n, ClusterAutoscaling ca, KuspIdentity i, Map<String, DeploymentSpec> d) {
    return copy(t, n, ca, i, d, nodePools);
  }

  private KuspConfig copy(
      NodeType t,
      int n,
      ClusterAutoscaling ca,
      KuspIdentity i,
      Map<String, DeploymentSpec> d,
      List<NodePool> pools) {
    return new KuspConfig(
        t,
        n,
        zones,
        kubeReserved,
        systemReserved,
        evictionHardMemoryMib,
        daemonSets,
        nodeProvisioning,
        nodeBandwidthBytesPerSecond,
        registryBandwidthBytesPerSecond,
        maxParallelImagePulls,
        preloadedImages,
        schedulerProfile,
        nodeSampling,
        schedulingLatency,
        controllerLatencyMillis,
        nodeMonitorGracePeriodMillis,
        nodeStatusUpdateMillis,
        notReadyTolerationMillis,
        terminationGracePeriodMillis,
        crashLoopBackOff,
        ca,
        i,
        d,
        pools,
        expander);
  }

  /** A copy with {@code t} as the node type (re-capped at its ENI limit if VPC-native). */
  public KuspConfig withNodeType(NodeType t) {
    return copy(t, initialNodes, clusterAutoscaling, identity, deployments);
  }

  /** A copy with {@code n} initial nodes. */
  public KuspConfig withInitialNodes(int n) {
    return copy(nodeType, n, clusterAutoscaling, identity, deployments);
  }

  /** A copy with {@code ca} as the cluster autoscaler ({@code null}: none). */
  public KuspConfig withClusterAutoscaling(ClusterAutoscaling ca) {
    return copy(nodeType, initialNodes, ca, identity, deployments);
  }

  /** A copy with {@code i} as the identity configuration. */
  public KuspConfig withIdentity(KuspIdentity i) {
    return copy(nodeType, initialNodes, clusterAutoscaling, i, deployments);
  }

  /**
   * A copy with {@code specs} as the per-service Deployment specs (replacing the current ones);
   * services not named run with {@link DeploymentSpec#DEFAULT}.
   */
  public KuspConfig withDeployments(Map<String, DeploymentSpec> specs) {
    return copy(nodeType, initialNodes, clusterAutoscaling, identity, specs);
  }

  /** A copy with {@code pools} as the extra node pools (replacing the current ones). */
  public KuspConfig withNodePools(List<NodePool> pools) {
    return copy(nodeType, initialNodes, clusterAutoscaling, identity, deployments, pools);
  }

  /**
   * Every node pool, the default one first: {@value NodePool#DEFAULT_NAME}, of {@code nodeType}
   * with {@code initialNodes}, no labels or taints, between the cluster autoscaler's {@code
   * minNodes} and {@code maxNodes} (without an autoscaler, at {@code initialNodes}); then {@code
   * nodePools} in order.
   */
  public List<NodePool> pools() {
    int min = clusterAutoscaling == null ? initialNodes : clusterAutoscaling.minNodes();
    int max = clusterAutoscaling == null ? initialNodes : clusterAutoscaling.maxNodes();
    List<NodePool> all = new ArrayList<>(1 + nodePools.size());
    all.add(
        new NodePool(NodePool.DEFAULT_NAME, nodeType, Map.of(), List.of(), initialNodes, min, max));
    all.addAll(nodePools);
    return all;
  }

  /** Nodes Ready at time 0 in all pools. */
  public int totalInitialNodes() {
    int n = initialNodes;
    for (NodePool p : nodePools) {
      n += p.initialNodes();
    }
    return n;
  }

  /** The allocatable of a node of {@code pool} ({@link #allocatable()} for its node type). */
  public Resources allocatable(NodePool pool) {
    return allocatableOf(pool.nodeType(), kubeReserved, systemReserved, evictionHardMemoryMib);
  }

  /** What a node of {@code pool} has left for service pods: allocatable minus the DaemonSets. */
  public Resources allocatableForPods(NodePool pool) {
    return minusDaemonSets(allocatable(pool));
  }

  /**
   * The first pool whose nodes a pod of {@code spec}'s node selector and tolerations may run on
   * ({@link NodePool#admits}) with room for {@code request}, if any.
   */
  public Optional<NodePool> poolFor(Resources request, DeploymentSpec spec) {
    for (NodePool p : pools()) {
      if (request.fitsIn(allocatableForPods(p))
          && p.admits(spec.nodeSelector(), spec.noScheduleTolerations(), zones)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The Deployment spec {@code service} runs with: its configured one, else the default. */
  public DeploymentSpec deployment(String service) {
    return deployments.getOrDefault(service, DeploymentSpec.DEFAULT);
  }

  /** A builder with the upstream defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Node allocatable = capacity − kube-reserved − system-reserved − hard eviction threshold
   * (kubernetes.io/docs/tasks/administer-cluster/reserve-compute-resources; k/k {@code
   * pkg/kubelet/cm/node_container_manager_linux.go GetNodeAllocatableAbsolute}). Only the memory
   * eviction threshold applies to CPU and memory.
   */
  public Resources allocatable() {
    return allocatableOf(nodeType, kubeReserved, systemReserved, evictionHardMemoryMib);
  }

  private static Resources allocatableOf(
      NodeType type, Resources kube, Resources system, long evictionMib) {
    long cpu = type.capacity().milliCpu() - kube.milliCpu() - system.milliCpu();
    long mem = type.capacity().memoryMib() - kube.memoryMib() - system.memoryMib() - evictionMib;
    if (cpu <= 0 || mem <= 0) {
      throw new IllegalArgumentException(
          "node type '"
              + type.name()
              + "' allocatable must be positive, capacity "
              + type.capacity()
              + " minus reserved "
              + kube.plus(system)
              + " and eviction threshold "
              + evictionMib
              + " MiB");
    }
    return Resources.of(cpu, mem);
  }

  /** What a node has left for service pods: allocatable minus every DaemonSet's request. */
  public Resources allocatableForPods() {
    return minusDaemonSets(allocatable());
  }

  private Resources minusDaemonSets(Resources a) {
    long cpu = a.milliCpu();
    long mem = a.memoryMib();
    for (DaemonSet d : daemonSets) {
      cpu -= d.request().milliCpu();
      mem -= d.request().memoryMib();
    }
    return Resources.of(cpu, mem);
  }

  /**
   * {@code percentageOfNodesToScore} of {@link #nodeSampling()} as the scheduler configuration
   * writes it (0 adaptive, 100 a full scan): the inverse of {@link
   * Builder#percentageOfNodesToScore(int)}, for code that names no scheduler type.
   */
  public int percentageOfNodesToScore() {
    return nodeSampling.percentage();
  }

  /** Collects the configuration; {@link #build()} validates it. */
  public static final class Builder {
    private NodeType nodeType = NodeType.GENERIC;
    private int initialNodes = 3;
    private List<String> zones = List.of("zone-a", "zone-b", "zone-c");
    private Resources kubeReserved = Resources.ZERO;
    private Resources systemReserved = Resources.ZERO;
    // memory.available<100Mi: k/k pkg/kubelet/apis/config/v1beta1/defaults_linux.go (v1.31).
    private long evictionHardMemoryMib = 100;
    // Illustrative system DaemonSets (log shipper, metrics agent, CNI/kube-proxy); not upstream
    // values.
    private List<DaemonSet> daemonSets =
        List.of(
            new DaemonSet("logs", Resources.of(100, 200)),
            new DaemonSet("metrics", Resources.of(100, 128)),
            new DaemonSet("networking", Resources.of(100, 64)));
    // Instance request to node Ready; GCE documents 3–4 min to schedulable (autoscaler FAQ).
    private DurationDistribution nodeProvisioning = DurationDistribution.fixed(120_000);
    private long nodeBandwidth = 100_000_000L;
    private long registryBandwidth = 1_000_000_000L;
    // serializeImagePulls true: k/k pkg/kubelet/apis/config/v1beta1/defaults.go (v1.31).
    private int maxParallelImagePulls = 1;
    private List<ImageDescription> preloadedImages = List.of();
    private String schedulerProfile = "k8s-default";
    private NodeSampling nodeSampling = NodeSampling.adaptive();
    private DurationDistribution schedulingLatency = DurationDistribution.fixed(0);
    private long controllerLatencyMillis = 0;
    // node-monitor-grace-period 40 s in v1.31 (50 s from v1.32, PR #126287):
    // k/k pkg/controller/nodelifecycle/config/v1alpha1/defaults.go.
    private long nodeMonitorGracePeriodMillis = 40_000;
    // nodeStatusUpdateFrequency 10 s: k/k pkg/kubelet/apis/config/v1beta1/defaults.go.
    private long nodeStatusUpdateMillis = 10_000;
    // defaultNotReadyTolerationSeconds 300: k/k
    // plugin/pkg/admission/defaulttolerationseconds/admission.go.
    private long notReadyTolerationMillis = 300_000;
    // DefaultTerminationGracePeriodSeconds 30: k/k pkg/apis/core/v1/defaults.go
    // SetDefaults_PodSpec.
    private long terminationGracePeriodMillis = 30_000;
    private CrashLoopBackOff crashLoopBackOff = CrashLoopBackOff.DEFAULT;
    private ClusterAutoscaling clusterAutoscaling;
    // INSTANT (unlimited authority) so a plain cluster's timings are the controllers' own, as
    // LeSP's default identity; experiments choose a finite authority (DefaultScenario: 25/s).
    private KuspIdentity identity = KuspIdentity.INSTANT;
    private final Map<String, DeploymentSpec> deployments = new LinkedHashMap<>();
    private final List<NodePool> nodePools = new ArrayList<>();
    // --expander default "random": kubernetes/autoscaler cluster-autoscaler config/flags/flags.go
    // (expander.RandomExpanderName).
    private Expander expander = Expander.RANDOM;

    private Builder() {}

    /**
     * Adds a node pool besides the default one (which is {@code nodeType}, {@code initialNodes} and
     * the autoscaler's bounds); pools keep the order they are added in.
     */
    public Builder nodePool(NodePool pool) {
      this.nodePools.add(pool);
      return this;
    }

    /** How the cluster autoscaler picks the pool to grow (default {@link Expander#RANDOM}). */
    public Builder expander(Expander e) {
      this.expander = e;
      return this;
    }

    /** The generic instance type (default {@link NodeType#GENERIC}). */
    public Builder nodeType(NodeType t) {
      this.nodeType = t;
      return this;
    }

    /** Nodes Ready at time 0 (default 3). */
    public Builder initialNodes(int n) {
      this.initialNodes = n;
      return this;
    }

    /** Zones, nodes assigned round-robin (default zone-a, zone-b, zone-c). */
    public Builder zones(String... z) {
      this.zones = List.of(z);
      return this;
    }

    /** kube-reserved and system-reserved (default 0, the upstream default). */
    public Builder reserved(Resources kube, Resources system) {
      this.kubeReserved = kube;
      this.systemReserved = system;
      return this;
    }

    /** Hard eviction threshold memory.available in MiB (default 100). */
    public Builder evictionHardMemoryMib(long mib) {
      this.evictionHardMemoryMib = mib;
      return this;
    }

    /** System DaemonSets (default: three illustrative agents of 100m each). */
    public Builder daemonSets(DaemonSet... ds) {
      this.daemonSets = List.of(ds);
      return this;
    }

    /** Node provisioning time, instance request to Ready (default fixed 120 s). */
    public Builder nodeProvisioning(DurationDistribution d) {
      this.nodeProvisioning = d;
      return this;
    }

    /** Node download bandwidth, bytes/s (default 100 MB/s). */
    public Builder nodeBandwidth(long bytesPerSecond) {
      this.nodeBandwidth = bytesPerSecond;
      return this;
    }

    /** Registry bandwidth per pull, bytes/s (default 1 GB/s). */
    public Builder registryBandwidth(long bytesPerSecond) {
      this.registryBandwidth = bytesPerSecond;
      return this;
    }

    /** Image pulls at once per node: 1 serialized (default), 0 unlimited. */
    public Builder maxParallelImagePulls(int n) {
      this.maxParallelImagePulls = n;
      return this;
    }

    /** Images baked into the node image, present on every node as it joins. */
    public Builder preloadedImages(ImageDescription... images) {
      this.preloadedImages = List.of(images);
      return this;
    }

    /** Scheduler profile by name (default {@code k8s-default}). */
    public Builder schedulerProfile(String name) {
      this.schedulerProfile = name;
      return this;
    }

    /** Node sampling (default adaptive percentageOfNodesToScore). */
    public Builder nodeSampling(NodeSampling s) {
      this.nodeSampling = s;
      return this;
    }

    /**
     * {@code percentageOfNodesToScore} as the scheduler configuration writes it: 0 is the adaptive
     * default, 100 a full scan ({@link NodeSampling}); the same as {@code nodeSampling(new
     * NodeSampling(percentage))}.
     */
    public Builder percentageOfNodesToScore(int percentage) {
      this.nodeSampling = new NodeSampling(percentage);
      return this;
    }

    /** Per-pod scheduling cycle time (default 0). */
    public Builder schedulingLatency(DurationDistribution d) {
      this.schedulingLatency = d;
      return this;
    }

    /** Controller reaction delay (default 0). */
    public Builder controllerLatencyMillis(long ms) {
      this.controllerLatencyMillis = ms;
      return this;
    }

    /** Node monitor grace period (default 40 s, v1.31). */
    public Builder nodeMonitorGracePeriodMillis(long ms) {
      this.nodeMonitorGracePeriodMillis = ms;
      return this;
    }

    /** Kubelet heartbeat period (default 10 s). */
    public Builder nodeStatusUpdateMillis(long ms) {
      this.nodeStatusUpdateMillis = ms;
      return this;
    }

    /**
     * {@code --default-not-ready-toleration-seconds} and {@code
     * --default-unreachable-toleration-seconds} of the DefaultTolerationSeconds admission plugin,
     * one value for both, in whole seconds (default 300 s): how long a pod without its own
     * toleration stays on a node tainted NoExecute.
     */
    public Builder notReadyTolerationMillis(long ms) {
      this.notReadyTolerationMillis = ms;
      return this;
    }

    /** terminationGracePeriodSeconds (default 30 s). */
    public Builder terminationGracePeriodMillis(long ms) {
      this.terminationGracePeriodMillis = ms;
      return this;
    }

    /** Container restart back-off (default 10 s doubling to 300 s). */
    public Builder crashLoopBackOff(CrashLoopBackOff b) {
      this.crashLoopBackOff = b;
      return this;
    }

    /** Enables the cluster autoscaler ({@code null} disables it, the default). */
    public Builder clusterAutoscaling(ClusterAutoscaling ca) {
      this.clusterAutoscaling = ca;
      return this;
    }

    /**
     * Pod addresses, certificates and roles; default {@link KuspIdentity#INSTANT} (overlay
     * 10.0.0.0/16 with /24 per node, workload identity, credentials at once). Use {@link
     * KuspIdentity#DEFAULT} for a 25/s certificate authority.
     */
    public Builder identity(KuspIdentity i) {
      this.identity = i;
      return this;
    }

    /**
     * Runs {@code service} as a Deployment with {@code spec} instead of {@link
     * DeploymentSpec#DEFAULT}; a later call for the same service replaces it.
     */
    public Builder deployment(String service, DeploymentSpec spec) {
      this.deployments.put(service, spec);
      return this;
    }

    /** The validated configuration. */
    public KuspConfig build() {
      return new KuspConfig(
          nodeType,
          initialNodes,
          zones,
          kubeReserved,
          systemReserved,
          evictionHardMemoryMib,
          daemonSets,
          nodeProvisioning,
          nodeBandwidth,
          registryBandwidth,
          maxParallelImagePulls,
          preloadedImages,
          schedulerProfile,
          nodeSampling,
          schedulingLatency,
          controllerLatencyMillis,
          nodeMonitorGracePeriodMillis,
          nodeStatusUpdateMillis,
          notReadyTolerationMillis,
          terminationGracePeriodMillis,
          crashLoopBackOff,
          clusterAutoscaling,
          identity,
          deployments,
          nodePools,
          expander);
    }
  }
}
