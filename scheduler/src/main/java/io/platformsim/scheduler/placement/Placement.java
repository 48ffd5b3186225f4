package io.platformsim.scheduler.placement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The result of placing one pod: the chosen node (index and name) with its total score, or
 * unschedulable with, per reason, how many nodes a filter rejected for it.
 *
 * @param podId the pod
 * @param node node index, or -1 if unschedulable
 * @param nodeName node name, or {@code null}
 * @param score total weighted score of the chosen node (0 if unschedulable)
 * @param feasibleNodes feasible nodes found (and scored)
 * @param totalNodes nodes in the cluster
 * @param reasons reason → node count (empty when scheduled)
 */
public record Placement(
    String podId,
    int node,
    String nodeName,
    long score,
    int feasibleNodes,
    int totalNodes,
    SortedMap<String, Integer> reasons) {
  private static final SortedMap<String, Integer> NO_REASONS = Collections.emptySortedMap();

  /** Copies the reasons. */
  public Placement {
    reasons =
        reasons.isEmpty() ? NO_REASONS : Collections.unmodifiableSortedMap(new TreeMap<>(reasons));
  }

  /** A successful placement. */
  public static Placement scheduled(
      String podId, int node, String nodeName, long score, int feasible, int total) {
    return new Placement(podId, node, nodeName, score, feasible, total, NO_REASONS);
  }

  /** An unschedulable result. */
  public static Placement unschedulable(String podId, int total, Map<String, Integer> reasons) {
    return new Placement(podId, -1, null, 0, 0, total, new TreeMap<>(reasons));
  }

  /** Whether a node was chosen. */
  public boolean isScheduled() {
    return node >= 0;
  }

  /**
   * Upstream-style message: {@code "0/N nodes are available: 3 Insufficient cpu, 2 node(s) had
   * untolerated taint {k: v}."} with entries "count reason" sorted as strings (FitError.Error in
   * pkg/scheduler/framework/types.go).
   */
  public String message() {
    if (isScheduled()) {
      return "pod "
          + podId
          + " -> "
          + nodeName
          + " (score "
          + score
          + ", "
          + feasibleNodes
          + "/"
          + totalNodes
          + " nodes feasible)";
    }
    List<String> parts = new ArrayList<>();
    reasons.forEach((r, c) -> parts.add(c + " " + r));
    Collections.sort(parts);
    return "0/"
        + totalNodes
        + " nodes are available"
        + (parts.isEmpty() ? "." : ": " + String.join(", ", parts) + ".");
  }

  @Override
  public String toString() {
    return "Placement[" + message() + "]";
  }
}
