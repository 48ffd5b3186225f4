package io.platformsim.core.experiment.migration;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every service's {@link ServiceState} at one time, sorted by service name. Immutable; two states
 * with the same services in the same states are equal (and so evaluate to the same steady-state
 * figures, which lets a runner cache them).
 *
 * @param services service name to state (an unmodifiable sorted copy)
 */
public record MigrationState(SortedMap<String, ServiceState> services) {

  /** Copies the map; no null names or states. */
  public MigrationState {
    Objects.requireNonNull(services, "services must not be null");
    TreeMap<String, ServiceState> copy = new TreeMap<>();
    services.forEach(
        (name, state) ->
            copy.put(
                Objects.requireNonNull(name, "service name must not be null"),
                Objects.requireNonNull(state, () -> "state of " + name + " must not be null")));
    services = Collections.unmodifiableSortedMap(copy);
  }

  /** Every service on LeSP: the state before the first wave. */
  public static MigrationState allOnLesp(Collection<String> services) {
    return all(services, ServiceState.ON_LESP);
  }

  /** Every service on KuSP: the state after the last drain. */
  public static MigrationState allOnKusp(Collection<String> services) {
    return all(services, ServiceState.ON_KUSP);
  }

  private static MigrationState all(Collection<String> services, ServiceState state) {
    TreeMap<String, ServiceState> map = new TreeMap<>();
    for (String s : services) {
      map.put(s, state);
    }
    return new MigrationState(map);
  }

  /** This state with {@code service} in state {@code s} (added if it was not there). */
  public MigrationState with(String service, ServiceState s) {
    TreeMap<String, ServiceState> map = new TreeMap<>(services);
    map.put(service, s);
    return new MigrationState(map);
  }

  /** The state of {@code service}. @throws IllegalArgumentException if it is not here */
  public ServiceState state(String service) {
    ServiceState s = services.get(service);
    if (s == null) {
      throw new IllegalArgumentException("no service '" + service + "' in " + services.keySet());
    }
    return s;
  }

  /** How many services are on {@code side}. */
  public int count(Side side) {
    int n = 0;
    for (ServiceState s : services.values()) {
      if (s.side() == side) {
        n++;
      }
    }
    return n;
  }

  @Override
  public String toString() {
    return "MigrationState[lesp="
        + count(Side.LESP)
        + ", dual="
        + count(Side.DUAL)
        + ", kusp="
        + count(Side.KUSP)
        + ", "
        + services
        + "]";
  }
}
