package io.platformsim.scheduler.simulator;

import io.platformsim.scheduler.framework.CycleState;
import io.platformsim.scheduler.framework.FilterPlugin;
import io.platformsim.scheduler.framework.Profile;
import io.platformsim.scheduler.placement.Policies;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.state.NodeTable;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Whether a pod fits a node, decided by a scheduler profile's own filter plugins (PreFilter, then
 * Filter in profile order until one fails), after cluster-autoscaler
 * {@code simulator/predicatechecker/schedulerbased.go} {@code SchedulerBasedPredicateChecker},
 * which runs the kube-scheduler framework's filters the same way. So the autoscaler and the
 * scheduler share one definition of fit: resources, taints, node affinity, topology spread and
 * anti-affinity.
 *
 * <p>{@link #fitsAnyNodeMatching} scans nodes round robin from where its last success ended
 * ({@code lastIndex}), as upstream does, so successive placements spread over the nodes; the
 * position is this checker's only state, so the same calls give the same answers. Not
 * thread-safe.
 */
public final class PredicateChecker {
    private final List<FilterPlugin> filters;
    private int lastIndex;

    private PredicateChecker(List<FilterPlugin> filters) {
        this.filters = List.copyOf(filters);
    }

    /** A checker running {@code profile}'s filters (its scorers play no part in fit). */
    public static PredicateChecker of(Profile profile) {
        return new PredicateChecker(profile.filters());
    }

    /** A checker running the default filters in upstream order ({@link Policies#defaultFilters()}). */
    public static PredicateChecker withDefaultFilters() {
        return new PredicateChecker(Policies.defaultFilters());
    }

    /** The filters, in the order they run. */
    public List<FilterPlugin> filters() { return filters; }

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
     * Upstream {@code FitsAnyNodeMatching}: the first node, scanning round robin from the last
     * success, that {@code nodeMatches} accepts, is not cordoned (upstream skips
     * {@code spec.unschedulable} nodes whatever the pod tolerates) and passes every filter; the
     * scan then resumes after it next time.
     *
     * @return the node index, or -1 if none fits
     */
    public int fitsAnyNodeMatching(NodeTable table, PodSpec pod, IntPredicate nodeMatches) {
        int n = table.size();
        if (n == 0) {
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
        return "PredicateChecker" + filters.stream().map(FilterPlugin::name).toList();
    }
}
