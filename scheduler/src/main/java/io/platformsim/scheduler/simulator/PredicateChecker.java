package io.platformsim.scheduler.simulator;

import io.platformsim.scheduler.framework.CycleState;
import io.platformsim.scheduler.framework.FilterPlugin;
import io.platformsim.scheduler.framework.Profile;
import io.platformsim.scheduler.placement.FastScheduler;
import io.platformsim.scheduler.placement.NodeSampling;
import io.platformsim.scheduler.placement.Placement;
import io.platformsim.scheduler.placement.Policies;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.state.NodeTable;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Whether a pod fits a node, decided by a scheduler profile's own filter plugins (PreFilter, then
 * Filter in profile order until one fails), after cluster-autoscaler {@code
 * simulator/predicatechecker/schedulerbased.go} {@code SchedulerBasedPredicateChecker}, which runs
 * the kube-scheduler framework's filters the same way. So the autoscaler and the scheduler share
 * one definition of fit: resources, taints, node affinity, topology spread and anti-affinity.
 *
 * <p>Two scan orders for {@link #fitsAnyNodeMatching}. {@link ScanOrder#ROUND_ROBIN} is upstream's:
 * nodes are scanned from where the last success ended ({@code lastIndex}), so successive placements
 * spread over the nodes; every check runs the reference plugins, whose PreFilter for a pod with
 * DoNotSchedule spread constraints visits every bound pod. {@link ScanOrder#LOWEST_INDEX} answers
 * the lowest-index acceptable node instead, and asks a {@link FastScheduler} with the same filters,
 * no scorers and lowest-index tie-break first (property-tested to choose what the reference filters
 * choose); only when that node is not acceptable does it fall back to the reference scan. The same
 * fit either way; the second is far cheaper on large clusters. The checker's state (the position,
 * the fast scheduler of the last table) makes no call depend on anything but earlier calls. Not
 * thread-safe.
 */
public final class PredicateChecker {
  /** How {@link #fitsAnyNodeMatching} picks among the nodes that fit. */
  public enum ScanOrder {
    /** Upstream: round robin from after the last node found. */
    ROUND_ROBIN,
    /** The lowest node index, found through the fast scheduler where it can be. */
    LOWEST_INDEX
  }

  private final List<FilterPlugin> filters;
  private final ScanOrder order;
  private final Profile firstFit;
  private int lastIndex;
  private NodeTable fastTable;
  private FastScheduler fast;

  private PredicateChecker(String name, List<FilterPlugin> filters, ScanOrder order) {
    this.filters = List.copyOf(filters);
    this.order = order;
    this.firstFit = new Profile(name + "/fit", filters, List.of(), true);
  }

  /**
   * An upstream (round-robin) checker running {@code profile}'s filters (its scorers play no part
   * in fit).
   */
  public static PredicateChecker of(Profile profile) {
    return new PredicateChecker(profile.name(), profile.filters(), ScanOrder.ROUND_ROBIN);
  }

  /** A checker running {@code profile}'s filters, scanning in {@code order}. */
  public static PredicateChecker of(Profile profile, ScanOrder order) {
    return new PredicateChecker(profile.name(), profile.filters(), order);
  }

  /**
   * An upstream (round-robin) checker running the default filters in upstream order ({@link
   * Policies#defaultFilters()}).
   */
  public static PredicateChecker withDefaultFilters() {
    return new PredicateChecker("default", Policies.defaultFilters(), ScanOrder.ROUND_ROBIN);
  }

  /** A lowest-index checker running the default filters: the fast choice for large clusters. */
  public static PredicateChecker lowestIndexWithDefaultFilters() {
    return new PredicateChecker("default", Policies.defaultFilters(), ScanOrder.LOWEST_INDEX);
  }

  /** The scan order. */
  public ScanOrder order() {
    return order;
  }

  /** The filters, in the order they run. */
  public List<FilterPlugin> filters() {
    return filters;
  }

  /**
   * Upstream {@code CheckPredicates}: whether {@code pod} passes every filter on {@code node} of
   * {@code table}.
   *
   * @return empty if it fits, else the first failing filter's reasons
   */
  public List<String> checkPredicates(NodeTable table, PodSpec pod, int node) {
    CycleState state = preFilter(table, pod);
    return filter(state, node);
  }

  /**
   * Whether {@code pod} passes every filter on {@code node}: {@link #checkPredicates} is empty.
   * With {@link ScanOrder#LOWEST_INDEX} the fast scheduler answers when {@code node} is the
   * lowest-index node that fits, or when none fits.
   */
  public boolean fits(NodeTable table, PodSpec pod, int node) {
    if (order == ScanOrder.LOWEST_INDEX) {
      int lowest = lowestFitting(table, pod);
      if (lowest < 0 || lowest == node) {
        return lowest == node;
      }
    }
    return checkPredicates(table, pod, node).isEmpty();
  }

  /**
   * Upstream {@code FitsAnyNodeMatching}: a node that {@code nodeMatches} accepts, is not cordoned
   * (upstream skips {@code spec.unschedulable} nodes whatever the pod tolerates) and passes every
   * filter: with {@link ScanOrder#ROUND_ROBIN} the first scanning from after the last success, with
   * {@link ScanOrder#LOWEST_INDEX} the one with the lowest index.
   *
   * @return the node index, or -1 if none fits
   */
  public int fitsAnyNodeMatching(NodeTable table, PodSpec pod, IntPredicate nodeMatches) {
    int n = table.size();
    if (n == 0) {
      return -1;
    }
    if (order == ScanOrder.LOWEST_INDEX) {
      int lowest = lowestFitting(table, pod);
      if (lowest < 0) {
        return -1;
      }
      if (nodeMatches.test(lowest) && !table.unschedulable(lowest)) {
        return lowest;
      }
      CycleState state = preFilter(table, pod);
      for (int node = lowest + 1; node < n; node++) {
        if (nodeMatches.test(node) && !table.unschedulable(node) && filter(state, node).isEmpty()) {
          return node;
        }
      }
      return -1;
    }
    CycleState state = preFilter(table, pod);
    int start = lastIndex % n;
    for (int i = 0; i < n; i++) {
      int node = (start + i) % n;
      if (!nodeMatches.test(node) || table.unschedulable(node)) {
        continue;
      }
      if (filter(state, node).isEmpty()) {
        lastIndex = (start + i + 1) % n;
        return node;
      }
    }
    return -1;
  }

  // The lowest-index node passing every filter (a cordoned one only if the pod tolerates the
  // cordon), or -1: a first-fit FastScheduler over the table, made again when the table changes.
  private int lowestFitting(NodeTable table, PodSpec pod) {
    if (fast == null || fastTable != table) {
      fast = new FastScheduler(table, firstFit, NodeSampling.fullScan(), 0);
      fastTable = table;
    }
    Placement p = fast.place(pod);
    return p.isScheduled() ? p.node() : -1;
  }

  private CycleState preFilter(NodeTable table, PodSpec pod) {
    CycleState state = new CycleState(pod, table);
    for (FilterPlugin f : filters) {
      f.preFilter(state);
    }
    return state;
  }

  private List<String> filter(CycleState state, int node) {
    for (FilterPlugin f : filters) {
      List<String> reasons = f.filter(state, node);
      if (!reasons.isEmpty()) {
        return reasons;
      }
    }
    return List.of();
  }

  @Override
  public String toString() {
    return "PredicateChecker["
        + order
        + " "
        + filters.stream().map(FilterPlugin::name).toList()
        + "]";
  }
}
