package io.platformsim.core.kusp;

import io.platformsim.core.kusp.deployment.IntOrPercent;
import io.platformsim.core.kusp.deployment.RolloutSpec;
import io.platformsim.core.kusp.nodelifecycle.Toleration;
import io.platformsim.core.workload.Resources;
import io.platformsim.scheduler.cluster.TaintEffect;
import io.platformsim.scheduler.pod.AntiAffinityTerm;
import io.platformsim.scheduler.pod.NodeSelectorTerm;
import io.platformsim.scheduler.pod.PreferredTerm;
import io.platformsim.scheduler.pod.SpreadConstraint;
import io.platformsim.scheduler.resource.Quantity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How KuSP runs one service as a Deployment: update strategy and its bounds, pod settings the
 * {@link io.platformsim.core.workload.Service} does not carry (priority, limits, probes, pull
 * policy) and an optional HPA. Defaults are the upstream v1.31 API defaults (k/k {@code
 * pkg/apis/apps/v1/defaults.go}: RollingUpdate, maxSurge 25%, maxUnavailable 25%,
 * progressDeadlineSeconds 600; minReadySeconds 0; readiness probe with the {@link Probe#DEFAULT
 * probe defaults}; no liveness or startup probe).
 *
 * <p>Timing of one container, from the {@link io.platformsim.core.workload.Service}: after the
 * image is on the node the container takes {@code startupMillis} to be Running; the application
 * then passes its checks {@code healthCheckMillis} later; the readiness probe sees that at its next
 * probe time.
 *
 * @param strategy RollingUpdate or Recreate
 * @param maxSurge rolling update surge
 * @param maxUnavailable rolling update unavailability
 * @param minReadyMillis minReadySeconds: Ready this long before counting as available
 * @param progressDeadlineMillis progressDeadlineSeconds
 * @param priority PriorityClass value, at most 1e9 for user classes
 * @param pullPolicy image pull policy
 * @param limits container limits, or {@code null} for none
 * @param readiness readiness probe
 * @param liveness liveness probe, or {@code null}
 * @param startup startup probe, or {@code null}
 * @param crashAfterMillis the container exits this long after it started (-1: never; 0: at once), a
 *     model of a crashing release
 * @param shutdownMillis time the application takes to exit after SIGTERM (killed at the grace
 *     period)
 * @param autoscaling HPA, or {@code null}
 * @param tolerations the pod template's own NoExecute tolerations (empty by default); the {@code
 *     DefaultTolerationSeconds} admission adds not-ready and unreachable for {@link
 *     KuspConfig#notReadyTolerationMillis()} to those not covered ({@code
 *     NoExecuteTolerations.admit})
 * @param disruptionBudget PodDisruptionBudget over the Deployment's pods (preemption honours it),
 *     or {@code null}
 * @param nodeSelector the pod template's {@code spec.nodeSelector}: a node must carry every label
 *     (the scheduler's NodeAffinity filter; the cluster autoscaler grows only pools whose template
 *     carries them); empty by default
 * @param noScheduleTolerations the pod template's tolerations of {@code NoSchedule} taints (the
 *     scheduler's TaintToleration filter, e.g. a node pool's taints); empty by default
 * @param labels the pod template's own labels ({@code metadata.labels}), next to {@code
 *     app=<service>}, which every pod carries and which may not be set here; empty by default
 * @param requiredNodeAffinity {@code affinity.nodeAffinity.requiredDuringScheduling...
 *     .nodeSelectorTerms}: a node must match one of the terms (ORed; the scheduler's NodeAffinity
 *     filter); empty by default (no constraint)
 * @param preferredNodeAffinity {@code ...preferredDuringSchedulingIgnoredDuringExecution}: weighted
 *     terms the NodeAffinity score adds up; empty by default
 * @param podAntiAffinity {@code affinity.podAntiAffinity.requiredDuringScheduling...}: no pod
 *     matching a term's selector may share its topology domain (InterPodAffinity filter); empty by
 *     default
 * @param topologySpread {@code spec.topologySpreadConstraints} (PodTopologySpread filter and
 *     score); empty by default, and then the scheduler's system default spread applies
 * @param rightSized the pod's request under the {@code kusp-rightsized} platform variant (a
 *     Vertical Pod Autoscaler recommendation's target, {@code
 *     status.recommendation.containerRecommendations[].target}), or {@code null} for none: the
 *     standard platforms ignore it; at least 1m CPU and 1 MiB memory
 */
