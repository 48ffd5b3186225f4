package io.platformsim.core.lesp;

import static io.platformsim.core.lesp.DeterministicCase.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.platform.Failure;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import io.platformsim.identity.IdentityMetrics;
import io.platformsim.identity.cert.RotationPolicy;
import io.platformsim.identity.ipam.ExhaustionReason;
import io.platformsim.identity.ipam.Network;
import io.platformsim.identity.ipam.Subnet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * LeSP drawing addresses, certificates and roles from the identity module (issue 6). All cases use
 * the deterministic timings of {@link DeterministicCase}: pending 0, boot 30 s, converge 300 s,
 * first deploy 50 s, so a machine with no waiting is in service 380 s after launch.
 */
class IdentityLespTest {

  private static LespPlatform run(LespIdentity identity, Service service) {
    Simulation sim = new Simulation();
    LespPlatform lesp =
        new LespPlatform(
            sim, RandomStreams.of(1, 0), DeterministicCase.config().identity(identity).build());
    lesp.deploy(service);
    sim.run();
    return lesp;
  }

  private static Service zebra(int instances) {
    return Service.builder("zebra")
        .instances(instances)
        .request(Resources.of(1500, 3000))
        .usage(Resources.of(400, 1000))
        .artifactBytes(2_000_000_000L)
        .startup(Duration.ofSeconds(15))
        .healthCheck(Duration.ofSeconds(15))
        .build();
  }

  @Test
  void byDefaultEachMachineGetsItsOwnAddressAndCertificateWithoutDelay() {
    LespPlatform lesp = run(LespIdentity.DEFAULT, zebra(40));
    assertEquals(380 * S, lesp.simulation().now()); // unchanged by identity
    Set<String> ips = new HashSet<>();
    for (Machine m : lesp.machines("zebra")) {
      ips.add(m.identity().ip());
      assertEquals(30 * S, m.identity().issued().issuedAtMillis()); // requested at boot, 30 s
    }
    // Flat 10.0.0.0/8 with network address reserved: 10.0.0.1 … 10.0.0.40.
    Set<String> expected = new HashSet<>();
    for (int i = 1; i <= 40; i++) {
      expected.add("10.0.0." + i);
    }
    assertEquals(expected, ips);
    IdentityMetrics id = lesp.identityMetrics();
    assertEquals(40, id.addresses().used());
    assertEquals((1L << 24) - 2 - 40, id.addresses().free()); // /8 minus network and broadcast
    assertEquals(40, id.certificates().issued());
    assertEquals(40, id.certificates().peakPerMinute()); // all 40 at 30 s
    assertEquals(0, id.certificates().maxDelayMillis());
    assertEquals(1, id.principals()); // one role for the zebra pool
    assertEquals(40, id.credentialHolders());
    assertEquals(1, id.blastRadius().maxOverPrincipals());
    assertEquals(1, id.blastRadius().maxOverHosts());
    assertNull(id.tokens());
  }

  @Test
  void aSaturatedAuthorityDelaysStartUp() {
    // 1 certificate per second; 40 requests at 30 s are issued at 30, 31, …, 69 s. The last
    // machine converges from 69 s: in service at 69 + 300 + 50 = 419 s.
    LespPlatform lesp = run(LespIdentity.DEFAULT.withAuthorityCapacity(1), zebra(40));
    assertEquals(419 * S, lesp.simulation().now());
    assertEquals(40, lesp.count(MachineState.IN_SERVICE));
    IdentityMetrics id = lesp.identityMetrics();
    assertEquals(39 * S, id.certificates().maxDelayMillis());
    assertEquals(19.5 * S, id.certificates().meanDelayMillis(), 1e-9); // mean of 0 … 39 s
    // Minute 0 holds issues at 30 … 59 s (30), minute 1 at 60 … 69 s (10).
    assertEquals(30, id.certificates().peakPerMinute());
  }

