package io.platformsim.core.kusp;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.platform.Failure;
import io.platformsim.core.platform.Platform;
import io.platformsim.core.platform.PlatformMetrics;
import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.LoadCurve;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Service;
import io.platformsim.identity.ClusterIdentity;
import io.platformsim.identity.IdentityMetrics;
import io.platformsim.scheduler.placement.FastScheduler;
import io.platformsim.scheduler.state.NodeTable;
import java.util.List;
import java.util.Map;

/**
 * KuSP, a Kubernetes cluster (upstream v1.31 behaviour) on one {@link Simulation}: it implements
 * the {@link Platform} contract so one experiment drives LeSP and KuSP on the same workload.
 *
 * <h2>What happens, in order</h2>
 * <ul>
 *   <li><b>Nodes</b> of the configured {@link NodeType} join Ready (initial nodes at time 0, later
 *       ones after the provisioning time) with allocatable = capacity − reserved − eviction
 *       threshold ({@link KuspConfig#allocatable()}), {@code maxPods} pods and one pod per
 *       {@link DaemonSet}. Heartbeats are implicit (every {@code nodeStatusUpdateMillis} while
 *       the node responds), so an idle cluster's simulation runs dry.
 *   <li><b>{@link #deploy(Service)}</b> creates a Deployment whose first ReplicaSet is scaled up
 *       with the rolling-update arithmetic; every pod enters the <b>scheduling queue</b> (higher
 *       priority first, then arrival, k/k {@code pkg/scheduler/framework/plugins/queuesort}); one
 *       scheduling cycle at a time takes the configured latency and calls the {@code scheduler}
 *       module's {@link FastScheduler} with the configured profile. An unschedulable pod waits,
 *       with the scheduler's reasons, until the cluster changes (a node joins or a pod goes
 *       away), never on a timer. A pod that fits nowhere, even with lower-priority pods
 *       preempted, stays Pending and is counted in {@link KuspMetrics#unschedulableNow()}.
 *   <li><b>Kubelet</b>: the pod is admitted; if its image is missing (IfNotPresent) or always
 *       (Always) the node pulls the missing layers at min(node, registry) bandwidth, one pull at
 *       a time unless {@code maxParallelImagePulls} allows more; image GC runs after each pull.
 *       The container takes {@code Service.startupMillis} to run, the readiness probe passes at
 *       its first tick at or after {@code Service.healthCheckMillis}, and the pod is available
 *       {@code minReadySeconds} later. A crashing container restarts after CrashLoopBackOff
 *       delays; a never-healthy one (a release with a health-check failure probability) is never
 *       Ready and is restarted by a failing liveness/startup probe if it has one. Deletion gives
 *       the application {@code shutdownMillis}, at most the termination grace period.
 *   <li><b>Controllers</b>: {@link #apply(Release)} creates a new ReplicaSet and the Deployment
 *       controller rolls it out (RollingUpdate or Recreate, k/k
 *       {@code pkg/controller/deployment/rolling.go}, {@code recreate.go}); a ReplicaSet that
 *       scales down deletes pods in upstream order ({@link PodDeletionOrder}). Each sync step
 *       follows after {@code controllerLatencyMillis}. The node lifecycle controller marks an
 *       unresponsive node NotReady at last heartbeat + grace period and evicts its pods
 *       {@code notReadyTolerationMillis} later; the instance is then replaced (the node group
 *       keeps its size). Optional HPA per Deployment and cluster autoscaler.
 * </ul>
 *
 * <h2>Simplifications (each a deliberate, documented departure)</h2>
 * <ul>
 *   <li>NotReady comes exactly at last heartbeat + grace period; upstream's monitor checks every
 *       5 s ({@code node-monitor-period}), so up to 5 s later.
 *   <li>Unschedulable pods are retried on cluster events only (node joined, pod removed, with a
 *       resource-fit hint); the scheduler's 1–10 s back-off and the 5-minute flush of the
 *       unschedulable queue are not modelled. A removal moves back only as many waiting pods as
 *       the freed room holds, in queue order, where upstream moves every pod the hint admits and
 *       lets the extra ones fail again (see {@code SchedulingQueue.retryAfterRemoval}).
 *   <li>One container per pod; DaemonSet images are baked into the node image; the
 *       scheduler's ImageLocality sees only preloaded images (node image lists are fixed when a
 *       node joins the scheduler's table).
 *   <li>Parallel pulls each run at the full bandwidth (optimistic); serialized pulls, the
 *       default, are exact.
 *   <li>Preemption is resource-only (no PodDisruptionBudgets, no affinity re-check) and lives
 *       in this package because the scheduler module does not offer it. A NotReady, draining or removed
 *       node is cordoned in the scheduler's node table ({@code NodeTable.setUnschedulable});
 *       the table is append-only, so a removed node still counts in the scheduler's
 *       "0/N nodes are available" message, as "node(s) were unschedulable".
 *   <li>An unresponsive node is billed until its pods are evicted; then the instance is
 *       replaced. Deployments do not scale proportionally when resized mid-rollout.
 * </ul>
 *
 * <p>With an HPA or the cluster autoscaler the control loops tick forever: use
 * {@link Simulation#runUntil(long)}. Same seed ⇒ same timeline: all randomness comes from named
 * streams of {@link RandomStreams} and every collection iterates in insertion order.
 *
 * <pre>{@code
 * var sim = new Simulation();
 * var kusp = new KuspPlatform(sim, RandomStreams.of(42, 0), KuspConfig.builder().initialNodes(4).build());
 * kusp.deploy(Service.builder("web").instances(6).build());
 * sim.run();
 * kusp.apply(Release.app("web", "2"));
 * sim.run();
 * kusp.metrics();
 * }</pre>
 *
 * <p>This class is the public façade of components named for their upstream counterparts
 * ({@code Kubelet}, {@code SchedulingCycle}, {@code DeploymentController}, …; the package
 * documentation lists them), wired on one shared cluster state.
 */
