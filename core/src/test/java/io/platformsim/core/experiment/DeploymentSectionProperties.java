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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
    // right-sizing (issue 17): a VPA target, any size from 1m and 1Mi up
    if (r.nextBoolean()) {
      b.rightSized(Resources.of(1 + r.nextInt(8000), 1 + r.nextInt(32_768)));
    }
    return b.build();
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
