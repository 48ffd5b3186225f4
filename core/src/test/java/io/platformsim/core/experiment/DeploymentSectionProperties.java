package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.platformsim.core.kusp.DeploymentSpec;
import io.platformsim.core.kusp.PodAutoscaling;
import io.platformsim.core.kusp.PodDisruptionBudget;
import io.platformsim.core.kusp.Probe;
import io.platformsim.core.kusp.PullPolicy;
import io.platformsim.core.kusp.deployment.IntOrPercent;
import io.platformsim.core.kusp.nodelifecycle.Toleration;
import io.platformsim.core.workload.Resources;
import io.platformsim.scheduler.pod.AntiAffinityTerm;
import io.platformsim.scheduler.pod.LabelSelector;
import io.platformsim.scheduler.pod.NodeSelectorTerm;
import io.platformsim.scheduler.pod.Operator;
import io.platformsim.scheduler.pod.PreferredTerm;
import io.platformsim.scheduler.pod.Requirement;
import io.platformsim.scheduler.pod.SpreadConstraint;
import io.platformsim.scheduler.pod.WhenUnsatisfiable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A Deployment spec written out as a {@code deployment} section and read back is the same spec. */
class DeploymentSectionProperties {

  private static final String HEAD =
      """
      services:
        - name: web
          instances: 4
          request: {cpu: 500m, memory: 1Gi}
          usage: {cpu: 200m, memory: 512Mi}
          deployment:
      """;

  @Property(tries = 200)
  void writtenAndReadBackIsTheSameSpec(@ForAll("specs") DeploymentSpec spec) {
    Scenario s = ScenarioFile.parse(HEAD + section(spec), "p.yaml");
    assertEquals(spec, s.kusp().deployment("web"));
  }

  @Provide
  Arbitrary<DeploymentSpec> specs() {
    return Arbitraries.randomValue(DeploymentSectionProperties::spec);
  }

  private static IntOrPercent countOrPercent(Random r, int maxPercent) {
    return r.nextBoolean()
        ? IntOrPercent.of(r.nextInt(6))
        : IntOrPercent.percent(r.nextInt(maxPercent + 1));
  }

  private static Probe probe(Random r) {
    return new Probe(r.nextInt(120) * 500L, 1 + r.nextInt(60_000), 1 + r.nextInt(10));
  }

