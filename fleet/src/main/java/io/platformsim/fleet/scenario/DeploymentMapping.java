package io.platformsim.fleet.scenario;

import io.platformsim.core.kusp.DeploymentSpec;
import io.platformsim.core.kusp.PodAutoscaling;
import io.platformsim.core.kusp.PodDisruptionBudget;
import io.platformsim.core.kusp.Probe;
import io.platformsim.core.kusp.nodelifecycle.Toleration;
import io.platformsim.fleet.manifests.Autoscaler;
import io.platformsim.fleet.manifests.DisruptionBudget;
import io.platformsim.fleet.manifests.ImportedWorkload;
import io.platformsim.fleet.manifests.ProbeTiming;
import io.platformsim.fleet.manifests.RolloutStrategy;
import io.platformsim.fleet.manifests.WorkloadDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A workload's manifest details as the scenario's KuSP Deployment spec, and what of them the
 * scenario cannot say (each listed, never dropped silently).
 *
 * <p>Every workload kind runs as a Deployment (the scenario has one controller for services);
 * DaemonSets are mapped elsewhere ({@code kusp.daemonSets}).
 *
 * @param spec the Deployment spec
 * @param notModelled {@code "service: what (why)"} lines, in field order
 */
record DeploymentMapping(DeploymentSpec spec, List<String> notModelled) {

  /** The NoExecute taint keys the scenario's node lifecycle sets (the only ones it can express). */
  static final List<String> NO_EXECUTE_KEYS = List.of(Toleration.NOT_READY, Toleration.UNREACHABLE);

  DeploymentMapping {
    notModelled = List.copyOf(notModelled);
  }

  /** The spec of {@code w} imported alone, running as the scenario service {@code service}. */
  static DeploymentMapping of(ImportedWorkload w, String service) {
    return of(w, service, new PlacementMapping(Map.of(service, w)));
  }

  /**
   * The spec of {@code w}, running as the scenario service {@code service}, its placement terms
   * mapped by {@code placement} (which knows every workload of the import).
   */
  static DeploymentMapping of(ImportedWorkload w, String service, PlacementMapping placement) {
    WorkloadDetails d = w.details();
    List<String> notes = new ArrayList<>();
    DeploymentSpec.Builder b = DeploymentSpec.builder();
    strategy(d.strategy(), w.kind(), service, b, notes);
    int priority = d.priority();
    if (priority > DeploymentSpec.HIGHEST_USER_PRIORITY) {
      // system-cluster-critical / system-node-critical: above what a user class may have
      notes.add(
          service
              + ": priority "
              + priority
              + " ("
              + d.priorityClassName()
              + ") capped at "
              + DeploymentSpec.HIGHEST_USER_PRIORITY
              + " (the highest user-definable priority the scenario accepts)");
      priority = DeploymentSpec.HIGHEST_USER_PRIORITY;
    }
    b.priority(priority);
    d.readiness().ifPresent(p -> b.readiness(readiness(p)));
    d.liveness().ifPresent(p -> b.liveness(probe(p.initialDelaySeconds(), p)));
    d.readiness()
        .filter(p -> p.timeoutSeconds() != 1)
        .ifPresent(
            p ->
                notes.add(
                    service
                        + ": readiness timeoutSeconds "
                        + p.timeoutSeconds()
                        + " not modelled (a probe passes or fails at once)"));
    d.autoscaler().ifPresent(a -> autoscaler(a, service, b, notes));
    d.disruptionBudget().ifPresent(p -> b.disruptionBudget(budget(p)));
    b.nodeSelector(nodeSelector(d.nodeSelector(), service, notes));
    List<Toleration> noExecute = new ArrayList<>();
    for (String t : d.tolerations()) {
      toleration(t, service, b, noExecute, notes);
    }
    b.tolerations(noExecute);
    placement.apply(w, service, b, notes);
    return new DeploymentMapping(b.build(), notes);
  }

  /**
   * RollingUpdate with its fenceposts as pod counts (already resolved against replicas by the
   * reader); Recreate as Recreate; OnDelete and None (ReplicaSet, bare Pod) as the Deployment
   * default, noted.
   */
  private static void strategy(
      RolloutStrategy s,
      String kind,
      String service,
      DeploymentSpec.Builder b,
      List<String> notes) {
    switch (s.type()) {
      case "RollingUpdate" ->
          b.maxSurge(Integer.toString(s.maxSurge()))
              .maxUnavailable(Integer.toString(s.maxUnavailable()));
      case "Recreate" -> b.recreate();
      default ->
          notes.add(
              service
                  + ": "
                  + kind
                  + " update strategy "
                  + s.type()
                  + " not modelled; a release rolls it as a Deployment's default RollingUpdate"
                  + " 25%/25%");
    }
  }

