package io.platformsim.identity.access;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which principal a workload's requests carry, and so how far a stolen credential reaches. Each
 * mode builds the {@link AccessGraph} of a placement with {@link #graph(Map, Map)}:
 *
 * <ul>
 *   <li>{@link #MACHINE_ROLE} (LeSP): one role per service, {@code role/<service>}, used by every
 *       machine of its pool and granted the service's resources; a host holds the roles of the
 *       services on it (one on LeSP).
 *   <li>{@link #WORKLOAD_IDENTITY} (KuSP, IRSA / GKE workload identity with the node's metadata
 *       endpoint blocked): one role per service account, {@code sa/<service>}, granted the
 *       service's resources; one node role {@code node/<host>} per node with no service resources.
 *       A node holds its node role and the tokens of the pods on it.
 *   <li>{@link #NODE_ROLE} (KuSP bad practice, pods use the node's instance role through IMDS): one
 *       node role per node, granted the union of the resources of the services placed on it, since
 *       every pod there must work; no service-account principals.
 *   <li>{@link #CREDENTIAL_PROXY} (KuSP, kube2iam-style): roles per service account as in workload
 *       identity, and each node role may assume every service-account role of the cluster
 *       (jtblin/kube2iam README), so one node's credentials reach every service.
 * </ul>
 *
 * Sources: docs.aws.amazon.com/eks/latest/userguide/restrict-ec2-credential-access.html and the
 * kube2iam README (see {@code shared/reference/kubernetes.md} §6).
 */
public enum IdentityMode {
  /** LeSP: the machine's role, one per service pool. */
  MACHINE_ROLE,
  /** KuSP: a role per service account. */
  WORKLOAD_IDENTITY,
  /** KuSP: the node's role, shared by all pods on the node. */
  NODE_ROLE,
  /**
   * KuSP: a role per service account, handed out by a node-level proxy that can assume all of them.
   */
  CREDENTIAL_PROXY;

  /**
   * The access graph of a placement under this mode.
   *
   * @param servicesByHost host (machine or node) → services of the workloads on it; repeats allowed
   *     (one entry per pod), order kept
   * @param resourcesByService service → the resources it needs (each resource belongs to every
   *     service that lists it)
   * @throws IllegalArgumentException if a placed service has no entry in {@code resourcesByService}
   */
  public AccessGraph graph(
      Map<String, List<String>> servicesByHost, Map<String, Set<String>> resourcesByService) {
    if (servicesByHost == null || resourcesByService == null) {
      throw new IllegalArgumentException("servicesByHost and resourcesByService must not be null");
    }
    AccessGraph.Builder b = AccessGraph.builder();
    resourcesByService.forEach((service, rs) -> rs.forEach(r -> b.resource(r, service)));
    servicesByHost.forEach(
        (host, list) ->
            list.forEach(
                s -> {
                  if (!resourcesByService.containsKey(s)) {
                    throw new IllegalArgumentException(
                        "service '"
                            + s
                            + "' placed on "
                            + host
                            + " has no entry in resourcesByService; known: "
                            + resourcesByService.keySet());
                  }
                }));
    switch (this) {
      case MACHINE_ROLE -> {
        resourcesByService.forEach((s, rs) -> grantAll(b, Principal.machineRole("role/" + s), rs));
        servicesByHost.forEach(
            (host, list) -> {
              b.host(host);
              for (String s : distinct(list)) {
                b.host(host, Principal.machineRole("role/" + s));
              }
            });
      }
      case WORKLOAD_IDENTITY, CREDENTIAL_PROXY -> {
        resourcesByService.forEach(
            (s, rs) -> grantAll(b, Principal.serviceAccountRole("sa/" + s), rs));
        servicesByHost.forEach(
            (host, list) -> {
              Principal node = Principal.nodeRole("node/" + host);
              b.host(host, node);
              for (String s : distinct(list)) {
                b.host(host, Principal.serviceAccountRole("sa/" + s));
              }
              if (this == CREDENTIAL_PROXY) {
                for (String s : resourcesByService.keySet()) {
                  b.canAssume(node, Principal.serviceAccountRole("sa/" + s));
                }
              }
            });
      }
      case NODE_ROLE ->
          servicesByHost.forEach(
              (host, list) -> {
                Principal node = Principal.nodeRole("node/" + host);
                b.host(host, node);
                for (String s : distinct(list)) {
                  grantAll(b, node, resourcesByService.get(s));
                }
              });
      default -> throw new AssertionError(this);
    }
    return b.build();
  }

  private static void grantAll(AccessGraph.Builder b, Principal p, Set<String> resources) {
    b.principal(p);
    for (String r : resources) {
      b.grant(p, r);
    }
  }

  private static Set<String> distinct(List<String> services) {
    return new LinkedHashSet<>(services);
  }
}
