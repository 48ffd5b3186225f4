package io.platformsim.fleet.manifests;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.DaemonSetUpdateStrategy;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategy;

/**
 * How a workload's pods are replaced on an update, with the fenceposts resolved to pod counts.
 *
 * @param type {@code RollingUpdate}, {@code Recreate}, {@code OnDelete}, or {@code None} (a
 *     ReplicaSet or bare Pod, which no controller rolls)
 * @param maxSurge pods above the wanted count during a rollout
 * @param maxUnavailable pods below the wanted count during a rollout
 */
public record RolloutStrategy(String type, int maxSurge, int maxUnavailable) {

  /** No rollout (ReplicaSet, bare Pod). */
  public static final RolloutStrategy NONE = new RolloutStrategy("None", 0, 0);

  /**
   * A Deployment's strategy. Defaults {@code RollingUpdate} with 25% / 25% ({@code
   * SetDefaults_Deployment}, kubernetes/kubernetes pkg/apis/apps/v1/defaults.go); fenceposts as
   * {@code ResolveFenceposts} (pkg/controller/deployment/util/deployment_util.go): surge rounded
   * up, unavailable rounded down, and unavailable 1 when both come out 0. Recreate stops every old
   * pod first: surge 0, unavailable = replicas.
   */
  static RolloutStrategy deployment(DeploymentStrategy s, int replicas, String field) {
    if (s != null && "Recreate".equals(s.getType())) {
      return new RolloutStrategy("Recreate", 0, replicas);
    }
    IntOrString surge =
        s == null || s.getRollingUpdate() == null ? null : s.getRollingUpdate().getMaxSurge();
    IntOrString unavailable =
        s == null || s.getRollingUpdate() == null ? null : s.getRollingUpdate().getMaxUnavailable();
    int up = scaled(surge, "25%", replicas, true, field + ".rollingUpdate.maxSurge");
    int down = scaled(unavailable, "25%", replicas, false, field + ".rollingUpdate.maxUnavailable");
    if (up == 0 && down == 0) {
      down = 1;
    }
    return new RolloutStrategy("RollingUpdate", up, down);
  }

  /**
   * A StatefulSet's strategy: {@code RollingUpdate} one pod at a time unless {@code maxUnavailable}
   * says otherwise ({@code SetDefaults_StatefulSet}, pkg/apis/apps/v1/defaults.go), never a surge;
   * {@code OnDelete} replaces nothing by itself.
   */
  static RolloutStrategy statefulSet(StatefulSetUpdateStrategy s, int replicas, String field) {
    if (s != null && "OnDelete".equals(s.getType())) {
      return new RolloutStrategy("OnDelete", 0, 0);
    }
    IntOrString unavailable =
        s == null || s.getRollingUpdate() == null ? null : s.getRollingUpdate().getMaxUnavailable();
    int down = scaled(unavailable, "1", replicas, false, field + ".rollingUpdate.maxUnavailable");
    return new RolloutStrategy("RollingUpdate", 0, Math.max(1, down));
  }

  /**
   * A DaemonSet's strategy: {@code RollingUpdate} with maxUnavailable 1 and maxSurge 0 by default
   * ({@code SetDefaults_DaemonSet}, pkg/apis/apps/v1/defaults.go), percentages of the one pod per
   * node counted here.
   */
  static RolloutStrategy daemonSet(DaemonSetUpdateStrategy s, int replicas, String field) {
    if (s != null && "OnDelete".equals(s.getType())) {
      return new RolloutStrategy("OnDelete", 0, 0);
    }
    IntOrString surge =
        s == null || s.getRollingUpdate() == null ? null : s.getRollingUpdate().getMaxSurge();
    IntOrString unavailable =
        s == null || s.getRollingUpdate() == null ? null : s.getRollingUpdate().getMaxUnavailable();
    int up = scaled(surge, "0", replicas, true, field + ".rollingUpdate.maxSurge");
    // both rounded up: SurgeCount and UnavailableCount,
    // pkg/controller/daemon/util/daemonset_util.go
    int down = scaled(unavailable, "1", replicas, true, field + ".rollingUpdate.maxUnavailable");
    return new RolloutStrategy("RollingUpdate", up, down);
  }

  /**
   * {@code GetScaledValueFromIntOrPercent} (k8s.io/apimachinery/pkg/util/intstr/intstr.go): an
   * integer as is, a percentage of {@code total} rounded up or down.
   */
  static int scaled(IntOrString v, String dflt, int total, boolean roundUp, String field) {
    String text;
    if (v == null) {
      text = dflt;
    } else if (v.getIntVal() != null) {
      text = String.valueOf(v.getIntVal());
    } else {
      text = v.getStrVal() == null ? dflt : v.getStrVal();
    }
    try {
      int value;
      if (text.endsWith("%")) {
        long percent = Integer.parseInt(text.substring(0, text.length() - 1));
        long scaled = percent * total;
        value = (int) (roundUp ? (scaled + 99) / 100 : scaled / 100);
      } else {
        value = Integer.parseInt(text);
      }
      if (value < 0) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new FieldProblem(field, "not a count >= 0 or a percentage: '" + text + "'");
    }
  }
}
