package io.platformsim.core.kusp;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.platform.Demand;
import io.platformsim.core.platform.Failure;
import io.platformsim.core.platform.Platform;
import io.platformsim.core.platform.PlatformMetrics;
import io.platformsim.core.platform.PlatformSample;
import io.platformsim.core.platform.Pricing;
import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.platform.StrandedCapacity;
import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.LoadCurve;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Service;
import io.platformsim.identity.ClusterIdentity;
import io.platformsim.identity.IdentityMetrics;
import io.platformsim.scheduler.placement.FastScheduler;
import io.platformsim.scheduler.state.NodeTable;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * KuSP, a Kubernetes cluster (upstream v1.31 behaviour) on one {@link Simulation}: it implements
 * the {@link Platform} contract so one experiment drives LeSP and KuSP on the same workload.
 *
 * <p>A pod's way through it: {@link #deploy(Service)} or {@link #apply(Release)} hands the
 * Deployment to the {@code DeploymentController}, whose ReplicaSets the {@code
 * ReplicaSetController} turns into pods; each pod waits in the {@code SchedulingQueue} until a
 * {@code SchedulingCycle} places it with the {@code scheduler} module's {@link FastScheduler}
 * (preempting lower-priority pods if it fits nowhere); the {@code Kubelet} of its node pulls its
 * image layers, starts it, probes it and reports it Ready and available; the node lifecycle
 * controller, the horizontal pod autoscaler and the cluster autoscaler act on the same cluster.
 * Each component's Javadoc states the upstream rule it follows and its simplifications; the package
 * documentation lists them, and {@code docs/architecture.md} draws them.
 *
 * <p>With an HPA or the cluster autoscaler the control loops tick forever: use {@link
 * Simulation#runUntil(long)}. Same seed ⇒ same timeline: all randomness comes from named streams of
 * {@link RandomStreams} and every collection iterates in insertion order.
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
 * <p>This class is the public façade of components named for their upstream counterparts ({@code
 * Kubelet}, {@code SchedulingCycle}, {@code DeploymentController}, …; the package documentation
 * lists them), wired on one shared cluster state.
 */
public final class KuspPlatform implements Platform {

  private final Cluster c;
  // Services whose Deployment was deleted and not created again: inService 0, setLoad ignored.
  private final Set<String> retired = new HashSet<>();

  /**
   * A cluster of {@code config.totalInitialNodes()} Ready nodes (every pool's initial ones) and no
   * services on {@code sim}.
   *
   * @throws IllegalArgumentException if an argument is null
   */
  public KuspPlatform(Simulation sim, RandomStreams streams, KuspConfig config) {
    this(sim, streams, config, Pricing.ON_DEMAND);
  }

  /**
   * A cluster of {@code config.initialNodes()} Ready nodes and no services on {@code sim}, buying
   * its nodes under {@code pricing}: spot nodes are cordoned and drained at their interruption
   * notice, then removed and replaced (see {@link Pricing}).
   *
   * @throws IllegalArgumentException if an argument is null
   */
  public KuspPlatform(Simulation sim, RandomStreams streams, KuspConfig config, Pricing pricing) {
    if (sim == null || streams == null || config == null || pricing == null) {
      throw new IllegalArgumentException(
          "simulation, streams, config and pricing must not be null");
    }
    this.c = new Cluster(sim, streams, config, pricing);
    c.table.ensureCapacity(config.totalInitialNodes());
    for (int p = 0; p < c.pools.size(); p++) {
      for (int i = 0; i < c.pools.get(p).initialNodes(); i++) {
        c.nodeLifecycle.join(c.nodeLifecycle.newNode(p));
      }
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

  /**
   * Deploys {@code service} with the Deployment spec the configuration names for it ({@link
   * KuspConfig#deployment}), the {@linkplain DeploymentSpec#DEFAULT default} if none.
   */
  @Override
  public void deploy(Service service) {
    deploy(service, c.config.deployment(service.name()));
  }

  /**
   * Deploys {@code service} as a Deployment with {@code spec}.
   *
   * @throws IllegalArgumentException if the service is deployed already, its request exceeds what a
   *     node of the configured type has for pods, or its limits are below its requests
   */
  public void deploy(Service service, DeploymentSpec spec) {
    c.deploymentController.create(service, spec);
    retired.remove(service.name());
  }

  /**
   * Deletes {@code service}'s Deployment now (background cascading deletion: its ReplicaSets and
   * pods are garbage-collected, each pod terminating within its grace period; see {@code
   * DeploymentController.delete}). The nodes it leaves empty stay billed until the cluster
   * autoscaler removes them by its scale-down rules ({@code --scale-down-unneeded-time}, 10 min by
   * default); without cluster autoscaling they stay.
   *
   * <p>After it: {@link #inService} is 0; {@link #setLoad} on the service is ignored; every other
   * read or change of it ({@link #apply}, {@link #scale}, {@link #pods(String)}, ...) is an unknown
   * service; {@link #deploy} of it again creates a new Deployment (a retried wave), whose pods may
   * share nodes with the old one's still terminating.
   *
   * @throws IllegalArgumentException for a service not deployed (or already retired)
   */
  @Override
  public void retire(String service) {
    c.deploymentController.delete(c.deployment(service));
    retired.add(service);
  }

  /**
   * Registers the image {@code service} runs at {@code version}, for a later {@link #apply}.
   * Without one, an APP release's image is the current image with its last (application) layer
   * replaced by a new one of the same size, and a BASE_IMAGE release's image has every layer but
   * the last replaced; the application layer is reused, as a rebuild on a new base with unchanged
   * application content yields the same layer digest.
   *
   * @throws IllegalArgumentException for an unknown service
   */
  public void publishImage(String service, String version, ImageDescription image) {
    c.deployment(service).publishImage(version, image);
  }

  /**
   * The image registered for {@code service} at {@code version}; an unknown one is an error naming
   * it.
   */
  public ImageDescription image(String service, String version) {
    return c.deployment(service).knownImage(version);
  }

  /**
   * Rolls {@code release} out: a new pod template (new image) means a new ReplicaSet, which the
   * Deployment controller scales up while scaling the old ones down. An image change is just a new
   * image version; nodes are not replaced.
   *
   * @throws IllegalArgumentException for an unknown service
   */
  @Override
  public void apply(Release release) {
    c.deploymentController.rollOut(release);
  }

  /**
   * Makes {@code failure} happen now: {@code count} distinct responsive nodes running pods of the
   * service stop responding: the nodes of the pods at the failure's own ranks or else those drawn
   * from the shared {@code CommonStreams.victimRanks} ({@code CommonStreams.crashRanks}), so LeSP
   * on the same seed hits the same ranks.
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
    c.failures.crashNodesRunning(failure);
  }

  /**
   * The node named {@code name} stops responding now (kernel hang, network partition); the node
   * lifecycle controller handles it.
   *
   * @throws IllegalArgumentException for an unknown node or one not running
   */
  public void crashNode(String name) {
    c.failures.crashNode(name);
  }

  /**
   * Every running node in {@code zone} stops responding now; replacement instances go to the other
   * zones.
   *
   * @throws IllegalArgumentException for an unknown zone
   */
  public void crashZone(String zone) {
    c.failures.crashZone(zone);
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
   * Ignored for a {@linkplain #retire retired} service.
   *
   * @throws IllegalArgumentException for an unknown service or a negative or non-finite factor
   */
  public void setLoad(String service, double factor) {
    if (retired.contains(service)) {
      if (!(factor >= 0) || Double.isInfinite(factor)) {
        throw new IllegalArgumentException(
            "load factor of '" + service + "' must be finite and >= 0, was " + factor);
      }
      return; // its Deployment is gone (see retire)
    }
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

  /**
   * The target CPU utilization of {@code service}'s HorizontalPodAutoscaler (its {@code
   * targetCPUUtilizationPercentage} ÷ 100), empty if its Deployment has none.
   *
   * @throws IllegalArgumentException for an unknown service
   */
  @Override
  public OptionalDouble scalingTarget(String service) {
    if (retired.contains(service)) {
      return OptionalDouble.empty();
    }
    PodAutoscaling hpa = c.deployment(service).spec.autoscaling();
    return hpa == null ? OptionalDouble.empty() : OptionalDouble.of(hpa.targetCpuPercent() / 100.0);
  }

  @Override
  public PlatformMetrics metrics() {
    return c.recorder.metrics(name(), rollouts());
  }

  /**
   * Identity figures now: pod and node addresses used/reserved/free and exhaustion events,
   * certificates and service-account tokens issued (total, peak per minute, queueing delay),
   * principals and pods holding credentials, and blast radius under the configured {@link
   * KuspIdentity#mode()} over the current placement.
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

  /**
   * Whether the latest rollout of {@code service} exceeded its progress deadline
   * (ProgressDeadlineExceeded).
   */
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
   * Nodes per state and pods per phase at every instant they changed, in time order (decoded from a
   * delta-encoded log by this call).
   */
  public List<ClusterSample> stateTimeline() {
    return c.recorder.stateTimeline();
  }

  /**
   * Whether {@code service}'s Deployment is held by the stale {@code desired-replicas} annotation
   * of upstream v1.31: exactly one active ReplicaSet, already at {@code spec.replicas}, annotated
   * with another size, so {@code isScalingEvent} is true on every sync while {@code scale} returns
   * early and the rollout never resumes (k/k sync.go {@code scale}; the open fix is
   * kubernetes/kubernetes PR #138036, "fix stuck rollout when scaling during rolling update with
   * maxSurge=0"). Tests use it to tell that upstream behaviour from a bug of the model.
   */
  boolean heldByStaleDesiredAnnotation(String service) {
    Deployment d = c.deployments.get(service);
    ReplicaSet active = null;
    for (ReplicaSet rs : d.sets) {
      if (rs.replicas > 0) {
        if (active != null) {
          return false;
        }
        active = rs;
      }
    }
    return active != null
        && active.replicas == d.replicas
        && active.desiredAnnotation != d.replicas;
  }

  /** Nodes billed now (tests check it against the nodes not GONE). */
  int billedNodesNow() {
    return c.recorder.billedNow();
  }

  @Override
  public String toString() {
    return "KuspPlatform["
        + c.recorder.readyNodes()
        + " ready nodes, "
        + c.pods.count()
        + " pods, services "
        + c.deployments.keySet()
        + " at "
        + c.sim.now()
        + " ms]";
  }

  /** Available pods of {@code service} now. */
  @Override
  public int inService(String service) {
    if (retired.contains(service)) {
      return 0;
    }
    return available(service);
  }

  /**
   * Recovered once a node that failed by {@code failedAtMillis} has been evicted and the service
   * has its replicas available again: a pod on an unresponsive node still counts as available until
   * the node lifecycle controller evicts it.
   */
  @Override
  public boolean recovered(String service, long failedAtMillis) {
    if (retired.contains(service)) {
      return true;
    }
    return c.nodeLifecycle.evictedNodeFailedBy(failedAtMillis)
        && available(service) >= replicas(service);
  }

  @Override
  public PlatformSample sample(Demand demand) {
    return c.recorder.sample(demand);
  }

  /**
   * CPU (memory) free on nodes too full in the other resource for any pod ({@link KuspMetrics}).
   */
  @Override
  public StrandedCapacity stranded() {
    KuspMetrics km = kuspMetrics();
    return new StrandedCapacity(km.strandedCpu(), km.strandedMemory());
  }
}