  @Test
  void aFullSubnetMakesLaunchesWaitUntilAnAddressIsFreed() {
    // A /29 plain subnet: 8 − 2 = 6 usable addresses for 8 machines.
    LespIdentity tiny =
        LespIdentity.DEFAULT.withNetwork(
            Network.builder("10.9.0.0/16")
                .subnet(Subnet.plain("tiny", "z", "10.9.0.0/29"))
                .build());
    LespPlatform lesp = run(tiny, zebra(8));
    assertEquals(6, lesp.count(MachineState.IN_SERVICE));
    assertEquals(2, lesp.count(MachineState.REQUESTED));
    assertEquals(2, lesp.waitingForAddress());
    assertEquals(
        List.of(ExhaustionReason.SUBNET_FULL, ExhaustionReason.SUBNET_FULL),
        lesp.addressExhaustions().stream().map(e -> e.reason()).toList());
    IdentityMetrics id = lesp.identityMetrics();
    assertEquals(6, id.addresses().used());
    assertEquals(0, id.addresses().free());
    assertEquals(2, id.addresses().exhaustionEvents());

    // A crash frees an address: the first waiting machine takes it at once (380 s later it
    // serves); the crash replacement then finds no address and waits too (a third event).
    long crashAt = lesp.simulation().now();
    lesp.inject(Failure.machineCrash("zebra", 1));
    lesp.simulation().run();
    assertEquals(crashAt + 380 * S, lesp.simulation().now());
    assertEquals(6, lesp.count(MachineState.IN_SERVICE));
    assertEquals(2, lesp.waitingForAddress());
    assertEquals(3, lesp.identityMetrics().addresses().exhaustionEvents());
    Machine seventh = lesp.allMachines().get(6);
    assertEquals(MachineState.IN_SERVICE, seventh.state());
    assertTrue(seventh.identity().hasAddress());
    assertEquals("address assigned after waiting", seventh.transitions().get(1).cause());
    assertEquals(crashAt, seventh.transitions().get(1).atMillis());
  }

  @Test
  void renewalsRecurAtTheirFractionOfTheTtl() {
    // 1 h certificates renewed at 50%: every 1 800 s after the first issue at 30 s. By 5 000 s
    // each of 40 machines holds its 3rd certificate (30, 1 830, 3 630 s): 120 issued.
    LespIdentity renewing =
        LespIdentity.DEFAULT.withCertificates(RotationPolicy.of(Duration.ofHours(1), 0.5), true);
    Simulation sim = new Simulation();
    LespPlatform lesp =
        new LespPlatform(
            sim, RandomStreams.of(1, 0), DeterministicCase.config().identity(renewing).build());
    lesp.deploy(zebra(40));
    sim.runUntil(5_000 * S);
    IdentityMetrics id = lesp.identityMetrics();
    assertEquals(120, id.certificates().issued());
    assertEquals(40, id.credentialHolders());
    assertEquals(3_630 * S, lesp.machines("zebra").get(0).identity().issued().issuedAtMillis());
  }

  @Test
  void sharedResourcesWidenTheBlastRadius() {
    LespIdentity shared =
        LespIdentity.DEFAULT
            .withResources("zebra", "zebra-db", "shared-queue")
            .withResources("yak", "yak-db", "shared-queue");
    Simulation sim = new Simulation();
    LespPlatform lesp =
        new LespPlatform(
            sim, RandomStreams.of(1, 0), DeterministicCase.config().identity(shared).build());
    lesp.deploy(zebra(2));
    lesp.deploy(Service.builder("yak").instances(1).request(Resources.of(500, 500)).build());
    sim.run();
    IdentityMetrics id = lesp.identityMetrics();
    // Each role reaches the shared queue, owned by both services: radius 2 for both roles and all 3
    // machines.
    assertEquals(Map.of("role/zebra", 2, "role/yak", 2), id.blastRadius().byPrincipal());
    assertEquals(2.0, id.blastRadius().meanOverHosts(), 1e-12);
    assertEquals(2, id.principals());
  }

  @Test
  void badIdentitySettingsNameTheField() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> LespIdentity.DEFAULT.withAuthorityCapacity(-1));
    assertTrue(
        e.getMessage().contains("authorityCapacityPerSecond") && e.getMessage().contains("-1"));
  }
}
