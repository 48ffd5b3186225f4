package io.platformsim.core.workload;

/**
 * Where a service's instances may run. LeSP satisfies all of them trivially (one instance per
 * machine, a pool per service), but records them so both platforms see the same workload; KuSP
 * turns them into scheduler filters.
 *
 * @param zoneSpread number of zones instances are spread over evenly; 1 = no spread
 * @param antiAffinity at most one instance of the service per machine/node
 * @param dedicatedHardware the service must not share a machine/node with another service
 */
public record PlacementNeeds(int zoneSpread, boolean antiAffinity, boolean dedicatedHardware) {

  /** No constraints: one zone, sharing allowed. */
  public static final PlacementNeeds NONE = new PlacementNeeds(1, false, false);

  /** Validates the zone count. */
  public PlacementNeeds {
    if (zoneSpread < 1) {
      throw new IllegalArgumentException("zoneSpread must be >= 1, was " + zoneSpread);
    }
  }
}
