package io.platformsim.core.experiment;

import io.platformsim.core.experiment.TimelineEvent.ApplyRelease;
import io.platformsim.core.experiment.TimelineEvent.FollowLoad;
import io.platformsim.core.experiment.TimelineEvent.LoadChange;
import io.platformsim.core.experiment.TimelineEvent.MachineFailure;
import io.platformsim.core.experiment.TimelineEvent.ZoneOutage;
import io.platformsim.core.kusp.ClusterAutoscaling;
import io.platformsim.core.kusp.ClusterEnvelope;
import io.platformsim.core.kusp.DeploymentSpec;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.platform.HostFailures;
import io.platformsim.core.platform.Pricing;
import io.platformsim.core.workload.LoadCurve;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import io.platformsim.core.workload.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one comparison needs: the workload, the LeSP and KuSP configurations, a timeline of
 * events, the horizon, the number of replications and the master seed. Immutable and checked as a
 * whole: every event names a known service (or KuSP zone) and falls inside the horizon, so a
 * scenario that exists can run. Build one with {@link #builder(String)}, load one with {@link
 * ScenarioFile#load}, or start from {@link DefaultScenario#build()}.
 *
 * <pre>{@code
 * Scenario s = Scenario.builder("two services")
 *     .service(Service.builder("zebra").instances(12).build())
 *     .service(Service.builder("cheetah").instances(20).build())
 *     .release(Duration.ofHours(1), "zebra", "2")
 *     .baseImageChange(Duration.ofHours(2), "base-2")
 *     .loadSpike(Duration.ofMinutes(150), Duration.ofMinutes(30), "cheetah", 3.0)
 *     .machineFailure(Duration.ofHours(3), "zebra", 1)
 *     .horizon(Duration.ofHours(4)).replications(4).seed(42).build();
 * }</pre>
 *
 * @param name a name for reports; not blank
 * @param workload the services, at least one
 * @param lesp the LeSP configuration
 * @param kusp the KuSP configuration, with the Deployment spec of each service that has one (every
 *     service it names must be in the workload)
 * @param timeline events in time order (equal times keep their given order)
 * @param horizonMillis simulated time each replication runs, above 0
 * @param replications independent replications, 1 to 1000
 * @param seed master seed of every random stream
 * @param sampleMillis time between samples of the time series (charts, CSV), above 0
 * @param pricing how both platforms buy their machines and nodes (on-demand, spot, reserved)
 * @param hostFailures spontaneous host failures both platforms see at the same times and instance
 *     ranks ({@link HostFailures}); {@link HostFailures#NONE} (or null) for none
 */
public record Scenario(
    String name,
    Workload workload,
    LespConfig lesp,
    KuspConfig kusp,
    List<TimelineEvent> timeline,
    long horizonMillis,
    int replications,
    long seed,
    long sampleMillis,
    Pricing pricing,
    HostFailures hostFailures) {

  /**
   * Most host failures a scenario may expect over its horizon ({@link HostFailures#expected}), so a
   * mistyped mean (1s for 1d) is refused instead of scheduling millions of failures.
   */
  public static final double MAX_EXPECTED_HOST_FAILURES = 1_000_000;

  /** Most replications a scenario may ask for. */
  public static final int MAX_REPLICATIONS = 1000;

  /** Validates the whole scenario; messages name the field and the value. */
  public Scenario {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("scenario name must not be blank, was '" + name + "'");
    }
    if (workload == null || workload.services().isEmpty()) {
      throw new IllegalArgumentException("scenario '" + name + "' needs at least one service");
    }
    if (lesp == null || kusp == null) {
      throw new IllegalArgumentException(
          "scenario '" + name + "' needs a LeSP and a KuSP configuration");
    }
    if (horizonMillis <= 0) {
      throw new IllegalArgumentException("horizon must be > 0 ms, was " + horizonMillis);
    }
    if (replications < 1 || replications > MAX_REPLICATIONS) {
      throw new IllegalArgumentException(
          "replications must be in [1, " + MAX_REPLICATIONS + "], was " + replications);
    }
    if (sampleMillis <= 0) {
      throw new IllegalArgumentException("sampleMillis must be > 0, was " + sampleMillis);
    }
    if (timeline == null) {
      throw new IllegalArgumentException("timeline must not be null");
    }
    if (pricing == null) {
      throw new IllegalArgumentException("pricing must not be null");
    }
    hostFailures = hostFailures == null ? HostFailures.NONE : hostFailures;
    String tooMany = tooManyHostFailures(hostFailures, workload, horizonMillis);
    if (tooMany != null) {
      throw new IllegalArgumentException(tooMany);
    }
    timeline = ScenarioChecks.timeline(timeline, workload, kusp, horizonMillis);
    ScenarioChecks.servicesFit(workload, lesp, kusp);
    // node selectors and tolerations: some KuSP pool must run each service; an instance-type
    // selector pins the LeSP type
    lesp = NodeSelection.applied(workload, kusp, lesp);
  }

  /**
   * Why {@code h} expects too many failures of {@code workload}'s instances over {@code horizon}
   * (more than {@link #MAX_EXPECTED_HOST_FAILURES}), or null if it does not.
   */
  static String tooManyHostFailures(HostFailures h, Workload workload, long horizonMillis) {
    double expected = h.expected(workload.instances(), horizonMillis);
    if (expected <= MAX_EXPECTED_HOST_FAILURES) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "host failures meanTimeBetweenFailures %s gives %,.0f expected failures of %,d instances"
            + " over the horizon %s; at most %,.0f",
        Duration.ofMillis(h.meanMillisBetweenFailures()),
        expected,
        workload.instances(),
        TimelineEvent.clock(horizonMillis),
        MAX_EXPECTED_HOST_FAILURES);
  }

  /** The service an event names, or null for a zone outage. */
  static String serviceOf(TimelineEvent e) {
    if (e instanceof ApplyRelease r) {
      return r.release().service();
    }
    if (e instanceof LoadChange l) {
      return l.service();
    }
    if (e instanceof MachineFailure f) {
      return f.service();
    }
    if (e instanceof FollowLoad c) {
      return c.service();
    }
    return null;
  }

  /** A builder for a scenario called {@code name}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * The first load change that raises a service's load above nominal: the load spike (a step {@link
   * LoadChange}; a {@link FollowLoad} curve is not a spike).
   */
  public Optional<LoadChange> loadSpike() {
    for (TimelineEvent e : timeline) {
      if (e instanceof LoadChange l && l.factor() > 1) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  /** A copy with another seed. */
  public Scenario withSeed(long newSeed) {
    return copy(lesp, kusp, replications, newSeed, pricing);
  }

  /** A copy with another replication count. */
  public Scenario withReplications(int n) {
    return copy(lesp, kusp, n, seed, pricing);
  }

  /** A copy with another LeSP configuration. */
  public Scenario withLesp(LespConfig config) {
    return copy(config, kusp, replications, seed, pricing);
  }

  /** A copy with another KuSP configuration. */
  public Scenario withKusp(KuspConfig config) {
    return copy(lesp, config, replications, seed, pricing);
  }

  /** A copy with another pricing. */
  public Scenario withPricing(Pricing p) {
    return copy(lesp, kusp, replications, seed, p);
  }

  // The one copy every with* goes through: this scenario with the five components they vary.
  private Scenario copy(LespConfig l, KuspConfig k, int n, long s, Pricing p) {
    return new Scenario(
        name, workload, l, k, timeline, horizonMillis, n, s, sampleMillis, p, hostFailures);
  }

  /**
   * Why this scenario's KuSP cluster lies outside the size Kubernetes is tested to ({@link
   * ClusterEnvelope#UPSTREAM}: 5,000 nodes, 150,000 pods), or empty if it lies inside. Counted at
   * the start: the initial nodes, and every instance plus one pod per node and DaemonSet. The
   * comparison simulates one cluster whatever its size; past 5,000 nodes its scheduler scores 5% of
   * all nodes per placement, so such a run is slow and no longer a cluster anyone operates (split
   * the fleet: {@link Workload#split}).
   */
  public Optional<String> envelopeWarning() {
    long pods = (long) kusp.totalInitialNodes() * kusp.daemonSets().size() + workload.instances();
    ClusterEnvelope e = ClusterEnvelope.UPSTREAM;
    if (kusp.totalInitialNodes() <= e.maxNodes() && pods <= e.maxPods()) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "the KuSP cluster starts with %,d nodes and %,d pods, past the %,d nodes and %,d pods one Kubernetes"
                + " cluster is tested to (kubernetes.io, \"Considerations for large clusters\"); it is simulated"
                + " as one cluster anyway",
            kusp.totalInitialNodes(),
            pods,
            e.maxNodes(),
            e.maxPods()));
  }

  /**
   * Nodes of {@code kusp}'s type that hold every instance of {@code workload} by the volume bound
   * plus 10%: {@code ceil(1.1 × max over CPU, memory and pod slots of Σ request ÷ per-node room for
   * pods)}, at least 1. A starting size; the cluster autoscaler corrects it.
   */
  public static int nodesFor(Workload workload, KuspConfig kusp) {
    Resources room = kusp.allocatableForPods();
    long podSlots = Math.max(1, kusp.nodeType().maxPods() - kusp.daemonSets().size());
    double cpu = 0;
    double mem = 0;
    double pods = 0;
    for (Service s : workload.services()) {
      cpu += (double) s.instances() * s.request().milliCpu();
      mem += (double) s.instances() * s.request().memoryMib();
      pods += s.instances();
    }
    double bound =
        Math.max(
            Math.max(cpu / Math.max(1, room.milliCpu()), mem / Math.max(1, room.memoryMib())),
            pods / podSlots);
    return Math.max(1, (int) Math.ceil(1.1 * bound - 1e-9));
  }

  /**
   * A KuSP configuration from {@code base} with {@link #nodesFor} initial nodes and, unless {@code
   * base} has one, a cluster autoscaler with the upstream defaults ({@link
   * ClusterAutoscaling#between}: scale-down after 10 min unneeded) between half and three times
   * that.
   */
  public static KuspConfig sized(KuspConfig base, Workload workload) {
    int n = nodesFor(workload, base);
    return base.withInitialNodes(n)
        .withClusterAutoscaling(
            base.clusterAutoscaling() != null ? base.clusterAutoscaling() : autoscalerAround(n));
  }

  /**
   * The comparison's cluster autoscaler when a scenario names none: the upstream defaults ({@link
   * ClusterAutoscaling#between}) between half and three times {@code initialNodes} (at least 1 and
   * 2 nodes), so a spike can grow the cluster and a quiet spell shrink it.
   */
  static ClusterAutoscaling autoscalerAround(int initialNodes) {
    int n = Math.max(initialNodes, 1);
    return ClusterAutoscaling.between(Math.max(1, initialNodes / 2), Math.max(2, 3 * n));
  }

  /**
   * Cluster autoscaler settings with the upstream defaults (scan 10 s, delay after add 10 min,
   * threshold 0.5) but scale-down switched off ({@code unneededMillis} = {@link #NEVER}): for
   * experiments that want to keep every node the autoscaler added. The default scenarios use {@link
   * ClusterAutoscaling#between} (scale-down on, upstream 10 min).
   */
  public static ClusterAutoscaling scaleUpOnly(int minNodes, int maxNodes) {
    return ClusterAutoscaling.between(minNodes, maxNodes).withUnneededMillis(NEVER);
  }

  /** A duration longer than any horizon: "never". */
  public static final long NEVER = Long.MAX_VALUE / 4;

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Scenario[%s: %d services, %d instances, horizon %s, %d replications, seed %d, KuSP %d x %s]",
                name,
                workload.services().size(),
                workload.instances(),
                TimelineEvent.clock(horizonMillis),
                replications,
                seed,
                kusp.initialNodes(),
                kusp.nodeType().name()));
    if (!pricing.onDemandOnly()) {
      sb.append(System.lineSeparator()).append("  ").append(pricing);
    }
    if (hostFailures.on()) {
      sb.append(System.lineSeparator()).append("  ").append(hostFailures);
    }
    // At most 12 events, so a big scenario still prints readably in jshell.
    int shown = Math.min(12, timeline.size());
    for (int i = 0; i < shown; i++) {
      sb.append(System.lineSeparator()).append("  ").append(timeline.get(i).describe());
    }
    if (timeline.size() > shown) {
      sb.append(System.lineSeparator())
          .append("  ... ")
          .append(timeline.size() - shown)
          .append(" more events");
    }
    return sb.toString();
  }

  /** Collects a scenario; {@link #build()} validates it. Durations are simulated time from 0. */
  public static final class Builder {
    private final String name;
    private final List<Service> services = new ArrayList<>();
    private LespConfig lesp;
    private KuspConfig kusp;
    private final Map<String, DeploymentSpec> deployments = new LinkedHashMap<>();
    private final List<TimelineEvent> timeline = new ArrayList<>();
    private final List<String> baseImageVersions = new ArrayList<>();
    private final List<Long> baseImageTimes = new ArrayList<>();
    private final List<Long> loadCurveTimes = new ArrayList<>();
    private final List<LoadCurve> loadCurves = new ArrayList<>();
    private long horizonMillis = Duration.ofHours(6).toMillis();
    private int replications = 4;
    private long seed = 42;
    private Long sampleMillis;
    private Pricing pricing = Pricing.ON_DEMAND;
    private HostFailures hostFailures = HostFailures.NONE;

    private Builder(String name) {
      this.name = name;
    }

    /** Adds a service. */
    public Builder service(Service s) {
      services.add(s);
      return this;
    }

    /** Adds services. */
    public Builder services(List<Service> list) {
      services.addAll(list);
      return this;
    }

    /** The LeSP configuration (default {@link LespConfig#defaults()}). */
    public Builder lesp(LespConfig c) {
      lesp = c;
      return this;
    }

    /**
     * The KuSP configuration, used as given (default: {@link KuspConfig#builder()} defaults
     * {@linkplain Scenario#sized sized} for the workload).
     */
    public Builder kusp(KuspConfig c) {
      kusp = c;
      return this;
    }

    /**
     * Runs {@code service} on KuSP as a Deployment with {@code spec} instead of {@link
     * DeploymentSpec#DEFAULT}; added to the KuSP configuration's own specs, replacing one for the
     * same service. {@link #build()} refuses a service the workload lacks.
     */
    public Builder deployment(String service, DeploymentSpec spec) {
      if (service == null || spec == null) {
        throw new IllegalArgumentException(
            "deployment service and spec must not be null, was " + service + ", " + spec);
      }
      deployments.put(service, spec);
      return this;
    }

    /** Adds any event. */
    public Builder event(TimelineEvent e) {
      timeline.add(e);
      return this;
    }

    /** An app release of {@code service} to {@code version} at {@code at}. */
    public Builder release(Duration at, String service, String version) {
      return event(new ApplyRelease(millis("release time", at), Release.app(service, version)));
    }

    /** A release at {@code at}. */
    public Builder release(Duration at, Release r) {
      return event(new ApplyRelease(millis("release time", at), r));
    }

    /**
     * A configuration change of {@code service} to {@code configVersion} at {@code at} ({@link
     * Release#config}): a fleet-wide configuration-management run on LeSP, a rollout restart on
     * KuSP.
     */
    public Builder configChange(Duration at, String service, String configVersion) {
      return event(
          new ApplyRelease(
              millis("configuration change time", at), Release.config(service, configVersion)));
    }

    /**
     * A base-image change of every service (an OS/runtime patch) to {@code version} at {@code at}.
     */
    public Builder baseImageChange(Duration at, String version) {
      baseImageTimes.add(millis("base image change time", at));
      baseImageVersions.add(version);
      return this;
    }

    /** The load of {@code service} becomes {@code factor} at {@code at}. */
    public Builder load(Duration at, String service, double factor) {
      return event(new LoadChange(millis("load change time", at), service, factor));
    }

    /** The load of {@code service} is {@code factor} from {@code at} for {@code length}, then 1. */
    public Builder loadSpike(Duration at, Duration length, String service, double factor) {
      long start = millis("load spike time", at);
      event(new LoadChange(start, service, factor));
      return event(new LoadChange(start + millis("load spike length", length), service, 1.0));
    }

    /**
     * From {@code at} on the load of {@code service} follows {@code curve} (e.g. {@link
     * LoadCurve#diurnal}; its times are simulation times).
     */
    public Builder loadCurve(Duration at, String service, LoadCurve curve) {
      return event(new FollowLoad(millis("load curve time", at), service, curve));
    }

    /** From {@code at} on the load of every service follows {@code curve}. */
    public Builder loadCurve(Duration at, LoadCurve curve) {
      loadCurveTimes.add(millis("load curve time", at));
      loadCurves.add(curve);
      return this;
    }

    /** {@code count} machines (nodes) running {@code service} crash at {@code at}. */
    public Builder machineFailure(Duration at, String service, int count) {
      return event(new MachineFailure(millis("failure time", at), service, count));
    }

    /** Zone {@code zone} goes down at {@code at}. */
    public Builder zoneOutage(Duration at, String zone) {
      return event(new ZoneOutage(millis("zone outage time", at), zone));
    }

    /** Simulated time per replication (default 6 h). */
    public Builder horizon(Duration d) {
      horizonMillis = millis("horizon", d);
      return this;
    }

    /** Replications (default 4). */
    public Builder replications(int n) {
      replications = n;
      return this;
    }

    /** Master seed (default 42). */
    public Builder seed(long s) {
      seed = s;
      return this;
    }

    /** Time between time-series samples (default horizon ÷ 144). */
    public Builder sampleEvery(Duration d) {
      sampleMillis = millis("sample interval", d);
      return this;
    }

    /** How both platforms buy machines and nodes (default {@link Pricing#ON_DEMAND}). */
    public Builder pricing(Pricing p) {
      pricing = p;
      return this;
    }

    /**
     * Spontaneous host failures both platforms see alike (default {@link HostFailures#NONE}), e.g.
     * {@code HostFailures.meanTimeBetweenFailures(Duration.ofDays(30))}.
     */
    public Builder hostFailures(HostFailures h) {
      hostFailures = h;
      return this;
    }

    /** The validated scenario. */
    public Scenario build() {
      Workload w = Workload.of(services);
      List<TimelineEvent> events = new ArrayList<>(timeline);
      for (int i = 0; i < baseImageTimes.size(); i++) {
        for (Service s : w.services()) {
          events.add(
              new ApplyRelease(
                  baseImageTimes.get(i), Release.baseImage(s.name(), baseImageVersions.get(i))));
        }
      }
      for (int i = 0; i < loadCurves.size(); i++) {
        for (Service s : w.services()) {
          events.add(new FollowLoad(loadCurveTimes.get(i), s.name(), loadCurves.get(i)));
        }
      }
      KuspConfig k = kusp != null ? kusp : sized(KuspConfig.builder().build(), w);
      if (!deployments.isEmpty()) {
        Map<String, DeploymentSpec> specs = new LinkedHashMap<>(k.deployments());
        specs.putAll(deployments);
        k = k.withDeployments(specs);
      }
      long sample = sampleMillis != null ? sampleMillis : Math.max(1, horizonMillis / 144);
      return new Scenario(
          name,
          w,
          lesp != null ? lesp : LespConfig.defaults(),
          k,
          events,
          horizonMillis,
          replications,
          seed,
          sample,
          pricing,
          hostFailures);
    }

    private static long millis(String field, Duration d) {
      if (d == null || d.isNegative()) {
        throw new IllegalArgumentException(field + " must be a non-negative duration, was " + d);
      }
      return d.toMillis();
    }
  }
}
