package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.kusp.KuspPlatform;
import io.platformsim.core.kusp.Node;
import io.platformsim.core.kusp.Pod;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.lesp.LespPlatform;
import io.platformsim.core.lesp.Machine;
import io.platformsim.core.platform.Failure;
import io.platformsim.core.workload.PlacementNeeds;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A listed service's {@code placement} section: read as the builder builds it, refused with file,
 * line, field and value when wrong, and shown to move what it should on both platforms.
 */
class PlacementSectionTest {

  private static final String WEB =
      """
      name: placement
      horizon: 30m
      services:
        - name: web
          instances: 6
          request: {cpu: 500m, memory: 512Mi}
          usage: {cpu: 100m, memory: 256Mi}
      """;

  private static final String API =
      """
        - name: api
          instances: 4
          request: {cpu: 500m, memory: 512Mi}
          usage: {cpu: 100m, memory: 256Mi}
      """;

  private static Scenario parse(String yaml) {
    return ScenarioFile.parse(yaml, "p.yaml");
  }

  private static ScenarioFileException error(String yaml) {
    return assertThrows(ScenarioFileException.class, () -> parse(yaml));
  }

  @Test
  void absentTheServiceHasNoPlacementNeeds() {
    assertEquals(PlacementNeeds.NONE, parse(WEB).workload().service("web").placement());
  }

  @Test
  void theSectionReadsAsTheBuilderBuildsIt() {
    Scenario s =
        parse(
            WEB + "    placement: {zoneSpread: 2, antiAffinity: true, dedicatedHardware: true}\n");
    Service fromFile = s.workload().service("web");
    Service built =
        Service.builder("web")
            .instances(6)
            .request(Resources.of(500, 512))
            .usage(Resources.of(100, 256))
            .placement(new PlacementNeeds(2, true, true))
            .build();
    assertEquals(built, fromFile);
    // each field alone keeps the others' defaults
    assertEquals(
        new PlacementNeeds(1, true, false),
        parse(WEB + "    placement: {antiAffinity: true}\n").workload().service("web").placement());
  }

  @Test
  void aSpreadOverMoreZonesThanAPlatformHasIsRefusedAtItsLine() {
    // 3 zones on both platforms by default: 4 is refused at the zoneSpread line (line 9).
    assertEquals(
        "p.yaml:9: services[0].placement.zoneSpread: service 'web' zoneSpread 4 is above the zones"
            + " a platform has: KuSP [zone-a, zone-b, zone-c], LeSP [zone-a, zone-b, zone-c];"
            + " at most 3",
        error(WEB + "    placement:\n      zoneSpread: 4\n").getMessage());
    // the smaller of the two platforms counts: KuSP with two zones refuses 3
    ScenarioFileException e =
        error(WEB + "    placement: {zoneSpread: 3}\nkusp: {zones: [zone-a, zone-b]}\n");
    assertEquals("services[0].placement.zoneSpread", e.field());
    assertEquals(8, e.line());
    assertTrue(
        e.problem().contains("zoneSpread 3") && e.problem().contains("at most 2"), e.problem());
  }

  @Test
  void wrongValuesAreNamed() {
    assertEquals(
        "p.yaml:8: services[0].placement.zoneSpread: must be in [1, 2147483647], was 0",
        error(WEB + "    placement: {zoneSpread: 0}\n").getMessage());
    assertEquals(
        "p.yaml:8: services[0].placement.antiAffinity: expected true or false, was 'often'",
        error(WEB + "    placement: {antiAffinity: often}\n").getMessage());
    ScenarioFileException unknown = error(WEB + "    placement: {dedicated: true}\n");
    assertEquals("services[0].placement.dedicated", unknown.field());
    assertTrue(unknown.problem().contains("dedicatedHardware"), unknown.problem());
  }

