package io.platformsim.core.lesp;

import static io.platformsim.core.lesp.DeterministicCase.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each failure path of the machine lifecycle, with fixed durations so the times are exact. */
class LespLifecycleTest {

  private static List<MachineState> path(Machine m) {
    return m.transitions().stream().map(Transition::to).toList();
  }

  @Test
  void bootFailureIsTerminatedAndReplaced() {
    LespPlatform lesp =
        DeterministicCase.deployed(DeterministicCase.config().bootFailureProbability(0.5).build());
    List<Machine> failed =
        lesp.allMachines().stream().filter(m -> m.state() == MachineState.TERMINATED).toList();
    assertTrue(!failed.isEmpty(), "with p = 0.5 some of the 40+ boots fail");
    for (Machine m : failed) {
      assertEquals(
          List.of(
              MachineState.REQUESTED,
              MachineState.PENDING,
              MachineState.BOOTING,
              MachineState.FAILED,
              MachineState.TERMINATED),
          path(m));
      // It fails at the end of its 30 s boot, 30 s after it was requested.
      Transition fail = m.transitions().get(3);
      assertEquals(m.requestedAtMillis() + 30 * S, fail.atMillis());
      assertEquals("boot failure", fail.cause());
    }
    // Every failure got a replacement: 40 serving, 40 + failures launched.
    assertEquals(40, lesp.count(MachineState.IN_SERVICE));
    assertEquals(40 + failed.size(), lesp.allMachines().size());
  }

  @Test
  void convergeFailureIsRetriedThenTheMachineFails() {
    LespConfig c =
        DeterministicCase.config()
            .configManagement(
                ConfigManagement.DEFAULT
                    .withConverge(DurationDistribution.fixed(300 * S))
                    .withFailures(0.5, 2)
                    .withParallelism(10))
            .build();
    LespPlatform lesp = DeterministicCase.deployed(c);
    assertEquals(40, lesp.count(MachineState.IN_SERVICE));
    boolean sawRetry = false;
    for (Machine m : lesp.allMachines()) {
      long requested = m.requestedAtMillis();
      if (m.state() == MachineState.IN_SERVICE) {
        // One attempt: in service at +380 s; two attempts: +680 s.
        long since = m.sinceMillis() - requested;
        assertTrue(since == 380 * S || since == 680 * S, m + " in service after " + since);
        sawRetry |= since == 680 * S;
      } else {
        // Two failed attempts: FAILED at 30 + 300 + 300 = 630 s.
        assertEquals(
            List.of(
                MachineState.REQUESTED,
                MachineState.PENDING,
                MachineState.BOOTING,
                MachineState.CONVERGING,
                MachineState.FAILED,
                MachineState.TERMINATED),
            path(m));
        assertEquals(requested + 630 * S, m.transitions().get(4).atMillis());
        assertEquals("converge failed 2 times", m.transitions().get(4).cause());
      }
    }
    assertTrue(sawRetry, "with p = 0.5 some machine needs a second converge");
  }

  @Test
  void withoutReplacementFailuresShrinkThePool() {
    Simulation sim = new Simulation();
    LespPlatform lesp =
        new LespPlatform(
            sim,
            RandomStreams.of(3, 0),
            DeterministicCase.config().bootFailureProbability(0.5).replaceFailed(false).build());
    lesp.deploy(DeterministicCase.zebra());
    sim.run();
    int failed = lesp.count(MachineState.TERMINATED);
    assertTrue(failed > 0);
    assertEquals(40, lesp.allMachines().size());
    assertEquals(40 - failed, lesp.count(MachineState.IN_SERVICE));
  }

  @Test
  void crashInServiceAndInPlaceDeployPaths() {
    LespConfig c = DeterministicCase.config().meanTimeToCrashMillis(3_600 * S).build();
    Simulation sim = new Simulation();
    LespPlatform lesp = new LespPlatform(sim, RandomStreams.of(5, 0), c);
    lesp.deploy(DeterministicCase.zebra());
    sim.runUntil(380 * S);
    lesp.apply(io.platformsim.core.workload.Release.app("zebra", "2"));
    sim.runUntil(7_200 * S);
    // With a 1 h mean time to crash, 40 machines over ~1.9 h crash many times: every crash is
    // IN_SERVICE → FAILED → TERMINATED and is replaced, so the pool stays at 40 serving or
    // being replaced.
    long crashes =
        lesp.allMachines().stream()
            .flatMap(m -> m.transitions().stream())
            .filter(t -> t.from() == MachineState.IN_SERVICE && t.to() == MachineState.FAILED)
            .count();
    assertTrue(crashes > 10, "crashes " + crashes);
    assertEquals(40, lesp.machines("zebra").size());
    // A machine that went through the in-place deploy: ... IN_SERVICE, DRAINING, DEPLOYING,
    // IN_SERVICE.
    boolean inPlace =
        lesp.allMachines().stream()
            .map(LespLifecycleTest::path)
            .anyMatch(
                p -> {
                  for (int i = 0; i + 3 < p.size(); i++) {
                    if (p.get(i) == MachineState.IN_SERVICE
                        && p.get(i + 1) == MachineState.DRAINING
                        && p.get(i + 2) == MachineState.DEPLOYING
                        && p.get(i + 3) == MachineState.IN_SERVICE) {
                      return true;
                    }
                  }
                  return false;
                });
    assertTrue(inPlace);
  }
}
