package io.platformsim.core.kusp.nodelifecycle;

import java.util.Map;
import java.util.TreeMap;

/**
 * Every zone's state and tainting rate after a pass of k/k v1.31 {@code
 * pkg/controller/nodelifecycle/node_lifecycle_controller.go handleDisruption}.
 *
 * <ul>
 *   <li>If every zone is fully disrupted (and was not all so before), the control plane rather than
 *       the nodes is the likely fault: all rates go to 0 and every zone is marked fully disrupted
 *       ("Entering master disruption mode"); upstream also takes the not-ready and unreachable
 *       taints off every node then ({@code markNodeAsReachable}), which is the caller's part.
 *   <li>If every zone was fully disrupted and some is not any more ("Exiting master disruption
 *       mode"), every zone takes its new state and that state's rate ({@code setLimiterInZone}).
 *   <li>Otherwise only zones whose state changed get a new rate.
 * </ul>
 *
 * Zones no longer present are dropped; a zone seen for the first time starts {@link
 * ZoneState#INITIAL} at the normal rate.
 *
 * @param zones each zone's state and rate, by zone name
 */
public record ZoneLimits(Map<String, Limit> zones) {

  /**
   * One zone's state and its tainting rate.
   *
   * @param state the zone state
   * @param qps nodes per second that may be tainted
   */
  public record Limit(ZoneState state, double qps) {
    @Override
    public String toString() {
      return state + " at " + qps + "/s";
    }
  }

  /** Copies the map (sorted by zone for a stable toString). */
  public ZoneLimits {
    zones = Map.copyOf(zones);
  }

  /** No zone seen yet. */
  public static ZoneLimits none() {
    return new ZoneLimits(Map.of());
  }

  /** The limit of {@code zone}, or {@code null} if unknown. */
  public Limit of(String zone) {
    return zones.get(zone);
  }

  /** The limits after one disruption pass over the zones' current node counts. */
  public ZoneLimits next(EvictionRates rates, Map<String, ZoneCounts> counts) {
    Map<String, ZoneState> newStates = new TreeMap<>();
    Map<String, Limit> current = new TreeMap<>();
    boolean allAreFullyDisrupted = true;
    for (Map.Entry<String, ZoneCounts> e : counts.entrySet()) {
      ZoneState s = rates.zoneState(e.getValue().ready(), e.getValue().notReady());
      newStates.put(e.getKey(), s);
      if (s != ZoneState.FULL_DISRUPTION) {
        allAreFullyDisrupted = false;
      }
      Limit old = zones.get(e.getKey());
      current.put(
          e.getKey(), old != null ? old : new Limit(ZoneState.INITIAL, rates.nodeEvictionRate()));
    }
    // Zones that are gone are forgotten; the rest say whether all were fully disrupted.
    boolean allWereFullyDisrupted = true;
    for (Limit l : current.values()) {
      if (l.state() != ZoneState.FULL_DISRUPTION) {
        allWereFullyDisrupted = false;
        break;
      }
    }
    if (allAreFullyDisrupted && allWereFullyDisrupted) {
      return new ZoneLimits(current);
    }
    Map<String, Limit> out = new TreeMap<>();
    if (allAreFullyDisrupted) {
      for (String zone : current.keySet()) {
        out.put(zone, new Limit(ZoneState.FULL_DISRUPTION, 0));
      }
      return new ZoneLimits(out);
    }
    if (allWereFullyDisrupted) {
      // "Exiting master disruption mode": every limiter is reset to its zone's new state.
      for (String zone : current.keySet()) {
        ZoneState s = newStates.get(zone);
        out.put(zone, new Limit(s, rates.rate(s, counts.get(zone).size())));
      }
      return new ZoneLimits(out);
    }
    for (Map.Entry<String, Limit> e : current.entrySet()) {
      ZoneState s = newStates.get(e.getKey());
      Limit old = e.getValue();
      out.put(
          e.getKey(),
          old.state() == s ? old : new Limit(s, rates.rate(s, counts.get(e.getKey()).size())));
    }
    return new ZoneLimits(out);
  }

  @Override
  public String toString() {
    return new TreeMap<>(zones).toString();
  }
}
