package io.platformsim.core.kusp;

import io.platformsim.core.engine.DurationSampler;
import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.engine.TimeWeightedAverage;
import io.platformsim.core.platform.DurationSummary;
import io.platformsim.core.platform.Failure;
import io.platformsim.core.platform.Platform;
import io.platformsim.core.platform.PlatformMetrics;
import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.ImageLayer;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import io.platformsim.identity.ClusterIdentity;
import io.platformsim.identity.IdentityMetrics;
import io.platformsim.identity.PodCredentials;
import io.platformsim.identity.ipam.Allocation;
import io.platformsim.identity.ipam.ExhaustionReason;
import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.placement.FastScheduler;
import io.platformsim.scheduler.placement.Placement;
import io.platformsim.scheduler.placement.Policies;
import io.platformsim.scheduler.placement.Scheduler;
import io.platformsim.scheduler.pod.AntiAffinityTerm;
import io.platformsim.scheduler.pod.Container;
import io.platformsim.scheduler.pod.LabelSelector;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.pod.SpreadConstraint;
import io.platformsim.scheduler.pod.WhenUnsatisfiable;
import io.platformsim.scheduler.resource.DimensionRegistry;
import io.platformsim.scheduler.resource.ResourceVector;
import io.platformsim.scheduler.state.NodeTable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.math3.random.RandomGenerator;

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
 *       lets the extra ones fail again (see {@code retryUnschedulableAfterRemoval}).
 *   <li>One container per pod; DaemonSet images are baked into the node image; the
 *       scheduler's ImageLocality sees only preloaded images (node image lists are fixed when a
 *       node joins the scheduler's table).
 *   <li>Parallel pulls each run at the full bandwidth (optimistic); serialized pulls, the
 *       default, are exact.
 *   <li>Preemption is resource-only (no PodDisruptionBudgets, no affinity re-check) and lives
 *       here because the scheduler module does not offer it. A NotReady, draining or removed
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
 */
public final class KuspPlatform implements Platform {

  private static final NodeState[] NODE_STATES = NodeState.values();
  private static final PodPhase[] PHASES = PodPhase.values();
  private static final String APP_LABEL = "app";
  /** ImageGCPeriod 5 min: k/k pkg/kubelet/kubelet.go (v1.31). */
  private static final long IMAGE_GC_PERIOD_MILLIS = 300_000;

  private final Simulation sim;
  private final KuspConfig config;
  private final DimensionRegistry registry = DimensionRegistry.standard();
  private final NodeTable table;
  private final Scheduler scheduler;
  private final DurationSampler schedulingLatency;
  private final DurationSampler provisioning;
  private final RandomGenerator healthChecks;
  private final RandomGenerator failurePicks;
  private final Resources allocatable;

  private final List<Node> nodes = new ArrayList<>();
  private final Map<String, Node> nodesByName = new HashMap<>();
  // by node-table index (nodes join in index order): the scheduler answers with an index
  private final List<Node> nodesByIndex = new ArrayList<>();
  private final Map<String, Deployment> deployments = new LinkedHashMap<>();
  // Live pods in creation order, each at its Pod.slot; a finished pod leaves a hole that a
  // compaction (order kept) reclaims. Nothing looks a pod up by name, so no map is needed: a
  // LinkedHashMap entry per pod was 40 bytes of a pod's retained heap.
  private Pod[] livePods = new Pod[64];
  private int liveEnd;
  private int liveCount;
  // Scheduler specs by template, with how many live pods were stamped from each: a template goes
  // when its last pod does (a ReplicaSet scaled to zero after a release), and comes back equal if
  // a pod needs it again, so nothing simulated depends on whether it was kept.
  private final Map<PodTemplate, TemplateUse> templates = new HashMap<>();
  private final Map<String, ImageDescription> daemonImages = new HashMap<>();

  /** A template's scheduler spec and the live pods stamped from it. */
  static final class TemplateUse {
    final PodTemplate key;
    final PodSpec spec;
    int pods;
    // the kind of the template's first pod, shared by every later pod of an equal kind (all pods
    // of a ReplicaSet); a pod of another kind keeps its own
    PodKind kind;

    TemplateUse(PodTemplate key, PodSpec spec) {
      this.key = key;
      this.spec = spec;
    }
  }

  /** What a pod's scheduler spec is built from, apart from its name. */
  record PodTemplate(String service, String image, Resources request, int priority, boolean antiAffinity,
      boolean zoneSpread) {}
  private final TreeSet<Pod> activeQueue = new TreeSet<>(
      Comparator.comparingInt((Pod p) -> -p.priority()).thenComparingLong(p -> p.queueSeq()));
  private final Map<String, Pod> unschedulable = new LinkedHashMap<>();
  // The unschedulable pods constrained by resources alone, by CPU request: a removal looks only
  // at those whose CPU fits what it freed (retryUnschedulableAfterRemoval).
  private final TreeSet<Pod> waitingByCpu = new TreeSet<>(
      Comparator.comparingLong((Pod p) -> p.request().milliCpu()).thenComparingLong(p -> p.seq));
  private final TreeMap<String, Integer> unschedulableReasons = new TreeMap<>();
  private final List<String> downZones = new ArrayList<>();
  private final List<NodeEviction> evictions = new ArrayList<>();
  private boolean schedulerBusy;
  private long podSeq;
  private long queueSeq;
  private int nodeSeq;
  private int zoneCursor;
  private int everUnschedulable;
  // Smallest CPU/memory request over all deployments, kept incrementally: deployments are never
  // removed, so these only fall, and updateStranded need not rescan every deployment per node.
  private long minCpuRequest = Long.MAX_VALUE;
  // Deployments are never removed, so the lowest priority only falls: preempt() checks it in O(1).
  private int minDeploymentPriority = Integer.MAX_VALUE;
  private long minMemoryRequest = Long.MAX_VALUE;
  private int containerRestarts;
  private int preemptions;
  private long bytesPulled;
  private long bytesCollected;
  private long lastScaleUp = Long.MIN_VALUE / 2;
  private boolean autoscalerRunning;

  private final int[] nodeCounts = new int[NODE_STATES.length];
  private final TimeWeightedAverage[] nodeAverages = new TimeWeightedAverage[NODE_STATES.length];
  private final int[] phaseCounts = new int[PHASES.length];
  private final TimeWeightedAverage[] phaseAverages = new TimeWeightedAverage[PHASES.length];
  private final TimeWeightedAverage billed;
  private final TimeWeightedAverage billedCpu;
  private final TimeWeightedAverage billedMemory;
  private final TimeWeightedAverage allocatedCpu;
  private final TimeWeightedAverage allocatedMemory;
  private final TimeWeightedAverage usedCpu;
  private final TimeWeightedAverage usedMemory;
  private final TimeWeightedAverage strandedCpu;
  private final TimeWeightedAverage strandedMemory;
  private int billedNow;
  // Timeline: the node counts per state then the pod counts per phase at every instant they
  // changed, delta-encoded (a byte per count); records are built only when asked for.
  private static final int STRIDE = NodeState.values().length + PodPhase.values().length;
  private final CountsLog timeline = new CountsLog(STRIDE);
  private int peakBilled;
  private final LongColumn rolloutPodTimes = new LongColumn(64);
  // Per-pod start-up splits; the scheduling, pull, start and readiness summaries are built from
  // its columns (they were four more copies of the same values).
  private final StartupLog startups = new StartupLog();
  private int failuresRecovered;
  // Identity (issue 6): addresses, certificates and tokens of nodes and pods.
  private final ClusterIdentity identity;
  private final List<Pod> awaitingAddress = new ArrayList<>();
  private int podsEverWithoutAddress;
  private int podsDelayedByCredentials;

  /**
   * A cluster of {@code config.initialNodes()} Ready nodes and no services on {@code sim}.
   *
   * @throws IllegalArgumentException if an argument is null
   */
  public KuspPlatform(Simulation sim, RandomStreams streams, KuspConfig config) {
    if (sim == null || streams == null || config == null) {
      throw new IllegalArgumentException("simulation, streams and config must not be null");
    }
    this.sim = sim;
    this.config = config;
    this.table = new NodeTable(registry);
    this.scheduler = new FastScheduler(table, Policies.profile(config.schedulerProfile()), config.nodeSampling(),
        streams.seedOf("kusp.scheduler"));
    this.schedulingLatency = config.schedulingLatency().sampler(streams.stream("kusp.schedulingLatency"));
    this.provisioning = config.nodeProvisioning().sampler(streams.stream("kusp.provisioning"));
    this.healthChecks = streams.stream("kusp.healthCheck");
    this.failurePicks = streams.stream("kusp.failurePick");
    this.allocatable = config.allocatable();
    this.identity = config.identity().newClusterIdentity();
    long t = sim.now();
    for (NodeState s : NODE_STATES) {
      nodeAverages[s.ordinal()] = new TimeWeightedAverage("nodes " + s, t, 0);
    }
    for (PodPhase p : PHASES) {
      phaseAverages[p.ordinal()] = new TimeWeightedAverage("pods " + p, t, 0);
    }
    billed = new TimeWeightedAverage("billed nodes", t, 0);
    billedCpu = new TimeWeightedAverage("billed mCPU", t, 0);
    billedMemory = new TimeWeightedAverage("billed MiB", t, 0);
    allocatedCpu = new TimeWeightedAverage("allocated mCPU", t, 0);
    allocatedMemory = new TimeWeightedAverage("allocated MiB", t, 0);
    usedCpu = new TimeWeightedAverage("used mCPU", t, 0);
    usedMemory = new TimeWeightedAverage("used MiB", t, 0);
    strandedCpu = new TimeWeightedAverage("stranded mCPU", t, 0);
    strandedMemory = new TimeWeightedAverage("stranded MiB", t, 0);
    table.ensureCapacity(config.initialNodes());
    for (int i = 0; i < config.initialNodes(); i++) {
      join(newNode());
    }
    if (config.clusterAutoscaling() != null) {
      autoscalerRunning = true;
      sim.schedule(config.clusterAutoscaling().scanIntervalMillis(), this::autoscalerScan);
    }
  }

  @Override
  public String name() {
    return "KuSP";
  }

  /** The simulation this platform runs on. */
  public Simulation simulation() {
    return sim;
  }

  /** The configuration. */
  public KuspConfig config() {
    return config;
  }

