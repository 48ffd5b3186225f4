package io.platformsim.core.workload;

import java.util.List;

/**
 * Where a service's instances may run, honoured by both platforms.
 *
 * <p><b>zoneSpread</b> {@code n}: with {@code n = 1} (the default) there is no zone constraint and
 * each platform uses every zone it has, as before this field existed (LeSP's pool round-robin over
 * all of {@code lesp.zones}, KuSP's pods wherever the scheduler puts them). With {@code n > 1} the
 * instances run in the first {@code n} zones of the platform's zone list only (see {@link
 * #zones(List)}), spread evenly: LeSP launches the pool's machines round-robin over those zones,
 * KuSP gives the pods a required node affinity {@code topology.kubernetes.io/zone In} those zones
 * (left out when they are all the zones) and a topology spread constraint of maxSkew 1,
 * DoNotSchedule, over the zone key. A zone outage then hits a service in proportion to its presence
 * in that zone, and not at all outside its {@code n} zones. {@code n} must not exceed either
 * platform's zone count (the scenario checks it). On KuSP a cluster that must grow for such pods
 * can stall as upstream does with one multi-zone node group (kubernetes/autoscaler #5489): the
 * autoscaler's template node has one zone, so the spread refuses it once that zone is ahead.
 *
 * <p><b>antiAffinity</b>: at most one instance per machine/node. LeSP runs one instance per machine
 * by construction; KuSP uses a required pod anti-affinity term on {@code kubernetes.io/hostname}.
 *
 * <p><b>dedicatedHardware</b>: the service never shares a machine/node with another service. LeSP
 * has a pool of machines per service by construction; KuSP gives the pods a required pod
 * anti-affinity term on the hostname selecting every other service's pods (DaemonSet pods
 * excepted), which the scheduler checks in both directions (upstream interpodaffinity/filtering.go:
 * the incoming pod's terms and the existing pods' terms).
 *
 * @param zoneSpread number of zones instances are spread over evenly; 1 = no zone constraint
 * @param antiAffinity at most one instance of the service per machine/node
 * @param dedicatedHardware the service must not share a machine/node with another service
 */
public record PlacementNeeds(int zoneSpread, boolean antiAffinity, boolean dedicatedHardware) {

  /** No constraints: no zone spread, sharing allowed. */
  public static final PlacementNeeds NONE = new PlacementNeeds(1, false, false);

  /** Validates the zone count. */
  public PlacementNeeds {
    if (zoneSpread < 1) {
      throw new IllegalArgumentException("zoneSpread must be >= 1, was " + zoneSpread);
    }
  }

  /**
   * The zones of {@code platformZones} the instances may run in: all of them for {@code zoneSpread
   * 1}, else the first {@code zoneSpread}.
   *
   * @throws IllegalArgumentException if {@code zoneSpread} exceeds the zones given
   */
  public List<String> zones(List<String> platformZones) {
    if (zoneSpread > platformZones.size()) {
      throw new IllegalArgumentException(
          "zoneSpread "
              + zoneSpread
              + " is above the "
              + platformZones.size()
              + " zones "
              + platformZones);
    }
    return zoneSpread == 1 ? platformZones : platformZones.subList(0, zoneSpread);
  }
}
