package io.platformsim.core.kusp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which pods a ReplicaSet deletes first when it scales down: k/k {@code
 * pkg/controller/controller_utils.go ActivePodsWithRanks.Less} (v1.31, LogarithmicScaleDown on by
 * default), earlier in the list = deleted first:
 *
 * <ol>
 *   <li>not assigned to a node before assigned;
 *   <li>Pending before Running (Unknown is not modelled);
 *   <li>not Ready before Ready;
 *   <li>(pod-deletion-cost is not modelled: all 0);
 *   <li>more pods of the same ReplicaSet on its node (higher rank) before fewer;
 *   <li>both Ready: Ready for less time first, compared in log₂ buckets of seconds;
 *   <li>more container restarts before fewer;
 *   <li>newer before older, in log₂ buckets of seconds of age;
 *   <li>a tie (upstream: by random UID) goes to the pod created later, for determinism.
 * </ol>
 */
public final class PodDeletionOrder {

  private PodDeletionOrder() {}

  /** The first {@code count} pods of {@code pods} in deletion order at time {@code now}. */
  public static List<Pod> choose(List<Pod> pods, int count, long now) {
    // Each pod's rank (pods of the set on its node) is counted on the nodes themselves (no map)
    // and read once per pod, not per comparison; the counters are zero again on return.
    for (Pod p : pods) {
      if (p.node != null) {
        p.node.deletionRank++;
      }
    }
    Ranked[] ranked = new Ranked[pods.size()];
    for (int i = 0; i < ranked.length; i++) {
      Pod p = pods.get(i);
      ranked[i] = new Ranked(p, p.node == null ? 0 : p.node.deletionRank);
    }
    for (Pod p : pods) {
      if (p.node != null) {
        p.node.deletionRank = 0;
      }
    }
    Arrays.sort(ranked, (a, b) -> compare(a.pod, a.rank, b.pod, b.rank, now));
    List<Pod> out = new ArrayList<>(Math.min(count, ranked.length));
    for (int i = 0; i < Math.min(count, ranked.length); i++) {
      out.add(ranked[i].pod);
    }
    return out;
  }

  private record Ranked(Pod pod, int rank) {}

  private static int compare(Pod a, int aRank, Pod b, int bRank, long now) {
    boolean aAssigned = a.node != null;
    boolean bAssigned = b.node != null;
    if (aAssigned != bAssigned) {
      return aAssigned ? 1 : -1;
    }
    int aPhase = a.phase() == PodPhase.PENDING ? 0 : 1;
    int bPhase = b.phase() == PodPhase.PENDING ? 0 : 1;
    if (aPhase != bPhase) {
      return Integer.compare(aPhase, bPhase);
    }
    if (a.ready() != b.ready()) {
      return a.ready() ? 1 : -1;
    }
    if (aRank != bRank) {
      return Integer.compare(bRank, aRank);
    }
    if (a.ready() && b.ready() && a.readyAt() != b.readyAt()) {
      int diff = Integer.compare(logBucket(now - a.readyAt()), logBucket(now - b.readyAt()));
      if (diff != 0) {
        return diff;
      }
    }
    if (a.restarts() != b.restarts()) {
      return Integer.compare(b.restarts(), a.restarts());
    }
    if (a.createdAt != b.createdAt) {
      int diff = Integer.compare(logBucket(now - a.createdAt), logBucket(now - b.createdAt));
      if (diff != 0) {
        return diff;
      }
    }
    return Long.compare(b.seq, a.seq);
  }

  /**
   * floor(log₂(duration in seconds)), 0 below two seconds (controller_utils.go
   * logarithmicRankDiff).
   */
  static int logBucket(long millis) {
    long seconds = millis / 1000;
    return seconds < 2 ? 0 : 63 - Long.numberOfLeadingZeros(seconds);
  }
}
