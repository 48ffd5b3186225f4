package io.platformsim.core.kusp.deployment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A Deployment resized while more than one ReplicaSet is active: the change is spread over the
 * ReplicaSets in proportion to their size. Mirrors k/k v1.31 {@code
 * pkg/controller/deployment/sync.go} ({@code scale}, {@code isScalingEvent}) and {@code
 * util/deployment_util.go} ({@code FindActiveOrLatest}, {@code IsSaturated}, {@code GetProportion},
 * {@code getReplicaSetFraction}).
 */
public final class ProportionalScaling {

  /** Largest first; equal sizes newest first (k/k controller_utils.go ReplicaSetsBySizeNewer). */
  private static final Comparator<ReplicaSetCounts> BY_SIZE_NEWER =
      Comparator.comparingInt(ReplicaSetCounts::replicas)
          .reversed()
          .thenComparing(RollingUpdate.BY_CREATION.reversed());

  /** Largest first; equal sizes oldest first (k/k controller_utils.go ReplicaSetsBySizeOlder). */
  private static final Comparator<ReplicaSetCounts> BY_SIZE_OLDER =
      Comparator.comparingInt(ReplicaSetCounts::replicas)
          .reversed()
          .thenComparing(RollingUpdate.BY_CREATION);

  private ProportionalScaling() {}

