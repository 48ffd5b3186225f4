package io.platformsim.identity.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessGraphTest {

  @Test
  void reachFollowsAssumeEdgesTransitively() {
    Principal a = Principal.serviceAccountRole("sa/a");
    Principal b = Principal.serviceAccountRole("sa/b");
    Principal proxy = Principal.nodeRole("node/1");
    Principal admin = Principal.machineRole("role/admin");
    AccessGraph g =
        AccessGraph.builder()
            .resource("a-db", "a")
            .resource("b-db", "b")
            .resource("shared-queue", "a")
            .resource("shared-queue", "b")
            .grant(a, "a-db")
            .grant(b, "b-db")
            .canAssume(proxy, a)
            .canAssume(admin, proxy)
            .canAssume(a, b)
            .host("h1", proxy)
            .build();
    assertEquals(
        Set.of("a-db", "b-db"), g.reachableResources(admin)); // admin → node/1 → sa/a → sa/b
    assertEquals(2, g.blastRadius(admin));
    assertEquals(1, g.blastRadius(b));
    assertEquals(2, g.hostBlastRadius("h1"));
  }

  @Test
  void aSharedResourceCountsEveryServiceThatOwnsIt() {
    Principal q = Principal.machineRole("role/q");
    AccessGraph g =
        AccessGraph.builder()
            .resource("queue", "a")
            .resource("queue", "b")
            .resource("x", "c")
            .grant(q, "queue")
            .build();
    assertEquals(Set.of("a", "b"), g.reachableServices(q));
  }

  @Test
  void undeclaredNamesAreRejected() {
    Principal p = Principal.machineRole("role/p");
    assertThrows(IllegalArgumentException.class, () -> AccessGraph.builder().grant(p, "nothing"));
    AccessGraph g = AccessGraph.builder().build();
    assertThrows(IllegalArgumentException.class, () -> g.blastRadius(p));
    assertThrows(IllegalArgumentException.class, () -> g.hostBlastRadius("h"));
  }

  /**
   * Three nodes: n1 runs a, b, c; n2 runs a, d; n3 runs e; five services with one resource each.
   * Hand-derived radii per mode below.
   */
  private static final Map<String, List<String>> PLACEMENT =
      Map.of("n1", List.of("a", "b", "a", "c"), "n2", List.of("a", "d"), "n3", List.of("e"));

  private static final Map<String, Set<String>> NEEDS =
      Map.of(
          "a",
          Set.of("a-db"),
          "b",
          Set.of("b-db"),
          "c",
          Set.of("c-db"),
          "d",
          Set.of("d-db"),
          "e",
          Set.of("e-db"));

  @Test
  void workloadIdentity() {
    BlastRadiusReport r = IdentityMode.WORKLOAD_IDENTITY.graph(PLACEMENT, NEEDS).report();
    // 5 service-account roles of radius 1 and 3 node roles of radius 0: mean 5/8, max 1.
    assertEquals(1, r.maxOverPrincipals());
    assertEquals(5.0 / 8, r.meanOverPrincipals(), 1e-12);
    // A node holds the tokens of its pods: n1 → {a, b, c} = 3, n2 → 2, n3 → 1.
    assertEquals(Map.of("n1", 3, "n2", 2, "n3", 1), r.byHost());
    assertEquals(3, r.maxOverHosts());
    assertEquals(2.0, r.meanOverHosts(), 1e-12);
  }

  @Test
  void nodeRole() {
    BlastRadiusReport r = IdentityMode.NODE_ROLE.graph(PLACEMENT, NEEDS).report();
    // Each node role carries the union of its services: 3, 2, 1.
    assertEquals(Map.of("node/n1", 3, "node/n2", 2, "node/n3", 1), r.byPrincipal());
    assertEquals(3, r.maxOverPrincipals());
    assertEquals(2.0, r.meanOverPrincipals(), 1e-12);
  }

  @Test
  void credentialProxy() {
    BlastRadiusReport r = IdentityMode.CREDENTIAL_PROXY.graph(PLACEMENT, NEEDS).report();
    // Node roles may assume every service-account role: each reaches all 5 services.
    assertEquals(5, r.maxOverPrincipals());
    assertEquals(5, r.byPrincipal().get("node/n3"));
    assertEquals(1, r.byPrincipal().get("sa/e"));
    assertEquals((5 * 1 + 3 * 5) / 8.0, r.meanOverPrincipals(), 1e-12);
    assertEquals(5.0, r.meanOverHosts(), 1e-12);
  }

  @Test
  void machineRoles() {
    // LeSP: one service per machine.
    BlastRadiusReport r =
        IdentityMode.MACHINE_ROLE
            .graph(
                Map.of("a-1", List.of("a"), "a-2", List.of("a"), "b-1", List.of("b")),
                Map.of("a", Set.of("a-db"), "b", Set.of("b-db", "b-cache")))
            .report();
    assertEquals(Map.of("role/a", 1, "role/b", 1), r.byPrincipal());
    assertEquals(1, r.maxOverHosts());
    assertEquals(1.0, r.meanOverHosts(), 1e-12);
  }

  @Test
  void aPlacedServiceWithoutNeedsIsRejectedByName() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> IdentityMode.NODE_ROLE.graph(Map.of("n", List.of("ghost")), NEEDS));
    assertEquals(true, e.getMessage().contains("'ghost'"), e.getMessage());
  }
}
