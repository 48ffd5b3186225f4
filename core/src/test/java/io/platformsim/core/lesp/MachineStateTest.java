package io.platformsim.core.lesp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class MachineStateTest {

  @Test
  void happyPathIsAllowedInOrder() {
    MachineState[] path = {
      MachineState.REQUESTED,
      MachineState.PENDING,
      MachineState.BOOTING,
      MachineState.CONVERGING,
      MachineState.DEPLOYING,
      MachineState.IN_SERVICE,
      MachineState.DRAINING,
      MachineState.TERMINATED
    };
    for (int i = 0; i + 1 < path.length; i++) {
      assertTrue(path[i].canMoveTo(path[i + 1]), path[i] + " -> " + path[i + 1]);
    }
  }

  @Test
  void inPlaceDeployAndFailurePaths() {
    assertTrue(MachineState.DRAINING.canMoveTo(MachineState.DEPLOYING));
    assertTrue(MachineState.BOOTING.canMoveTo(MachineState.FAILED));
    assertTrue(MachineState.CONVERGING.canMoveTo(MachineState.FAILED));
    assertTrue(MachineState.IN_SERVICE.canMoveTo(MachineState.FAILED));
    assertEquals(EnumSet.of(MachineState.TERMINATED), MachineState.FAILED.successors());
    assertTrue(MachineState.TERMINATED.successors().isEmpty());
    // Skipping steps is not allowed.
    assertFalse(MachineState.BOOTING.canMoveTo(MachineState.IN_SERVICE));
    assertFalse(MachineState.IN_SERVICE.canMoveTo(MachineState.TERMINATED));
    for (MachineState s : MachineState.values()) {
      assertFalse(s.canMoveTo(s), s + " must not move to itself");
    }
  }

  @Test
  void billingStartsAtBootAndStopsAtTermination() {
    // AWS EC2 User Guide, instance state changes: pending is not billed, running is.
    assertFalse(MachineState.REQUESTED.isBilled());
    assertFalse(MachineState.PENDING.isBilled());
    assertTrue(MachineState.BOOTING.isBilled());
    assertTrue(MachineState.FAILED.isBilled());
    assertFalse(MachineState.TERMINATED.isBilled());
  }

  @Test
  void batchSizes() {
    assertEquals(10, BatchSize.machines(10).machinesFor(40));
    assertEquals(5, BatchSize.percent(10).machinesFor(45)); // ceil(4.5)
    assertEquals(1, BatchSize.percent(1).machinesFor(3)); // ceil(0.03)
    assertEquals(40, BatchSize.percent(100).machinesFor(40));
    var e = assertThrows(IllegalArgumentException.class, () -> BatchSize.machines(0));
    assertTrue(
        e.getMessage().contains("batch size") && e.getMessage().contains("0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> BatchSize.machines(41).machinesFor(40));
    assertTrue(e.getMessage().contains("41") && e.getMessage().contains("40"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> BatchSize.percent(101));
  }

  @Test
  void strategyMinimumInService() {
    assertEquals(30, DeployStrategy.rolling(10).minimumInService(40));
    assertEquals(36, DeployStrategy.rollingPercent(10).minimumInService(40));
    assertEquals(40, DeployStrategy.blueGreen().minimumInService(40));
    assertEquals(30, DeployStrategy.canary(1, 60_000, 10).minimumInService(40));
  }
}