  /**
   * {@code isScalingEvent}: whether some active ReplicaSet's desired-replicas annotation differs
   * from {@code spec.replicas}, i.e. the Deployment was resized since it was last synced. When true
   * the controller runs {@link #scale} instead of the rollout.
   */
  public static boolean isScalingEvent(RolloutSpec d, List<ReplicaSetCounts> all) {
    for (ReplicaSetCounts rs : all) {
      if (rs.active()
          && rs.desiredAnnotation() != ReplicaSetCounts.NO_ANNOTATION
          && rs.desiredAnnotation() != d.replicas()) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code FindActiveOrLatest}: the only active ReplicaSet; if none is active, the new one (or else
   * the newest old one); {@code null} when several are active.
   */
  public static ReplicaSetCounts findActiveOrLatest(
      ReplicaSetCounts newRs, List<ReplicaSetCounts> olds) {
    if (newRs == null && olds.isEmpty()) {
      return null;
    }
    List<ReplicaSetCounts> active = new ArrayList<>();
    ReplicaSetCounts newestOld = null;
    for (ReplicaSetCounts rs : olds) {
      if (rs.active()) {
        active.add(rs);
      }
      if (newestOld == null || RollingUpdate.BY_CREATION.compare(rs, newestOld) > 0) {
        newestOld = rs;
      }
    }
    if (newRs != null && newRs.active()) {
      active.add(newRs);
    }
    if (active.isEmpty()) {
      return newRs != null ? newRs : newestOld;
    }
    return active.size() == 1 ? active.get(0) : null;
  }

  /**
   * {@code IsSaturated}: the ReplicaSet has all of {@code spec.replicas}, believes so (its
   * desired-replicas annotation says so) and all of them are available.
   */
  public static boolean isSaturated(RolloutSpec d, ReplicaSetCounts rs) {
    return rs != null
        && rs.desiredAnnotation() != ReplicaSetCounts.NO_ANNOTATION
        && rs.replicas() == d.replicas()
        && rs.desiredAnnotation() == d.replicas()
        && rs.available() == d.replicas();
  }

  /**
   * {@code getReplicaSetFraction}: how many replicas {@code rs} gains (or loses, negative) when the
   * Deployment goes to {@code spec.replicas}: {@code round(replicas · (spec.replicas + maxSurge) /
   * max-replicas annotation) − replicas}, rounding half away from zero as Go's {@code math.Round};
   * all of it when the Deployment goes to 0.
   *
   * <p>When the annotation is missing or 0 the Deployment's {@code status.replicas} stands in; when
   * that is 0 too the fraction is 0. v1.31 divides by that 0 (the result is undefined); the guard
   * is the later upstream fix, whose {@code TestGetReplicaSetFraction} cases the tests transcribe.
   *
   * @param statusReplicas the Deployment's {@code status.replicas} (pods of all its ReplicaSets)
   */
  public static int replicaSetFraction(RolloutSpec d, int statusReplicas, ReplicaSetCounts rs) {
    if (d.replicas() == 0) {
      return -rs.replicas();
    }
    long deploymentReplicas = (long) d.replicas() + RolloutBounds.maxSurge(d);
    long annotated = rs.maxAnnotation() > 0 ? rs.maxAnnotation() : statusReplicas;
    if (annotated == 0) {
      return 0;
    }
    double newSize = (double) (rs.replicas() * deploymentReplicas) / annotated;
    return (int) roundHalfAwayFromZero(newSize) - rs.replicas();
  }

  /**
   * {@code GetProportion}: {@link #replicaSetFraction} bounded by what is left to add ({@code toAdd
   * − added}): at most that when scaling up, at least that when scaling down; 0 for an empty
   * ReplicaSet or when nothing is left.
   */
  public static int proportion(
      RolloutSpec d, int statusReplicas, ReplicaSetCounts rs, int toAdd, int added) {
    if (rs == null || rs.replicas() == 0 || toAdd == 0 || toAdd == added) {
      return 0;
    }
    int fraction = replicaSetFraction(d, statusReplicas, rs);
    int allowed = toAdd - added;
    return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
  }

  /**
   * {@code scale}: the sizes after a resize of the Deployment to {@code spec.replicas}.
   *
   * <ol>
   *   <li>One active ReplicaSet (or none: the new one, else the newest old one) takes all of {@code
   *       spec.replicas}.
   *   <li>A saturated new ReplicaSet ({@link #isSaturated}): every active old one goes to 0.
   *   <li>RollingUpdate: {@code toAdd = spec.replicas + maxSurge − Σ replicas} (0 + nothing when
   *       the Deployment goes to 0) is spread largest first ({@link #proportion}; newest first
   *       among equals when adding, oldest first when removing) and what rounding leaves over goes
   *       to the first, largest, ReplicaSet, never below 0.
   * </ol>
   *
   * Recreate Deployments with several active ReplicaSets are left alone, as upstream.
   *
   * @param statusReplicas the Deployment's {@code status.replicas}
   * @param newRs the new ReplicaSet, or {@code null} if none exists
   * @param olds the old ReplicaSets
   * @return the new ReplicaSet (if any) followed by the old ones in the order given; every set
   *     {@code scale} writes carries the annotations for {@code d}; the count is the sum of the
   *     size changes
   */
  public static ScaledSets scale(
      RolloutSpec d, int statusReplicas, ReplicaSetCounts newRs, List<ReplicaSetCounts> olds) {
    List<ReplicaSetCounts> out = new ArrayList<>(olds.size() + 1);
    if (newRs != null) {
      out.add(newRs);
    }
    out.addAll(olds);
    ReplicaSetCounts only = findActiveOrLatest(newRs, olds);
    if (only != null) {
      if (only.replicas() == d.replicas()) {
        return new ScaledSets(out, 0);
      }
      out.set(out.indexOf(only), only.scaledFor(d, d.replicas()));
      return new ScaledSets(out, Math.abs(d.replicas() - only.replicas()));
    }
    if (isSaturated(d, newRs)) {
      int scaled = 0;
      for (int i = 1; i < out.size(); i++) {
        ReplicaSetCounts rs = out.get(i);
        if (rs.active()) {
          scaled += rs.replicas();
          out.set(i, rs.scaledFor(d, 0));
        }
      }
      return new ScaledSets(out, scaled);
    }
    if (!d.rollingUpdate()) {
      return new ScaledSets(out, 0);
    }
    List<Integer> active = new ArrayList<>();
    int allReplicas = 0;
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).active()) {
        active.add(i);
        allReplicas += out.get(i).replicas();
      }
    }
    int allowedSize = d.replicas() > 0 ? d.replicas() + RolloutBounds.maxSurge(d) : 0;
    int toAdd = allowedSize - allReplicas;
    if (toAdd > 0) {
      active.sort((a, b) -> BY_SIZE_NEWER.compare(out.get(a), out.get(b)));
    } else if (toAdd < 0) {
      active.sort((a, b) -> BY_SIZE_OLDER.compare(out.get(a), out.get(b)));
    }
    int[] sizes = new int[active.size()];
    int added = 0;
    for (int k = 0; k < sizes.length; k++) {
      ReplicaSetCounts rs = out.get(active.get(k));
      int p = toAdd != 0 ? proportion(d, statusReplicas, rs, toAdd, added) : 0;
      sizes[k] = rs.replicas() + p;
      added += p;
    }
    int scaled = 0;
    for (int k = 0; k < sizes.length; k++) {
      if (k == 0 && toAdd != 0) {
        sizes[0] = Math.max(0, sizes[0] + toAdd - added);
      }
      ReplicaSetCounts rs = out.get(active.get(k));
      scaled += Math.abs(sizes[k] - rs.replicas());
      out.set(active.get(k), rs.scaledFor(d, sizes[k]));
    }
    return new ScaledSets(out, scaled);
  }

  /**
   * Go's {@code math.Round}: halves away from zero (Java's {@code Math.round} rounds −2.5 to −2).
   */
  static long roundHalfAwayFromZero(double x) {
    return x < 0 ? -(long) Math.floor(-x + 0.5) : (long) Math.floor(x + 0.5);
  }
}