  @Test
  void theBuilderRefusesTheSameSpread() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Scenario.builder("b")
                    .service(
                        Service.builder("web")
                            .placement(new PlacementNeeds(3, false, false))
                            .build())
                    .lesp(LespConfig.builder().zones("a", "b").build())
                    .build());
    assertTrue(e.getMessage().contains("zoneSpread 3") && e.getMessage().contains("at most 2"));
  }

  /**
   * zoneSpread 2: LeSP's six machines go to zone-a and zone-b only, as do KuSP's six pods (its
   * initial nodes are in all three zones); an outage of zone-c then takes nothing of web on either
   * platform.
   */
  @Test
  void aSpreadOfTwoKeepsBothPlatformsOutOfTheThirdZone() {
    Scenario s = parse(WEB + "    placement: {zoneSpread: 2}\nkusp: {initialNodes: 3}\n");
    Simulation lespSim = new Simulation();
    LespPlatform lesp = new LespPlatform(lespSim, RandomStreams.of(1, 0), s.lesp());
    lesp.deploy(s.workload().service("web"));
    lespSim.runUntil(30 * 60_000);
    Set<String> lespZones = new TreeSet<>();
    for (Machine m : lesp.machines("web")) {
      lespZones.add(m.zone());
    }
    assertEquals(Set.of("zone-a", "zone-b"), lespZones);
    int lespMachines = lesp.allMachines().size();
    lesp.inject(Failure.zoneOutage("zone-c"));
    lespSim.runUntil(40 * 60_000);
    assertEquals(lespMachines, lesp.allMachines().size()); // nothing crashed, nothing replaced

    Simulation kuspSim = new Simulation();
    KuspPlatform kusp = new KuspPlatform(kuspSim, RandomStreams.of(1, 0), s.kusp());
    kusp.deploy(s.workload().service("web"));
    kuspSim.runUntil(30 * 60_000);
    Set<String> kuspZones = new TreeSet<>();
    for (Node n : kusp.nodes()) {
      for (Pod p : n.pods()) {
        if (!p.daemon()) {
          kuspZones.add(n.zone());
        }
      }
    }
    assertEquals(Set.of("zone-a", "zone-b"), kuspZones);
    int pods = kusp.pods("web").size();
    kusp.inject(Failure.zoneOutage("zone-c"));
    kuspSim.runUntil(40 * 60_000);
    assertEquals(pods, kusp.pods("web").size());
    assertEquals(6, kusp.available("web"));
  }

  /**
   * web 6 × 500m and api 4 × 500m, 5000m in all: the cluster starts at ⌈1.1 × 5000 / 3700⌉ = 2
   * nodes (Scenario.nodesFor), which hold every pod shared. With web dedicated a node holds web's
   * pods or api's, never both: two nodes would do only if the scheduler put all six of web's pods
   * on one of them, which its spreading scores do not (web's first pods go to both empty nodes), so
   * api's pods find no node and the cluster autoscaler adds one: KuSP's peak machines rise. LeSP's
   * pools are dedicated already: its figures do not move.
   */
  @Test
  void dedicatedHardwareCostsKuspNodesAndLeavesLespAlone() {
    String plain = WEB + API;
    String dedicated = WEB + "    placement: {dedicatedHardware: true}\n" + API;
    assertEquals(2, parse(plain).kusp().initialNodes());
    ComparisonResult without = Comparison.run(parse(plain));
    ComparisonResult with = Comparison.run(parse(dedicated));
    assertEquals(2, without.kusp().mean(Figure.PEAK_MACHINES));
    assertTrue(
        with.kusp().mean(Figure.PEAK_MACHINES) > without.kusp().mean(Figure.PEAK_MACHINES),
        with.kusp().mean(Figure.PEAK_MACHINES)
            + " vs "
            + without.kusp().mean(Figure.PEAK_MACHINES));
    assertEquals(without.lesp().mean(Figure.PEAK_MACHINES), with.lesp().mean(Figure.PEAK_MACHINES));
    assertEquals(without.lesp().mean(Figure.COST_PER_HOUR), with.lesp().mean(Figure.COST_PER_HOUR));
  }
}