  /**
   * The readiness probe: the first probe at the initial delay, so a started container can be Ready
   * no earlier than {@link ProbeTiming#earliestReadySeconds()} ({@code successThreshold - 1} more
   * periods); the scenario's probe has no success threshold, so it starts that much later.
   */
  private static Probe readiness(ProbeTiming p) {
    return probe(p.earliestReadySeconds(), p);
  }

  private static Probe probe(long initialDelaySeconds, ProbeTiming p) {
    return new Probe(initialDelaySeconds * 1000, p.periodSeconds() * 1000L, p.failureThreshold());
  }

  private static void autoscaler(
      Autoscaler a, String service, DeploymentSpec.Builder b, List<String> notes) {
    if (a.targetCpuUtilization().isPresent()) {
      b.autoscaling(
          PodAutoscaling.cpu(
              a.minReplicas(), a.maxReplicas(), a.targetCpuUtilization().getAsInt()));
    } else {
      notes.add(
          service
              + ": HPA "
              + a.name()
              + " scales on metrics other than CPU utilization; not modelled (fixed replicas)");
    }
  }

  /**
   * The node selector; a zone term naming a zone the scenario's cluster lacks ({@link
   * KuspSide#ZONES}) is dropped and noted, as no node could ever match it.
   */
  private static Map<String, String> nodeSelector(
      Map<String, String> selector, String service, List<String> notes) {
    Map<String, String> out = new TreeMap<>(selector);
    String zone = out.get(KuspSide.ZONE_LABEL);
    if (zone != null && !KuspSide.ZONES.contains(zone)) {
      out.remove(KuspSide.ZONE_LABEL);
      notes.add(
          service
              + ": nodeSelector "
              + KuspSide.ZONE_LABEL
              + "="
              + zone
              + " dropped (the scenario's zones are "
              + KuspSide.ZONES
              + ")");
    }
    return out;
  }

  /** {@code minAvailable} or {@code maxUnavailable} as written; neither: minAvailable 1. */
  private static PodDisruptionBudget budget(DisruptionBudget p) {
    if (!p.minAvailable().isEmpty()) {
      return PodDisruptionBudget.minAvailable(p.minAvailable());
    }
    if (!p.maxUnavailable().isEmpty()) {
      return PodDisruptionBudget.maxUnavailable(p.maxUnavailable());
    }
    return PodDisruptionBudget.minAvailable("1");
  }

  /**
   * One toleration as the reader prints it ({@code key=value:effect}, {@code key:effect}, {@code
   * *}, optionally {@code " for <n>s"}): NoSchedule ones as they are; NoExecute ones of the node
   * lifecycle's taints (not-ready, unreachable; {@code *} stands for both) with their seconds;
   * tolerations of NoExecute taints the model never sets and PreferNoSchedule are noted.
   */
  static void toleration(
      String text,
      String service,
      DeploymentSpec.Builder b,
      List<Toleration> noExecute,
      List<String> notes) {
    String t = text;
    Long seconds = null;
    int at = t.indexOf(" for ");
    if (at >= 0) {
      seconds = Long.parseLong(t.substring(at + 5, t.length() - 1));
      t = t.substring(0, at);
    }
    String effect = "";
    int colon = t.lastIndexOf(':');
    if (colon >= 0) {
      effect = t.substring(colon + 1);
      t = t.substring(0, colon);
    }
    boolean all = t.equals("*");
    int eq = t.indexOf('=');
    boolean exists = all || eq < 0;
    String key = all ? null : eq < 0 ? t : t.substring(0, eq);
    String value = exists ? "" : t.substring(eq + 1);
    boolean schedule = effect.isEmpty() || effect.equals("NoSchedule");
    boolean execute = effect.isEmpty() || effect.equals("NoExecute");
    if (!schedule && !execute) {
      notes.add(service + ": toleration " + text + " not modelled (no " + effect + " taints)");
      return;
    }
    if (schedule) {
      b.noScheduleToleration(key, exists, value);
    }
    if (execute) {
      List<String> keys =
          all ? NO_EXECUTE_KEYS : NO_EXECUTE_KEYS.contains(key) ? List.of(key) : List.of();
      if (keys.isEmpty() || !value.isEmpty()) {
        if (!schedule) {
          notes.add(
              service
                  + ": toleration "
                  + text
                  + " not modelled (the scenario sets no such NoExecute taint)");
        }
        return;
      }
      for (String k : keys) {
        noExecute.add(Toleration.noExecute(k, seconds));
      }
    }
  }
}