  /** A random valid spec; also the deployment generator of {@link ScenarioRoundTripProperties}. */
  static DeploymentSpec spec(Random r) {
    DeploymentSpec.Builder b = DeploymentSpec.builder();
    boolean recreate = r.nextInt(3) == 0;
    if (recreate) {
      b.recreate();
    }
    IntOrPercent surge = countOrPercent(r, 200);
    IntOrPercent unavailable = countOrPercent(r, 100);
    if (!recreate && surge.value() == 0 && unavailable.value() == 0) {
      unavailable = IntOrPercent.of(1);
    }
    b.maxSurge(surge.toString()).maxUnavailable(unavailable.toString());
    int minReady = r.nextInt(300);
    b.minReadySeconds(minReady).progressDeadlineSeconds(minReady + 1 + r.nextInt(3600));
    b.priority(r.nextInt(2_000_001) - 1_000_000);
    b.pullPolicy(PullPolicy.values()[r.nextInt(3)]);
    if (r.nextBoolean()) {
      long cpu = r.nextBoolean() ? 500 + r.nextInt(4000) : 0;
      long mem = cpu == 0 || r.nextBoolean() ? 1024 + r.nextInt(8192) : 0;
      b.limits(Resources.of(cpu, mem));
    }
    b.readiness(r.nextBoolean() ? Probe.DEFAULT : probe(r));
    if (r.nextBoolean()) {
      b.liveness(probe(r));
    }
    if (r.nextBoolean()) {
      b.startup(probe(r));
    }
    b.crashAfterMillis(r.nextBoolean() ? -1 : r.nextInt(600_000));
    b.shutdownMillis(r.nextInt(60_000));
    if (r.nextBoolean()) {
      int min = 1 + r.nextInt(20);
      b.autoscaling(
          r.nextBoolean()
              ? PodAutoscaling.cpu(min, min + r.nextInt(50), 1 + r.nextInt(1000))
              : new PodAutoscaling(
                  min,
                  min + r.nextInt(50),
                  1 + r.nextInt(1000),
                  1 + r.nextInt(600_000),
                  r.nextInt(100) / 100.0,
                  r.nextInt(1_200_000)));
    }
    if (r.nextBoolean()) {
      IntOrPercent v = countOrPercent(r, 100);
      b.disruptionBudget(
          r.nextBoolean() ? new PodDisruptionBudget(v, null) : new PodDisruptionBudget(null, v));
    }
    List<Toleration> ts = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      ts.add(
          Toleration.noExecute(
              r.nextBoolean() ? Toleration.UNREACHABLE : Toleration.NOT_READY,
              r.nextBoolean() ? null : (long) r.nextInt(1000)));
    }
    b.tolerations(ts);
    placementTerms(r, b);
    // right-sizing (issue 17): a VPA target, any size from 1m and 1Mi up
    if (r.nextBoolean()) {
      b.rightSized(Resources.of(1 + r.nextInt(8000), 1 + r.nextInt(32_768)));
    }
    return b.build();
  }

  /** Label keys: plain, prefixed, every allowed character (never the reserved app). */
  private static final List<String> LABEL_KEYS =
      List.of("tier", "app.kubernetes.io/name", "example.com/team", "a_b.c-D9", "x");

  /** Label values, the empty one too; YAML would misread some unquoted. */
  private static final List<String> LABEL_VALUES =
      List.of("", "web", "v1.2", "A-b_c", "9", "true", "1e3");

  private static final List<String> TOPOLOGY_KEYS =
      List.of("kubernetes.io/hostname", "topology.kubernetes.io/zone", "rack");

  private static <T> T pick(Random r, List<T> from) {
    return from.get(r.nextInt(from.size()));
  }

  /** Random valid labels, node affinity, pod anti-affinity and spread constraints. */
  private static void placementTerms(Random r, DeploymentSpec.Builder b) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      labels.put(pick(r, LABEL_KEYS), pick(r, LABEL_VALUES));
    }
    b.labels(labels);
    List<NodeSelectorTerm> required = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      required.add(nodeTerm(r));
    }
    b.requiredNodeAffinity(required);
    List<PreferredTerm> preferred = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      preferred.add(new PreferredTerm(1 + r.nextInt(100), nodeTerm(r)));
    }
    b.preferredNodeAffinity(preferred);
    List<AntiAffinityTerm> anti = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      anti.add(new AntiAffinityTerm(selector(r), pick(r, TOPOLOGY_KEYS)));
    }
    b.podAntiAffinity(anti);
    List<SpreadConstraint> spread = new ArrayList<>();
    Set<String> pairs = new HashSet<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      String key = pick(r, TOPOLOGY_KEYS);
      WhenUnsatisfiable when = WhenUnsatisfiable.values()[r.nextInt(2)];
      if (pairs.add(key + when)) {
        spread.add(new SpreadConstraint(1 + r.nextInt(5), key, when, selector(r)));
      }
    }
    b.topologySpread(spread);
  }

  private static NodeSelectorTerm nodeTerm(Random r) {
    List<Requirement> rs = new ArrayList<>();
    for (int i = 1 + r.nextInt(3); i > 0; i--) {
      rs.add(requirement(r, Operator.values()[r.nextInt(6)]));
    }
    return new NodeSelectorTerm(rs);
  }

  /** 0 to 3 requirements, some of them matchLabels-like (In with one value). */
  private static LabelSelector selector(Random r) {
    List<Requirement> rs = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      rs.add(requirement(r, Operator.values()[r.nextInt(4)]));
    }
    return new LabelSelector(rs);
  }

  private static Requirement requirement(Random r, Operator op) {
    String key = pick(r, LABEL_KEYS);
    return switch (op) {
      case IN, NOT_IN -> {
        List<String> values = new ArrayList<>();
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
          values.add(pick(r, LABEL_VALUES.subList(1, LABEL_VALUES.size())));
        }
        yield new Requirement(key, op, values);
      }
      case EXISTS, DOES_NOT_EXIST -> new Requirement(key, op, List.of());
      case GT, LT -> new Requirement(key, op, List.of(Integer.toString(r.nextInt(21) - 10)));
    };
  }

  /** The section as the README documents it, indented under {@code deployment:}. */
  private static String section(DeploymentSpec d) {
    List<String> l = new ArrayList<>();
    l.add(
        "strategy: "
            + (d.strategy() == DeploymentSpec.Strategy.RECREATE ? "Recreate" : "RollingUpdate"));
    l.add("maxSurge: '" + d.maxSurge() + "'");
    l.add("maxUnavailable: '" + d.maxUnavailable() + "'");
    l.add("minReadySeconds: " + d.minReadyMillis() / 1000);
    l.add("progressDeadline: " + d.progressDeadlineMillis() / 1000 + "s");
    l.add("priority: " + d.priority());
    l.add(
        "pullPolicy: "
            + switch (d.pullPolicy()) {
              case IF_NOT_PRESENT -> "IfNotPresent";
              case ALWAYS -> "Always";
              case NEVER -> "Never";
            });
    if (d.limits() != null) {
      List<String> parts = new ArrayList<>();
      if (d.limits().milliCpu() > 0) {
        parts.add("cpu: " + d.limits().milliCpu() + "m");
      }
      if (d.limits().memoryMib() > 0) {
        parts.add("memory: " + d.limits().memoryMib() + "Mi");
      }
      l.add("limits: {" + String.join(", ", parts) + "}");
    }
    l.add("readiness: " + probe(d.readiness()));
    if (d.liveness() != null) {
      l.add("liveness: " + probe(d.liveness()));
    }
    if (d.startup() != null) {
      l.add("startup: " + probe(d.startup()));
    }
    if (d.crashAfterMillis() >= 0) {
      l.add("crashAfter: " + d.crashAfterMillis() + "ms");
    }
    l.add("shutdown: " + d.shutdownMillis() + "ms");
    PodAutoscaling h = d.autoscaling();
    if (h != null) {
      l.add(
          "hpa: {min: "
              + h.minReplicas()
              + ", max: "
              + h.maxReplicas()
              + ", targetCpu: "
              + h.targetCpuPercent()
              + "%, sync: "
              + h.syncMillis()
              + "ms, tolerance: "
              + h.tolerance()
              + ", scaleDownStabilization: "
              + h.scaleDownStabilizationMillis()
              + "ms}");
    }
    PodDisruptionBudget p = d.disruptionBudget();
    if (p != null) {
      l.add(
          "disruptionBudget: {"
              + (p.minAvailable() != null
                  ? "minAvailable: '" + p.minAvailable()
                  : "maxUnavailable: '" + p.maxUnavailable())
              + "'}");
    }
    if (!d.tolerations().isEmpty()) {
      l.add("tolerations:");
      for (Toleration t : d.tolerations()) {
        l.add("  - key: " + (t.key().equals(Toleration.UNREACHABLE) ? "unreachable" : "not-ready"));
        if (t.seconds() != null) {
          l.add("    seconds: " + t.seconds());
        }
      }
    }
    if (!d.labels().isEmpty()) {
      List<String> kv = new ArrayList<>();
      d.labels().forEach((k, v) -> kv.add(k + ": '" + v + "'"));
      l.add("labels: {" + String.join(", ", kv) + "}");
    }
    List<String> affinity = new ArrayList<>();
    List<String> node = new ArrayList<>();
    if (!d.requiredNodeAffinity().isEmpty()) {
      node.add(
          "required: ["
              + String.join(
                  ", ",
                  d.requiredNodeAffinity().stream()
                      .map(t -> "{matchExpressions: " + expressions(t.requirements()) + "}")
                      .toList())
              + "]");
    }
    if (!d.preferredNodeAffinity().isEmpty()) {
      node.add(
          "preferred: ["
              + String.join(
                  ", ",
                  d.preferredNodeAffinity().stream()
                      .map(
                          t ->
                              "{weight: "
                                  + t.weight()
                                  + ", matchExpressions: "
                                  + expressions(t.term().requirements())
                                  + "}")
                      .toList())
              + "]");
    }
    if (!node.isEmpty()) {
      affinity.add("nodeAffinity: {" + String.join(", ", node) + "}");
    }
    if (!d.podAntiAffinity().isEmpty()) {
      affinity.add(
          "podAntiAffinity: {required: ["
              + String.join(
                  ", ",
                  d.podAntiAffinity().stream()
                      .map(
                          t ->
                              "{topologyKey: "
                                  + t.topologyKey()
                                  + ", labelSelector: "
                                  + selector(t.selector())
                                  + "}")
                      .toList())
              + "]}");
    }
    if (!affinity.isEmpty()) {
      l.add("affinity: {" + String.join(", ", affinity) + "}");
    }
    if (!d.topologySpread().isEmpty()) {
      l.add("topologySpreadConstraints:");
      for (SpreadConstraint c : d.topologySpread()) {
        l.add(
            "  - {maxSkew: "
                + c.maxSkew()
                + ", topologyKey: "
                + c.topologyKey()
                + ", whenUnsatisfiable: "
                + (c.whenUnsatisfiable() == WhenUnsatisfiable.DO_NOT_SCHEDULE
                    ? "DoNotSchedule"
                    : "ScheduleAnyway")
                + ", labelSelector: "
                + selector(c.selector())
                + "}");
      }
    }
    if (d.rightSized() != null) {
      l.add(
          "rightSized: {cpu: "
              + d.rightSized().milliCpu()
              + "m, memory: "
              + d.rightSized().memoryMib()
              + "Mi}");
    }
    StringBuilder sb = new StringBuilder();
    for (String line : l) {
      sb.append("      ").append(line).append('\n');
    }
    return sb.toString();
  }

  /** Every requirement as a match expression (no matchLabels: they would sort first). */
  private static String selector(LabelSelector s) {
    return "{matchExpressions: " + expressions(s.requirements()) + "}";
  }

  private static String expressions(List<Requirement> rs) {
    List<String> items = new ArrayList<>();
    for (Requirement r : rs) {
      String op =
          switch (r.operator()) {
            case IN -> "In";
            case NOT_IN -> "NotIn";
            case EXISTS -> "Exists";
            case DOES_NOT_EXIST -> "DoesNotExist";
            case GT -> "Gt";
            case LT -> "Lt";
          };
      items.add(
          "{key: "
              + r.key()
              + ", operator: "
              + op
              + (r.values().isEmpty()
                  ? ""
                  : ", values: ['" + String.join("', '", r.values()) + "']")
              + "}");
    }
    return "[" + String.join(", ", items) + "]";
  }

  private static String probe(Probe p) {
    return "{initialDelay: "
        + p.initialDelayMillis()
        + "ms, period: "
        + p.periodMillis()
        + "ms, failureThreshold: "
        + p.failureThreshold()
        + "}";
  }
}
