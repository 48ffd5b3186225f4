package io.platformsim.core.lesp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.platform.Failure;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import io.platformsim.identity.ipam.Network;
import io.platformsim.identity.ipam.Subnet;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * LeSP on a small subnet with crashes: no two live machines share an address, machines without an
 * address are exactly those waiting in REQUESTED, and once the simulation settles min(instances,
 * usable addresses) machines serve.
 */
class IdentityLespPropertiesTest {

  @Property(tries = 40)
  void addressesStayUniqueAndWaitingMachinesGetThemBack(
      @ForAll @IntRange(min = 1, max = 20) int instances,
      @ForAll @IntRange(min = 27, max = 29) int prefix,
      @ForAll @IntRange(min = 0, max = 5) int crashes) {
    // Plain subnet of /prefix: 2^(32 − prefix) − 2 usable (30, 14 or 6).
    int usable = (1 << (32 - prefix)) - 2;
    LespIdentity identity =
        LespIdentity.DEFAULT.withNetwork(
            Network.builder("10.5.0.0/16")
                .subnet(Subnet.plain("s", "z", "10.5.0.0/" + prefix))
                .build());
    Simulation sim = new Simulation();
    LespPlatform lesp =
        new LespPlatform(
            sim, RandomStreams.of(7, 0), DeterministicCase.config().identity(identity).build());
    lesp.deploy(
        Service.builder("zebra").instances(instances).request(Resources.of(500, 500)).build());
    sim.run();
    check(lesp, instances, usable);
    int c = Math.min(crashes, lesp.count(MachineState.IN_SERVICE));
    if (c > 0) {
      lesp.inject(Failure.machineCrash("zebra", c));
      sim.run();
      check(lesp, instances, usable);
    }
  }

  private static void check(LespPlatform lesp, int instances, int usable) {
    Set<String> ips = new HashSet<>();
    int withAddress = 0;
    int requested = 0;
    for (Machine m : lesp.machines("zebra")) {
      if (m.identity().hasAddress()) {
        withAddress++;
        assertTrue(ips.add(m.identity().ip()), "address held twice: " + m.identity().ip());
      } else {
        assertEquals(MachineState.REQUESTED, m.state(), m.toString());
        requested++;
      }
    }
    assertEquals(withAddress, lesp.identityMetrics().addresses().used());
    assertEquals(requested, lesp.waitingForAddress());
    assertEquals(Math.min(instances, usable), lesp.count(MachineState.IN_SERVICE));
  }
}
