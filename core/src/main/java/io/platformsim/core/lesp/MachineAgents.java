package io.platformsim.core.lesp;

import io.platformsim.core.workload.Resources;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agents every LeSP machine runs beside its one service (log shipper, metrics collector,
 * monitoring), with what each reserves. Their sum is added to a service instance's request when
 * choosing the instance type, and it is reserved capacity the service cannot use.
 *
 * @param reservations agent name → reserved resources, in insertion order
 */
public record MachineAgents(Map<String, Resources> reservations) {

  /**
   * The default agents. The amounts are an assumption (no published figure was found): a log
   * shipper 100m CPU / 200 MiB, a metrics collector 50m / 100 MiB, a monitoring agent 50m / 100
   * MiB, i.e. 0.2 core and 400 MiB per machine. Override them with {@link #of}.
   */
  public static final MachineAgents DEFAULT = new MachineAgents(defaults());

  /** No agents. */
  public static final MachineAgents NONE = new MachineAgents(Map.of());

  /** Validates and copies the map (keeping its order). */
  public MachineAgents {
    if (reservations == null) {
      throw new IllegalArgumentException("agent reservations must not be null");
    }
    Map<String, Resources> copy = new LinkedHashMap<>();
    reservations.forEach(
        (name, r) -> {
          if (name == null || name.isBlank() || r == null) {
            throw new IllegalArgumentException(
                "agent '" + name + "' must have a name and resources, was " + r);
          }
          copy.put(name, r);
        });
    reservations = java.util.Collections.unmodifiableMap(copy);
  }

  /** Agents with the given reservations (name → resources, in the map's order). */
  public static MachineAgents of(Map<String, Resources> reservations) {
    return new MachineAgents(new LinkedHashMap<>(reservations));
  }

  /** What all agents together reserve on one machine. */
  public Resources total() {
    Resources sum = Resources.ZERO;
    for (Resources r : reservations.values()) {
      sum = sum.plus(r);
    }
    return sum;
  }

  private static Map<String, Resources> defaults() {
    Map<String, Resources> m = new LinkedHashMap<>();
    m.put("logs", Resources.of(100, 200));
    m.put("metrics", Resources.of(50, 100));
    m.put("monitoring", Resources.of(50, 100));
    return m;
  }
}
