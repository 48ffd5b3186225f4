package io.platformsim.scheduler.placement;

import io.platformsim.scheduler.framework.FilterPlugin;
import io.platformsim.scheduler.framework.Profile;
import io.platformsim.scheduler.framework.WeightedScorer;
import io.platformsim.scheduler.plugins.BalancedAllocationScorer;
import io.platformsim.scheduler.plugins.DotProductAlignmentScorer;
import io.platformsim.scheduler.plugins.ImageLocalityScorer;
import io.platformsim.scheduler.plugins.InterPodAntiAffinityFilter;
import io.platformsim.scheduler.plugins.LeastAllocatedScorer;
import io.platformsim.scheduler.plugins.MostAllocatedScorer;
import io.platformsim.scheduler.plugins.NodeAffinityFilter;
import io.platformsim.scheduler.plugins.NodeAffinityScorer;
import io.platformsim.scheduler.plugins.NodeResourcesFitFilter;
import io.platformsim.scheduler.plugins.NodeUnschedulableFilter;
import io.platformsim.scheduler.plugins.PodTopologySpreadFilter;
import io.platformsim.scheduler.plugins.PodTopologySpreadScorer;
import io.platformsim.scheduler.plugins.RequestedToCapacityRatioScorer;
import io.platformsim.scheduler.plugins.ResourceWeight;
import io.platformsim.scheduler.plugins.TaintTolerationFilter;
import io.platformsim.scheduler.plugins.TaintTolerationScorer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Named profiles for packing studies and for Kubernetes, Caffeine-simulator style: look one up by
 * name with {@link #profile(String)}. Every profile uses the upstream filters in upstream order
 * (pkg/scheduler/apis/config/v1/default_plugins.go, v1.31): NodeUnschedulable, TaintToleration,
 * NodeAffinity, NodeResourcesFit, PodTopologySpread, InterPodAffinity (anti-affinity).
 *
 * <ul>
 *   <li>{@code first-fit}: no scorers; lowest feasible node index wins.
 *   <li>{@code best-fit} = {@code most-allocated}: MostAllocated (cpu, memory).
 *   <li>{@code worst-fit} = {@code least-allocated}: LeastAllocated (cpu, memory).
 *   <li>{@code least-allocated-balanced}: LeastAllocated ×1 + BalancedAllocation ×1.
 *   <li>{@code balanced}: BalancedAllocation ×1.
 *   <li>{@code tetris}: dot-product alignment ×1.
 *   <li>{@code requested-to-capacity-ratio}: bin-packing shape (0,0)-(100,10).
 *   <li>{@code k8s-default}: v1.31 default score plugins and weights: TaintToleration 3,
 *       NodeAffinity 2, NodeResourcesFit (LeastAllocated) 1, PodTopologySpread 2,
 *       NodeResourcesBalancedAllocation 1, ImageLocality 1. InterPodAffinity (weight 2) is left
 *       out: without preferred (anti-)affinity terms, which are not modelled, it scores every node
 *       0.
 * </ul>
 */
public final class Policies {
  private static final Map<String, Supplier<Profile>> REGISTRY = registry();

  private Policies() {}

  /** The upstream filters in upstream order. */
  public static List<FilterPlugin> defaultFilters() {
    return List.of(
        new NodeUnschedulableFilter(),
        new TaintTolerationFilter(),
        new NodeAffinityFilter(),
        new NodeResourcesFitFilter(),
        new PodTopologySpreadFilter(),
        new InterPodAntiAffinityFilter());
  }

  private static Profile scored(String name, WeightedScorer... scorers) {
    return new Profile(name, defaultFilters(), List.of(scorers), false);
  }

  private static Map<String, Supplier<Profile>> registry() {
    Map<String, Supplier<Profile>> m = new TreeMap<>();
    m.put("first-fit", () -> new Profile("first-fit", defaultFilters(), List.of(), true));
    m.put(
        "most-allocated",
        () -> scored("most-allocated", new WeightedScorer(new MostAllocatedScorer(), 1)));
    m.put("best-fit", () -> scored("best-fit", new WeightedScorer(new MostAllocatedScorer(), 1)));
    m.put(
        "least-allocated",
        () -> scored("least-allocated", new WeightedScorer(new LeastAllocatedScorer(), 1)));
    m.put(
        "worst-fit", () -> scored("worst-fit", new WeightedScorer(new LeastAllocatedScorer(), 1)));
    m.put(
        "least-allocated-balanced",
        () ->
            scored(
                "least-allocated-balanced",
                new WeightedScorer(new LeastAllocatedScorer(), 1),
                new WeightedScorer(new BalancedAllocationScorer(), 1)));
    m.put(
        "balanced",
        () -> scored("balanced", new WeightedScorer(new BalancedAllocationScorer(), 1)));
    m.put("tetris", () -> scored("tetris", new WeightedScorer(new DotProductAlignmentScorer(), 1)));
    m.put(
        "requested-to-capacity-ratio",
        () ->
            scored(
                "requested-to-capacity-ratio",
                new WeightedScorer(
                    new RequestedToCapacityRatioScorer(
                        ResourceWeight.defaults(),
                        RequestedToCapacityRatioScorer.binPackingShape()),
                    1)));
    m.put(
        "k8s-default",
        () ->
            scored(
                "k8s-default",
                new WeightedScorer(new TaintTolerationScorer(), 3),
                new WeightedScorer(new NodeAffinityScorer(), 2),
                new WeightedScorer(new LeastAllocatedScorer(), 1),
                new WeightedScorer(new PodTopologySpreadScorer(), 2),
                new WeightedScorer(new BalancedAllocationScorer(), 1),
                new WeightedScorer(new ImageLocalityScorer(), 1)));
    return Map.copyOf(m);
  }

  /** All registered names, sorted. */
  public static List<String> names() {
    return List.copyOf(new TreeMap<>(REGISTRY).keySet());
  }

  /**
   * A fresh profile by name.
   *
   * @throws IllegalArgumentException naming the unknown policy and listing the known ones
   */
  public static Profile profile(String name) {
    Supplier<Profile> s = REGISTRY.get(name);
    if (s == null) {
      throw new IllegalArgumentException("unknown policy '" + name + "' (known: " + names() + ")");
    }
    return s.get();
  }
}
