package io.platformsim.core.lesp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import org.junit.jupiter.api.Test;

class InstanceMenuTest {

  private static Service needing(long milliCpu, long memoryMib) {
    return Service.builder("zebra").request(Resources.of(milliCpu, memoryMib)).build();
  }

  @Test
  void cheapestTypeHoldingInstancePlusAgents() {
    // Default agents reserve 100+50+50 = 200m CPU and 200+100+100 = 400 MiB.
    // 1500m/3000 MiB + agents = 1700m/3400 MiB: c5.large (2 vCPU, 4096 MiB, $0.085) holds it and
    // is the cheapest type on the menu.
    assertEquals(
        "c5.large",
        InstanceMenu.AWS_DEFAULT.select(needing(1500, 3000), MachineAgents.DEFAULT).name());
    // 1500m/3800 MiB + agents = 4200 MiB > 4096: next cheapest with >= 4200 MiB and >= 1.7 cores
    // is m5.large (2 vCPU, 8 GiB, $0.096).
    assertEquals(
        "m5.large",
        InstanceMenu.AWS_DEFAULT.select(needing(1500, 3800), MachineAgents.DEFAULT).name());
    // 1900m + 200m agents = 2100m > 2 cores: c5.xlarge (4 vCPU, 8 GiB, $0.17).
    assertEquals(
        "c5.xlarge",
        InstanceMenu.AWS_DEFAULT.select(needing(1900, 1000), MachineAgents.DEFAULT).name());
    // Without agents the same instance fits a 2-vCPU type again.
    assertEquals(
        "c5.large",
        InstanceMenu.AWS_DEFAULT.select(needing(1900, 1000), MachineAgents.NONE).name());
    // 3 cores and 20 GiB (20480 MiB): the 4-vCPU types with >= 20880 MiB: r5.xlarge (32 GiB,
    // $0.252).
    assertEquals(
        "r5.xlarge",
        InstanceMenu.AWS_DEFAULT.select(needing(3000, 20480), MachineAgents.DEFAULT).name());
  }

  @Test
  void priceTiesGoToTheFirstListed() {
    InstanceMenu menu =
        InstanceMenu.of(InstanceType.of("b", 4, 8, 0.1), InstanceType.of("a", 4, 8, 0.1));
    assertEquals("b", menu.select(needing(100, 100), MachineAgents.NONE).name());
  }

  @Test
  void noTypeFitsIsAClearError() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> InstanceMenu.AWS_DEFAULT.select(needing(64_000, 1000), MachineAgents.DEFAULT));
    assertTrue(
        e.getMessage().contains("'zebra'") && e.getMessage().contains("64200m"), e.getMessage());
  }

  @Test
  void pinnedTypeIsCheckedAndUsed() {
    assertEquals(
        "m5.2xlarge",
        InstanceMenu.AWS_DEFAULT
            .pinned(needing(500, 500), "m5.2xlarge", MachineAgents.DEFAULT)
            .name());
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                InstanceMenu.AWS_DEFAULT.pinned(
                    needing(3000, 500), "c5.large", MachineAgents.DEFAULT));
    assertTrue(
        e.getMessage().contains("c5.large") && e.getMessage().contains("zebra"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                InstanceMenu.AWS_DEFAULT.pinned(
                    needing(3000, 500), "x9.huge", MachineAgents.DEFAULT));
    assertTrue(e.getMessage().contains("'x9.huge'"), e.getMessage());
  }

  @Test
  void costIsHourlyPriceTimesHours() {
    // 90 minutes of m5.large at $0.096/h = $0.144.
    assertEquals(0.144, InstanceMenu.AWS_DEFAULT.type("m5.large").costUsd(90 * 60_000L), 1e-12);
  }
}