public record DeploymentSpec(
    Strategy strategy,
    IntOrPercent maxSurge,
    IntOrPercent maxUnavailable,
    long minReadyMillis,
    long progressDeadlineMillis,
    int priority,
    PullPolicy pullPolicy,
    Resources limits,
    Probe readiness,
    Probe liveness,
    Probe startup,
    long crashAfterMillis,
    long shutdownMillis,
    PodAutoscaling autoscaling,
    List<Toleration> tolerations,
    PodDisruptionBudget disruptionBudget,
    Map<String, String> nodeSelector,
    List<io.platformsim.scheduler.pod.Toleration> noScheduleTolerations,
    // Placement terms of the pod template (issue 17): KuSP only, as nodeSelector.
    Map<String, String> labels,
    List<NodeSelectorTerm> requiredNodeAffinity,
    List<PreferredTerm> preferredNodeAffinity,
    List<AntiAffinityTerm> podAntiAffinity,
    List<SpreadConstraint> topologySpread,
    // right-sizing (issue 17)
    Resources rightSized) {

  /**
   * Largest priority a user PriorityClass may have (k/k pkg/apis/scheduling/types.go
   * HighestUserDefinablePriority).
   */
  public static final int HIGHEST_USER_PRIORITY = 1_000_000_000;

  /** The two Deployment strategies. */
  public enum Strategy {
    /** Replace pods gradually within maxSurge / maxUnavailable. */
    ROLLING_UPDATE,
    /** Scale every old ReplicaSet to 0, wait for its pods to be gone, then scale the new one up. */
    RECREATE
  }

  /** The upstream defaults. */
  public static final DeploymentSpec DEFAULT = builder().build();

  /** Validates the fields; messages name the API field. */
  public DeploymentSpec {
    if (strategy == null
        || maxSurge == null
        || maxUnavailable == null
        || pullPolicy == null
        || readiness == null) {
      throw new IllegalArgumentException(
          "deployment strategy, maxSurge, maxUnavailable, pullPolicy and readiness must not be null");
    }
    if (strategy == Strategy.ROLLING_UPDATE
        && maxSurge.value() == 0
        && maxUnavailable.value() == 0) {
      // k/k pkg/apis/apps/validation/validation.go ValidateRollingUpdateDeployment.
      throw new IllegalArgumentException(
          "spec.strategy.rollingUpdate.maxUnavailable: may not be 0 when maxSurge is 0"
              + " (maxSurge "
              + maxSurge
              + ", maxUnavailable "
              + maxUnavailable
              + ")");
    }
    if (maxUnavailable.percent() && maxUnavailable.value() > 100) {
      throw new IllegalArgumentException(
          "spec.strategy.rollingUpdate.maxUnavailable: should not be more than 100%, was "
              + maxUnavailable);
    }
    if (minReadyMillis < 0) {
      throw new IllegalArgumentException(
          "spec.minReadySeconds must be >= 0, was " + minReadyMillis + " ms");
    }
    if (progressDeadlineMillis <= minReadyMillis) {
      throw new IllegalArgumentException(
          "spec.progressDeadlineSeconds must be greater than minReadySeconds, was "
              + progressDeadlineMillis
              + " ms");
    }
    if (priority > HIGHEST_USER_PRIORITY || priority < -2_147_483_647) {
      throw new IllegalArgumentException(
          "priority must be at most " + HIGHEST_USER_PRIORITY + ", was " + priority);
    }
    if (crashAfterMillis < -1) {
      throw new IllegalArgumentException(
          "crashAfterMillis must be -1 (never) or >= 0, was " + crashAfterMillis);
    }
    if (shutdownMillis < 0) {
      throw new IllegalArgumentException("shutdownMillis must be >= 0, was " + shutdownMillis);
    }
    // Tolerations (node lifecycle): a list without nulls, copied.
    if (tolerations == null || tolerations.stream().anyMatch(t -> t == null)) {
      throw new IllegalArgumentException(
          "spec.tolerations must be a list without null entries, was " + tolerations);
    }
    tolerations = List.copyOf(tolerations);
    if (nodeSelector == null
        || nodeSelector.entrySet().stream()
            .anyMatch(e -> e.getKey() == null || e.getKey().isBlank() || e.getValue() == null)) {
      throw new IllegalArgumentException(
          "spec.nodeSelector must map non-blank label keys to values, was " + nodeSelector);
    }
    nodeSelector = Collections.unmodifiableMap(new TreeMap<>(nodeSelector));
    if (noScheduleTolerations == null
        || noScheduleTolerations.stream()
            .anyMatch(t -> t == null || t.effect() != TaintEffect.NO_SCHEDULE)) {
      throw new IllegalArgumentException(
          "spec.tolerations of NoSchedule taints must be NoSchedule tolerations, was "
              + noScheduleTolerations);
    }
    noScheduleTolerations = List.copyOf(noScheduleTolerations);
    // Placement terms: the API server's syntax (PodTemplateTerms cites the rules).
    labels = Collections.unmodifiableMap(new TreeMap<>(PodTemplateTerms.checkedLabels(labels)));
    requiredNodeAffinity = PodTemplateTerms.checkedNodeTerms(requiredNodeAffinity);
    preferredNodeAffinity = PodTemplateTerms.checkedPreferred(preferredNodeAffinity);
    podAntiAffinity = PodTemplateTerms.checkedAntiAffinity(podAntiAffinity);
    topologySpread = PodTemplateTerms.checkedSpread(topologySpread);
    // Right-sizing: a recommendation of at least 1m and 1Mi, as the importer writes it.
    if (rightSized != null && (rightSized.milliCpu() < 1 || rightSized.memoryMib() < 1)) {
      throw new IllegalArgumentException(
          "rightSized must be at least 1m CPU and 1Mi memory, was " + rightSized);
    }
  }

  /** Its {@code NoSchedule} tolerations as plain text, in order. */
  public List<NoScheduleTerm> noScheduleTerms() {
    return noScheduleTolerations.stream()
        .map(t -> new NoScheduleTerm(t.key(), t.exists(), t.exists() ? "" : t.value()))
        .toList();
  }

  /** What the Deployment controller's arithmetic reads of this spec at {@code replicas}. */
  public RolloutSpec rolloutSpec(int replicas) {
    return new RolloutSpec(strategy == Strategy.ROLLING_UPDATE, replicas, maxSurge, maxUnavailable);
  }

  /** A copy with {@code hpa} as the autoscaler ({@code null}: none). */
  public DeploymentSpec withAutoscaling(PodAutoscaling hpa) {
    return toBuilder().autoscaling(hpa).build();
  }

  /**
   * A copy whose pods select nodes by {@code selector} and tolerate {@code terms} (NoSchedule
   * tolerations, as {@link NoScheduleTerm}s), replacing both.
   */
  public DeploymentSpec withNodeSelection(
      Map<String, String> selector, List<NoScheduleTerm> terms) {
    Builder b = toBuilder().nodeSelector(selector).noScheduleTolerations(List.of());
    for (NoScheduleTerm term : terms) {
      b.noScheduleToleration(term.key(), term.exists(), term.value());
    }
    return b.build();
  }

  /**
   * A copy with {@code request} as the right-sized request ({@code null}: none) and {@code limits}
   * as the limits: what the {@code kusp-rightsized} variant runs.
   */
  public DeploymentSpec withRightSized(Resources request, Resources limits) {
    return toBuilder().rightSized(request).limits(limits).build();
  }

  /** A builder holding this spec's values, to change some and build a copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.strategy = strategy;
    b.maxSurge = maxSurge;
    b.maxUnavailable = maxUnavailable;
    b.minReadyMillis = minReadyMillis;
    b.progressDeadlineMillis = progressDeadlineMillis;
    b.priority = priority;
    b.pullPolicy = pullPolicy;
    b.limits = limits;
    b.readiness = readiness;
    b.liveness = liveness;
    b.startup = startup;
    b.crashAfterMillis = crashAfterMillis;
    b.shutdownMillis = shutdownMillis;
    b.autoscaling = autoscaling;
    b.tolerations = tolerations;
    b.disruptionBudget = disruptionBudget;
    b.nodeSelector = nodeSelector;
    b.noScheduleTolerations = noScheduleTolerations;
    b.labels = labels;
    b.requiredNodeAffinity = requiredNodeAffinity;
    b.preferredNodeAffinity = preferredNodeAffinity;
    b.podAntiAffinity = podAntiAffinity;
    b.topologySpread = topologySpread;
    b.rightSized = rightSized;
    return b;
  }

  /**
   * The scheduler's toleration of {@code NoSchedule} taints: operator {@code Exists} ({@code value}
   * empty; a null {@code key} tolerates every taint) or {@code Equal} ({@code key=value}).
   */
  private static io.platformsim.scheduler.pod.Toleration noScheduleToleration(
      String key, boolean exists, String value) {
    return exists
        ? io.platformsim.scheduler.pod.Toleration.exists(key, TaintEffect.NO_SCHEDULE)
        : io.platformsim.scheduler.pod.Toleration.equal(key, value, TaintEffect.NO_SCHEDULE);
  }

  /** A builder with the upstream defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects a spec; {@link #build()} validates it. */
  public static final class Builder {
    private Strategy strategy = Strategy.ROLLING_UPDATE;
    private IntOrPercent maxSurge = IntOrPercent.percent(25);
    private IntOrPercent maxUnavailable = IntOrPercent.percent(25);
    private long minReadyMillis = 0;
    private long progressDeadlineMillis = 600_000;
    private int priority = 0;
    private PullPolicy pullPolicy = PullPolicy.IF_NOT_PRESENT;
    private Resources limits;
    private Probe readiness = Probe.DEFAULT;
    private Probe liveness;
    private Probe startup;
    private long crashAfterMillis = -1;
    private long shutdownMillis = 0;
    private PodAutoscaling autoscaling;
    private List<Toleration> tolerations = List.of();
    private PodDisruptionBudget disruptionBudget;
    private Map<String, String> nodeSelector = Map.of();
    private List<io.platformsim.scheduler.pod.Toleration> noScheduleTolerations = List.of();
    private Map<String, String> labels = Map.of();
    private List<NodeSelectorTerm> requiredNodeAffinity = List.of();
    private List<PreferredTerm> preferredNodeAffinity = List.of();
    private List<AntiAffinityTerm> podAntiAffinity = List.of();
    private List<SpreadConstraint> topologySpread = List.of();
    private Resources rightSized;

    private Builder() {}

    /** The pods' own labels, next to {@code app=<service>} (default none). */
    public Builder labels(Map<String, String> l) {
      this.labels = l;
      return this;
    }

    /**
     * Required node affinity: a node must match one of {@code terms} (ORed), e.g. {@code
     * NodeSelectorTerm.of(Requirement.in("tier", "web"))} (default none).
     */
    public Builder requiredNodeAffinity(List<NodeSelectorTerm> terms) {
      this.requiredNodeAffinity = terms;
      return this;
    }

    /** Preferred node affinity: weighted terms, weight 1..100 (default none). */
    public Builder preferredNodeAffinity(List<PreferredTerm> terms) {
      this.preferredNodeAffinity = terms;
      return this;
    }

    /**
     * Required pod anti-affinity, e.g. {@code new AntiAffinityTerm(LabelSelector.matchLabels("app",
     * "web"), NodeSpec.HOSTNAME)} for one pod per node (default none).
     */
    public Builder podAntiAffinity(List<AntiAffinityTerm> terms) {
      this.podAntiAffinity = terms;
      return this;
    }

    /** Topology spread constraints (default none: the scheduler's default spread). */
    public Builder topologySpread(List<SpreadConstraint> constraints) {
      this.topologySpread = constraints;
      return this;
    }

    /** The pods' {@code spec.nodeSelector}: labels a node must carry (default none). */
    public Builder nodeSelector(Map<String, String> labels) {
      this.nodeSelector = labels;
      return this;
    }

    /**
     * The pods' tolerations of {@code NoSchedule} taints, e.g. {@code Toleration.equal("dedicated",
     * "batch", TaintEffect.NO_SCHEDULE)} (default none).
     */
    public Builder noScheduleTolerations(List<io.platformsim.scheduler.pod.Toleration> t) {
      this.noScheduleTolerations = t;
      return this;
    }

    /**
     * Adds a toleration of {@code NoSchedule} taints: operator {@code Exists} ({@code value} empty;
     * a null {@code key} tolerates every taint) or {@code Equal} ({@code key=value}).
     */
    public Builder noScheduleToleration(String key, boolean exists, String value) {
      List<io.platformsim.scheduler.pod.Toleration> t = new ArrayList<>(noScheduleTolerations);
      t.add(DeploymentSpec.noScheduleToleration(key, exists, value));
      this.noScheduleTolerations = t;
      return this;
    }

    /** Recreate instead of RollingUpdate. */
    public Builder recreate() {
      this.strategy = Strategy.RECREATE;
      return this;
    }

    /** The strategy. */
    public Builder strategy(Strategy s) {
      this.strategy = s;
      return this;
    }

    /** maxSurge as written in a manifest: {@code "25%"} or {@code "3"}. */
    public Builder maxSurge(String value) {
      this.maxSurge = IntOrPercent.parse("spec.strategy.rollingUpdate.maxSurge", value);
      return this;
    }

    /** maxUnavailable as written in a manifest: {@code "25%"} or {@code "0"}. */
    public Builder maxUnavailable(String value) {
      this.maxUnavailable = IntOrPercent.parse("spec.strategy.rollingUpdate.maxUnavailable", value);
      return this;
    }

    /** minReadySeconds. */
    public Builder minReadySeconds(long s) {
      this.minReadyMillis = s * 1000;
      return this;
    }

    /** progressDeadlineSeconds. */
    public Builder progressDeadlineSeconds(long s) {
      this.progressDeadlineMillis = s * 1000;
      return this;
    }

    /** Pod priority. */
    public Builder priority(int p) {
      this.priority = p;
      return this;
    }

    /** Image pull policy. */
    public Builder pullPolicy(PullPolicy p) {
      this.pullPolicy = p;
      return this;
    }

    /**
     * Container limits as quantities, e.g. {@code limits("500m", "1Gi")}; malformed text names the
     * field.
     */
    public Builder limits(String cpu, String memory) {
      long milli = Quantity.parse("spec.containers[0].resources.limits.cpu", cpu, true);
      long bytes = Quantity.parse("spec.containers[0].resources.limits.memory", memory, false);
      this.limits = Resources.of(milli, Resources.mibOfBytes(bytes));
      return this;
    }

    /** Container limits. */
    public Builder limits(Resources r) {
      this.limits = r;
      return this;
    }

    /** Readiness probe. */
    public Builder readiness(Probe p) {
      this.readiness = p;
      return this;
    }

    /** Liveness probe. */
    public Builder liveness(Probe p) {
      this.liveness = p;
      return this;
    }

    /** Startup probe. */
    public Builder startup(Probe p) {
      this.startup = p;
      return this;
    }

    /** The container exits this long after each start (0 = immediately). */
    public Builder crashAfterMillis(long ms) {
      this.crashAfterMillis = ms;
      return this;
    }

    /** Application shutdown time after SIGTERM. */
    public Builder shutdownMillis(long ms) {
      this.shutdownMillis = ms;
      return this;
    }

    /** Horizontal pod autoscaler. */
    public Builder autoscaling(PodAutoscaling hpa) {
      this.autoscaling = hpa;
      return this;
    }

    /**
     * The pod template's tolerations ({@code spec.tolerations}), e.g. {@code
     * Toleration.noExecute(Toleration.UNREACHABLE, 0L)} to leave an unreachable node at once or
     * {@code null} seconds to stay forever.
     */
    public Builder tolerations(List<Toleration> t) {
      this.tolerations = t;
      return this;
    }

    /**
     * A PodDisruptionBudget over the Deployment's pods (selector app=service), or {@code null} for
     * none.
     */
    public Builder disruptionBudget(PodDisruptionBudget pdb) {
      this.disruptionBudget = pdb;
      return this;
    }

    /**
     * The request under the {@code kusp-rightsized} variant, e.g. a VPA target of {@code
     * Resources.of(250, 512)} ({@code null}, the default: none).
     */
    public Builder rightSized(Resources request) {
      this.rightSized = request;
      return this;
    }

    /**
     * The right-sized request as quantities, e.g. {@code rightSized("250m", "512Mi")}; malformed
     * text names the field.
     */
    public Builder rightSized(String cpu, String memory) {
      long milli = Quantity.parse("rightSized.cpu", cpu, true);
      long bytes = Quantity.parse("rightSized.memory", memory, false);
      this.rightSized = Resources.of(milli, Resources.mibOfBytes(bytes));
      return this;
    }

    /** The validated spec. */
    public DeploymentSpec build() {
      return new DeploymentSpec(
          strategy,
          maxSurge,
          maxUnavailable,
          minReadyMillis,
          progressDeadlineMillis,
          priority,
          pullPolicy,
          limits,
          readiness,
          liveness,
          startup,
          crashAfterMillis,
          shutdownMillis,
          autoscaling,
          tolerations,
          disruptionBudget,
          nodeSelector,
          noScheduleTolerations,
          labels,
          requiredNodeAffinity,
          preferredNodeAffinity,
          podAntiAffinity,
          topologySpread,
          rightSized);
    }
  }
}