  // ================================================================ Platform contract

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
    if (service == null || spec == null) {
      throw new IllegalArgumentException("service and spec must not be null");
    }
    if (deployments.containsKey(service.name())) {
      throw new IllegalArgumentException("service '" + service.name() + "' is already deployed");
    }
    Resources forPods = config.allocatableForPods();
    if (!service.request().fitsIn(forPods)) {
      throw new IllegalArgumentException("service '" + service.name() + "' request " + service.request()
          + " exceeds every node type: " + config.nodeType().name() + " has " + forPods
          + " allocatable for pods (capacity minus reserved, eviction threshold and DaemonSets)");
    }
    if (spec.limits() != null) {
      if (spec.limits().milliCpu() > 0 && spec.limits().milliCpu() < service.request().milliCpu()) {
        throw new IllegalArgumentException("service '" + service.name() + "' spec.containers[0].resources.limits.cpu "
            + spec.limits().milliCpu() + "m is below the request " + service.request().milliCpu() + "m");
      }
      if (spec.limits().memoryMib() > 0 && spec.limits().memoryMib() < service.request().memoryMib()) {
        throw new IllegalArgumentException("service '" + service.name() + "' spec.containers[0].resources.limits.memory "
            + spec.limits().memoryMib() + " MiB is below the request " + service.request().memoryMib() + " MiB");
      }
    }
    Deployment d = new Deployment(service, spec);
    deployments.put(service.name(), d);
    minDeploymentPriority = Math.min(minDeploymentPriority, spec.priority());
    d.putImage(service.version(), service.image());
    ReplicaSet rs = new ReplicaSet(d, 1, service.version(), service.image(), 0.0);
    d.sets.add(rs);
    d.current = rs;
    long cpu = Math.max(1, service.request().milliCpu());
    long mem = Math.max(1, service.request().memoryMib());
    boolean first = deployments.size() == 1;
    if (first || cpu < minCpuRequest || mem < minMemoryRequest) {
      minCpuRequest = Math.min(minCpuRequest, cpu);
      minMemoryRequest = Math.min(minMemoryRequest, mem);
      refreshStranded();
    }
    requestSync(d);
    if (spec.autoscaling() != null) {
      sim.schedule(spec.autoscaling().syncMillis(), () -> autoscalePods(d));
    }
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
    Deployment d = deployment(service);
    if (version == null || version.isBlank() || image == null) {
      throw new IllegalArgumentException("publishImage for '" + service + "': version and image must be given, were '"
          + version + "' and " + image);
    }
    d.putImage(version, image);
  }

  /** The image registered for {@code service} at {@code version}; an unknown one is an error naming it. */
  public ImageDescription image(String service, String version) {
    Deployment d = deployment(service);
    ImageDescription img = d.image(version);
    if (img == null) {
      throw new IllegalArgumentException("unknown image for service '" + service + "' version '" + version
          + "'; known versions: " + d.imageVersions());
    }
    return img;
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
    if (release == null) {
      throw new IllegalArgumentException("release must not be null");
    }
    Deployment d = deployments.get(release.service());
    if (d == null) {
      throw new IllegalArgumentException("release " + release.version() + " is for unknown service '"
          + release.service() + "'; deployed: " + deployments.keySet());
    }
    ImageDescription image = d.image(release.version());
    if (image == null) {
      image = derivedImage(d.current.image, release);
      d.putImage(release.version(), image);
    }
    if (d.rollout != null && d.rollout.end < 0) {
      d.rollout.superseded = true;
      sim.cancel(d.rollout.deadlineTimer);
    }
    ReplicaSet rs = new ReplicaSet(d, d.current.revision + 1, release.version(), image,
        release.healthCheckFailureProbability());
    d.sets.add(rs);
    d.current = rs;
    d.rollout = new Rollout(d, release, sim.now());
    d.rollouts.add(d.rollout);
    d.rollout.updateOutOfService(sim.now());
    touchProgress(d);
    requestSync(d);
  }

  private static ImageDescription derivedImage(ImageDescription current, Release release) {
    List<ImageLayer> layers = new ArrayList<>(current.layers());
    String ref = current.reference().contains(":")
        ? current.reference().substring(0, current.reference().lastIndexOf(':')) + ":" + release.version()
        : current.reference() + ":" + release.version();
    if (layers.isEmpty()) {
      return ImageDescription.named(ref);
    }
    int from = release.kind() == Release.Kind.APP ? layers.size() - 1 : 0;
    int to = release.kind() == Release.Kind.APP ? layers.size() : Math.max(1, layers.size() - 1);
    for (int i = from; i < to; i++) {
      ImageLayer l = layers.get(i);
      layers.set(i, new ImageLayer(l.digest() + "@" + release.kind().name().toLowerCase(java.util.Locale.ROOT)
          + "-" + release.version(), l.sizeBytes()));
    }
    return new ImageDescription(ref, layers);
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
    deployment(failure.service());
    List<Node> candidates = new ArrayList<>();
    for (Node n : nodes) {
      if (n.responsive && n.state != NodeState.GONE && n.state != NodeState.PROVISIONING) {
        for (Pod p : n.pods) {
          if (!p.daemon() && p.service().equals(failure.service()) && !p.terminating()) {
            candidates.add(n);
            break;
          }
        }
      }
    }
    if (failure.count() > candidates.size()) {
      throw new IllegalArgumentException("failure count " + failure.count() + " is above the " + candidates.size()
          + " responsive nodes running '" + failure.service() + "'");
    }
    for (int i = 0; i < failure.count(); i++) {
      crash(candidates.remove(failurePicks.nextInt(candidates.size())));
    }
  }

  /**
   * The node named {@code name} stops responding now (kernel hang, network partition); the node
   * lifecycle controller handles it.
   *
   * @throws IllegalArgumentException for an unknown node or one not running
   */
  public void crashNode(String name) {
    Node n = nodesByName.get(name);
    if (n == null) {
      throw new IllegalArgumentException("unknown node '" + name + "'");
    }
    if (!n.responsive || n.state == NodeState.GONE || n.state == NodeState.PROVISIONING) {
      throw new IllegalArgumentException("node '" + name + "' is not running (state " + n.state + ")");
    }
    crash(n);
  }

  /**
   * Every running node in {@code zone} stops responding now; replacement instances go to the
   * other zones.
   *
   * @throws IllegalArgumentException for an unknown zone
   */
  public void crashZone(String zone) {
    if (!config.zones().contains(zone)) {
      throw new IllegalArgumentException("unknown zone '" + zone + "'; zones: " + config.zones());
    }
    if (!downZones.contains(zone)) {
      downZones.add(zone);
    }
    for (Node n : new ArrayList<>(nodes)) {
      if (n.zone.equals(zone) && n.responsive && n.state != NodeState.GONE && n.state != NodeState.PROVISIONING) {
        crash(n);
      }
    }
  }

  /**
   * Sets the desired replicas of {@code service} (as {@code kubectl scale}).
   *
   * @throws IllegalArgumentException for an unknown service or a negative count
   */
  public void scale(String service, int replicas) {
    Deployment d = deployment(service);
    if (replicas < 0) {
      throw new IllegalArgumentException("spec.replicas of '" + service + "' must be >= 0, was " + replicas);
    }
    d.replicas = replicas;
    requestSync(d);
  }

  /**
   * Sets {@code service}'s load factor: each running pod uses {@code factor × Service.usage}.
   *
   * @throws IllegalArgumentException for an unknown service or a negative or non-finite factor
   */
  public void setLoad(String service, double factor) {
    Deployment d = deployment(service);
    if (!(factor >= 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("load factor of '" + service + "' must be finite and >= 0, was " + factor);
    }
    d.load = factor;
    refreshUsage(d);
  }

  /**
   * Makes {@code service}'s load follow {@code curve} (times are simulation times): the factor at
   * now is set at once, later steps when they come (the same convention as LeSP).
   *
   * @throws IllegalArgumentException for an unknown service or a null curve
   */
  public void followLoad(String service, io.platformsim.core.workload.LoadCurve curve) {
    deployment(service);
    if (curve == null) {
      throw new IllegalArgumentException("load curve of '" + service + "' must not be null");
    }
    long now = sim.now();
    setLoad(service, curve.factorAt(now));
    for (io.platformsim.core.workload.LoadCurve.Step step : curve.steps()) {
      if (step.atMillis() > now) {
        sim.scheduleAt(step.atMillis(), () -> setLoad(service, step.factor()));
      }
    }
  }

  /**
   * A service's demand is {@code instances × usage × load} (the {@link io.platformsim.core.workload.LoadCurve}
   * convention: usage per wanted instance at factor 1), shared by its running pods; nothing is
   * used while none runs. So an HPA that adds pods lowers each pod's utilization.
   */
  private void refreshUsage(Deployment d) {
    long now = sim.now();
    double cpu = d.running > 0 ? d.service.instances() * (double) d.service.usage().milliCpu() * d.load : 0;
    double mem = d.running > 0 ? d.service.instances() * (double) d.service.usage().memoryMib() * d.load : 0;
    usedCpu.add(now, cpu - d.usedCpu);
    usedMemory.add(now, mem - d.usedMemory);
    d.usedCpu = cpu;
    d.usedMemory = mem;
  }

  @Override
  public PlatformMetrics metrics() {
    long now = sim.now();
    double cpuCapacity = billedCpu.integral(now);
    double memoryCapacity = billedMemory.integral(now);
    return new PlatformMetrics(name(), now, billed.average(now), peakBilled,
        billed.integral(now) * config.nodeType().hourlyPriceUsd() / 3_600_000.0,
        ratio(allocatedCpu.integral(now), cpuCapacity), ratio(allocatedMemory.integral(now), memoryCapacity),
        ratio(usedCpu.integral(now), cpuCapacity), ratio(usedMemory.integral(now), memoryCapacity),
        rollouts(), DurationSummary.of(rolloutPodTimes.toArray()), failuresRecovered);
  }

  /**
   * Identity figures now: pod and node addresses used/reserved/free and exhaustion events,
   * certificates and service-account tokens issued (total, peak per minute, queueing delay),
   * principals and pods holding credentials, and blast radius under the configured
   * {@link KuspIdentity#mode()} over the current placement.
   */
  @Override
  public IdentityMetrics identityMetrics() {
    return identity.metrics();
  }

  /** Pods that waited at least once for an address (sandbox creation failed for lack of one). */
  public int podsEverWithoutAddress() {
    return podsEverWithoutAddress;
  }

  /** Pods waiting for an address now. */
  public int podsWithoutAddressNow() {
    return awaitingAddress.size();
  }

  /** Pods whose container start waited for a credential from a saturated issuer. */
  public int podsDelayedByCredentials() {
    return podsDelayedByCredentials;
  }

  /** The cluster's identity layer (read it; the platform changes it). */
  public ClusterIdentity identity() {
    return identity;
  }

  /** KuSP's own figures, with {@link #metrics()} inside. */
  public KuspMetrics kuspMetrics() {
    long now = sim.now();
    Map<NodeState, Integer> nn = new EnumMap<>(NodeState.class);
    Map<NodeState, Double> na = new EnumMap<>(NodeState.class);
    for (NodeState s : NODE_STATES) {
      nn.put(s, nodeCounts[s.ordinal()]);
      na.put(s, nodeAverages[s.ordinal()].average(now));
    }
    Map<PodPhase, Integer> pn = new EnumMap<>(PodPhase.class);
    Map<PodPhase, Double> pa = new EnumMap<>(PodPhase.class);
    for (PodPhase p : PHASES) {
      pn.put(p, phaseCounts[p.ordinal()]);
      pa.put(p, phaseAverages[p.ordinal()].average(now));
    }
    TreeMap<String, String> unsched = new TreeMap<>();
    for (Pod p : unschedulable.values()) {
      unsched.put(p.id(), p.unschedulableMessage());
    }
    for (Pod p : activeQueue) {
      if (p.unschedulableMessage() != null) {
        unsched.put(p.id(), p.unschedulableMessage());
      }
    }
    return new KuspMetrics(metrics(), nn, na, pn, pa,
        ratio(strandedCpu.integral(now), billedCpu.integral(now)),
        ratio(strandedMemory.integral(now), billedMemory.integral(now)),
        DurationSummary.of(startups.schedulingMillis()), DurationSummary.of(startups.pullMillis()),
        DurationSummary.of(startups.startMillis()), DurationSummary.of(startups.readinessMillis()),
        unsched, unschedulableReasons, everUnschedulable, evictions, bytesPulled, bytesCollected,
        containerRestarts, preemptions);
  }

  private static double ratio(double num, double den) {
    return den <= 0 ? 0 : num / den;
  }

  // ================================================================ reads

  /** Every rollout of every service, in start order. */
  public List<RolloutRecord> rollouts() {
    List<Rollout> all = new ArrayList<>();
    for (Deployment d : deployments.values()) {
      all.addAll(d.rollouts);
    }
    all.sort(Comparator.comparingLong(r -> r.start));
    List<RolloutRecord> out = new ArrayList<>();
    for (Rollout r : all) {
      out.add(r.record(sim.now()));
    }
    return out;
  }

  /** Whether the latest rollout of {@code service} exceeded its progress deadline (ProgressDeadlineExceeded). */
  public boolean progressDeadlineExceeded(String service) {
    Deployment d = deployment(service);
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
    Deployment d = deployment(service);
    List<ReplicaSetStep> out = new ArrayList<>();
    for (int i = 0; i < d.stepCount; i++) {
      long at = d.steps[2 * i];
      if (at >= sinceMillis) {
        long counts = d.steps[2 * i + 1];
        out.add(new ReplicaSetStep(at, (int) (counts >>> 32), (int) counts));
      }
    }
    return out;
  }

  /** Live pods (not yet deleted), DaemonSet pods included, in creation order. */
  public List<Pod> pods() {
    List<Pod> out = new ArrayList<>(liveCount);
    for (int i = 0; i < liveEnd; i++) {
      if (livePods[i] != null) {
        out.add(livePods[i]);
      }
    }
    return List.copyOf(out);
  }

  /** Live pods of {@code service}. */
  public List<Pod> pods(String service) {
    deployment(service);
    List<Pod> out = new ArrayList<>();
    for (int i = 0; i < liveEnd; i++) {
      Pod p = livePods[i];
      if (p != null && !p.daemon() && p.service().equals(service)) {
        out.add(p);
      }
    }
    return out;
  }

  /** Every node ever requested, including gone ones, in request order. */
  public List<Node> nodes() {
    return List.copyOf(nodes);
  }

  /**
   * Per-pod start-up splits, in the order pods became Ready: an immutable snapshot (later pods do
   * not show in it) whose records are built from primitive columns as they are read.
   */
  public List<PodStartup> startups() {
    return startups.snapshot();
  }

  /** Node lifecycle evictions so far. */
  public List<NodeEviction> evictions() {
    return List.copyOf(evictions);
  }

  /** Available pods of {@code service} (all revisions). */
  public int available(String service) {
    int n = 0;
    for (ReplicaSet rs : deployment(service).sets) {
      n += rs.available();
    }
    return n;
  }

  /** Desired replicas of {@code service}. */
  public int replicas(String service) {
    return deployment(service).replicas;
  }

  /** Live pods per phase now. */
  public Map<PodPhase, Integer> podsByPhase() {
    Map<PodPhase, Integer> m = new EnumMap<>(PodPhase.class);
    for (PodPhase p : PHASES) {
      m.put(p, phaseCounts[p.ordinal()]);
    }
    return m;
  }

  /** The scheduler's node table (read it, do not change it). */
  public NodeTable nodeTable() {
    return table;
  }

  private Deployment deployment(String service) {
    Deployment d = deployments.get(service);
    if (d == null) {
      throw new IllegalArgumentException("unknown service '" + service + "'; deployed: " + deployments.keySet());
    }
    return d;
  }

  @Override
  public String toString() {
    return "KuspPlatform[" + nodeCounts[NodeState.READY.ordinal()] + " ready nodes, " + liveCount + " pods, services "
        + deployments.keySet() + " at " + sim.now() + " ms]";
  }

  // ================================================================ nodes

  private Node newNode() {
    String zone = nextZone();
    Node n = new Node("node-" + (++nodeSeq), zone, config.nodeType().diskBytes(), sim.now(), table);
    nodes.add(n);
    nodesByName.put(n.name, n);
    nodeCounts[NodeState.PROVISIONING.ordinal()]++;
    nodeAverages[NodeState.PROVISIONING.ordinal()].update(sim.now(), nodeCounts[NodeState.PROVISIONING.ordinal()]);
    billing(+1);
    sample();
    return n;
  }

  private String nextZone() {
    List<String> zones = config.zones();
    for (int i = 0; i < zones.size(); i++) {
      String z = zones.get(zoneCursor++ % zones.size());
      if (!downZones.contains(z)) {
        return z;
      }
    }
    return zones.get(zoneCursor++ % zones.size());
  }

  private void provisionNode() {
    Node n = newNode();
    sim.schedule(provisioning.next(), () -> join(n));
  }

  /** Nodes billed now (tests check it against the nodes not GONE). */
  int billedNodesNow() {
    return billedNow;
  }

  private void billing(int delta) {
    long now = sim.now();
    billedNow += delta;
    peakBilled = Math.max(peakBilled, billedNow);
    billed.update(now, billedNow);
    billedCpu.update(now, billedNow * (double) config.nodeType().capacity().milliCpu());
    billedMemory.update(now, billedNow * (double) config.nodeType().capacity().memoryMib());
  }

  private void setNodeState(Node n, NodeState s) {
    long now = sim.now();
    nodeCounts[n.state.ordinal()]--;
    nodeAverages[n.state.ordinal()].update(now, nodeCounts[n.state.ordinal()]);
    n.state = s;
    nodeCounts[s.ordinal()]++;
    nodeAverages[s.ordinal()].update(now, nodeCounts[s.ordinal()]);
    sample();
  }

  /** Records the counts now, replacing a sample taken earlier at the same instant. */
  private void sample() {
    timeline.add(sim.now(), nodeCounts, phaseCounts);
  }

  /**
   * Nodes per state and pods per phase at every instant they changed, in time order (decoded from
   * a delta-encoded log by this call).
   */
  public List<ClusterSample> stateTimeline() {
    List<ClusterSample> out = new ArrayList<>(timeline.size());
    timeline.forEach((i, time, counts) -> {
      Map<NodeState, Integer> n = new EnumMap<>(NodeState.class);
      for (NodeState st : NODE_STATES) {
        n.put(st, counts[st.ordinal()]);
      }
      Map<PodPhase, Integer> p = new EnumMap<>(PodPhase.class);
      for (PodPhase ph : PHASES) {
        p.put(ph, counts[NODE_STATES.length + ph.ordinal()]);
      }
      out.add(new ClusterSample(time, n, p));
    });
    return out;
  }

  private void join(Node n) {
    if (n.state != NodeState.PROVISIONING) {
      return;
    }
    NodeSpec.Builder b = NodeSpec.builder(n.name, registry)
        .allocatable("cpu", allocatable.milliCpu())
        .allocatable("memory", allocatable.memoryMib() << 20)
        .allocatable("pods", config.nodeType().maxPods())
        // nodefs.available<10%: k/k pkg/kubelet/apis/config/v1beta1/defaults_linux.go.
        .allocatable("ephemeral-storage", config.nodeType().diskBytes() - config.nodeType().diskBytes() / 10)
        .zone(n.zone);
    for (ImageDescription img : config.preloadedImages()) {
      b.image(img.reference(), img.totalBytes());
      n.cache.store(img, sim.now());
    }
    n.index = table.addNode(b.build());
    nodesByIndex.add(n);
    n.joinedAt = sim.now();
    Allocation range = identity.nodeJoined(n.name, config.nodeType().name(), n.zone, sim.now());
    n.addressed = range.isGranted();
    setNodeState(n, NodeState.READY);
    if (!n.addressed) {
      // No pod range (overlay cluster CIDR full) or no primary address (subnet full): the node is
      // billed but can run no pod with an address; keep the scheduler off it. Counted by the
      // identity layer's exhaustion events.
      block(n);
    }
    for (DaemonSet ds : config.daemonSets()) {
      Pod p = newPod(ds.name() + "-" + n.name, ds.name(), 0, true, daemonImage(ds), ds.request(),
          2_000_001_000, false, null);
      bindPod(p, n);
      p.containerState(ContainerState.RUNNING);
      setPhase(p, PodPhase.RUNNING);
      p.setReady(true);
    }
    updateStranded(n);
    retryUnschedulable();
  }

  // DaemonSet images are baked into the node image: one description per DaemonSet, shared by its pods.
  private ImageDescription daemonImage(DaemonSet ds) {
    return daemonImages.computeIfAbsent(ds.name(), ImageDescription::named);
  }

  private void crash(Node n) {
    long now = sim.now();
    n.responsive = false;
    n.crashedAt = now;
    // The kubelet is gone: every timer of its pods stops, its pull queue is lost.
    for (Pod p : n.pods) {
      cancelTimers(p);
      p.setPulling(false);
    }
    n.pullQueue = null;
    n.activePulls = 0;
    long lastHeartbeat = n.lastHeartbeat(now, config.nodeStatusUpdateMillis());
    long notReadyAt = Math.max(now, lastHeartbeat + config.nodeMonitorGracePeriodMillis());
    sim.scheduleAt(notReadyAt, () -> markNotReady(n, lastHeartbeat));
  }

  private void markNotReady(Node n, long lastHeartbeat) {
    if (n.state == NodeState.GONE) {
      return;
    }
    setNodeState(n, NodeState.NOT_READY);
    block(n);
    // MarkPodsNotReady: k/k pkg/controller/nodelifecycle/node_lifecycle_controller.go.
    for (Pod p : new ArrayList<>(n.pods)) {
      if (!p.daemon()) {
        setUnready(p);
      }
    }
    NodeEviction pending = new NodeEviction(n.name, lastHeartbeat, sim.now(), -1, 0);
    int idx = evictions.size();
    evictions.add(pending);
    sim.schedule(config.notReadyTolerationMillis(), () -> evict(n, idx));
  }

  private void evict(Node n, int evictionIndex) {
    if (n.state == NodeState.GONE) {
      return;
    }
    int count = 0;
    for (Pod p : new ArrayList<>(n.pods)) {
      if (!p.daemon()) {
        Deployment d = deploymentOf(p);
        if (d != null) {
          if (d.evictedAt == null) {
            d.evictedAt = new ArrayDeque<>();
          }
          d.evictedAt.add(sim.now());
        }
        deletePod(p, PodPhase.FAILED);
        count++;
      }
    }
    NodeEviction e = evictions.get(evictionIndex);
    evictions.set(evictionIndex, new NodeEviction(e.node(), e.lastHeartbeat(), e.notReadyAt(), sim.now(), count));
    removeNode(n);
    // The node group keeps its size: the unreachable instance is replaced.
    provisionNode();
  }

  /**
   * Removes the node's instance: finishes its pods and bills it off. Idempotent: the flag is set
   * before any pod is finished, because finishing the last pods of a DRAINING node calls back here.
   */
  private void removeNode(Node n) {
    if (n.removing || n.state == NodeState.GONE) {
      return;
    }
    n.removing = true;
    for (Pod p : new ArrayList<>(n.pods)) {
      if (p.daemon()) {
        finish(p, PodPhase.SUCCEEDED);
      } else {
        deletePod(p, PodPhase.FAILED);
        if (!p.gone()) {
          finish(p, PodPhase.FAILED);
        }
      }
    }
    block(n);
    n.pullQueue = null;
    bindNominated(n);
    if (n.addressed) {
      identity.nodeLeft(n.name);
      n.addressed = false;
    }
    n.goneAt = sim.now();
    setNodeState(n, NodeState.GONE);
    billing(-1);
    updateStranded(n);
  }

  /**
   * Keeps the scheduler off a node that is NotReady, draining, gone or without pod addresses by
   * cordoning it in the scheduler's node table ({@code spec.unschedulable}, as the node lifecycle
   * controller's {@code node.kubernetes.io/unschedulable} taint and {@code kubectl drain} do):
   * the NodeUnschedulable filter then rejects it with "node(s) were unschedulable" (upstream
   * ErrReasonUnschedulable). Its pods stay bound until they are removed.
   */
  private void block(Node n) {
    if (n.blocked || n.index < 0) {
      return;
    }
    n.blocked = true;
    table.setUnschedulable(n.index, true);
  }

  private boolean schedulable(Node n) {
    return n.state == NodeState.READY && !n.blocked;
  }

  // ================================================================ pods

  private Pod newPod(String id, String service, int revision, boolean daemon, ImageDescription image, Resources request,
      int priority, boolean broken, Deployment d) {
    Resources limits = d == null ? null : d.spec.limits();
    boolean anti = d != null && d.service.placement().antiAffinity();
    boolean zoneSpread = d != null && d.service.placement().zoneSpread() > 1;
    // One scheduler spec per template (a ReplicaSet's or DaemonSet's pods differ only in name):
    // each pod gets it renamed, sharing labels, containers and requests instead of copying them.
    PodTemplate key = new PodTemplate(service, image.reference(), request, priority, anti, zoneSpread);
    TemplateUse use = templates.get(key);
    if (use == null) {
      PodSpec.Builder b = PodSpec.builder(service + "-template", registry).priority(priority).label(APP_LABEL, service);
      ResourceVector.Builder req = ResourceVector.builder(registry);
      if (request.milliCpu() > 0) {
        req.set(DimensionRegistry.CPU, request.milliCpu());
      }
      if (request.memoryMib() > 0) {
        req.set(DimensionRegistry.MEMORY, request.memoryMib() << 20);
      }
      b.container(new Container("app", image.reference(), req.build()));
      if (anti) {
        b.antiAffinity(new AntiAffinityTerm(LabelSelector.matchLabels(APP_LABEL, service), NodeSpec.HOSTNAME));
      }
      if (zoneSpread) {
        b.spread(new SpreadConstraint(1, NodeSpec.ZONE, WhenUnsatisfiable.DO_NOT_SCHEDULE,
            LabelSelector.matchLabels(APP_LABEL, service)));
      }
      use = new TemplateUse(key, b.build());
      templates.put(key, use);
    }
    use.pods++;
    PodSpec template = use.spec;
    QosClass qos = QosClass.of(request, limits);
    PodKind kind = new PodKind(service, revision, image, request, qos, priority, use);
    if (kind.equals(use.kind)) {
      kind = use.kind;
    } else if (use.kind == null) {
      use.kind = kind;
    }
    Pod p = new Pod(++podSeq, kind, daemon, template.withId(id), broken, sim.now());
    addLive(p);
    phaseCounts[PodPhase.PENDING.ordinal()]++;
    phaseAverages[PodPhase.PENDING.ordinal()].update(sim.now(), phaseCounts[PodPhase.PENDING.ordinal()]);
    sample();
    return p;
  }

  private void addLive(Pod p) {
    if (liveEnd == livePods.length) {
      if (liveCount < liveEnd / 2) {
        compactLive();
      } else {
        livePods = Arrays.copyOf(livePods, liveEnd + (liveEnd >> 1));
      }
    }
    p.slot = liveEnd;
    livePods[liveEnd++] = p;
    liveCount++;
  }

  private void releaseTemplate(Pod p) {
    TemplateUse use = p.kind.template();
    if (--use.pods == 0) {
      templates.remove(use.key, use);
    }
  }

  private void removeLive(Pod p) {
    if (p.slot < 0) {
      return;
    }
    livePods[p.slot] = null;
    p.slot = -1;
    liveCount--;
    // Compacting once half the slots are holes keeps the array within twice the live pods; each
    // compaction follows at least liveEnd / 2 removals, so its cost is O(1) per removal.
    if (liveEnd > 64 && liveCount < liveEnd / 2) {
      compactLive();
    }
  }

  // Moves the live pods to the front in creation order and shrinks the array to fit them.
  private void compactLive() {
    int j = 0;
    for (int i = 0; i < liveEnd; i++) {
      Pod q = livePods[i];
      if (q != null) {
        q.slot = j;
        livePods[j++] = q;
      }
    }
    Arrays.fill(livePods, j, liveEnd, null);
    liveEnd = j;
    int capacity = Math.max(64, j + (j >> 1));
    if (capacity < livePods.length) {
      livePods = Arrays.copyOf(livePods, capacity);
    }
  }

  private void setPhase(Pod p, PodPhase phase) {
    if (p.phase() == phase) {
      return;
    }
    long now = sim.now();
    if (!p.gone()) {
      phaseCounts[p.phase().ordinal()]--;
      phaseAverages[p.phase().ordinal()].update(now, phaseCounts[p.phase().ordinal()]);
      phaseCounts[phase.ordinal()]++;
      phaseAverages[phase.ordinal()].update(now, phaseCounts[phase.ordinal()]);
    }
    p.phase(phase);
    sample();
  }

  private void bindPod(Pod p, Node n) {
    table.bind(p.spec, n.index);
    p.node = n;
    p.scheduledAt(sim.now());
    n.pods.add(p);
    n.unneededSince = -1;
    if (!p.daemon()) {
      allocatedCpu.add(sim.now(), p.request().milliCpu());
      allocatedMemory.add(sim.now(), p.request().memoryMib());
    }
    updateStranded(n);
  }

  // Cancels the pending event with this handle, if any (a handle below 0 is none), and returns
  // the handle of no event, for the pod field that held it.
  private long cancelled(long handle) {
    if (handle >= 0) {
      sim.cancel(handle);
    }
    return -1;
  }

  private void cancelTimers(Pod p) {
    p.timer(cancelled(p.timer()));
    p.readyTimer(cancelled(p.readyTimer()));
  }

  /**
   * Deletes a pod (sets its deletion timestamp): it leaves its ReplicaSet at once; a running
   * container gets SIGTERM and exits after {@code min(shutdown, grace)}; otherwise it is removed
   * at once. {@code phaseIfKilled} is the phase it ends in when it does not exit cleanly.
   */
  private void deletePod(Pod p, PodPhase phaseIfKilled) {
    if (p.terminating() || p.gone()) {
      return;
    }
    p.setTerminating(true);
    setUnready(p);
    cancelTimers(p);
    if (p.inQueue()) {
      activeQueue.remove(p);
      p.setInQueue(false);
    }
    unpark(p);
    if (p.nominated() != null) {
      p.nominated().nominated.remove(p);
      p.nominated(null);
    }
    ReplicaSet rs = p.owner instanceof ReplicaSet r ? r : null;
    if (rs != null) {
      rs.remove(p);
      rs.terminating++;
    }
    Node n = p.node;
    if (n != null && n.pullQueue != null && n.pullQueue.remove(p)) {
      p.waitingReason = "Terminating";
    }
    if (n != null && p.pulling()) {
      p.setPulling(false);
      n.activePulls--;
      pumpPulls(n);
    }
    if (n == null || !n.responsive || n.state == NodeState.GONE) {
      finish(p, phaseIfKilled);
    } else if (p.containerState() == ContainerState.RUNNING) {
      Deployment d = deploymentOf(p);
      long shutdown = d == null ? 0 : d.spec.shutdownMillis();
      long grace = config.terminationGracePeriodMillis();
      PodPhase end = shutdown <= grace ? PodPhase.SUCCEEDED : PodPhase.FAILED;
      p.timer(sim.schedule(Math.min(shutdown, grace), () -> finish(p, end)));
    } else {
      finish(p, phaseIfKilled == PodPhase.FAILED ? PodPhase.FAILED : PodPhase.SUCCEEDED);
    }
    if (rs != null) {
      requestSync(rs.deployment);
    }
  }

  /** The pod's containers are gone: free its resources and remove it. */
  private void finish(Pod p, PodPhase phase) {
    if (p.gone()) {
      return;
    }
    long now = sim.now();
    cancelTimers(p);
    if (p.containerState() == ContainerState.RUNNING) {
      stopRunning(p);
    }
    p.containerState(ContainerState.TERMINATED);
    setPhase(p, phase);
    phaseCounts[phase.ordinal()]--;
    phaseAverages[phase.ordinal()].update(now, phaseCounts[phase.ordinal()]);
    p.setGone(true);
    sample();
    removeLive(p);
    releaseTemplate(p);
    if (p.inQueue()) {
      activeQueue.remove(p);
      p.setInQueue(false);
    }
    unpark(p);
    Node n = p.node;
    boolean released = releaseIdentity(p);
    if (n != null) {
      if (table.bound(p.id()) != null) {
        table.unbind(p.id());
      }
      n.pods.remove(p);
      if (!p.daemon()) {
        allocatedCpu.add(now, -p.request().milliCpu());
        allocatedMemory.add(now, -p.request().memoryMib());
      }
      updateStranded(n);
      // A node being removed finishes its DaemonSet pods itself: it must not re-enter removal
      // (that billed it off once per DaemonSet pod).
      if (n.state == NodeState.DRAINING && !n.removing && n.pods.stream().allMatch(x -> x.daemon())) {
        removeNode(n);
      }
      bindNominated(n);
      if (released) {
        retryAddress(n);
      }
    }
    if (p.owner instanceof ReplicaSet rs) {
      if (p.terminating()) {
        rs.terminating--;
      } else {
        rs.remove(p);
      }
      requestSync(rs.deployment);
    }
    if (n != null) {
      retryUnschedulableAfterRemoval(n);
    }
  }

  /** Binds the pods nominated to {@code n} by preemption that fit now, highest priority first. */
  private void bindNominated(Node n) {
    if (n.nominated.isEmpty()) {
      return;
    }
    n.nominated.sort(Comparator.comparingInt((Pod q) -> -q.priority()).thenComparingLong(q -> q.seq));
    for (Pod q : new ArrayList<>(n.nominated)) {
      if (q.gone() || q.terminating()) {
        n.nominated.remove(q);
        continue;
      }
      if (!schedulable(n)) {
        // The node went away: schedule the pod afresh.
        n.nominated.remove(q);
        q.nominated(null);
        enqueue(q);
        continue;
      }
      if (q.request().milliCpu() <= allocatable.milliCpu() - n.requestedMilliCpu()
          && q.request().memoryMib() <= allocatable.memoryMib() - n.requestedMemoryMib()
          && n.pods.size() < config.nodeType().maxPods()) {
        n.nominated.remove(q);
        q.nominated(null);
        q.unschedulableMessage(null);
        bindPod(q, n);
        startPod(q);
      }
    }
  }

  private Deployment deploymentOf(Pod p) {
    return p.owner instanceof ReplicaSet rs ? rs.deployment : null;
  }

  // ================================================================ scheduling queue

  private void enqueue(Pod p) {
    p.queueSeq(++queueSeq);
    p.setInQueue(true);
    activeQueue.add(p);
    kickScheduler();
  }

  private void kickScheduler() {
    if (schedulerBusy || activeQueue.isEmpty()) {
      return;
    }
    Pod p = activeQueue.pollFirst();
    p.setInQueue(false);
    schedulerBusy = true;
    sim.schedule(schedulingLatency.next(), () -> scheduleOne(p));
  }

  private void scheduleOne(Pod p) {
    schedulerBusy = false;
    if (!p.terminating() && !p.gone()) {
      Placement placement = scheduler.place(p.spec);
      if (placement.isScheduled()) {
        Node n = nodesByIndex.get(placement.node());
        p.unschedulableMessage(null);
        bindPod(p, n);
        startPod(p);
      } else {
        if (p.unschedulableMessage() == null) {
          everUnschedulable++;
        }
        p.unschedulableMessage(placement.message());
        p.waitingReason = "Unschedulable";
        placement.reasons().forEach((r, c) -> unschedulableReasons.merge(r, 1, Integer::sum));
        if (p.nominated() != null || !preempt(p)) {
          if (p.nominated() == null) {
            park(p);
          }
        }
      }
    }
    kickScheduler();
  }

  /**
   * A pod left {@code n}: moves back only the unschedulable pods this could help, like the
   * NodeResourcesFit queueing hint (k/k pkg/scheduler/framework/plugins/noderesources/fit.go
   * isSchedulableAfterPodEvent): pods whose request fits what is now free on {@code n}, and pods
   * with spread or anti-affinity constraints, which a removal elsewhere can also unblock.
   *
   * <p>Unlike upstream, which moves every pod the hint admits and lets all but the first fail
   * again (its backoff of 1 s to 10 s then bounds the retries), the pods admitted on resources
   * alone are offered {@code n}'s free space in queue order and moved only while it lasts. The
   * others could not fit anywhere at their last attempt and this removal freed room for none of
   * them, so the outcome is the one upstream reaches, without a failed cycle (O(nodes) each) per
   * pod per removal, which made a large release quadratic in the fleet.
   */
  private void retryUnschedulableAfterRemoval(Node n) {
    if (unschedulable.isEmpty()) {
      return;
    }
    long freeCpu = allocatable.milliCpu() - n.requestedMilliCpu();
    long freeMem = allocatable.memoryMib() - n.requestedMemoryMib();
    long freePods = config.nodeType().maxPods() - n.pods.size();
    List<Pod> helped = new ArrayList<>();
    if (waitingByCpu.size() < unschedulable.size()) {
      for (Pod p : unschedulable.values()) {
        if (constrained(p)) {
          helped.add(p);
        }
      }
    }
    if (schedulable(n) && freePods > 0 && !waitingByCpu.isEmpty()
        && waitingByCpu.first().request().milliCpu() <= freeCpu) {
      List<Pod> fitting = new ArrayList<>();
      for (Pod p : waitingByCpu) {
        if (p.request().milliCpu() > freeCpu) {
          break;
        }
        if (p.request().memoryMib() <= freeMem) {
          fitting.add(p);
        }
      }
      fitting.sort(activeQueue.comparator());
      for (Pod p : fitting) {
        if (freePods > 0 && p.request().milliCpu() <= freeCpu && p.request().memoryMib() <= freeMem) {
          helped.add(p);
          freeCpu -= p.request().milliCpu();
          freeMem -= p.request().memoryMib();
          freePods--;
        }
      }
    }
    for (Pod p : helped) {
      unpark(p);
      enqueue(p);
    }
  }

  private static boolean constrained(Pod p) {
    return !p.spec.antiAffinity().isEmpty() || !p.spec.spreadConstraints().isEmpty();
  }

  /** Parks {@code p} among the unschedulable pods until a cluster event may help it. */
  private void park(Pod p) {
    unschedulable.put(p.id(), p);
    if (!constrained(p)) {
      waitingByCpu.add(p);
    }
  }

  private void unpark(Pod p) {
    if (unschedulable.remove(p.id()) != null && !constrained(p)) {
      waitingByCpu.remove(p);
    }
  }

  /** Moves every unschedulable pod back to the active queue: the cluster changed. */
  private void retryUnschedulable() {
    if (unschedulable.isEmpty()) {
      return;
    }
    List<Pod> waiting = new ArrayList<>(unschedulable.values());
    unschedulable.clear();
    waitingByCpu.clear();
    for (Pod p : waiting) {
      enqueue(p);
    }
  }

  /**
   * DefaultPreemption, on resources only (k/k pkg/scheduler/framework/preemption/preemption.go,
   * simplified): a schedulable node is a candidate if evicting all its lower-priority pods would
   * make the pod fit on CPU, memory and pod count; victims are then reprieved highest priority
   * first while the pod still fits; the node with the lowest highest-victim priority, then the
   * smallest priority sum, then the fewest victims, then the first, wins. Victims get their
   * graceful termination; the preemptor waits unschedulable and is retried when they are gone.
   *
   * @return whether victims were chosen
   */
  private boolean preempt(Pod p) {
    if (minDeploymentPriority >= p.priority()) {
      return false;
    }
    Node best = null;
    List<Pod> bestVictims = null;
    long bestHigh = Long.MAX_VALUE;
    long bestSum = Long.MAX_VALUE;
    for (Node n : nodes) {
      if (!schedulable(n)) {
        continue;
      }
      List<Pod> lower = new ArrayList<>();
      long freeCpu = allocatable.milliCpu() - n.requestedMilliCpu();
      long freeMem = allocatable.memoryMib() - n.requestedMemoryMib();
      long freePods = config.nodeType().maxPods() - n.pods.size();
      for (Pod q : n.pods) {
        if (q.terminating()) {
          // Already going: its resources come back without another victim.
          continue;
        }
        if (q.priority() < p.priority() && !q.daemon()) {
          lower.add(q);
        }
      }
      long cpu = freeCpu;
      long mem = freeMem;
      long cnt = freePods;
      for (Pod q : lower) {
        cpu += q.request().milliCpu();
        mem += q.request().memoryMib();
        cnt++;
      }
      if (lower.isEmpty() || cpu < p.request().milliCpu() || mem < p.request().memoryMib() || cnt < 1) {
        continue;
      }
      lower.sort(Comparator.comparingInt((Pod q) -> -q.priority()).thenComparingLong(q -> q.seq));
      List<Pod> victims = new ArrayList<>();
      for (Pod q : lower) {
        long c2 = cpu - q.request().milliCpu();
        long m2 = mem - q.request().memoryMib();
        if (c2 >= p.request().milliCpu() && m2 >= p.request().memoryMib() && cnt - 1 >= 1) {
          cpu = c2;
          mem = m2;
          cnt--;
        } else {
          victims.add(q);
        }
      }
      long high = Long.MIN_VALUE;
      long sum = 0;
      for (Pod q : victims) {
        high = Math.max(high, q.priority());
        sum += (long) q.priority() + (1L << 31);
      }
      if (best == null || high < bestHigh || (high == bestHigh && (sum < bestSum
          || (sum == bestSum && victims.size() < bestVictims.size())))) {
        best = n;
        bestVictims = victims;
        bestHigh = high;
        bestSum = sum;
      }
    }
    if (best == null || bestVictims.isEmpty()) {
      return false;
    }
    // nominatedNodeName: the preemptor binds there as soon as the victims are gone, before any
    // lower-priority pod can take the space (schedule_one.go / preemption.go).
    p.nominated(best);
    best.nominated.add(p);
    for (Pod v : bestVictims) {
      preemptions++;
      deletePod(v, PodPhase.FAILED);
    }
    return true;
  }

  // ================================================================ kubelet

  /**
   * The kubelet sets the pod up: it takes an address (the CNI's ADD at sandbox creation) and its
   * certificate and service-account token (mounted volumes) from the identity layer, then pulls
   * and starts. Without an address the sandbox fails and the pod stays Pending with the reason
   * until an address on its node (or, VPC-native, in its subnet) is released. The container
   * cannot start before both credentials are issued: a saturated authority delays it.
   */
  private void startPod(Pod p) {
    Node n = p.node;
    if (!p.daemon() && !p.hasIdentity()) {
      // DaemonSet pods use the host network and the node's identity: they never get here.
      if (!n.addressed) {
        awaitAddress(p, "node has no pod addresses");
        return;
      }
      PodCredentials c = identity.podStarting(n.name, p.id(), p.service(), sim.now());
      if (!c.isGranted()) {
        awaitAddress(p, String.valueOf(c.address().reason()));
        return;
      }
      p.setHasIdentity(true);
      p.credentialsReadyAt(c.readyAtMillis());
      if (p.credentialsReadyAt() > sim.now()) {
        podsDelayedByCredentials++;
      }
      if (config.identity().renewCredentials()) {
        p.certificateRenewal(sim.scheduleAt(c.certificate().renewAtMillis(), () -> renewCertificate(p)));
        p.tokenRenewal(sim.scheduleAt(c.token().renewAtMillis(), () -> renewToken(p)));
      }
    }
    pullAndStart(p);
  }

  private void renewCertificate(Pod p) {
    p.certificateRenewal(-1);
    if (p.hasIdentity()) {
      long at = identity.renewCertificate(p.id(), sim.now()).renewAtMillis();
      p.certificateRenewal(sim.scheduleAt(at, () -> renewCertificate(p)));
    }
  }

  private void renewToken(Pod p) {
    p.tokenRenewal(-1);
    if (p.hasIdentity()) {
      long at = identity.renewToken(p.id(), sim.now()).renewAtMillis();
      p.tokenRenewal(sim.scheduleAt(at, () -> renewToken(p)));
    }
  }

  private void awaitAddress(Pod p, String reason) {
    // Upstream's event: FailedCreatePodSandBox "failed to assign an IP address to container".
    p.waitingReason = "FailedCreatePodSandBox: " + reason;
    if (!p.awaitingAddress()) {
      p.setAwaitingAddress(true);
      awaitingAddress.add(p);
    }
    if (!p.everAwaitedAddress()) {
      p.setEverAwaitedAddress(true);
      podsEverWithoutAddress++;
    }
  }

  /** Returns the pod's address and credentials; true if it held any. */
  private boolean releaseIdentity(Pod p) {
    if (p.awaitingAddress()) {
      p.setAwaitingAddress(false);
      awaitingAddress.remove(p);
    }
    if (!p.hasIdentity()) {
      return false;
    }
    p.setHasIdentity(false);
    p.certificateRenewal(cancelled(p.certificateRenewal()));
    p.tokenRenewal(cancelled(p.tokenRenewal()));
    identity.podStopped(p.id());
    return true;
  }

  /**
   * An address was released on {@code n}: the oldest pod waiting on that node retries (an
   * address per node range or ENI limit), else the oldest waiting for a full subnet anywhere.
   */
  private void retryAddress(Node n) {
    if (awaitingAddress.isEmpty()) {
      return;
    }
    Pod next = null;
    for (Pod q : awaitingAddress) {
      if (q.node == n) {
        next = q;
        break;
      }
    }
    if (next == null) {
      for (Pod q : awaitingAddress) {
        if (q.waitingReason.endsWith(ExhaustionReason.SUBNET_FULL.name())) {
          next = q;
          break;
        }
      }
    }
    if (next == null || next.terminating() || next.gone() || next.node == null || next.node.removing
        || next.node.state == NodeState.GONE || !next.node.responsive) {
      return;
    }
    Pod q = next;
    q.setAwaitingAddress(false);
    awaitingAddress.remove(q);
    startPod(q);
  }

  private void pullAndStart(Pod p) {
    Node n = p.node;
    Deployment d = deploymentOf(p);
    PullPolicy policy = d == null ? PullPolicy.IF_NOT_PRESENT : d.spec.pullPolicy();
    boolean present = n.cache.contains(p.image());
    if (policy == PullPolicy.NEVER && !present) {
      p.waitingReason = "ErrImageNeverPull";
      return;
    }
    if (policy == PullPolicy.ALWAYS || !present) {
      p.waitingReason = "ImagePull";
      if (n.pullQueue == null) {
        n.pullQueue = new ArrayDeque<>(4);
      }
      n.pullQueue.add(p);
      pumpPulls(n);
    } else {
      imagePresent(p);
    }
  }

  private void pumpPulls(Node n) {
    int limit = config.maxParallelImagePulls() == 0 ? Integer.MAX_VALUE : config.maxParallelImagePulls();
    while (n.activePulls < limit && n.pullQueue != null && !n.pullQueue.isEmpty() && n.responsive) {
      Pod p = n.pullQueue.poll();
      if (p.terminating() || p.gone()) {
        continue;
      }
      n.activePulls++;
      p.setPulling(true);
      long missing = n.cache.missingBytes(p.image());
      long bandwidth = Math.min(config.nodeBandwidthBytesPerSecond(), config.registryBandwidthBytesPerSecond());
      // Whole milliseconds, rounded up: 170 MB at 10 MB/s = 17 000 ms exactly.
      long millis = Math.floorDiv(Math.multiplyExact(missing, 1000L) + bandwidth - 1, bandwidth);
      bytesPulled += missing;
      p.timer(sim.schedule(millis, () -> pullDone(n, p)));
    }
    if (n.pullQueue != null && n.pullQueue.isEmpty()) {
      n.pullQueue = null;
    }
  }

  private void pullDone(Node n, Pod p) {
    p.timer(-1);
    n.activePulls--;
    p.setPulling(false);
    long now = sim.now();
    n.cache.store(p.image(), now);
    scheduleImageGc(n);
    imagePresent(p);
    pumpPulls(n);
  }

  /**
   * The kubelet checks image disk usage every 5 min (k/k pkg/kubelet/kubelet.go ImageGCPeriod,
   * counted from the node joining) and collects at 85% down to 80%. The check is only scheduled
   * while usage is above the high threshold, so an idle simulation still runs dry.
   */
  private void scheduleImageGc(Node n) {
    if (n.gcPending || n.cache.usagePercent() <= ImageCache.HIGH_THRESHOLD_PERCENT || n.joinedAt < 0) {
      return;
    }
    n.gcPending = true;
    long now = sim.now();
    long next = n.joinedAt + ((now - n.joinedAt) / IMAGE_GC_PERIOD_MILLIS + 1) * IMAGE_GC_PERIOD_MILLIS;
    sim.scheduleAt(next, () -> {
      n.gcPending = false;
      if (n.responsive && n.state != NodeState.GONE) {
        bytesCollected += n.cache.collectGarbage(sim.now());
      }
    });
  }

  private void imagePresent(Pod p) {
    if (p.readyAt() < 0) {
      p.pulledAt(sim.now());
    }
    startContainer(p);
  }

  private void startContainer(Pod p) {
    Deployment d = deploymentOf(p);
    p.containerState(ContainerState.WAITING);
    p.waitingReason = "ContainerCreating";
    long startup = d == null ? 0 : d.service.startupMillis();
    // The container cannot start before its certificate and token are issued.
    long credentials = Math.max(0, p.credentialsReadyAt() - sim.now());
    p.timer(sim.schedule(credentials + startup, () -> running(p)));
  }

  private void running(Pod p) {
    long now = sim.now();
    p.timer(-1);
    p.containerState(ContainerState.RUNNING);
    // Read only for the first Ready's start-up split; the start-up state is dropped then.
    if (p.readyAt() < 0 && p.runningAt() < 0) {
      p.runningAt(now);
    }
    setPhase(p, PodPhase.RUNNING);
    p.recordStart(now);
    p.node.cache.acquire(p.image(), now);
    Deployment d = deploymentOf(p);
    if (d == null) {
      return;
    }
    d.running++;
    refreshUsage(d);
    DeploymentSpec spec = d.spec;
    long crash = spec.crashAfterMillis();
    if (!p.broken()) {
      long hc = d.service.healthCheckMillis();
      long startupDone = spec.startup() == null ? 0 : spec.startup().firstSuccessAfter(hc);
      long readyIn = spec.readiness().firstSuccessAfter(Math.max(hc, startupDone));
      if (crash < 0 || readyIn < crash) {
        p.readyTimer(sim.schedule(readyIn, () -> markReady(p)));
      }
    }
    long killIn = -1;
    if (p.broken()) {
      if (spec.startup() != null) {
        killIn = spec.startup().failedAfter();
      } else if (spec.liveness() != null) {
        killIn = spec.liveness().failedAfter();
      }
    }
    if (crash >= 0 && (killIn < 0 || crash <= killIn)) {
      p.timer(sim.schedule(crash, () -> containerExited(p, 1)));
    } else if (killIn >= 0) {
      p.timer(sim.schedule(killIn, () -> containerExited(p, 137)));
    }
  }

  private void stopRunning(Pod p) {
    long now = sim.now();
    p.node.cache.release(p.image(), now);
    scheduleImageGc(p.node);
    Deployment d = deploymentOf(p);
    if (d != null) {
      d.running--;
      refreshUsage(d);
    }
  }

  private void containerExited(Pod p, int exitCode) {
    long now = sim.now();
    p.timer(-1);
    p.readyTimer(cancelled(p.readyTimer()));
    stopRunning(p);
    p.containerState(ContainerState.TERMINATED);
    setUnready(p);
    // Deployments only allow restartPolicy Always.
    if (!RestartPolicy.ALWAYS.restarts(exitCode)) {
      return;
    }
    CrashLoopBackOff backOff = config.crashLoopBackOff();
    Pod.Restarts r = p.restartState();
    if (r.lastBackOffAt >= 0 && now - r.lastBackOffAt > backOff.resetMillis()) {
      r.backOffCount = 0;
    }
    r.backOffCount++;
    r.lastBackOffAt = now;
    p.restarted();
    containerRestarts++;
    p.containerState(ContainerState.WAITING);
    p.waitingReason = "CrashLoopBackOff";
    p.timer(sim.schedule(backOff.delayBeforeRestart(r.backOffCount), () -> startContainer(p)));
  }

  private void markReady(Pod p) {
    long now = sim.now();
    p.readyTimer(-1);
    p.setReady(true);
    if (p.readyAt() < 0) {
      p.readyAt(now);
      startups.add(p.id(), p.owner instanceof ReplicaSet rs ? rs : null, ordinalOf(p.id()), p.scheduledAt() - p.createdAt,
          p.pulledAt() - p.scheduledAt(), p.runningAt() - p.pulledAt(), p.readyAt() - p.runningAt());
      // Queueing, pulls, credentials and preemption are behind it: its start-up state goes.
      p.startupDone();
    }
    Deployment d = deploymentOf(p);
    long minReady = d == null ? 0 : d.spec.minReadyMillis();
    if (minReady == 0) {
      markAvailable(p);
    } else {
      p.readyTimer(sim.schedule(minReady, () -> markAvailable(p)));
    }
  }

  /** The number after a pod name's last '-' ({@code web-r2-7} → 7), or -1 if there is none. */
  private static int ordinalOf(String id) {
    int dash = id.lastIndexOf('-');
    if (dash < 0 || dash == id.length() - 1 || id.length() - dash > 10) {
      return -1;
    }
    int n = 0;
    for (int i = dash + 1; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  private void markAvailable(Pod p) {
    p.readyTimer(-1);
    if (!p.ready() || p.terminating()) {
      return;
    }
    p.setAvailable(true);
    if (p.availableAt() < 0) {
      p.availableAt(sim.now());
    }
    Deployment d = deploymentOf(p);
    if (d == null) {
      return;
    }
    ReplicaSet rs = (ReplicaSet) p.owner;
    rs.countAvailable(p);
    if (rs.revision > 1 && p.availableAt() == sim.now()) {
      rolloutPodTimes.add(p.availableAt() - p.createdAt);
    }
    if (d.evictedAt != null && !d.evictedAt.isEmpty()) {
      d.evictedAt.poll();
      failuresRecovered++;
    }
    if (d.rollout != null && d.rollout.end < 0 && rs == d.current) {
      touchProgress(d);
    }
    availabilityChanged(d);
  }

  private void setUnready(Pod p) {
    boolean wasAvailable = p.available();
    p.setReady(false);
    p.setAvailable(false);
    if (p.owner instanceof ReplicaSet rs) {
      rs.uncountAvailable(p);
    }
    p.readyTimer(cancelled(p.readyTimer()));
    Deployment d = deploymentOf(p);
    if (wasAvailable && d != null) {
      availabilityChanged(d);
    }
  }

  // ================================================================ Deployment and ReplicaSet controllers

  private void availabilityChanged(Deployment d) {
    if (d.rollout != null && d.rollout.end < 0) {
      d.rollout.updateOutOfService(sim.now());
    }
    requestSync(d);
  }

  private void requestSync(Deployment d) {
    if (d.syncPending) {
      return;
    }
    d.syncPending = true;
    sim.schedule(config.controllerLatencyMillis(), () -> {
      d.syncPending = false;
      // The ReplicaSet controller first: replace pods that went away (evicted, preempted).
      for (ReplicaSet rs : d.sets) {
        if (rs.pods.size() != rs.replicas) {
          reconcileReplicaSet(rs);
        }
      }
      if (syncOnce(d)) {
        recordStep(d);
        requestSync(d);
      }
      checkRolloutDone(d);
    });
  }

  private void recordStep(Deployment d) {
    int oldReplicas = 0;
    for (ReplicaSet rs : d.sets) {
      if (rs != d.current) {
        oldReplicas += rs.replicas;
      }
    }
    long now = sim.now();
    long counts = (long) d.current.replicas << 32 | (oldReplicas & 0xFFFF_FFFFL);
    if (d.stepCount > 0 && d.steps[2 * (d.stepCount - 1)] == now) {
      d.steps[2 * (d.stepCount - 1) + 1] = counts;
      return;
    }
    if (d.steps == null) {
      d.steps = new long[8];
    } else if (2 * d.stepCount == d.steps.length) {
      d.steps = Arrays.copyOf(d.steps, 2 * (d.stepCount + Math.max(2, d.stepCount >> 1)));
    }
    d.steps[2 * d.stepCount] = now;
    d.steps[2 * d.stepCount + 1] = counts;
    d.stepCount++;
  }

  /**
   * One sync of the Deployment controller; returns whether it scaled a ReplicaSet (then the
   * resulting ReplicaSet update triggers the next sync). RollingUpdate follows k/k
   * {@code pkg/controller/deployment/rolling.go rolloutRolling} (v1.31): scale the new ReplicaSet
   * up if possible ({@code NewRSNewReplicas}), otherwise scale old ones down
   * ({@code reconcileOldReplicaSets}: first unhealthy pods, then oldest first keeping
   * {@code replicas − maxUnavailable} available). Recreate follows {@code recreate.go}.
   */
  private boolean syncOnce(Deployment d) {
    ReplicaSet nrs = d.current;
    if (d.spec.strategy() == DeploymentSpec.Strategy.RECREATE) {
      boolean scaled = false;
      for (ReplicaSet rs : d.sets) {
        if (rs != nrs && rs.replicas > 0) {
          scaleReplicaSet(rs, 0);
          scaled = true;
        }
      }
      if (scaled) {
        return true;
      }
      for (ReplicaSet rs : d.sets) {
        if (rs != nrs && (!rs.pods.isEmpty() || rs.terminating > 0)) {
          return false;
        }
      }
      if (nrs.replicas != d.replicas) {
        scaleReplicaSet(nrs, d.replicas);
        return true;
      }
      return false;
    }
    Fenceposts f = d.spec.fenceposts(d.replicas);
    int total = 0;
    for (ReplicaSet rs : d.sets) {
      total += rs.replicas;
    }
    if (nrs.replicas != d.replicas) {
      if (nrs.replicas > d.replicas) {
        scaleReplicaSet(nrs, d.replicas);
        return true;
      }
      int maxTotal = d.replicas + f.surge();
      if (total < maxTotal) {
        int up = Math.min(maxTotal - total, d.replicas - nrs.replicas);
        scaleReplicaSet(nrs, nrs.replicas + up);
        return true;
      }
    }
    int oldReplicas = total - nrs.replicas;
    if (oldReplicas == 0) {
      return false;
    }
    int minAvailable = d.replicas - f.unavailable();
    int newUnavailable = nrs.replicas - nrs.available();
    int maxScaledDown = total - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) {
      return false;
    }
    int cleaned = 0;
    for (ReplicaSet rs : d.sets) {
      if (rs == nrs || cleaned >= maxScaledDown) {
        continue;
      }
      int avail = rs.available();
      if (rs.replicas == 0 || rs.replicas == avail) {
        continue;
      }
      int n = Math.min(maxScaledDown - cleaned, rs.replicas - avail);
      scaleReplicaSet(rs, rs.replicas - n);
      cleaned += n;
    }
    int availableAll = 0;
    for (ReplicaSet rs : d.sets) {
      availableAll += rs.available();
    }
    int scaledDown = 0;
    if (availableAll > minAvailable) {
      int totalDown = availableAll - minAvailable;
      for (ReplicaSet rs : d.sets) {
        if (rs == nrs || scaledDown >= totalDown || rs.replicas == 0) {
          continue;
        }
        int n = Math.min(rs.replicas, totalDown - scaledDown);
        scaleReplicaSet(rs, rs.replicas - n);
        scaledDown += n;
      }
    }
    return cleaned + scaledDown > 0;
  }

  /** Sets {@code spec.replicas} and lets the ReplicaSet controller create or delete pods. */
  private void scaleReplicaSet(ReplicaSet rs, int replicas) {
    Deployment d = rs.deployment;
    if (d.rollout != null && d.rollout.end < 0 && replicas != rs.replicas) {
      touchProgress(d);
    }
    rs.replicas = replicas;
    reconcileReplicaSet(rs);
  }

  /**
   * The ReplicaSet controller (k/k pkg/controller/replicaset/replica_set.go manageReplicas):
   * creates or deletes pods until the active pods match {@code spec.replicas}.
   */
  private void reconcileReplicaSet(ReplicaSet rs) {
    Deployment d = rs.deployment;
    int replicas = rs.replicas;
    int diff = rs.pods.size() - replicas;
    if (diff < 0) {
      for (int i = 0; i < -diff; i++) {
        String id = rs.podName(++rs.podCounter);
        boolean broken = rs.healthCheckFailureProbability > 0 && healthChecks.nextDouble() < rs.healthCheckFailureProbability;
        Pod p = newPod(id, d.service.name(), rs.revision, false, rs.image, d.service.request(), d.spec.priority(),
            broken, d);
        p.owner = rs;
        rs.pods.add(p);
        if (rs == d.current && d.rollout != null && d.rollout.end < 0) {
          d.rollout.podsCreated++;
        }
        enqueue(p);
      }
    } else if (diff > 0) {
      List<Pod> victims = PodDeletionOrder.choose(rs.pods, diff, sim.now());
      for (Pod p : victims) {
        deletePod(p, PodPhase.SUCCEEDED);
      }
    }
  }

  private void touchProgress(Deployment d) {
    Rollout r = d.rollout;
    if (r == null || r.end >= 0) {
      return;
    }
    if (r.deadlineTimer >= 0) {
      sim.cancel(r.deadlineTimer);
    }
    r.deadlineTimer = sim.schedule(d.spec.progressDeadlineMillis(), () -> {
      r.deadlineTimer = -1;
      if (r.end < 0 && !r.superseded) {
        r.deadlineExceeded = true;
      }
    });
  }

  /**
   * Complete when the new ReplicaSet has every desired replica available and no old pod is
   * active (k/k pkg/controller/deployment/util/deployment_util.go DeploymentComplete).
   */
  private void checkRolloutDone(Deployment d) {
    Rollout r = d.rollout;
    if (r == null || r.end >= 0 || r.superseded) {
      return;
    }
    ReplicaSet nrs = d.current;
    if (nrs.replicas != d.replicas || nrs.available() < d.replicas) {
      return;
    }
    for (ReplicaSet rs : d.sets) {
      if (rs != nrs && !rs.pods.isEmpty()) {
        return;
      }
    }
    r.updateOutOfService(sim.now());
    r.end = sim.now();
    if (r.deadlineTimer >= 0) {
      sim.cancel(r.deadlineTimer);
      r.deadlineTimer = -1;
    }
  }

  // ================================================================ autoscalers

  private void autoscalePods(Deployment d) {
    PodAutoscaling hpa = d.spec.autoscaling();
    long now = sim.now();
    if (d.running > 0 && d.service.request().milliCpu() > 0) {
      // Average CPU usage of the running pods in percent of their request (replica_calculator.go).
      double utilization = 100.0 * d.usedCpu / ((double) d.running * d.service.request().milliCpu());
      int desired = hpa.desiredReplicas(d.replicas, utilization);
      desired = Math.max(hpa.minReplicas(), Math.min(hpa.maxReplicas(), desired));
      if (d.recommendations == null) {
        d.recommendations = new ArrayDeque<>();
      }
      d.recommendations.addLast(new long[] {now, desired});
      while (!d.recommendations.isEmpty() && d.recommendations.peekFirst()[0] < now - hpa.scaleDownStabilizationMillis()) {
        d.recommendations.pollFirst();
      }
      if (desired < d.replicas) {
        for (long[] rec : d.recommendations) {
          desired = (int) Math.max(desired, rec[1]);
        }
      }
      if (desired != d.replicas) {
        d.replicas = desired;
        requestSync(d);
      }
    }
    sim.schedule(hpa.syncMillis(), () -> autoscalePods(d));
  }

  private void autoscalerScan() {
    ClusterAutoscaling ca = config.clusterAutoscaling();
    long now = sim.now();
    int live = 0;
    List<Node> upcoming = new ArrayList<>();
    for (Node n : nodes) {
      if (n.state != NodeState.GONE) {
        live++;
      }
      if (n.state == NodeState.PROVISIONING) {
        upcoming.add(n);
      }
    }
    // Scale up: pack the unschedulable pods first-fit onto upcoming nodes, then onto new ones.
    List<Pod> waiting = new ArrayList<>();
    for (Pod p : unschedulable.values()) {
      if (!p.daemon() && p.request().fitsIn(config.allocatableForPods())) {
        waiting.add(p);
      }
    }
    if (!waiting.isEmpty()) {
      Resources forPods = config.allocatableForPods();
      int podSlots = config.nodeType().maxPods() - config.daemonSets().size();
      List<long[]> bins = new ArrayList<>();
      for (int i = 0; i < upcoming.size(); i++) {
        bins.add(new long[] {forPods.milliCpu(), forPods.memoryMib(), podSlots});
      }
      int fresh = 0;
      for (Pod p : waiting) {
        boolean placed = false;
        for (long[] b : bins) {
          if (b[0] >= p.request().milliCpu() && b[1] >= p.request().memoryMib() && b[2] >= 1) {
            b[0] -= p.request().milliCpu();
            b[1] -= p.request().memoryMib();
            b[2]--;
            placed = true;
            break;
          }
        }
        if (!placed) {
          bins.add(new long[] {forPods.milliCpu() - p.request().milliCpu(), forPods.memoryMib() - p.request().memoryMib(),
              podSlots - 1});
          fresh++;
        }
      }
      int add = Math.min(fresh, ca.maxNodes() - live);
      for (int i = 0; i < add; i++) {
        provisionNode();
      }
      if (add > 0) {
        lastScaleUp = now;
      }
    } else if (now - lastScaleUp >= ca.delayAfterAddMillis()) {
      // Scale down one node at a time: utilization = max(cpu, memory) requests ÷ allocatable.
      for (Node n : nodes) {
        if (n.state != NodeState.READY || !n.responsive) {
          continue;
        }
        double util = Math.max(n.requestedMilliCpu() / (double) allocatable.milliCpu(),
            n.requestedMemoryMib() / (double) allocatable.memoryMib());
        if (util >= ca.utilizationThreshold()) {
          n.unneededSince = -1;
          continue;
        }
        if (n.unneededSince < 0) {
          n.unneededSince = now;
        }
        if (now - n.unneededSince >= ca.unneededMillis() && live > ca.minNodes() && podsFitElsewhere(n)) {
          drain(n);
          break;
        }
      }
    }
    sim.schedule(ca.scanIntervalMillis(), this::autoscalerScan);
  }

  private boolean podsFitElsewhere(Node drained) {
    List<long[]> free = new ArrayList<>();
    for (Node n : nodes) {
      if (n != drained && schedulable(n)) {
        free.add(new long[] {allocatable.milliCpu() - n.requestedMilliCpu(), allocatable.memoryMib() - n.requestedMemoryMib(),
            config.nodeType().maxPods() - n.pods.size()});
      }
    }
    for (Pod p : drained.pods) {
      if (p.daemon()) {
        continue;
      }
      boolean placed = false;
      for (long[] f : free) {
        if (f[0] >= p.request().milliCpu() && f[1] >= p.request().memoryMib() && f[2] >= 1) {
          f[0] -= p.request().milliCpu();
          f[1] -= p.request().memoryMib();
          f[2]--;
          placed = true;
          break;
        }
      }
      if (!placed) {
        return false;
      }
    }
    return true;
  }

  private void drain(Node n) {
    setNodeState(n, NodeState.DRAINING);
    block(n);
    updateStranded(n);
    boolean any = false;
    for (Pod p : new ArrayList<>(n.pods)) {
      if (!p.daemon()) {
        any = true;
        deletePod(p, PodPhase.SUCCEEDED);
      }
    }
    if (!any && n.state == NodeState.DRAINING) {
      removeNode(n);
    }
  }

  // ================================================================ stranded capacity

  private void refreshStranded() {
    for (Node n : nodes) {
      updateStranded(n);
    }
  }

  /**
   * A node's free CPU is stranded when its free memory is below the smallest memory request of
   * any deployed service (no service pod can use the CPU), and the other way round.
   */
  private void updateStranded(Node n) {
    long minCpu = minCpuRequest;
    long minMem = minMemoryRequest;
    double sc = 0;
    double sm = 0;
    if (!deployments.isEmpty() && (n.state == NodeState.READY || n.state == NodeState.NOT_READY)) {
      long freeCpu = Math.max(0, allocatable.milliCpu() - n.requestedMilliCpu());
      long freeMem = Math.max(0, allocatable.memoryMib() - n.requestedMemoryMib());
      if (freeMem < minMem) {
        sc = freeCpu;
      }
      if (freeCpu < minCpu) {
        sm = freeMem;
      }
    }
    long now = sim.now();
    strandedCpu.add(now, sc - n.strandedCpu);
    strandedMemory.add(now, sm - n.strandedMemory);
    n.strandedCpu = sc;
    n.strandedMemory = sm;
  }

  // ================================================================ internal state

  private static final class Deployment {
    final Service service;
    final DeploymentSpec spec;
    int replicas;
    // Small initial capacities: most Deployments see a handful of releases, and thousands of
    // default-sized (10-slot, 16-bucket) collections were retained for nothing.
    final List<ReplicaSet> sets = new ArrayList<>(2);
    ReplicaSet current;
    // Image by version, in registration order: two small arrays (a service has a handful of
    // versions) instead of a LinkedHashMap, which cost 170 B per Deployment.
    private String[] imageVersions = new String[2];
    private ImageDescription[] imagesByVersion = new ImageDescription[2];
    private int imageCount;

    /** The image registered for {@code version}, or null. */
    ImageDescription image(String version) {
      for (int i = 0; i < imageCount; i++) {
        if (imageVersions[i].equals(version)) {
          return imagesByVersion[i];
        }
      }
      return null;
    }

    /** Registers (or replaces) the image of {@code version}. */
    void putImage(String version, ImageDescription image) {
      for (int i = 0; i < imageCount; i++) {
        if (imageVersions[i].equals(version)) {
          imagesByVersion[i] = image;
          return;
        }
      }
      if (imageCount == imageVersions.length) {
        imageVersions = Arrays.copyOf(imageVersions, imageCount * 2);
        imagesByVersion = Arrays.copyOf(imagesByVersion, imageCount * 2);
      }
      imageVersions[imageCount] = version;
      imagesByVersion[imageCount++] = image;
    }

    /** The registered versions, in registration order. */
    List<String> imageVersions() {
      return List.of(Arrays.copyOf(imageVersions, imageCount));
    }
    Rollout rollout;
    final List<Rollout> rollouts = new ArrayList<>(2);
    // ReplicaSet steps, two longs each: the time, then newReplicas << 32 | oldReplicas (unsigned);
    // records are built when read (replicaSetSteps). Null until the first step.
    long[] steps;
    int stepCount;
    // Created on first use: most Deployments never lose a pod to eviction nor run an HPA, and an
    // empty ArrayDeque holds a 17-slot array.
    ArrayDeque<Long> evictedAt;
    ArrayDeque<long[]> recommendations;
    boolean syncPending;
    int running;
    double load = 1.0;
    double usedCpu;
    double usedMemory;

    Deployment(Service service, DeploymentSpec spec) {
      this.service = service;
      this.spec = spec;
      this.replicas = service.instances();
    }
  }

  static final class ReplicaSet implements StartupLog.PodNames {
    final Deployment deployment;
    final int revision;
    final String version;
    final ImageDescription image;
    final double healthCheckFailureProbability;
    int replicas;
    int terminating;
    int podCounter;
    final List<Pod> pods = new ArrayList<>();

    ReplicaSet(Deployment deployment, int revision, String version, ImageDescription image, double failP) {
      this.deployment = deployment;
      this.revision = revision;
      this.version = version;
      this.image = image;
      this.healthCheckFailureProbability = failP;
    }

    /** The name of its pod number {@code ordinal}: {@code <service>-r<revision>-<ordinal>}. */
    @Override
    public String podName(int ordinal) {
      return deployment.service.name() + "-r" + revision + "-" + ordinal;
    }

    // Available pods among {@link #pods}, kept as pods become available, unready or leave the
    // set: the Deployment controller and rollout accounting ask after every pod change, and a
    // walk over the set made that quadratic in a large service's replicas.
    private int availableCount;

    int available() {
      return availableCount;
    }

    /** {@code p} (one of {@link #pods}) became available. */
    void countAvailable(Pod p) {
      if (!p.countedAvailable()) {
        p.setCountedAvailable(true);
        availableCount++;
      }
    }

    /** {@code p} is unavailable or leaves the set. */
    void uncountAvailable(Pod p) {
      if (p.countedAvailable()) {
        p.setCountedAvailable(false);
        availableCount--;
      }
    }

    void remove(Pod p) {
      pods.remove(p);
      if (pods.isEmpty()) {
        // a scaled-down old ReplicaSet keeps no array sized for its former replicas
        ((ArrayList<Pod>) pods).trimToSize();
      }
      uncountAvailable(p);
    }
  }

  private final class Rollout {
    final Deployment deployment;
    final Release release;
    final long start;
    long end = -1;
    boolean superseded;
    boolean deadlineExceeded;
    long deadlineTimer = -1;
    int podsCreated;
    int maxOut;
    long outIntegral;
    long lastOutAt;
    int lastOut;

    Rollout(Deployment deployment, Release release, long start) {
      this.deployment = deployment;
      this.release = release;
      this.start = start;
      this.lastOutAt = start;
    }

    void updateOutOfService(long now) {
      outIntegral += (long) lastOut * (now - lastOutAt);
      lastOutAt = now;
      int available = 0;
      for (ReplicaSet rs : deployment.sets) {
        available += rs.available();
      }
      lastOut = Math.max(0, deployment.replicas - available);
      maxOut = Math.max(maxOut, lastOut);
    }

    RolloutRecord record(long now) {
      long integral = end >= 0 ? outIntegral : outIntegral + (long) lastOut * (now - lastOutAt);
      DeploymentSpec s = deployment.spec;
      String strategy = s.strategy() == DeploymentSpec.Strategy.RECREATE ? "Recreate"
          : "RollingUpdate(maxSurge " + s.maxSurge() + ", maxUnavailable " + s.maxUnavailable() + ")";
      return new RolloutRecord(release, strategy, start, end,
          end >= 0 ? RolloutRecord.Outcome.COMPLETED : RolloutRecord.Outcome.IN_PROGRESS, podsCreated, maxOut, integral);
    }
  }
}
