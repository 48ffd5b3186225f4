package io.platformsim.core.lesp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.platform.Failure;
import io.platformsim.core.workload.PlacementNeeds;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A service's placement needs on LeSP: zoneSpread n > 1 puts the pool's machines round-robin over
 * the first n zones only; antiAffinity and dedicatedHardware hold by construction (one instance per
 * machine, one pool of machines per service), so they change nothing.
 */
class LespPlacementTest {

  private static Service zebra(PlacementNeeds needs) {
    Service z = DeterministicCase.zebra();
    return Service.builder(z.name())
        .instances(z.instances())
        .request(z.request())
        .usage(z.usage())
        .artifactBytes(z.artifactBytes())
        .startup(java.time.Duration.ofMillis(z.startupMillis()))
        .healthCheck(java.time.Duration.ofMillis(z.healthCheckMillis()))
        .placement(needs)
        .build();
  }

  private static LespPlatform deployed(Service... services) {
    Simulation sim = new Simulation();
    LespPlatform lesp =
        new LespPlatform(
            sim, RandomStreams.of(1, 0), DeterministicCase.config().zones("a", "b", "c").build());
    for (Service s : services) {
      lesp.deploy(s);
    }
    sim.run();
    return lesp;
  }

  private static TreeMap<String, Integer> perZone(List<Machine> machines) {
    TreeMap<String, Integer> out = new TreeMap<>();
    for (Machine m : machines) {
      out.merge(m.zone(), 1, Integer::sum);
    }
    return out;
  }

  /**
   * 40 machines round-robin: over a, b, c (zoneSpread 1, no constraint, as before the field) 14,
   * 13, 13; over the first two zones 20, 20; over all three (zoneSpread 3) as with 1.
   */
  @ParameterizedTest(name = "zoneSpread {0}: a={1} b={2} c={3}")
  @CsvSource({"1, 14, 13, 13", "2, 20, 20, 0", "3, 14, 13, 13"})
  void machinesGoRoundRobinOverTheFirstZoneSpreadZones(int spread, int a, int b, int c) {
    LespPlatform lesp = deployed(zebra(new PlacementNeeds(spread, false, false)));
    List<Machine> ms = lesp.machines("zebra");
    assertEquals(40, ms.size());
    TreeMap<String, Integer> expected = new TreeMap<>();
    for (String[] zc : new String[][] {{"a", "" + a}, {"b", "" + b}, {"c", "" + c}}) {
      if (Integer.parseInt(zc[1]) > 0) {
        expected.put(zc[0], Integer.parseInt(zc[1]));
      }
    }
    assertEquals(expected, perZone(ms));
  }

  @Test
  void anOutageOfAZoneOutsideTheSpreadLeavesThePoolUntouched() {
    LespPlatform lesp = deployed(zebra(new PlacementNeeds(2, false, false)));
    List<Machine> before = lesp.machines("zebra");
    lesp.inject(Failure.zoneOutage("c"));
    lesp.simulation().run();
    assertEquals(before, lesp.machines("zebra"));
    assertEquals(40, lesp.allMachines().size()); // no crash, no replacement
    assertEquals(40, lesp.count(MachineState.IN_SERVICE));
  }

  @Test
  void anOutageOfASpreadZoneHitsThePoolInProportionAndReplacesInTheOtherSpreadZone() {
    // 20 of the 40 machines are in b: they crash; their replacements avoid b (down) and c (not in
    // the spread), so all 40 end in a.
    LespPlatform lesp = deployed(zebra(new PlacementNeeds(2, false, false)));
    lesp.inject(Failure.zoneOutage("b"));
    long crashed =
        lesp.allMachines().stream()
            .filter(m -> m.state() == MachineState.TERMINATED && m.zone().equals("b"))
            .count();
    assertEquals(20, crashed);
    lesp.simulation().run();
    assertEquals(40, lesp.count(MachineState.IN_SERVICE));
    assertEquals(new TreeMap<>(java.util.Map.of("a", 40)), perZone(lesp.machines("zebra")));
  }

  /**
   * antiAffinity and dedicatedHardware are LeSP's own way of running services: a machine runs one
   * instance of one service. The same deployment with and without them launches the same machines
   * in the same zones at the same times, and no machine ever serves two services or two instances.
   */
  @Test
  void antiAffinityAndDedicatedHardwareHoldByConstructionAndChangeNothing() {
    Service other =
        Service.builder("yak")
            .instances(5)
            .request(Resources.of(500, 1000))
            .usage(Resources.of(100, 500))
            .build();
    LespPlatform plain = deployed(zebra(PlacementNeeds.NONE), other);
    LespPlatform placed =
        deployed(
            zebra(new PlacementNeeds(1, true, true)),
            Service.builder("yak")
                .instances(5)
                .request(Resources.of(500, 1000))
                .usage(Resources.of(100, 500))
                .placement(new PlacementNeeds(1, true, true))
                .build());
    assertEquals(describe(plain.allMachines()), describe(placed.allMachines()));
    // one machine per instance, each in exactly one pool
    List<Machine> zebras = placed.machines("zebra");
    List<Machine> yaks = placed.machines("yak");
    assertEquals(40, zebras.size());
    assertEquals(5, yaks.size());
    Set<Machine> all = new HashSet<>(zebras);
    all.addAll(yaks);
    assertEquals(45, all.size());
    assertTrue(zebras.stream().allMatch(m -> m.service().equals("zebra")));
    assertTrue(yaks.stream().allMatch(m -> m.service().equals("yak")));
  }

  private static List<String> describe(List<Machine> ms) {
    List<String> out = new ArrayList<>();
    for (Machine m : ms) {
      out.add(m.name() + " " + m.service() + " " + m.zone() + " " + m.transitions());
    }
    return out;
  }

  @Test
  void aSpreadOverMoreZonesThanLespHasIsRefused() {
    LespPlatform lesp =
        new LespPlatform(
            new Simulation(),
            RandomStreams.of(1, 0),
            DeterministicCase.config().zones("a", "b").build());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> lesp.deploy(zebra(new PlacementNeeds(3, false, false))));
    assertEquals("service 'zebra' zoneSpread 3 is above LeSP's 2 zones [a, b]", e.getMessage());
  }
}
