package io.platformsim.core.workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of services with unique names, in the order given. Looking up a name that is not there is
 * an {@link IllegalArgumentException} naming it, so a release for an unknown service fails clearly.
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
      throw new IllegalArgumentException(
          "unknown service '" + name + "'; known: " + byName.keySet());
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

  /**
   * This workload's services dealt into {@code parts} workloads of about equal requested CPU
   * (instances × milli-CPU), for running a fleet as several clusters: services are taken largest
   * first (ties in insertion order) and each goes whole to the part with the least CPU so far (ties
   * to the lower index), the longest-processing-time rule, which lands within 4/3 of the best
   * balance (Graham 1969). Within a part, services keep this workload's order. Parts may be empty
   * if there are fewer services than parts. Deterministic.
   *
   * @throws IllegalArgumentException if {@code parts} is below 1
   */
  public List<Workload> split(int parts) {
    if (parts < 1) {
      throw new IllegalArgumentException("parts must be at least 1, was " + parts);
    }
    List<Service> all = new ArrayList<>(byName.values());
    Integer[] order = new Integer[all.size()];
    long[] cpu = new long[all.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
      cpu[i] = (long) all.get(i).instances() * all.get(i).request().milliCpu();
    }
    // Stable sort: equal CPU keeps insertion order.
    Arrays.sort(order, (a, b) -> Long.compare(cpu[b], cpu[a]));
    long[] load = new long[parts];
    int[] partOf = new int[order.length];
    for (int i : order) {
      int best = 0;
      for (int p = 1; p < parts; p++) {
        if (load[p] < load[best]) {
          best = p;
        }
      }
      load[best] += cpu[i];
      partOf[i] = best;
    }
    List<List<Service>> grouped = new ArrayList<>(parts);
    for (int p = 0; p < parts; p++) {
      grouped.add(new ArrayList<>());
    }
    for (int i = 0; i < partOf.length; i++) {
      grouped.get(partOf[i]).add(all.get(i));
    }
    List<Workload> out = new ArrayList<>(parts);
    for (List<Service> g : grouped) {
      out.add(of(g));
    }
    return List.copyOf(out);
  }

  /** Instances over all services. */
  public long instances() {
    long n = 0;
    for (Service s : byName.values()) {
      n += s.instances();
    }
    return n;
  }

  /** Checks that {@code release} targets a known service and returns that service. */
  public Service target(Release release) {
    if (!byName.containsKey(release.service())) {
      throw new IllegalArgumentException(
          "release "
              + release.version()
              + " is for unknown service '"
              + release.service()
              + "'; known: "
              + byName.keySet());
    }
    return byName.get(release.service());
  }

  /** Equal when both hold equal services in the same order (a workload is a value). */
  @Override
  public boolean equals(Object o) {
    return o instanceof Workload w
        && List.copyOf(byName.values()).equals(List.copyOf(w.byName.values()));
  }

  @Override
  public int hashCode() {
    return List.copyOf(byName.values()).hashCode();
  }

  @Override
  public String toString() {
    return "Workload" + byName.values();
  }
}