public final class KuspPlatform implements Platform {

  private final Cluster c;

  /**
   * A cluster of {@code config.initialNodes()} Ready nodes and no services on {@code sim}.
   *
   * @throws IllegalArgumentException if an argument is null
   */
  public KuspPlatform(Simulation sim, RandomStreams streams, KuspConfig config) {
    if (sim == null || streams == null || config == null) {
      throw new IllegalArgumentException("simulation, streams and config must not be null");
    }
    this.c = new Cluster(sim, streams, config);
    c.table.ensureCapacity(config.initialNodes());
    for (int i = 0; i < config.initialNodes(); i++) {
      c.nodeLifecycle.join(c.nodeLifecycle.newNode());
    }
    if (config.clusterAutoscaling() != null) {
      c.clusterAutoscaler.start();
    }
  }

  @Override
  public String name() {
    return "KuSP";
  }

  /** The simulation this platform runs on. */
  public Simulation simulation() {
    return c.sim;
  }

  /** The configuration. */
  public KuspConfig config() {
    return c.config;
  }

  /** Deploys {@code service} with the {@linkplain DeploymentSpec#DEFAULT default Deployment spec}. */
  @Override
  public void deploy(Service service) {
    deploy(service, DeploymentSpec.DEFAULT);
  }

  /**
   * Deploys {@code service} as a Deployment with {@code spec}.
   *
   * @throws IllegalArgumentException if the service is deployed already, its request exceeds what
   *                                  a node of the configured type has for pods, or its limits are
   *                                  below its requests
   */
  public void deploy(Service service, DeploymentSpec spec) {
    c.deploymentController.create(service, spec);
  }

  /**
   * Registers the image {@code service} runs at {@code version}, for a later {@link #apply}. Without
   * one, an APP release's image is the current image with its last (application) layer replaced
   * by a new one of the same size, and a BASE_IMAGE release's image has every layer but the last
   * replaced; the application layer is reused, as a rebuild on a new base with unchanged
   * application content yields the same layer digest.
   *
   * @throws IllegalArgumentException for an unknown service
   */
  public void publishImage(String service, String version, ImageDescription image) {
    c.deployment(service).publishImage(version, image);
  }

  /** The image registered for {@code service} at {@code version}; an unknown one is an error naming it. */
  public ImageDescription image(String service, String version) {
    return c.deployment(service).knownImage(version);
  }

  /**
   * Rolls {@code release} out: a new pod template (new image) means a new ReplicaSet, which the
   * Deployment controller scales up while scaling the old ones down. An image change is just a
   * new image version; nodes are not replaced.
   *
   * @throws IllegalArgumentException for an unknown service
   */
  @Override
  public void apply(Release release) {
    c.deploymentController.rollOut(release);
  }

