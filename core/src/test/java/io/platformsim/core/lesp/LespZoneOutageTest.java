package io.platformsim.core.lesp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.platform.Failure;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LeSP machines carry a zone; a zone outage through the platform contract loses that zone's
 * machines.
 */
class LespZoneOutageTest {

  @Test
  void machinesSpreadRoundRobinOverTheZones() {
    LespPlatform lesp =
        DeterministicCase.deployed(DeterministicCase.config().zones("a", "b", "c").build());
    List<Machine> ms = lesp.machines("zebra");
    assertEquals(40, ms.size());
    // Launch order a, b, c, a, ...: machine i (0-based) in zone i mod 3.
    for (int i = 0; i < ms.size(); i++) {
      assertEquals(List.of("a", "b", "c").get(i % 3), ms.get(i).zone(), ms.get(i).name());
    }
  }

  @Test
  void aZoneOutageCrashesEveryInServiceMachineThereAndReplacesThemElsewhere() {
    LespPlatform lesp =
        DeterministicCase.deployed(DeterministicCase.config().zones("a", "b", "c").build());
    // 40 machines round-robin from a: zone b holds machines 1, 4, ..., 37: ceil((40 − 1) / 3) = 13.
    long inB = lesp.machines("zebra").stream().filter(m -> m.zone().equals("b")).count();
    assertEquals(13, inB);
    lesp.inject(Failure.zoneOutage("b"));
    long crashed =
        lesp.allMachines().stream()
            .filter(
                m ->
                    m.zone().equals("b")
                        && m.transitions().stream()
                            .anyMatch(t -> t.cause().equals("zone b outage")))
            .count();
    assertEquals(13, crashed);
    lesp.simulation().run();
    // Replaced (replaceFailed is the default) in the zones still up; the pool is whole again.
    assertEquals(40, lesp.count(MachineState.IN_SERVICE));
    for (Machine m : lesp.machines("zebra")) {
      assertNotEquals("b", m.zone(), m.name());
    }
    assertTrue(lesp.allMachines().size() >= 40 + 13);
  }

  @Test
  void anUnknownZoneIsNamed() {
    LespPlatform lesp = DeterministicCase.deployed(DeterministicCase.config().build());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> lesp.inject(Failure.zoneOutage("zone-z")));
    assertTrue(e.getMessage().contains("'zone-z'"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> LespConfig.builder().zones("a", "a").build());
    assertThrows(IllegalArgumentException.class, () -> Failure.zoneOutage(" "));
  }
}
