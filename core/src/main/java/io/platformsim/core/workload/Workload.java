package io.platformsim.core.workload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of services with unique names, in the order given. Looking up a name that is not there
 * is an {@link IllegalArgumentException} naming it, so a release for an unknown service fails
 * clearly.
 */
public final class Workload {
  private final Map<String, Service> byName;

  private Workload(Map<String, Service> byName) {
    this.byName = Collections.unmodifiableMap(byName);
  }

  /** A workload of the given services; duplicate names are rejected. */
  public static Workload of(Service... services) {
    return of(List.of(services));
  }

  /** A workload of the given services; duplicate names are rejected. */
  public static Workload of(List<Service> services) {
    Map<String, Service> map = new LinkedHashMap<>();
    for (Service s : services) {
      if (map.putIfAbsent(s.name(), s) != null) {
        throw new IllegalArgumentException("duplicate service name '" + s.name() + "'");
      }
    }
    return new Workload(map);
  }

  /** The service named {@code name}; an unknown name is an error naming it and the known ones. */
  public Service service(String name) {
    Service s = byName.get(name);
    if (s == null) {
      throw new IllegalArgumentException("unknown service '" + name + "'; known: " + byName.keySet());
    }
    return s;
  }

  /** Whether a service of that name exists. */
  public boolean contains(String name) {
    return byName.containsKey(name);
  }

  /** The services in insertion order. */
  public List<Service> services() {
    return List.copyOf(new ArrayList<>(byName.values()));
  }

  /** Checks that {@code release} targets a known service and returns that service. */
  public Service target(Release release) {
    if (!byName.containsKey(release.service())) {
      throw new IllegalArgumentException("release " + release.version() + " is for unknown service '"
          + release.service() + "'; known: " + byName.keySet());
    }
    return byName.get(release.service());
  }

  @Override
  public String toString() {
    return "Workload" + byName.values();
  }
}
