package io.platformsim.core.kusp.deployment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One pass of the Deployment controller's rollout: how far the new ReplicaSet is scaled up and the
 * old ones down. Mirrors k/k v1.31 {@code pkg/controller/deployment/rolling.go} ({@code
 * rolloutRolling} calls {@link #reconcileNewReplicaSet} and then, if that did not scale, {@link
 * #reconcileOldReplicaSets}) and {@code util/deployment_util.go NewRSNewReplicas}.
 *
 * <p>Lists are in any order; functions that return ReplicaSets return them in the order given. Old
 * ReplicaSets are worked on oldest first ({@code controller.ReplicaSetsByCreationTimestamp}:
 * creation time, then name).
 */
public final class RollingUpdate {

  /**
   * Oldest first, ties by name (k/k pkg/controller/controller_utils.go
   * ReplicaSetsByCreationTimestamp).
   */
  static final Comparator<ReplicaSetCounts> BY_CREATION =
      Comparator.comparingLong(ReplicaSetCounts::createdAtMillis)
          .thenComparing(ReplicaSetCounts::name);

  private RollingUpdate() {}

  /**
   * One pass of k/k {@code rolling.go rolloutRolling}: {@link #reconcileNewReplicaSet}; if that did
   * not scale, {@link #reconcileOldReplicaSets} over the active old ReplicaSets ({@code
   * controller.FilterActiveReplicaSets}). The caller then applies every size that changed and, when
   * nothing scaled, checks {@link RolloutProgress#complete}.
   *
   * @param newRs the new ReplicaSet
   * @param olds the old ReplicaSets, active or not
   * @return the old ReplicaSets in the order given, then the new one; the count is the replicas
   *     added to the new one or removed from old ones
   */
  public static ScaledSets rolloutRolling(
      RolloutSpec d, ReplicaSetCounts newRs, List<ReplicaSetCounts> olds) {
    List<ReplicaSetCounts> all = new ArrayList<>(olds);
    all.add(newRs);
    ReplicaSetCounts reconciled = reconcileNewReplicaSet(d, all, newRs);
    if (reconciled.replicas() != newRs.replicas()) {
      all.set(all.size() - 1, reconciled);
      return new ScaledSets(all, Math.abs(reconciled.replicas() - newRs.replicas()));
    }
    List<Integer> activeIndex = new ArrayList<>();
    List<ReplicaSetCounts> active = new ArrayList<>();
    for (int i = 0; i < olds.size(); i++) {
      if (olds.get(i).active()) {
        activeIndex.add(i);
        active.add(olds.get(i));
      }
    }
    ScaledSets down = reconcileOldReplicaSets(d, active, newRs);
    for (int k = 0; k < activeIndex.size(); k++) {
      all.set(activeIndex.get(k), down.sets().get(k));
    }
    return new ScaledSets(all, down.scaledCount());
  }

  /**
   * {@code NewRSNewReplicas}: the size the new ReplicaSet should have now. RollingUpdate: up to
   * {@code spec.replicas + maxSurge} pods over all ReplicaSets, never above {@code spec.replicas}
   * for the new one (and unchanged when the total is already at the bound). Recreate: {@code
   * spec.replicas}.
   *
   * @param all every ReplicaSet of the Deployment, the new one included
   * @param newReplicas the new ReplicaSet's current {@code spec.replicas}
   */
  public static int newRSNewReplicas(RolloutSpec d, List<ReplicaSetCounts> all, int newReplicas) {
    if (!d.rollingUpdate()) {
      return d.replicas();
    }
    // Upstream resolves maxSurge alone here, without the both-zero fix-up of ResolveFenceposts.
    int maxTotal = d.replicas() + d.maxSurge().scaled(d.replicas(), true);
    int current = totalReplicas(all);
    if (current >= maxTotal) {
      return newReplicas;
    }
    int up = Math.min(maxTotal - current, d.replicas() - newReplicas);
    return newReplicas + up;
  }

  /**
   * {@code reconcileNewReplicaSet}: the new ReplicaSet's size after this pass. Equal to {@code
   * spec.replicas}: unchanged; above it: scaled down to it; below: {@link #newRSNewReplicas}.
   *
   * @param all every ReplicaSet, the new one included
   * @param newRs the new ReplicaSet
   * @return the new ReplicaSet, resized (and re-annotated) if it scaled
   */
  public static ReplicaSetCounts reconcileNewReplicaSet(
      RolloutSpec d, List<ReplicaSetCounts> all, ReplicaSetCounts newRs) {
    if (newRs.replicas() == d.replicas()) {
      return newRs;
    }
    int target =
        newRs.replicas() > d.replicas() ? d.replicas() : newRSNewReplicas(d, all, newRs.replicas());
    return target == newRs.replicas() ? newRs : newRs.scaledFor(d, target);
  }

  /**
   * {@code reconcileOldReplicaSets}: scales old ReplicaSets down as far as availability allows. At
   * most {@code maxScaledDown = Σ replicas − MinAvailable − (new replicas − new available)} go;
   * first unhealthy replicas ({@link #cleanupUnhealthyReplicas}), then available ones down to
   * {@code MinAvailable} ({@link #scaleDownOldReplicaSetsForRollingUpdate}).
   *
   * @param olds the old ReplicaSets
   * @param newRs the new ReplicaSet, or {@code null} if there is none yet
   * @return the old ReplicaSets after the pass, and how many replicas went in all
   */
  public static ScaledSets reconcileOldReplicaSets(
      RolloutSpec d, List<ReplicaSetCounts> olds, ReplicaSetCounts newRs) {
    int oldPods = totalReplicas(olds);
    if (oldPods == 0) {
      return new ScaledSets(olds, 0);
    }
    int allPods = oldPods + (newRs == null ? 0 : newRs.replicas());
    int minAvailable = d.replicas() - RolloutBounds.maxUnavailable(d);
    int newUnavailable = newRs == null ? 0 : newRs.replicas() - newRs.available();
    int maxScaledDown = allPods - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) {
      return new ScaledSets(olds, 0);
    }
    ScaledSets cleaned = cleanupUnhealthyReplicas(d, olds, maxScaledDown);
    ScaledSets scaledDown = scaleDownOldReplicaSetsForRollingUpdate(d, cleaned.sets(), newRs);
    return new ScaledSets(scaledDown.sets(), cleaned.scaledCount() + scaledDown.scaledCount());
  }

  /**
   * {@code cleanupUnhealthyReplicas}: oldest first, removes each old ReplicaSet's unavailable
   * replicas ({@code replicas − available}), at most {@code maxCleanupCount} in all.
   */
  public static ScaledSets cleanupUnhealthyReplicas(
      RolloutSpec d, List<ReplicaSetCounts> olds, int maxCleanupCount) {
    List<ReplicaSetCounts> out = new ArrayList<>(olds);
    int total = 0;
    for (int i : oldestFirst(olds)) {
      ReplicaSetCounts rs = out.get(i);
      if (total >= maxCleanupCount) {
        break;
      }
      if (rs.replicas() == 0 || rs.replicas() == rs.available()) {
        continue;
      }
      // available above replicas (pods still counted while a scale-down settles) cleans nothing.
      int n = Math.max(0, Math.min(maxCleanupCount - total, rs.replicas() - rs.available()));
      if (n > 0) {
        out.set(i, rs.scaledFor(d, rs.replicas() - n));
        total += n;
      }
    }
    return new ScaledSets(out, total);
  }

  /**
   * {@code scaleDownOldReplicaSetsForRollingUpdate}: when more pods are available over all
   * ReplicaSets than {@code MinAvailable}, scales old ReplicaSets down by the excess, oldest first.
   *
   * @param newRs the new ReplicaSet (its available pods count), or {@code null}
   */
  public static ScaledSets scaleDownOldReplicaSetsForRollingUpdate(
      RolloutSpec d, List<ReplicaSetCounts> olds, ReplicaSetCounts newRs) {
    int minAvailable = d.replicas() - RolloutBounds.maxUnavailable(d);
    int available = (newRs == null ? 0 : newRs.available());
    for (ReplicaSetCounts rs : olds) {
      available += rs.available();
    }
    if (available <= minAvailable) {
      return new ScaledSets(olds, 0);
    }
    int toScaleDown = available - minAvailable;
    List<ReplicaSetCounts> out = new ArrayList<>(olds);
    int total = 0;
    for (int i : oldestFirst(olds)) {
      ReplicaSetCounts rs = out.get(i);
      if (total >= toScaleDown) {
        break;
      }
      if (rs.replicas() == 0) {
        continue;
      }
      int n = Math.min(rs.replicas(), toScaleDown - total);
      out.set(i, rs.scaledFor(d, rs.replicas() - n));
      total += n;
    }
    return new ScaledSets(out, total);
  }

  /**
   * k/k {@code pkg/controller/deployment/recreate.go rolloutRecreate}: the old ReplicaSets all go
   * to 0 first; the new one goes to {@code spec.replicas} only once no old pod is left.
   *
   * @param oldPodsRunning whether any pod of an old ReplicaSet still exists (terminating included)
   * @return every ReplicaSet after the pass, olds first in the order given, then the new one
   */
  public static ScaledSets recreate(
      RolloutSpec d, List<ReplicaSetCounts> olds, ReplicaSetCounts newRs, boolean oldPodsRunning) {
    List<ReplicaSetCounts> out = new ArrayList<>(olds.size() + 1);
    int scaled = 0;
    for (ReplicaSetCounts rs : olds) {
      if (rs.replicas() > 0) {
        scaled += rs.replicas();
        out.add(rs.scaledFor(d, 0));
      } else {
        out.add(rs);
      }
    }
    // scaleDownOldReplicaSetsForRecreate returns "scaled up" = true: the sync ends there.
    if (scaled == 0 && !oldPodsRunning && newRs.replicas() != d.replicas()) {
      scaled = Math.abs(d.replicas() - newRs.replicas());
      out.add(newRs.scaledFor(d, d.replicas()));
    } else {
      out.add(newRs);
    }
    return new ScaledSets(out, scaled);
  }

  /** {@code GetReplicaCountForReplicaSets}: the sum of {@code spec.replicas}. */
  public static int totalReplicas(List<ReplicaSetCounts> sets) {
    int total = 0;
    for (ReplicaSetCounts rs : sets) {
      total += rs.replicas();
    }
    return total;
  }

  /** {@code GetAvailableReplicaCountForReplicaSets}: the sum of available pods. */
  public static int totalAvailable(List<ReplicaSetCounts> sets) {
    int total = 0;
    for (ReplicaSetCounts rs : sets) {
      total += rs.available();
    }
    return total;
  }

  private static int[] oldestFirst(List<ReplicaSetCounts> sets) {
    Integer[] idx = new Integer[sets.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, (a, b) -> BY_CREATION.compare(sets.get(a), sets.get(b)));
    int[] out = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = idx[i];
    }
    return out;
  }
}
