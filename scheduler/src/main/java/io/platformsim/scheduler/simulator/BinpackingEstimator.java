package io.platformsim.scheduler.simulator;

import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.pod.Container;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.resource.DimensionRegistry;
import io.platformsim.scheduler.state.NodeTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How many new nodes of one template the pending pods need, after cluster-autoscaler {@code
 * estimator/binpacking_estimator.go} {@code BinpackingNodeEstimator.Estimate}: first-fit decreasing
 * over new nodes added to a copy of the cluster, every fit decided by the {@link PredicateChecker}
 * (so topology spread and anti-affinity count the existing pods too).
 *
 * <ol>
 *   <li>Groups are ordered by their exemplar's score, highest first ({@code
 *       estimator/decreasing_pod_orderer.go} {@code calculatePodScore}: the containers' CPU
 *       requests ÷ the template's allocatable CPU + the same for memory); equal scores keep their
 *       order (upstream's sort is not stable).
 *   <li>Per group ({@code tryToScheduleOnExistingNodes}): its pods go, in order, on any node added
 *       so far ({@code FitsAnyNodeMatching} over the new nodes) until one fits none.
 *   <li>The rest ({@code tryToScheduleOnNewNodes}): each tries the last node added; failing that, a
 *       new node is added (stop if the last one added is still empty: the pod cannot fit a new one
 *       either; or if the limit is reached) and the pod must fit it, else the group stops.
 * </ol>
 *
 * The answer is the number of new nodes that received a pod, and the pods placed. The node limit is
 * upstream {@code --max-nodes-per-scaleup} (threshold_based_limiter.go {@code
 * PermissionToAddNode}); the estimation-duration limit is not modelled. The given table is never
 * changed.
 */
public final class BinpackingEstimator {
  /** Upstream default of {@code --max-nodes-per-scaleup} (cluster-autoscaler FAQ, main.go). */
  public static final int DEFAULT_MAX_NODES_PER_SCALE_UP = 1000;

  private final PredicateChecker checker;
  private final int maxNodes;

  /**
   * An estimator deciding fit with {@code checker} and adding at most {@code maxNodes} nodes per
   * estimate (0: no limit, as upstream).
   *
   * @throws IllegalArgumentException if {@code maxNodes} is negative
   */
  public BinpackingEstimator(PredicateChecker checker, int maxNodes) {
    if (maxNodes < 0) {
      throw new IllegalArgumentException("maxNodes must be >= 0, was " + maxNodes);
    }
    this.checker = checker;
    this.maxNodes = maxNodes;
  }

  /**
   * An estimator with the default filters and the default limit of {@value
   * #DEFAULT_MAX_NODES_PER_SCALE_UP} nodes.
   */
  public static BinpackingEstimator withDefaults() {
    return new BinpackingEstimator(
        PredicateChecker.withDefaultFilters(), DEFAULT_MAX_NODES_PER_SCALE_UP);
  }

  /**
   * The result of one estimate.
   *
   * @param nodeCount new nodes that received at least one pod
   * @param scheduledPods the pods placed on them, in placement order
   * @param placements where each went (new node names are {@code <template>-e-<i>})
   */
  public record Estimate(
      int nodeCount, List<PodSpec> scheduledPods, List<ScheduledPod> placements) {
    /** Copies the lists. */
    public Estimate {
      scheduledPods = List.copyOf(scheduledPods);
      placements = List.copyOf(placements);
    }
  }

  /**
   * {@link #estimate(NodeTable, List, NodeTemplate)} with the pods grouped by {@link
   * PodEquivalenceGroup#of}.
   */
  public Estimate estimatePods(NodeTable cluster, List<PodSpec> pods, NodeTemplate template) {
    return estimate(cluster, PodEquivalenceGroup.of(pods), template);
  }

  /**
   * Upstream {@code Estimate}: new nodes of {@code template} needed by {@code groups} on top of
   * {@code cluster}.
   */
  public Estimate estimate(
      NodeTable cluster, List<PodEquivalenceGroup> groups, NodeTemplate template) {
    ClusterSnapshot snapshot = ClusterSnapshot.of(cluster);
    Run run = new Run(snapshot, template);
    for (PodEquivalenceGroup g : ordered(groups, template.node())) {
      List<PodSpec> pods = g.pods();
      int i = 0;
      for (; i < pods.size(); i++) {
        int node =
            checker.fitsAnyNodeMatching(snapshot.nodes(), pods.get(i), n -> n >= run.firstNew);
        if (node < 0) {
          break;
        }
        run.place(pods.get(i), node);
      }
      onNewNodes(run, pods.subList(i, pods.size()));
    }
    return new Estimate(run.nodesWithPods, run.scheduled, run.placements);
  }

  private void onNewNodes(Run run, List<PodSpec> pods) {
    NodeTable t = run.snapshot.nodes();
    for (PodSpec pod : pods) {
      if (run.lastNode >= 0 && checker.fits(t, pod, run.lastNode)) {
        run.place(pod, run.lastNode);
        continue;
      }
      if (run.lastNode >= 0 && !run.hasPods(run.lastNode)) {
        break;
      }
      if (maxNodes > 0 && run.added >= maxNodes) {
        break;
      }
      run.addNode();
      // may still fail (e.g. zonal spread); the node stays, as upstream keeps it
      if (!checker.fits(t, pod, run.lastNode)) {
        break;
      }
      run.place(pod, run.lastNode);
    }
  }

  // DecreasingPodOrderer: Σ container cpu ÷ allocatable cpu + Σ container memory ÷ allocatable
  // memory
  static double score(PodSpec exemplar, NodeSpec template) {
    long cpu = 0;
    long memory = 0;
    for (Container c : exemplar.containers()) {
      cpu += c.requests().get(DimensionRegistry.CPU);
      memory += c.requests().get(DimensionRegistry.MEMORY);
    }
    double score = 0;
    long allocCpu = template.allocatable().get(DimensionRegistry.CPU);
    long allocMemory = template.allocatable().get(DimensionRegistry.MEMORY);
    if (allocCpu > 0) {
      score += cpu / (double) allocCpu;
    }
    if (allocMemory > 0) {
      score += memory / (double) allocMemory;
    }
    return score;
  }

  private static List<PodEquivalenceGroup> ordered(
      List<PodEquivalenceGroup> groups, NodeSpec template) {
    List<PodEquivalenceGroup> out = new ArrayList<>(groups);
    out.sort(Comparator.comparingDouble((PodEquivalenceGroup g) -> -score(g.exemplar(), template)));
    return out;
  }

  /** One estimate's state (upstream estimationState). */
  private static final class Run {
    final ClusterSnapshot snapshot;
    final NodeTemplate template;
    final int firstNew;
    final List<PodSpec> scheduled = new ArrayList<>();
    final List<ScheduledPod> placements = new ArrayList<>();
    boolean[] withPods = new boolean[8];
    int added;
    int nodesWithPods;
    int lastNode = -1;

    Run(ClusterSnapshot snapshot, NodeTemplate template) {
      this.snapshot = snapshot;
      this.template = template;
      this.firstNew = snapshot.nodes().size();
    }

    boolean hasPods(int node) {
      return withPods[node - firstNew];
    }

    void addNode() {
      lastNode = snapshot.addNode(template, "e-" + added);
      if (added == withPods.length) {
        withPods = java.util.Arrays.copyOf(withPods, added * 2);
      }
      added++;
    }

    void place(PodSpec pod, int node) {
      snapshot.addPod(pod, node);
      if (!withPods[node - firstNew]) {
        withPods[node - firstNew] = true;
        nodesWithPods++;
      }
      scheduled.add(pod);
      placements.add(new ScheduledPod(pod, node, snapshot.nodes().name(node)));
    }
  }

  @Override
  public String toString() {
    return "BinpackingEstimator[" + checker + ", max " + maxNodes + " nodes]";
  }
}
