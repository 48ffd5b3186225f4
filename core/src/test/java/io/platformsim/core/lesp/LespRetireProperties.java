package io.platformsim.core.lesp;

import static io.platformsim.core.lesp.DeterministicCase.S;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.workload.Service;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of {@link LespPlatform#retire} at any moment of a pool's life, on the deterministic
 * case (launch to service 380 s, drain 10 s): out of service at once, nothing of it billed once a
 * drain has passed, and the other pool's history the same as without the retire.
 */
class LespRetireProperties {

  @Property(tries = 25)
  void retireAtAnyMomentEndsTheRetiredPoolAndLeavesTheOtherAlone(
      @ForAll @IntRange(min = 1, max = 12) int retiredSize,
      @ForAll @IntRange(min = 1, max = 12) int otherSize,
      @ForAll @IntRange(min = 0, max = 1_000) int retireAtSeconds) {
    Service retired = DeterministicCase.zebra().withInstances(retiredSize);
    Service other = Service.builder("yak").instances(otherSize).request(retired.request()).build();

    Simulation sim = new Simulation();
    LespPlatform lesp =
        new LespPlatform(sim, RandomStreams.of(2, 0), DeterministicCase.config().build());
    lesp.deploy(other);
    lesp.deploy(retired);
    sim.runUntil(retireAtSeconds * S);
    lesp.retire("zebra");
    assertEquals(0, lesp.inService("zebra"));
    sim.runUntil(retireAtSeconds * S + 10 * S);
    for (Machine m : lesp.allMachines()) {
      if (m.service().equals("zebra")) {
        assertEquals(MachineState.TERMINATED, m.state(), m.name());
      }
    }
    sim.runUntil(2_000 * S);
    assertEquals(0, lesp.inService("zebra"));

    Simulation twinSim = new Simulation();
    LespPlatform twin =
        new LespPlatform(twinSim, RandomStreams.of(2, 0), DeterministicCase.config().build());
    twin.deploy(other);
    twin.deploy(retired);
    twinSim.runUntil(2_000 * S);
    assertEquals(history(twin.machines("yak")), history(lesp.machines("yak")));
  }

  private static List<List<Transition>> history(List<Machine> machines) {
    return machines.stream().map(Machine::transitions).toList();
  }
}
