package io.platformsim.fleet.inventory;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One service's machines, by instance type and zone, in canonical order (type, then zone; one entry
 * per pair), so two inventories of the same machines are equal however they were read.
 *
 * @param service the service name; not blank
 * @param machines at least one entry, each (type, zone) pair once, sorted
 */
public record ServiceInventory(String service, List<MachineCount> machines) {

  static final Comparator<MachineCount> ORDER =
      Comparator.comparing(MachineCount::instanceType).thenComparing(MachineCount::zone);

  /** Validates and puts the machines in canonical order, merging repeated (type, zone) pairs. */
  public ServiceInventory {
    if (service == null || service.isBlank()) {
      throw new IllegalArgumentException("service must not be blank, was '" + service + "'");
    }
    if (machines == null || machines.isEmpty()) {
      throw new IllegalArgumentException("service '" + service + "' has no machines");
    }
    Map<List<String>, Integer> merged =
        new TreeMap<>(
            Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
    for (MachineCount m : machines) {
      merged.merge(List.of(m.instanceType(), m.zone()), m.count(), Math::addExact);
    }
    machines =
        merged.entrySet().stream()
            .map(e -> new MachineCount(e.getKey().get(0), e.getKey().get(1), e.getValue()))
            .toList();
  }

  /** The number of machines. */
  public int total() {
    return machines.stream().mapToInt(MachineCount::count).sum();
  }

  /** Machines per instance type, sorted by type. */
  public Map<String, Integer> byType() {
    Map<String, Integer> m = new TreeMap<>();
    machines.forEach(c -> m.merge(c.instanceType(), c.count(), Integer::sum));
    return m;
  }

  /** Machines per zone (empty zone = unknown), sorted by zone. */
  public Map<String, Integer> byZone() {
    Map<String, Integer> m = new TreeMap<>();
    machines.forEach(c -> m.merge(c.zone(), c.count(), Integer::sum));
    return m;
  }

  /**
   * The type most of its machines run on (ties to the lexically first name), the type LeSP pins the
   * service to: LeSP runs a service on one type.
   */
  public String mainType() {
    Map<String, Integer> byType = new LinkedHashMap<>(byType());
    return byType.entrySet().stream()
        .max(
            Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .orElseThrow()
        .getKey();
  }

  @Override
  public String toString() {
    return service + ": " + total() + " machines " + machines;
  }
}
