package io.platformsim.identity.access;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who can reach what: principals, the resources granted to each, which principals may assume which
 * others (transitively), the services each resource belongs to, and the credentials present on each
 * host. Immutable once built.
 *
 * <p>The <em>blast radius</em> of a principal is the number of distinct services owning at least
 * one resource the principal can reach by its own grants or by assuming roles, any number of hops.
 * The blast radius of a host is that of the union of the credentials present on it: what an
 * attacker who takes the host gets.
 *
 * <pre>{@code
 * var web = Principal.serviceAccountRole("sa/web");
 * var node = Principal.nodeRole("node/1");
 * AccessGraph g = AccessGraph.builder()
 *     .resource("web-db", "web").resource("pay-db", "pay")
 *     .grant(web, "web-db").canAssume(node, web)
 *     .host("node-1", node).build();
 * g.blastRadius(node);   // 1: reaches web-db through sa/web
 * }</pre>
 */
public final class AccessGraph {
  private final List<Principal> principals;
  private final Map<Principal, Integer> principalIndex;
  private final List<String> resources;
  private final List<String> services;
  private final int[][] resourceServices; // resource index → service indices
  private final int[][] grants; // principal index → resource indices
  private final int[][] assumes; // principal index → principal indices it may assume
  private final Map<String, int[]> hosts; // host → principal indices present