  /**
   * Makes {@code failure} happen now: {@code count} distinct responsive nodes running pods of the
   * service stop responding (chosen at random from the {@code kusp.failurePick} stream).
   *
   * @throws IllegalArgumentException for an unknown service or more nodes than host it
   */
  @Override
  public void inject(Failure failure) {
    if (failure == null) {
      throw new IllegalArgumentException("failure must not be null");
    }
    if (failure.kind() == Failure.Kind.ZONE_OUTAGE) {
      crashZone(failure.zone());
      return;
    }
    c.deployment(failure.service());
    c.nodeLifecycle.crashNodesRunning(failure.service(), failure.count());
  }

  /**
   * The node named {@code name} stops responding now (kernel hang, network partition); the node
   * lifecycle controller handles it.
   *
   * @throws IllegalArgumentException for an unknown node or one not running
   */
  public void crashNode(String name) {
    c.nodeLifecycle.crashNode(name);
  }

  /**
   * Every running node in {@code zone} stops responding now; replacement instances go to the
   * other zones.
   *
   * @throws IllegalArgumentException for an unknown zone
   */
  public void crashZone(String zone) {
    c.nodeLifecycle.crashZone(zone);
  }

  /**
   * Sets the desired replicas of {@code service} (as {@code kubectl scale}).
   *
   * @throws IllegalArgumentException for an unknown service or a negative count
   */
  public void scale(String service, int replicas) {
    c.deploymentController.scale(c.deployment(service), replicas);
  }

  /**
   * Sets {@code service}'s load factor: each running pod uses {@code factor × Service.usage}.
   *
   * @throws IllegalArgumentException for an unknown service or a negative or non-finite factor
   */
  public void setLoad(String service, double factor) {
    Deployment d = c.deployment(service);
    d.setLoad(factor);
    c.recorder.refreshUsage(d);
  }

  /**
   * Makes {@code service}'s load follow {@code curve} (times are simulation times): the factor at
   * now is set at once, later steps when they come (the same convention as LeSP).
   *
   * @throws IllegalArgumentException for an unknown service or a null curve
   */
  public void followLoad(String service, LoadCurve curve) {
    c.deployment(service);
    if (curve == null) {
      throw new IllegalArgumentException("load curve of '" + service + "' must not be null");
    }
    long now = c.sim.now();
    setLoad(service, curve.factorAt(now));
    for (LoadCurve.Step step : curve.steps()) {
      if (step.atMillis() > now) {
        c.sim.scheduleAt(step.atMillis(), () -> setLoad(service, step.factor()));
      }
    }
  }

  @Override
  public PlatformMetrics metrics() {
    return c.recorder.metrics(name(), rollouts());
  }

  /**
   * Identity figures now: pod and node addresses used/reserved/free and exhaustion events,
   * certificates and service-account tokens issued (total, peak per minute, queueing delay),
   * principals and pods holding credentials, and blast radius under the configured
   * {@link KuspIdentity#mode()} over the current placement.
   */
  @Override
  public IdentityMetrics identityMetrics() {
    return c.identity.metrics();
  }

  /** Pods that waited at least once for an address (sandbox creation failed for lack of one). */
  public int podsEverWithoutAddress() {
    return c.podIdentity.everWithoutAddress();
  }

  /** Pods waiting for an address now. */
  public int podsWithoutAddressNow() {
    return c.podIdentity.withoutAddressNow();
  }

  /** Pods whose container start waited for a credential from a saturated issuer. */
  public int podsDelayedByCredentials() {
    return c.podIdentity.delayedByCredentials();
  }

  /** The cluster's identity layer (read it; the platform changes it). */
  public ClusterIdentity identity() {
    return c.identity;
  }

  /** KuSP's own figures, with {@link #metrics()} inside. */
  public KuspMetrics kuspMetrics() {
    return c.recorder.kuspMetrics(metrics());
  }

  /** Every rollout of every service, in start order. */
  public List<RolloutRecord> rollouts() {
    return c.deploymentController.rollouts();
  }

  /** Whether the latest rollout of {@code service} exceeded its progress deadline (ProgressDeadlineExceeded). */
  public boolean progressDeadlineExceeded(String service) {
    Deployment d = c.deployment(service);
    return d.rollout != null && d.rollout.deadlineExceeded;
  }

  /**
   * The ReplicaSet replica counts of {@code service} at every instant they changed (an immutable
   * list; the steps are kept packed and the records built by this call).
   */
  public List<ReplicaSetStep> replicaSetSteps(String service) {
    return List.copyOf(replicaSetSteps(service, Long.MIN_VALUE));
  }

  /** The steps of {@code service} at or after {@code sinceMillis}. */
  public List<ReplicaSetStep> replicaSetSteps(String service, long sinceMillis) {
    return c.deployment(service).steps(sinceMillis);
  }

