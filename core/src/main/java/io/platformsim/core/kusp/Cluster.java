package io.platformsim.core.kusp;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.platform.CommonStreams;
import io.platformsim.core.platform.Pricing;
import io.platformsim.core.workload.Resources;
import io.platformsim.identity.ClusterIdentity;
import io.platformsim.scheduler.resource.DimensionRegistry;
import io.platformsim.scheduler.state.NodeTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * One KuSP cluster's shared state (nodes, Deployments, the scheduler's {@link NodeTable}, the
 * identity layer) and its components, each built once here on the one {@link Simulation} and
 * reaching the others through this object (the kubelet deletes pods the Deployment controller
 * scales down, the controllers create pods the scheduling queue takes, and so on). In their
 * constructors components only keep it and read its configuration and table; they call each other
 * once the cluster is built. Package-private: nothing outside the package sees it.
 */
final class Cluster {
  final Simulation sim;
  final KuspConfig config;
  final DimensionRegistry registry = DimensionRegistry.standard();
  // the one ledger of what is requested on each node (Node reads its requests from it)
  final NodeTable table;
  // the node pools (the default one first) and each one's node allocatable, by pool index
  final List<NodePool> pools;
  private final Resources[] allocatable;
  // Identity (issue 6): addresses, certificates and tokens of nodes and pods.
  final ClusterIdentity identity;

  final List<Node> nodes = new ArrayList<>();
  final Map<String, Node> nodesByName = new HashMap<>();
  // by node-table index (nodes join in index order): the scheduler answers with an index
  final List<Node> nodesByIndex = new ArrayList<>();
  final Map<String, Deployment> deployments = new LinkedHashMap<>();

  final KuspRecorder recorder;
  final LivePods pods;
  final StrandedCapacity stranded;
  final SchedulingQueue queue;
  final SchedulingCycle scheduling;
  final Preemption preemption;
  final Kubelet kubelet;
  final ImagePuller images;
  final PodIdentity podIdentity;
  final NodeLifecycleController nodeLifecycle;
  final NodeFailures failures;
  final SpotNodes spotNodes;
  final DeploymentController deploymentController;
  final ReplicaSetController replicaSetController;
  final HorizontalPodAutoscaler podAutoscaler;
  final ClusterAutoscaler clusterAutoscaler;

  Cluster(Simulation sim, RandomStreams streams, KuspConfig config) {
    this(sim, streams, config, Pricing.ON_DEMAND);
  }

  Cluster(Simulation sim, RandomStreams streams, KuspConfig config, Pricing pricing) {
    this.sim = sim;
    this.config = config;
    this.table = new NodeTable(registry);
    // the streams in the order the platform always drew them
    this.scheduling =
        new SchedulingCycle(
            this,
            streams.seedOf("kusp.scheduler"),
            config.schedulingLatency().sampler(streams.stream("kusp.schedulingLatency")));
    var provisioning = config.nodeProvisioning().sampler(streams.stream("kusp.provisioning"));
    RandomGenerator healthChecks = streams.stream("kusp.healthCheck");
    CommonStreams common = new CommonStreams(streams::stream);
    this.pools = config.pools();
    this.allocatable = new Resources[pools.size()];
    for (int i = 0; i < pools.size(); i++) {
      allocatable[i] = config.allocatable(pools.get(i));
    }
    this.identity = config.identity().newClusterIdentity();
    this.recorder = new KuspRecorder(this, pricing);
    this.pods = new LivePods(this);
    this.stranded = new StrandedCapacity(this);
    this.queue = new SchedulingQueue(this);
    this.preemption = new Preemption(this);
    this.kubelet = new Kubelet(this);
    this.images = new ImagePuller(this);
    this.podIdentity = new PodIdentity(this);
    this.nodeLifecycle = new NodeLifecycleController(this, provisioning);
    this.failures = new NodeFailures(this, common);
    this.spotNodes = new SpotNodes(this, pricing, common);
    this.deploymentController = new DeploymentController(this);
    this.replicaSetController = new ReplicaSetController(this, healthChecks);
    this.podAutoscaler = new HorizontalPodAutoscaler(this);
    this.clusterAutoscaler = new ClusterAutoscaler(this, streams.stream("kusp.expander"));
  }

  /** The Deployment of {@code service}; an unknown one is an error naming the deployed ones. */
  Deployment deployment(String service) {
    Deployment d = deployments.get(service);
    if (d == null) {
      throw new IllegalArgumentException(
          "unknown service '" + service + "'; deployed: " + deployments.keySet());
    }
    return d;
  }

  /** The Deployment owning {@code p}, or null for a DaemonSet pod. */
  static Deployment deploymentOf(Pod p) {
    return p.owner instanceof ReplicaSet rs ? rs.deployment : null;
  }

  /** Whether the scheduler may place pods on {@code n}: Ready and not cordoned. */
  static boolean schedulable(Node n) {
    return n.state == NodeState.READY && !n.blocked;
  }

  /**
   * Whether a pod requesting {@code request} fits free room of {@code freeCpu} milli-CPU, {@code
   * freeMemory} MiB and {@code freePods} pod slots: the CPU, memory and pod-count part of the
   * NodeResourcesFit filter (k/k pkg/scheduler/framework/plugins/noderesources/fit.go {@code
   * fitsRequest}: a request fits when it is at most what is left, and one more pod must be
   * allowed). The one definition of the two hot-path checks that need no scheduler cycle: a
   * nominated pod binding on its node once its victims are gone, and the scheduling queue offering
   * a removed pod's room to waiting pods. Placement, preemption and the cluster autoscaler decide
   * fit with the scheduler's filter plugins.
   */
  static boolean fitsRequest(Resources request, long freeCpu, long freeMemory, long freePods) {
    return request.milliCpu() <= freeCpu && request.memoryMib() <= freeMemory && freePods >= 1;
  }

  /** Whether {@code request} fits what is free on {@code n} now. */
  boolean fitsFree(Resources request, Node n) {
    return fitsRequest(request, freeCpu(n), freeMemory(n), freePods(n));
  }

  /** The allocatable of {@code n}: its own node type's, less what is reserved. */
  Resources allocatable(Node n) {
    return allocatable[n.poolIndex];
  }

  /** Allocatable minus requested milli-CPU of {@code n} (negative never, unless overcommitted). */
  long freeCpu(Node n) {
    return allocatable[n.poolIndex].milliCpu() - n.requestedMilliCpu();
  }

  /** Allocatable minus requested MiB of {@code n}. */
  long freeMemory(Node n) {
    return allocatable[n.poolIndex].memoryMib() - n.requestedMemoryMib();
  }

  /** Pod slots left on {@code n}. */
  long freePods(Node n) {
    return n.pool.nodeType().maxPods() - n.pods.size();
  }

  /**
   * Cancels the pending event with this handle, if any (a handle below 0 is none), and returns the
   * handle of no event, for the pod field that held it.
   */
  long cancelled(long handle) {
    if (handle >= 0) {
      sim.cancel(handle);
    }
    return -1;
  }

  @Override
  public String toString() {
    return "Cluster["
        + nodes.size()
        + " nodes, "
        + pods.count()
        + " pods, services "
        + deployments.keySet()
        + "]";
  }
}
