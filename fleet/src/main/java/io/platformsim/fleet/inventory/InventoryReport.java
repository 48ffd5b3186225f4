package io.platformsim.fleet.inventory;

import java.util.List;

/**
 * What an import found: services, the machines mapped to them, the machines no service claims
 * (listed with id, type and zone) and the machines skipped (terminated or shutting down).
 *
 * @param services number of services
 * @param machines number of machines mapped to a service
 * @param unmapped machines no service claims
 * @param skipped machines skipped because they are terminated or shutting down
 */
public record InventoryReport(
    int services, int machines, List<UnmappedMachine> unmapped, int skipped) {

  /** Copies the list. */
  public InventoryReport {
    unmapped = List.copyOf(unmapped);
  }

  @Override
  public String toString() {
    StringBuilder b =
        new StringBuilder(
            services
                + " services, "
                + machines
                + " machines, "
                + unmapped.size()
                + " unmapped, "
                + skipped
                + " skipped");
    for (UnmappedMachine m : unmapped) {
      b.append("\n  unmapped: ").append(m);
    }
    return b.toString();
  }
}
