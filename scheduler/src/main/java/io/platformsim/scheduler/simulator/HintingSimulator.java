package io.platformsim.scheduler.simulator;

import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.state.NodeTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Places pods one after another on a {@link ClusterSnapshot}, each on a node the {@link
 * PredicateChecker} accepts, after cluster-autoscaler {@code
 * simulator/scheduling/hinting_simulator.go} {@code HintingSimulator.TrySchedulePods}: a pod first
 * tries the node it was placed on last time (its hint, kept by pod id), then any acceptable node
 * ({@code FitsAnyNodeMatching}); each placement is bound in the snapshot, so the next pod sees it.
 * Hints live across calls; {@link #dropOldHints()} forgets those not used since the previous drop
 * (upstream {@code DropOldHints}, called once per autoscaler loop). With a {@link
 * PredicateChecker.ScanOrder#LOWEST_INDEX} checker no hints are kept: the answer is then the
 * lowest-index node that fits, which a hint could only contradict. Upstream's skipping of pods
 * similar to one that already failed is not modelled (it only saves time).
 */
public final class HintingSimulator {
  private final PredicateChecker checker;
  private Map<String, Hint> hints = new HashMap<>();
  private Map<String, Hint> oldHints = new HashMap<>();

  private record Hint(int node, String nodeName) {}

  /** A simulator deciding fit with {@code checker}. */
  public HintingSimulator(PredicateChecker checker) {
    this.checker = checker;
  }

  /** The fit check. */
  public PredicateChecker checker() {
    return checker;
  }

  /**
   * Upstream {@code TrySchedulePods}: places {@code pods} in order on nodes that {@code
   * isNodeAcceptable} accepts, binding each in {@code snapshot}.
   *
   * @param breakOnFailure stop at the first pod that fits nowhere (else skip it)
   * @return the placements made, in pod order
   */
  public List<ScheduledPod> trySchedulePods(
      ClusterSnapshot snapshot,
      List<PodSpec> pods,
      IntPredicate isNodeAcceptable,
      boolean breakOnFailure) {
    NodeTable table = snapshot.nodes();
    List<ScheduledPod> placed = new ArrayList<>(pods.size());
    for (PodSpec pod : pods) {
      int node = withHint(table, pod, isNodeAcceptable);
      if (node < 0) {
        node = checker.fitsAnyNodeMatching(table, pod, isNodeAcceptable);
        if (node >= 0 && checker.order() == PredicateChecker.ScanOrder.ROUND_ROBIN) {
          hints.put(pod.id(), new Hint(node, table.name(node)));
        }
      }
      if (node >= 0) {
        snapshot.addPod(pod, node);
        placed.add(new ScheduledPod(pod, node, table.name(node)));
      } else if (breakOnFailure) {
        break;
      }
    }
    return placed;
  }

  // findNodeWithHints: the hinted node if it still exists, is acceptable and passes the filters
  private int withHint(NodeTable table, PodSpec pod, IntPredicate isNodeAcceptable) {
    if (checker.order() == PredicateChecker.ScanOrder.LOWEST_INDEX) {
      return -1;
    }
    Hint h = hints.get(pod.id());
    if (h == null) {
      h = oldHints.get(pod.id());
    }
    if (h == null
        || h.node() >= table.size()
        || !table.name(h.node()).equals(h.nodeName())
        || !isNodeAcceptable.test(h.node())
        || !checker.fits(table, pod, h.node())) {
      return -1;
    }
    hints.put(pod.id(), h);
    return h.node();
  }

  /** Forgets the hints not set or used since the previous call. */
  public void dropOldHints() {
    oldHints = hints;
    hints = new HashMap<>();
  }

  @Override
  public String toString() {
    return "HintingSimulator[" + checker + ", " + (hints.size() + oldHints.size()) + " hints]";
  }
}
