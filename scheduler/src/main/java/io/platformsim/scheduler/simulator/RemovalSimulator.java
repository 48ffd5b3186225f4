package io.platformsim.scheduler.simulator;

import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.state.NodeTable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Scale-down simulation after cluster-autoscaler {@code simulator/cluster.go} {@code
 * RemovalSimulator}: can every pod on a node be placed on the other nodes? Each candidate is tried
 * on its own in a fork of the {@link ClusterSnapshot} that is reverted afterwards ({@code
 * withForkedSnapshot}), so candidates do not see each other's moves and the snapshot ends as it
 * began.
 *
 * <p>For one node ({@code SimulateNodeRemoval}): its pods are split by the caller's rules ({@code
 * GetPodsToMove}): DaemonSet pods go with the node, a pod the caller says may not move makes the
 * node unremovable (BlockedByPod), the rest must move. Then ({@code findPlacementFor}) the pods to
 * move are removed from the node and placed in bind order by the {@link HintingSimulator}, only on
 * destination nodes other than this one, stopping at the first that fits nowhere
 * (NoPlaceToMovePods). Not modelled: PodDisruptionBudgets and the other drainability rules beyond
 * the caller's predicate.
 */
public final class RemovalSimulator {
  private final ClusterSnapshot snapshot;
  private final HintingSimulator simulator;
  private final Predicate<? super PodSpec> daemonSetPod;
  private final Predicate<? super PodSpec> blocksDrain;

  /**
   * A simulator over {@code snapshot}.
   *
   * @param daemonSetPod pods that go with the node (DaemonSet and mirror pods)
   * @param blocksDrain pods that may not be moved at all (e.g. without a controller)
   */
  public RemovalSimulator(
      ClusterSnapshot snapshot,
      HintingSimulator simulator,
      Predicate<? super PodSpec> daemonSetPod,
      Predicate<? super PodSpec> blocksDrain) {
    this.snapshot = snapshot;
    this.simulator = simulator;
    this.daemonSetPod = daemonSetPod;
    this.blocksDrain = blocksDrain;
  }

  /**
   * A simulator with the default filters where only {@code daemonSetPod} pods stay behind and every
   * other pod may move.
   */
  public static RemovalSimulator of(
      ClusterSnapshot snapshot, Predicate<? super PodSpec> daemonSetPod) {
    return new RemovalSimulator(
        snapshot,
        new HintingSimulator(PredicateChecker.withDefaultFilters()),
        daemonSetPod,
        pod -> false);
  }

  /** The snapshot. */
  public ClusterSnapshot snapshot() {
    return snapshot;
  }

  /** Upstream {@code SimulateNodeRemoval} with every other node as a destination. */
  public NodeRemoval simulateNodeRemoval(int node) {
    return simulateNodeRemoval(node, n -> true);
  }

  /**
   * Upstream {@code SimulateNodeRemoval}: whether {@code node}'s pods can all move to nodes {@code
   * destinations} accepts (never {@code node} itself, never a cordoned node).
   *
   * @throws IllegalArgumentException if the node index is out of range
   */
  public NodeRemoval simulateNodeRemoval(int node, IntPredicate destinations) {
    NodeTable table = snapshot.nodes();
    if (node < 0 || node >= table.size()) {
      throw new IllegalArgumentException(
          "simulateNodeRemoval: node index " + node + " out of range [0, " + table.size() + ")");
    }
    String name = table.name(node);
    List<PodSpec> toMove = new ArrayList<>();
    List<PodSpec> daemons = new ArrayList<>();
    for (PodSpec pod : table.pods(node)) {
      if (daemonSetPod.test(pod)) {
        daemons.add(pod);
      } else if (blocksDrain.test(pod)) {
        return new UnremovableNode(node, name, UnremovableNode.Reason.BLOCKED_BY_POD, pod);
      } else {
        toMove.add(pod);
      }
    }
    snapshot.fork();
    try {
      // cordoned for the experiment: no destination either way, and the fast scheduler of a
      // lowest-index checker then never offers the node its own pods just left
      snapshot.setUnschedulable(node, true);
      for (PodSpec pod : toMove) {
        snapshot.removePod(pod.id());
      }
      List<ScheduledPod> placed =
          simulator.trySchedulePods(snapshot, toMove, n -> n != node && destinations.test(n), true);
      if (placed.size() < toMove.size()) {
        return new UnremovableNode(
            node, name, UnremovableNode.Reason.NO_PLACE_TO_MOVE_PODS, toMove.get(placed.size()));
      }
      return new NodeToBeRemoved(node, name, toMove, daemons, placed);
    } finally {
      snapshot.revert();
    }
  }

  /**
   * Upstream {@code FindNodesToRemove}: {@link #simulateNodeRemoval} for each candidate in order,
   * each on its own.
   *
   * @return the removable and the unremovable candidates, each in candidate order
   */
  public Removals findNodesToRemove(int[] candidates, IntPredicate destinations) {
    List<NodeToBeRemoved> removable = new ArrayList<>();
    List<UnremovableNode> unremovable = new ArrayList<>();
    for (int node : candidates) {
      NodeRemoval r = simulateNodeRemoval(node, destinations);
      if (r instanceof NodeToBeRemoved ok) {
        removable.add(ok);
      } else {
        unremovable.add((UnremovableNode) r);
      }
    }
    return new Removals(removable, unremovable);
  }

  /**
   * The answer of {@link #findNodesToRemove}.
   *
   * @param removable candidates whose pods all fit elsewhere
   * @param unremovable the others, with the reason
   */
  public record Removals(List<NodeToBeRemoved> removable, List<UnremovableNode> unremovable) {
    /** Copies the lists. */
    public Removals {
      removable = List.copyOf(removable);
      unremovable = List.copyOf(unremovable);
    }
  }

  @Override
  public String toString() {
    return "RemovalSimulator[" + snapshot + ", " + simulator + "]";
  }
}
