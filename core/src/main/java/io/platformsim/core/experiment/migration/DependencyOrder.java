package io.platformsim.core.experiment.migration;

import io.platformsim.core.workload.Service;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code dependency-order}: a service migrates after the services it calls (callees first, the
 * leaves of the {@link MigrationPlan#calls() call graph} first), so a migrated service never calls
 * back into LeSP across the platform boundary for long. Among services whose callees have all been
 * placed, the one with the smallest name goes first (Kahn's topological sort with a sorted ready
 * set, so the order is deterministic).
 *
 * <p>A cycle in the call graph has no such order and is an error naming the cycle ({@code a -> b ->
 * a}); a plan without a call graph is an error naming the policy; a call naming a service that is
 * not in the fleet is an error naming it.
 */
final class DependencyOrder implements WaveOrdering {

  static final String NAME = "dependency-order";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> order(List<Service> services, MigrationPlan plan) {
    Map<String, List<String>> calls = plan.calls();
    if (calls.isEmpty()) {
      throw new IllegalArgumentException(
          NAME + " needs a call graph (calls: {service: [callees]}), the plan has none");
    }
    Set<String> names = new TreeSet<>();
    services.forEach(s -> names.add(s.name()));
    Set<String> unknown = new TreeSet<>();
    calls.forEach(
        (caller, callees) -> {
          if (!names.contains(caller)) {
            unknown.add(caller);
          }
          callees.stream().filter(c -> !names.contains(c)).forEach(unknown::add);
        });
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          NAME + ": calls names services not in the fleet: " + unknown);
    }
    // waiting.get(s) = callees of s not yet placed.
    Map<String, Set<String>> waiting = new TreeMap<>();
    for (String n : names) {
      waiting.put(n, new HashSet<>(calls.getOrDefault(n, List.of())));
    }
    List<String> order = new ArrayList<>();
    TreeSet<String> ready = new TreeSet<>();
    waiting.forEach(
        (n, w) -> {
          if (w.isEmpty()) {
            ready.add(n);
          }
        });
    while (!ready.isEmpty()) {
      String next = ready.pollFirst();
      order.add(next);
      waiting.remove(next);
      for (Map.Entry<String, Set<String>> e : waiting.entrySet()) {
        if (e.getValue().remove(next) && e.getValue().isEmpty()) {
          ready.add(e.getKey());
        }
      }
    }
    if (!waiting.isEmpty()) {
      throw new IllegalArgumentException(
          NAME + ": the call graph has a cycle: " + String.join(" -> ", cycle(waiting)));
    }
    return List.copyOf(order);
  }

  /**
   * A cycle among the services left waiting: each of them waits on another waiting one, so walking
   * from the smallest name along its smallest waiting callee must revisit a service.
   */
  private static List<String> cycle(Map<String, Set<String>> waiting) {
    LinkedHashSet<String> path = new LinkedHashSet<>();
    String at = waiting.keySet().iterator().next();
    while (path.add(at)) {
      at = new TreeSet<>(waiting.get(at)).first();
    }
    List<String> cycle = new ArrayList<>();
    boolean in = false;
    for (String p : path) {
      in |= p.equals(at);
      if (in) {
        cycle.add(p);
      }
    }
    cycle.add(at);
    return cycle;
  }

  @Override
  public String toString() {
    return NAME;
  }
}
