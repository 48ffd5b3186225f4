package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.lesp.LespPlatform;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code lesp.pools}: a service's pool sized as a legacy inventory lists it, read as the builder
 * makes it, refused with file, line, field and value when wrong, and launching that many machines.
 */
class LespPoolsSectionTest {

  /** Two services of 2 and 3 instances; {@code lesp:} at line 11, its first field at 12. */
  private static final String TWO = LoadCurveSectionTest.TWO.replace("timeline:\n", "");

  private static Scenario withLesp(String lesp) {
    return ScenarioFile.parse(TWO + "lesp:\n  " + lesp + "\n", "p.yaml");
  }

  private static Service service(String name, int instances) {
    return Service.builder(name)
        .instances(instances)
        .request(Resources.of(1000, 1024))
        .usage(Resources.of(250, 512))
        .build();
  }

  @Test
  void poolsAreReadAsTheBuilderMakesThem() {
    Scenario read = withLesp("headroom: 0.5\n  pools: {web: 5}");
    Scenario built =
        Scenario.builder("scenario")
            .service(service("web", 2))
            .service(service("api", 3))
            .lesp(LespConfig.builder().headroom(0.5).poolSize("web", 5).build())
            .horizon(java.time.Duration.ofDays(2))
            .build();
    assertEquals(built.lesp(), read.lesp());
    assertEquals(Map.of("web", 5), read.lesp().poolSizes());
    // web: its own 5, headroom not added; api: ceil(3 x 1.5) = 5 by the headroom rule
    assertEquals(5, read.lesp().poolSize(read.workload().service("web")));
    assertEquals(5, read.lesp().poolSize(read.workload().service("api")));
    assertEquals(10, ScenarioMemory.machines(read));
    // and the writer writes them back
    String written = ScenarioWriter.write(read);
    assertTrue(written.contains("\n  pools:\n    web: 5\n"), written);
    assertEquals(read, ScenarioFile.parse(written, "w.yaml"));
  }

  static Stream<Arguments> badPools() {
    return Stream.of(
        Arguments.of("pools: {wbe: 5}", "lesp.pools.wbe", "did you mean 'web'"),
        Arguments.of("pools: {web: 0}", "lesp.pools.web", "0"),
        Arguments.of("pools: {web: five}", "lesp.pools.web", "five"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPools")
  void everyBadPoolIsNamed(String lesp, String field, String value) {
    ScenarioFileException e = assertThrows(ScenarioFileException.class, () -> withLesp(lesp));
    assertEquals("p.yaml", e.file(), e.getMessage());
    assertEquals(12, e.line(), e.getMessage());
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.problem().contains(value), e.getMessage());
  }

  @Test
  void theBuilderRefusesAPoolOfAnUnknownServiceOrOfNoMachine() {
    var unknown =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Scenario.builder("s")
                    .service(service("web", 2))
                    .lesp(LespConfig.builder().poolSize("nope", 3).build())
                    .build());
    assertTrue(unknown.getMessage().contains("'nope'"), unknown.getMessage());
    var zero =
        assertThrows(
            IllegalArgumentException.class, () -> LespConfig.builder().poolSize("web", 0).build());
    assertTrue(zero.getMessage().contains("was 0"), zero.getMessage());
  }

  /**
   * The pool launches exactly its size: web (2 instances, 1 core / 1 GiB + the default agents 200m
   * / 400Mi) runs on c5.large (the cheapest of the default menu holding 1.2 cores / 1.4 GiB); with
   * {@code pools: {web: 6}} LeSP keeps 6 of them an hour later, three times the 2 the headroom rule
   * (headroom 0) gives; the type does not change.
   */
  @Test
  void aPoolSizeSetsTheMachinesLaunched() {
    Service web = service("web", 2);
    int[] sizes = new int[2];
    LespConfig[] configs = {LespConfig.defaults(), LespConfig.builder().poolSize("web", 6).build()};
    for (int i = 0; i < 2; i++) {
      Simulation sim = new Simulation();
      LespPlatform p = new LespPlatform(sim, RandomStreams.of(1, 0), configs[i]);
      p.deploy(web);
      sim.runUntil(3_600_000);
      sizes[i] = p.machines("web").size();
      assertEquals("c5.large", p.instanceType("web").name());
    }
    assertEquals(2, sizes[0]);
    assertEquals(6, sizes[1]);
  }
}
