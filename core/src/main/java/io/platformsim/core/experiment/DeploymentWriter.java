package io.platformsim.core.experiment;

import io.platformsim.core.kusp.DeploymentSpec;
import io.platformsim.core.kusp.NoScheduleTerm;
import io.platformsim.core.kusp.PodAutoscaling;
import io.platformsim.core.kusp.PodDisruptionBudget;
import io.platformsim.core.kusp.Probe;
import io.platformsim.core.kusp.deployment.IntOrPercent;
import io.platformsim.core.kusp.nodelifecycle.Toleration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a service's {@code deployment} section as {@link DeploymentReader} reads it, every field
 * written out, the HPA with its sync period, tolerance and scale-down stabilization, the node
 * selector, and the tolerations: NoExecute ({@code unreachable} / {@code not-ready}) first, then
 * the NoSchedule ones, then the placement terms ({@link PlacementTermsWriter}). Not expressible (no
 * key in the reader): NoExecute tolerations of other keys; limits of 0 for both CPU and memory (a
 * {@code limits} section needs one of them); minReady and progressDeadline that are not whole
 * seconds.
 */
final class DeploymentWriter {

  private DeploymentWriter() {}

  /** The {@code deployment} section of {@code d}. */
  static void write(YamlLines y, DeploymentSpec d) {
    y.open("deployment");
    y.field("strategy", nameOf(DeploymentReader.STRATEGIES, d.strategy()));
    y.field("maxSurge", countOrPercent(d.maxSurge()));
    y.field("maxUnavailable", countOrPercent(d.maxUnavailable()));
    y.field("minReadySeconds", Long.toString(d.minReadyMillis() / 1000));
    y.field("progressDeadline", Spelled.duration(d.progressDeadlineMillis()));
    y.field("priority", Integer.toString(d.priority()));
    y.field("pullPolicy", nameOf(DeploymentReader.PULL_POLICIES, d.pullPolicy()));
    if (d.limits() != null) {
      // A limit of 0 is no limit (as the kubelet reads it), and an absent one reads as 0.
      List<String> limits = new ArrayList<>();
      if (d.limits().milliCpu() > 0) {
        limits.addAll(List.of("cpu", Spelled.cpu(d.limits().milliCpu())));
      }
      if (d.limits().memoryMib() > 0) {
        limits.addAll(List.of("memory", Spelled.memory(d.limits().memoryMib())));
      }
      if (!limits.isEmpty()) {
        y.flow("limits", limits);
      }
    }
    y.flow("readiness", probe(d.readiness()));
    if (d.liveness() != null) {
      y.flow("liveness", probe(d.liveness()));
    }
    if (d.startup() != null) {
      y.flow("startup", probe(d.startup()));
    }
    if (d.crashAfterMillis() >= 0) {
      y.field("crashAfter", Spelled.duration(d.crashAfterMillis()));
    }
    y.field("shutdown", Spelled.duration(d.shutdownMillis()));
    PodAutoscaling h = d.autoscaling();
    if (h != null) {
      y.flow(
          "hpa",
          List.of(
              "min",
              Integer.toString(h.minReplicas()),
              "max",
              Integer.toString(h.maxReplicas()),
              "targetCpu",
              h.targetCpuPercent() + "%",
              "sync",
              Spelled.duration(h.syncMillis()),
              "tolerance",
              Spelled.decimal(h.tolerance()),
              "scaleDownStabilization",
              Spelled.duration(h.scaleDownStabilizationMillis())));
    }
    PodDisruptionBudget p = d.disruptionBudget();
    if (p != null) {
      y.flow(
          "disruptionBudget",
          p.minAvailable() != null
              ? List.of("minAvailable", countOrPercent(p.minAvailable()))
              : List.of("maxUnavailable", countOrPercent(p.maxUnavailable())));
    }
    if (!d.nodeSelector().isEmpty()) {
      y.open("nodeSelector");
      d.nodeSelector().forEach((k, v) -> y.field(Spelled.text(k), Spelled.text(v)));
      y.close();
    }
    if (d.tolerations().isEmpty() && d.noScheduleTerms().isEmpty()) {
      y.field("tolerations", "[]");
    } else {
      y.open("tolerations");
      for (Toleration t : d.tolerations()) {
        String key =
            DeploymentReader.TOLERATION_KEYS.entrySet().stream()
                .filter(e -> e.getValue().equals(t.key()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(t.key()); // no short key: the reader reports it
        y.flowItem(
            t.seconds() == null
                ? List.of("key", Spelled.text(key))
                : List.of("key", Spelled.text(key), "seconds", Long.toString(t.seconds())));
      }
      for (NoScheduleTerm t : d.noScheduleTerms()) {
        List<String> kv = new ArrayList<>();
        if (t.key() != null) {
          kv.addAll(List.of("key", Spelled.text(t.key())));
        }
        kv.addAll(List.of("operator", t.exists() ? "Exists" : "Equal"));
        if (!t.exists() && !t.value().isEmpty()) { // empty is the reader's default
          kv.addAll(List.of("value", Spelled.text(t.value())));
        }
        kv.addAll(List.of("effect", "NoSchedule"));
        y.flowItem(kv);
      }
      y.close();
    }
    PlacementTermsWriter.write(y, d);
    // right-sizing (issue 17)
    if (d.rightSized() != null) {
      y.flow(
          "rightSized",
          List.of(
              "cpu",
              Spelled.cpu(d.rightSized().milliCpu()),
              "memory",
              Spelled.memory(d.rightSized().memoryMib())));
    }
    y.close();
  }

  private static String countOrPercent(IntOrPercent v) {
    return Spelled.countOrPercent(v.value(), v.percent());
  }

  private static List<String> probe(Probe p) {
    return List.of(
        "initialDelay",
        Spelled.duration(p.initialDelayMillis()),
        "period",
        Spelled.duration(p.periodMillis()),
        "failureThreshold",
        Integer.toString(p.failureThreshold()));
  }

  /** The file's spelling of {@code value} in {@code names} (the reader's own table). */
  private static <T> String nameOf(Map<String, T> names, T value) {
    return names.entrySet().stream()
        .filter(e -> e.getValue() == value)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }
}
