package io.platformsim.core.experiment;

import io.platformsim.core.kusp.DeploymentSpec;
import io.platformsim.core.kusp.PodAutoscaling;
import io.platformsim.core.kusp.PodDisruptionBudget;
import io.platformsim.core.kusp.Probe;
import io.platformsim.core.kusp.PullPolicy;
import io.platformsim.core.kusp.deployment.IntOrPercent;
import io.platformsim.core.kusp.nodelifecycle.Toleration;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import io.platformsim.core.yaml.ScalarReader;
import io.platformsim.core.yaml.YamlList;
import io.platformsim.core.yaml.YamlMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a service's {@code deployment} section: how KuSP runs it as a Deployment. Every field is
 * optional; an absent one keeps {@link DeploymentSpec}'s default (the upstream API default), so an
 * empty section is {@link DeploymentSpec#DEFAULT}. Field names, units and sources are documented in
 * {@code examples/scenarios/README.md}.
 */
final class DeploymentReader {

  private static final List<String> DEPLOYMENT =
      List.of(
          "strategy",
          "maxSurge",
          "maxUnavailable",
          "minReadySeconds",
          "progressDeadline",
          "priority",
          "pullPolicy",
          "limits",
          "readiness",
          "liveness",
          "startup",
          "crashAfter",
          "shutdown",
          "hpa",
          "disruptionBudget",
          "tolerations",
          "nodeSelector",
          // pod template placement terms (PlacementTermsReader)
          "labels",
          "affinity",
          "topologySpreadConstraints",
          // right-sizing (issue 17)
          "rightSized");
  private static final List<String> LIMITS = List.of("cpu", "memory");
  private static final List<String> PROBE = List.of("initialDelay", "period", "failureThreshold");
  private static final List<String> HPA =
      List.of("min", "max", "targetCpu", "sync", "tolerance", "scaleDownStabilization");
  private static final List<String> BUDGET = List.of("minAvailable", "maxUnavailable");
  private static final List<String> TOLERATION =
      List.of("key", "seconds", "operator", "value", "effect");
  private static final List<String> RIGHT_SIZED = List.of("cpu", "memory");

  /** The YAML spelling of each strategy, as the API writes it. */
  static final Map<String, DeploymentSpec.Strategy> STRATEGIES =
      Map.of(
          "RollingUpdate", DeploymentSpec.Strategy.ROLLING_UPDATE,
          "Recreate", DeploymentSpec.Strategy.RECREATE);

  /** The YAML spelling of each pull policy, as the API writes it. */
  static final Map<String, PullPolicy> PULL_POLICIES =
      Map.of(
          "IfNotPresent", PullPolicy.IF_NOT_PRESENT,
          "Always", PullPolicy.ALWAYS,
          "Never", PullPolicy.NEVER);

  /** The short toleration keys and the node taints they stand for. */
  static final Map<String, String> TOLERATION_KEYS =
      Map.of("unreachable", Toleration.UNREACHABLE, "not-ready", Toleration.NOT_READY);

  /**
   * The HPA's target when none is given: 80% CPU, the default metric of k/k {@code
   * pkg/apis/autoscaling/v2/defaults.go} ({@code SetDefaults_HorizontalPodAutoscaler}).
   */
  static final int DEFAULT_TARGET_CPU_PERCENT = 80;

  /** A count or a percentage, {@code 2} or {@code "25%"}. */
  private static final ScalarReader<IntOrPercent> COUNT_OR_PERCENT =
      text -> {
        try {
          return IntOrPercent.parse("value", text);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "expected a count or a percentage such as '25%', was '" + text + "'");
        }
      };

  /** A percentage, {@code 60} or {@code "60%"}, from 1 to 1000. */
  private static final ScalarReader<Integer> PERCENT =
      text -> {
        String t = text.strip();
        String digits = t.endsWith("%") ? t.substring(0, t.length() - 1).strip() : t;
        if (!digits.isEmpty()
            && digits.length() <= 4
            && digits.chars().allMatch(Character::isDigit)) {
          int v = Integer.parseInt(digits);
          if (v >= 1 && v <= 1000) {
            return v;
          }
        }
        throw new IllegalArgumentException(
            "expected a percentage from 1% to 1000% such as '60%', was '" + text + "'");
      };

  private DeploymentReader() {}

  /** The spec of {@code d}, the {@code deployment} section of {@code service}. */
  static DeploymentSpec read(YamlMapping d, Service service) {
    d.only(DEPLOYMENT);
    DeploymentSpec.Builder b = DeploymentSpec.builder();
    DeploymentSpec.Strategy strategy =
        d.has("strategy")
            ? named(d, "strategy", STRATEGIES)
            : DeploymentSpec.Strategy.ROLLING_UPDATE;
    b.strategy(strategy);
    // Defaults and rules: k/k pkg/apis/apps/v1/defaults.go SetDefaults_Deployment (25%, 25%,
    // 600 s) and pkg/apis/apps/validation/validation.go ValidateRollingUpdateDeployment.
    IntOrPercent surge = d.read("maxSurge", COUNT_OR_PERCENT, IntOrPercent.percent(25));
    IntOrPercent unavailable = d.read("maxUnavailable", COUNT_OR_PERCENT, IntOrPercent.percent(25));
    if (unavailable.percent() && unavailable.value() > 100) {
      throw d.error("maxUnavailable", "must not be more than 100%, was " + unavailable);
    }
    if (strategy == DeploymentSpec.Strategy.ROLLING_UPDATE
        && surge.value() == 0
        && unavailable.value() == 0) {
      throw d.error(
          d.has("maxUnavailable") ? "maxUnavailable" : "maxSurge",
          "maxSurge and maxUnavailable may not both be 0, was maxSurge "
              + surge
              + ", maxUnavailable "
              + unavailable);
    }
    b.maxSurge(surge.toString()).maxUnavailable(unavailable.toString());
    int minReady = d.integer("minReadySeconds", 0, 86_400, 0);
    long deadline = wholeSeconds(d, "progressDeadline", 600_000) / 1000;
    if (deadline <= minReady) {
      throw d.error(
          "progressDeadline",
          "must be longer than minReadySeconds "
              + minReady
              + ", was "
              + d.text("progressDeadline"));
    }
    b.minReadySeconds(minReady).progressDeadlineSeconds(deadline);
    b.priority(d.integer("priority", -2_147_483_647, DeploymentSpec.HIGHEST_USER_PRIORITY, 0));
    if (d.has("pullPolicy")) {
      b.pullPolicy(named(d, "pullPolicy", PULL_POLICIES));
    }
    d.mapping("limits").ifPresent(l -> b.limits(limits(l, service)));
    d.mapping("readiness").ifPresent(p -> b.readiness(probe(p)));
    d.mapping("liveness").ifPresent(p -> b.liveness(probe(p)));
    d.mapping("startup").ifPresent(p -> b.startup(probe(p)));
    b.crashAfterMillis(d.read("crashAfter", Units.DURATION, -1L));
    b.shutdownMillis(d.read("shutdown", Units.DURATION, 0L));
    d.mapping("hpa").ifPresent(h -> b.autoscaling(hpa(h)));
    d.mapping("disruptionBudget").ifPresent(p -> b.disruptionBudget(budget(p)));
    Optional<YamlList> tolerations = d.list("tolerations");
    if (tolerations.isPresent()) {
      List<Toleration> ts = new ArrayList<>();
      for (YamlMapping t : tolerations.get().mappings()) {
        t.only(TOLERATION);
        if (t.has("effect") && t.text("effect").strip().equals("NoSchedule")) {
          noScheduleToleration(t, b);
          continue;
        }
        if (t.has("effect") && !t.text("effect").strip().equals("NoExecute")) {
          throw t.error(
              "effect", "must be NoSchedule or NoExecute, was '" + t.text("effect").strip() + "'");
        }
        for (String k : List.of("operator", "value")) {
          if (t.has(k)) {
            throw t.error(
                k,
                "applies to NoSchedule tolerations only; a NoExecute toleration is"
                    + " {key: unreachable|not-ready, seconds}");
          }
        }
        String key = named(t, "key", TOLERATION_KEYS);
        Long seconds =
            t.has("seconds") ? (long) t.integer("seconds", 0, 1_000_000_000, null) : null;
        ts.add(Toleration.noExecute(key, seconds));
      }
      b.tolerations(ts);
    }
    d.mapping("nodeSelector").ifPresent(m -> b.nodeSelector(nodeSelector(m)));
    PlacementTermsReader.read(d, service, b);
    // right-sizing (issue 17)
    d.mapping("rightSized").ifPresent(r -> b.rightSized(rightSized(r)));
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      // Cross-field rules: maxSurge and maxUnavailable both 0, progressDeadline <= minReady.
      throw d.error("", e.getMessage());
    }
  }

  /**
   * A NoSchedule toleration {@code {key, operator, value, effect: NoSchedule}}: operator {@code
   * Equal} (the API default, k/k {@code pkg/apis/core/types.go} Toleration) or {@code Exists} (no
   * value; without a key it tolerates every taint); no {@code seconds}, which only NoExecute takes
   * (k/k {@code pkg/apis/core/validation/validation.go} {@code ValidateTolerations}).
   */
  private static void noScheduleToleration(YamlMapping t, DeploymentSpec.Builder b) {
    if (t.has("seconds")) {
      throw t.error("seconds", "applies to NoExecute tolerations only (tolerationSeconds)");
    }
    String op = t.string("operator", "Equal").strip();
    String key = t.has("key") ? t.text("key").strip() : null;
    String value = t.string("value", "");
    if (op.equals("Exists")) {
      if (!value.isEmpty()) {
        throw t.error("value", "must be empty with operator Exists, was '" + value + "'");
      }
      b.noScheduleToleration(key, true, "");
      return;
    }
    if (!op.equals("Equal")) {
      throw t.error("operator", "must be Equal or Exists, was '" + op + "'");
    }
    if (key == null || key.isEmpty()) {
      throw t.error("key", "is required with operator Equal");
    }
    b.noScheduleToleration(key, false, value);
  }

  /** {@code nodeSelector: {label: value}}: non-blank keys, values as written. */
  private static Map<String, String> nodeSelector(YamlMapping m) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String k : m.keys()) {
      if (k.isBlank()) {
        throw m.error(k, "a label key must not be blank");
      }
      labels.put(k, m.text(k));
    }
    return labels;
  }

  /** One of {@code names}' keys, else an error listing them (with a suggestion). */
  static <T> T named(YamlMapping m, String key, Map<String, T> names) {
    String v = m.text(key).strip();
    T t = names.get(v);
    if (t == null) {
      List<String> known = names.keySet().stream().sorted().toList();
      String hint = Suggestions.didYouMean(v, known);
      throw m.error(
          key,
          "unknown value '"
              + v
              + "'"
              + (hint.startsWith("; did you mean") ? hint + " (known: " + known + ")" : "")
              + (hint.startsWith("; did you mean") ? "" : "; expected one of " + known));
    }
    return t;
  }

  private static long wholeSeconds(YamlMapping m, String key, long dflt) {
    long ms = m.read(key, Units.DURATION, dflt);
    if (ms % 1000 != 0) {
      throw m.error(key, "must be whole seconds (the API field is in seconds), was " + m.text(key));
    }
    return ms;
  }

  /** {@code {cpu, memory}}, each optional (absent: no limit), at least the service's request. */
  private static Resources limits(YamlMapping l, Service service) {
    l.only(LIMITS);
    if (!l.has("cpu") && !l.has("memory")) {
      throw l.error("", "needs cpu, memory or both");
    }
    long cpu = l.read("cpu", Units.MILLI_CPU, 0L);
    long mem = l.read("memory", Units.MEMORY_MIB, 0L);
    Resources req = service.request();
    if (l.has("cpu") && cpu < req.milliCpu()) {
      throw l.error(
          "cpu", "limit " + l.text("cpu") + " is below the request " + req.milliCpu() + "m");
    }
    if (l.has("memory") && mem < req.memoryMib()) {
      throw l.error(
          "memory",
          "limit " + l.text("memory") + " is below the request " + req.memoryMib() + "Mi");
    }
    return Resources.of(cpu, mem);
  }

  /** {@code {initialDelay, period, failureThreshold}}; absent fields keep the probe defaults. */
  private static Probe probe(YamlMapping p) {
    p.only(PROBE);
    long delay = p.read("initialDelay", Units.DURATION, Probe.DEFAULT.initialDelayMillis());
    long period = p.read("period", Units.DURATION, Probe.DEFAULT.periodMillis());
    if (period < 1) {
      throw p.error("period", "must be > 0, was " + p.text("period"));
    }
    int failures = p.integer("failureThreshold", 1, 1_000_000, Probe.DEFAULT.failureThreshold());
    return new Probe(delay, period, failures);
  }

  /**
   * {@code {min, max, targetCpu, sync, tolerance, scaleDownStabilization}}: min defaults to 1 and
   * the target to 80% (k/k {@code pkg/apis/autoscaling/v2/defaults.go
   * SetDefaults_HorizontalPodAutoscaler}); the controller settings to {@link PodAutoscaling}'s
   * upstream defaults (15 s, 0.1, 5 min).
   */
  private static PodAutoscaling hpa(YamlMapping h) {
    h.only(HPA);
    int min = h.integer("min", 1, 1_000_000, 1);
    int max = h.integer("max", 1, 1_000_000, null);
    if (max < min) {
      throw h.error("max", "must be >= min " + min + ", was " + max);
    }
    int target = h.read("targetCpu", PERCENT, DEFAULT_TARGET_CPU_PERCENT);
    long sync = h.read("sync", Units.DURATION, PodAutoscaling.DEFAULT_SYNC_MILLIS);
    if (sync < 1) {
      throw h.error("sync", "must be at least 1ms, was '" + h.text("sync") + "'");
    }
    double tolerance = h.decimal("tolerance", PodAutoscaling.DEFAULT_TOLERANCE);
    if (!(tolerance >= 0 && tolerance < 1)) {
      throw h.error("tolerance", "must be in [0, 1), was " + tolerance);
    }
    long window =
        h.read(
            "scaleDownStabilization",
            Units.DURATION,
            PodAutoscaling.DEFAULT_SCALE_DOWN_STABILIZATION_MILLIS);
    return new PodAutoscaling(min, max, target, sync, tolerance, window);
  }

  /** Exactly one of {@code minAvailable} and {@code maxUnavailable}, at most 100%. */
  private static PodDisruptionBudget budget(YamlMapping p) {
    p.only(BUDGET);
    if (p.has("minAvailable") == p.has("maxUnavailable")) {
      throw p.error("", "needs exactly one of minAvailable and maxUnavailable");
    }
    String key = p.has("minAvailable") ? "minAvailable" : "maxUnavailable";
    IntOrPercent v = p.read(key, COUNT_OR_PERCENT, null);
    if (v.percent() && v.value() > 100) {
      throw p.error(key, "must not be more than 100%, was " + v);
    }
    return key.equals("minAvailable")
        ? new PodDisruptionBudget(v, null)
        : new PodDisruptionBudget(null, v);
  }

  /**
   * {@code {cpu, memory}}, both required: the request under the {@code kusp-rightsized} variant, a
   * VPA target (which always carries both resources it controls, CPU and memory by default:
   * kubernetes/autoscaler {@code vertical-pod-autoscaler/pkg/apis/autoscaling.k8s.io/v1/types.go}
   * {@code ContainerResourcePolicy.ControlledResources}); at least 1m and 1Mi.
   */
  private static Resources rightSized(YamlMapping r) {
    r.only(RIGHT_SIZED);
    for (String k : RIGHT_SIZED) {
      if (!r.has(k)) {
        throw r.error(k, "is required (rightSized needs both cpu and memory)");
      }
    }
    long cpu = r.read("cpu", Units.MILLI_CPU, null);
    if (cpu < 1) {
      throw r.error("cpu", "must be at least 1m, was '" + r.text("cpu") + "'");
    }
    long mem = r.read("memory", Units.MEMORY_MIB, null);
    if (mem < 1) {
      throw r.error("memory", "must be at least 1Mi, was '" + r.text("memory") + "'");
    }
    return Resources.of(cpu, mem);
  }
}
