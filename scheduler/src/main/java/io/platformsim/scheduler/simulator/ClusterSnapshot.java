package io.platformsim.scheduler.simulator;

import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.state.BoundPod;
import io.platformsim.scheduler.state.NodeTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A private copy of a cluster that placement experiments may change and take back, after
 * cluster-autoscaler {@code simulator/clustersnapshot} ({@code ClusterSnapshot}: AddNode, AddPod,
 * RemovePod, Fork, Revert, Commit). {@link #of(NodeTable)} copies the live table once ({@link
 * NodeTable#copy()}); the live table is never touched again.
 *
 * <p>Forks nest: {@link #fork()} opens a level, {@link #revert()} undoes every pod and cordon
 * change made since the matching fork (in reverse, so the table is exactly as it was: the same pods
 * in the same per-node order with the same bind sequences), {@link #commit()} keeps them and folds
 * them into the enclosing level. Nodes can only be added outside any fork, because the table never
 * removes a node. Change the table only through this class while a fork is open, or revert cannot
 * undo it. (One difference remains: {@link NodeTable#podsWithAntiAffinity()} lists a pod put back
 * by a revert after the others, as after {@link NodeTable#restore}; only membership matters to the
 * filters.) Not thread-safe.
 */
public final class ClusterSnapshot {
  private final NodeTable table;
  // the undo log: a String (pod id) for a bind, a BoundPod for an unbind, a Cordon for a flag
  // change
  private final List<Object> log = new ArrayList<>();
  private int[] marks = new int[4];
  private int depth;

  private record Cordon(int node, boolean before) {}

  private ClusterSnapshot(NodeTable table) {
    this.table = table;
  }

  /** A snapshot of {@code live}: a copy, so nothing done here reaches {@code live}. */
  public static ClusterSnapshot of(NodeTable live) {
    return new ClusterSnapshot(live.copy());
  }

  /** The snapshot's table, to read (and to hand to filters and schedulers). */
  public NodeTable nodes() {
    return table;
  }

  /** Open fork levels. */
  public int depth() {
    return depth;
  }

  /** Opens a fork level: what follows can be reverted. */
  public void fork() {
    if (depth == marks.length) {
      marks = Arrays.copyOf(marks, depth * 2);
    }
    marks[depth++] = log.size();
  }

  /**
   * Undoes every change since the innermost open fork and closes it.
   *
   * @throws IllegalStateException if no fork is open
   */
  public void revert() {
    if (depth == 0) {
      throw new IllegalStateException("revert: no fork is open");
    }
    int mark = marks[--depth];
    for (int i = log.size() - 1; i >= mark; i--) {
      Object change = log.remove(i);
      if (change instanceof String podId) {
        table.unbind(podId);
      } else if (change instanceof BoundPod removed) {
        table.restore(removed);
      } else {
        Cordon c = (Cordon) change;
        table.setUnschedulable(c.node(), c.before());
      }
    }
  }

  /**
   * Keeps the changes of the innermost open fork and closes it; they can still be reverted with an
   * enclosing fork, and are kept for good when none is open.
   *
   * @throws IllegalStateException if no fork is open
   */
  public void commit() {
    if (depth == 0) {
      throw new IllegalStateException("commit: no fork is open");
    }
    depth--;
    if (depth == 0) {
      log.clear();
    }
  }

  /**
   * Adds a node (upstream AddNodeInfo) and returns its index.
   *
   * @throws IllegalStateException if a fork is open
   */
  public int addNode(NodeSpec spec) {
    if (depth > 0) {
      throw new IllegalStateException(
          "addNode '"
              + spec.name()
              + "': nodes cannot be added inside a fork (a node is never removed)");
    }
    return table.addNode(spec);
  }

  /**
   * Adds a fresh node of {@code template} named {@code <template>-<suffix>} with its DaemonSet pods
   * bound ({@link NodeTemplate#freshNode}): how upcoming nodes and estimated nodes enter a
   * simulation (upstream {@code FreshNodeInfoFromTemplateNodeInfo} then AddNodeInfo).
   *
   * @return the new node's index
   * @throws IllegalStateException if a fork is open
   */
  public int addNode(NodeTemplate template, String suffix) {
    int node = addNode(template.freshNode(suffix));
    for (PodSpec daemon : template.freshDaemonPods(suffix)) {
      addPod(daemon, node);
    }
    return node;
  }

  /** Binds {@code pod} to {@code node} without a fit check (upstream ForceAddPod). */
  public void addPod(PodSpec pod, int node) {
    table.bind(pod, node);
    if (depth > 0) {
      log.add(pod.id());
    }
  }

  /** Unbinds a pod (upstream RemovePod). */
  public BoundPod removePod(String podId) {
    BoundPod b = table.unbind(podId);
    if (depth > 0) {
      log.add(b);
    }
    return b;
  }

  /** Cordons or uncordons a node; returns whether the flag changed. */
  public boolean setUnschedulable(int node, boolean unschedulable) {
    boolean before = table.unschedulable(node);
    boolean changed = table.setUnschedulable(node, unschedulable);
    if (changed && depth > 0) {
      log.add(new Cordon(node, before));
    }
    return changed;
  }

  @Override
  public String toString() {
    return "ClusterSnapshot["
        + table
        + ", fork depth "
        + depth
        + ", "
        + log.size()
        + " changes to undo]";
  }
}
