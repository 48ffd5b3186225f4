package io.platformsim.fleet.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A legacy fleet: per service its machines by instance type and zone, the machines no service
 * claims, and how many terminated machines were skipped. Services are sorted by name, each once, so
 * equal fleets are equal records whichever files and order they came from.
 *
 * <pre>{@code
 * Inventory inv = Ec2InstancesReader.read(json, "instances.json", ServiceMapping.DEFAULT,
 *     InstanceCatalogue.AWS_US_EAST_1);
 * inv.report();                    // 4 services, 20 machines, 2 unmapped, 1 skipped
 * }</pre>
 *
 * @param services sorted by name, names unique
 * @param unmapped machines no service claims, in reading order
 * @param skipped machines skipped (terminated, shutting down); at least 0
 */
public record Inventory(
    List<ServiceInventory> services, List<UnmappedMachine> unmapped, int skipped) {

  /** An inventory with nothing in it. */
  public static final Inventory EMPTY = new Inventory(List.of(), List.of(), 0);

  /** Sorts the services by name, merging repeated names, and copies the lists. */
  public Inventory {
    if (skipped < 0) {
      throw new IllegalArgumentException("skipped must be >= 0, was " + skipped);
    }
    Map<String, List<MachineCount>> byName = new TreeMap<>();
    for (ServiceInventory s : services) {
      byName.computeIfAbsent(s.service(), k -> new ArrayList<>()).addAll(s.machines());
    }
    services =
        byName.entrySet().stream()
            .map(e -> new ServiceInventory(e.getKey(), e.getValue()))
            .toList();
    unmapped = List.copyOf(unmapped);
  }

  /** A builder that adds machines one at a time. */
  public static Builder builder() {
    return new Builder();
  }

  /** The service named {@code name}, if present. */
  public Optional<ServiceInventory> service(String name) {
    return services.stream().filter(s -> s.service().equals(name)).findFirst();
  }

  /** The number of machines mapped to a service. */
  public int machines() {
    return services.stream().mapToInt(ServiceInventory::total).sum();
  }

  /** Both inventories together: machines of a service present in both add up. */
  public Inventory plus(Inventory other) {
    List<ServiceInventory> s = new ArrayList<>(services);
    s.addAll(other.services);
    List<UnmappedMachine> u = new ArrayList<>(unmapped);
    u.addAll(other.unmapped);
    return new Inventory(s, u, Math.addExact(skipped, other.skipped));
  }

  /** The counts an import prints. */
  public InventoryReport report() {
    return new InventoryReport(services.size(), machines(), unmapped, skipped);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("Inventory[" + report().toString().split("\n")[0] + "]");
    services.forEach(s -> b.append("\n  ").append(s));
    unmapped.forEach(m -> b.append("\n  unmapped: ").append(m));
    return b.toString();
  }

  /** Collects machines; {@link #build()} makes the canonical record. */
  public static final class Builder {
    private final List<ServiceInventory> services = new ArrayList<>();
    private final List<UnmappedMachine> unmapped = new ArrayList<>();
    private int skipped;

    private Builder() {}

    /**
     * {@code count} machines of {@code type} in {@code zone} (empty if unknown) for {@code
     * service}.
     */
    public Builder add(String service, String type, String zone, int count) {
      services.add(new ServiceInventory(service, List.of(new MachineCount(type, zone, count))));
      return this;
    }

    /** A machine no service claims. */
    public Builder unmapped(UnmappedMachine m) {
      unmapped.add(m);
      return this;
    }

    /** One more skipped (terminated) machine. */
    public Builder skip() {
      skipped++;
      return this;
    }

    /** The inventory. */
    public Inventory build() {
      return new Inventory(services, unmapped, skipped);
    }
  }
}