  private AccessGraph(Builder b) {
    this.principals = List.copyOf(b.principals.keySet());
    this.principalIndex = Map.copyOf(b.principals);
    this.resources = List.copyOf(b.resources.keySet());
    this.services = List.copyOf(b.services.keySet());
    this.resourceServices = new int[resources.size()][];
    for (int r = 0; r < resourceServices.length; r++) {
      resourceServices[r] = b.owners.get(r).stream().mapToInt(Integer::intValue).toArray();
    }
    this.grants = toArrays(b.grants, principals.size());
    this.assumes = toArrays(b.assumes, principals.size());
    Map<String, int[]> h = new LinkedHashMap<>();
    b.hosts.forEach((k, v) -> h.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    this.hosts = Collections.unmodifiableMap(h);
  }

  private static int[][] toArrays(List<Set<Integer>> sets, int n) {
    int[][] out = new int[n][];
    for (int i = 0; i < n; i++) {
      out[i] = sets.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
    return out;
  }

  /** An empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Every principal, in the order declared. */
  public List<Principal> principals() {
    return principals;
  }

  /** Every host, in the order declared. */
  public Set<String> hosts() {
    return hosts.keySet();
  }

  /**
   * Resources {@code p} can reach, directly or by assuming roles, in declaration order.
   *
   * @throws IllegalArgumentException for a principal not in the graph
   */
  public Set<String> reachableResources(Principal p) {
    BitSet rs = reach(new int[] {index(p)});
    Set<String> out = new LinkedHashSet<>();
    rs.stream().forEach(i -> out.add(resources.get(i)));
    return out;
  }

  /**
   * Services whose resources {@code p} can reach, in declaration order.
   *
   * @throws IllegalArgumentException for a principal not in the graph
   */
  public Set<String> reachableServices(Principal p) {
    BitSet s = servicesOf(reach(new int[] {index(p)}));
    Set<String> out = new LinkedHashSet<>();
    s.stream().forEach(i -> out.add(services.get(i)));
    return out;
  }

  /** The number of {@link #reachableServices(Principal)}. */
  public int blastRadius(Principal p) {
    return servicesOf(reach(new int[] {index(p)})).cardinality();
  }

  /**
   * Blast radius of everything present on {@code host}.
   *
   * @throws IllegalArgumentException for an unknown host
   */
  public int hostBlastRadius(String host) {
    int[] present = hosts.get(host);
    if (present == null) {
      throw new IllegalArgumentException("unknown host '" + host + "'");
    }
    return servicesOf(reach(present)).cardinality();
  }

  /** Blast radius of every principal and host, with mean and max. */
  public BlastRadiusReport report() {
    Map<String, Integer> byPrincipal = new LinkedHashMap<>();
    for (Principal p : principals) {
      byPrincipal.put(p.name(), blastRadius(p));
    }
    Map<String, Integer> byHost = new LinkedHashMap<>();
    for (String h : hosts.keySet()) {
      byHost.put(h, hostBlastRadius(h));
    }
    return BlastRadiusReport.of(byPrincipal, byHost);
  }

  private int index(Principal p) {
    Integer i = principalIndex.get(p);
    if (i == null) {
      throw new IllegalArgumentException("unknown principal " + p);
    }
    return i;
  }

  /** Resources reachable from the start principals through assume edges (breadth first). */
  private BitSet reach(int[] start) {
    BitSet seen = new BitSet(principals.size());
    BitSet out = new BitSet(resources.size());
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int s : start) {
      if (!seen.get(s)) {
        seen.set(s);
        queue.add(s);
      }
    }
    while (!queue.isEmpty()) {
      int p = queue.poll();
      for (int r : grants[p]) {
        out.set(r);
      }
      for (int q : assumes[p]) {
        if (!seen.get(q)) {
          seen.set(q);
          queue.add(q);
        }
      }
    }
    return out;
  }

  private BitSet servicesOf(BitSet rs) {
    BitSet out = new BitSet(services.size());
    rs.stream()
        .forEach(
            r -> {
              for (int s : resourceServices[r]) {
                out.set(s);
              }
            });
    return out;
  }

  @Override
  public String toString() {
    return "AccessGraph["
        + principals.size()
        + " principals, "
        + resources.size()
        + " resources, "
        + services.size()
        + " services, "
        + hosts.size()
        + " hosts]";
  }

  /** Collects the graph; every name is checked as it is added. */
  public static final class Builder {
    private final Map<Principal, Integer> principals = new LinkedHashMap<>();
    private final Map<String, Integer> principalNames = new LinkedHashMap<>();
    private final Map<String, Integer> resources = new LinkedHashMap<>();
    private final List<Set<Integer>> owners = new ArrayList<>();
    private final Map<String, Integer> services = new LinkedHashMap<>();
    private final List<Set<Integer>> grants = new ArrayList<>();
    private final List<Set<Integer>> assumes = new ArrayList<>();
    private final Map<String, Set<Integer>> hosts = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Declares {@code resource} as belonging to {@code service} (a resource may belong to several).
     */
    public Builder resource(String resource, String service) {
      if (resource == null || resource.isBlank() || service == null || service.isBlank()) {
        throw new IllegalArgumentException(
            "resource and service must not be blank, were '" + resource + "', '" + service + "'");
      }
      int s = services.computeIfAbsent(service, k -> services.size());
      int r =
          resources.computeIfAbsent(
              resource,
              k -> {
                owners.add(new LinkedHashSet<>());
                return resources.size();
              });
      owners.get(r).add(s);
      return this;
    }

    /**
     * Declares a principal (idempotent).
     *
     * @throws IllegalArgumentException if another principal of that name but another kind exists
     */
    public Builder principal(Principal p) {
      if (p == null) {
        throw new IllegalArgumentException("principal must not be null");
      }
      if (principals.containsKey(p)) {
        return this;
      }
      if (principalNames.containsKey(p.name())) {
        throw new IllegalArgumentException(
            "principal name '" + p.name() + "' is already used by another kind");
      }
      principalNames.put(p.name(), principals.size());
      principals.put(p, principals.size());
      grants.add(new LinkedHashSet<>());
      assumes.add(new LinkedHashSet<>());
      return this;
    }

    /**
     * Grants {@code p} access to {@code resource}, declaring {@code p} if needed.
     *
     * @throws IllegalArgumentException if the resource was not declared
     */
    public Builder grant(Principal p, String resource) {
      principal(p);
      if (!resources.containsKey(resource)) {
        throw new IllegalArgumentException(
            "grant to " + p.name() + " of undeclared resource '" + resource + "'");
      }
      grants.get(principals.get(p)).add(resources.get(resource));
      return this;
    }

    /** Lets {@code from} assume {@code to}, declaring both if needed. */
    public Builder canAssume(Principal from, Principal to) {
      principal(from);
      principal(to);
      assumes.get(principals.get(from)).add(principals.get(to));
      return this;
    }

    /** Declares {@code host} with the credentials present on it, declaring them if needed. */
    public Builder host(String host, Principal... present) {
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("host must not be blank, was '" + host + "'");
      }
      Set<Integer> set = hosts.computeIfAbsent(host, k -> new LinkedHashSet<>());
      for (Principal p : present) {
        principal(p);
        set.add(principals.get(p));
      }
      return this;
    }

    /** The immutable graph. */
    public AccessGraph build() {
      return new AccessGraph(this);
    }
  }
}