  /** Live pods (not yet deleted), DaemonSet pods included, in creation order. */
  public List<Pod> pods() {
    return c.pods.all();
  }

  /** Live pods of {@code service}. */
  public List<Pod> pods(String service) {
    c.deployment(service);
    return c.pods.of(service);
  }

  /** Every node ever requested, including gone ones, in request order. */
  public List<Node> nodes() {
    return List.copyOf(c.nodes);
  }

  /**
   * Per-pod start-up splits, in the order pods became Ready: an immutable snapshot (later pods do
   * not show in it) whose records are built from primitive columns as they are read.
   */
  public List<PodStartup> startups() {
    return c.recorder.startups.snapshot();
  }

  /** Node lifecycle evictions so far. */
  public List<NodeEviction> evictions() {
    return List.copyOf(c.nodeLifecycle.evictions());
  }

  /** Available pods of {@code service} (all revisions). */
  public int available(String service) {
    return c.deployment(service).available();
  }

  /** Desired replicas of {@code service}. */
  public int replicas(String service) {
    return c.deployment(service).replicas;
  }

  /** Live pods per phase now. */
  public Map<PodPhase, Integer> podsByPhase() {
    return c.recorder.podsByPhase();
  }

  /** The scheduler's node table (read it, do not change it). */
  public NodeTable nodeTable() {
    return c.table;
  }

  /**
   * Nodes per state and pods per phase at every instant they changed, in time order (decoded from
   * a delta-encoded log by this call).
   */
  public List<ClusterSample> stateTimeline() {
    return c.recorder.stateTimeline();
  }

  /** Nodes billed now (tests check it against the nodes not GONE). */
  int billedNodesNow() {
    return c.recorder.billedNow();
  }

  @Override
  public String toString() {
    return "KuspPlatform[" + c.recorder.readyNodes() + " ready nodes, " + c.pods.count() + " pods, services "
        + c.deployments.keySet() + " at " + c.sim.now() + " ms]";
  }

  // ---- experiment contract (Platform)
  // Built only on this class's public methods so it can be re-applied after the class is split.

  /** Available pods of {@code service} now. */
  @Override
  public int inService(String service) {
    return available(service);
  }

  /**
   * Recovered once a node that failed by {@code failedAtMillis} has been evicted and the service
   * has its replicas available again: a pod on an unresponsive node still counts as available
   * until the node lifecycle controller evicts it.
   */
  @Override
  public boolean recovered(String service, long failedAtMillis) {
    long now = simulation().now();
    boolean evicted = false;
    for (NodeEviction e : evictions()) {
      if (e.lastHeartbeat() <= failedAtMillis && e.evictedAt() >= 0 && e.evictedAt() < now) {
        evicted = true;
        break;
      }
    }
    return evicted && available(service) >= replicas(service);
  }

  /**
   * Nodes not gone now; requests of their non-DaemonSet pods as allocation, usage (nominal ×
   * load) of those running and ready, over the node type's capacity.
   */
  @Override
  public io.platformsim.core.platform.PlatformSample sample(io.platformsim.core.platform.Demand demand) {
    Resources nodeCapacity = config().nodeType().capacity();
    double nodes = 0;
    double allocCpu = 0;
    double allocMem = 0;
    double usedCpu = 0;
    for (Node n : nodes()) {
      if (n.state() == NodeState.GONE) {
        continue;
      }
      nodes++;
      for (Pod pod : n.pods()) {
        if (pod.daemon()) {
          continue;
        }
        allocCpu += pod.request().milliCpu();
        allocMem += pod.request().memoryMib();
        if (pod.phase() == PodPhase.RUNNING && pod.ready()) {
          usedCpu += demand.usedMilliCpu(pod.service());
        }
      }
    }
    return new io.platformsim.core.platform.PlatformSample(nodes,
        io.platformsim.core.platform.PlatformSample.fraction(allocCpu, nodes * nodeCapacity.milliCpu()),
        io.platformsim.core.platform.PlatformSample.fraction(allocMem, nodes * nodeCapacity.memoryMib()),
        io.platformsim.core.platform.PlatformSample.fraction(usedCpu, nodes * nodeCapacity.milliCpu()));
  }

  /** CPU (memory) free on nodes too full in the other resource for any pod ({@link KuspMetrics}). */
  @Override
  public io.platformsim.core.platform.StrandedCapacity stranded() {
    KuspMetrics km = kuspMetrics();
    return new io.platformsim.core.platform.StrandedCapacity(km.strandedCpu(), km.strandedMemory());
  }
}
