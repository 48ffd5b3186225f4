package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.Estimate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformRegistryTest {

  private static final PlatformFactory NONE =
      (scenario, sim, streams) -> {
        throw new AssertionError("not run");
      };

  @Test
  void standardIsLespThenKuspAndFreshEachTime() {
    assertEquals(List.of("lesp", "kusp"), PlatformRegistry.standard().names());
    assertNotSame(PlatformRegistry.standard(), PlatformRegistry.standard());
  }

  @Test
  void withReturnsANewRegistryAndLeavesTheOldOneAsItWas() {
    PlatformRegistry standard = PlatformRegistry.standard();
    PlatformRegistry three = standard.with("bare", NONE);
    assertEquals(List.of("lesp", "kusp", "bare"), three.names());
    assertEquals(List.of("lesp", "kusp"), standard.names());
    assertEquals(NONE, three.factory("bare"));
  }

  @Test
  void onlyKeepsTheNamedPlatformsInTheOrderGiven() {
    assertEquals(List.of("kusp", "lesp"), PlatformRegistry.standard().only("kusp", "lesp").names());
    assertEquals(List.of("kusp"), PlatformRegistry.standard().only("kusp").names());
  }

  @Test
  void unknownAndDuplicateNamesAreErrorsNamingThem() {
    PlatformRegistry standard = PlatformRegistry.standard();
    var unknown = assertThrows(IllegalArgumentException.class, () -> standard.factory("nomad"));
    assertTrue(
        unknown.getMessage().contains("nomad") && unknown.getMessage().contains("[lesp, kusp]"),
        unknown.getMessage());
    var twice = assertThrows(IllegalArgumentException.class, () -> standard.with("kusp", NONE));
    assertTrue(twice.getMessage().contains("kusp"), twice.getMessage());
    assertThrows(IllegalArgumentException.class, () -> standard.with("x", null));
  }

  /** Names become JSON keys and CSV values, so they stay plain lower-case words. */
  @ParameterizedTest
  @ValueSource(strings = {"", "Bare", "1bare", "bare metal", "bare,metal", "bare\"", "-bare"})
  void badNamesAreRejected(String name) {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> PlatformRegistry.empty().with(name, NONE));
    assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
  }

  @Test
  void anEmptyRegistryRunsNothing() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Comparison.run(SmallScenario.build(), PlatformRegistry.empty()));
  }

  @Test
  void ratiosDivideByTheFirstPlatform() {
    PlatformResult a = result("a", 4.0);
    PlatformResult b = result("b", 2.0);
    PlatformResult c = result("c", 10.0);
    ComparisonResult r = new ComparisonResult("s", 1, 1, 1_000, List.of(a, b, c));
    assertEquals(a, r.baseline());
    assertEquals(0.5, r.ratio("b", Figure.MACHINES));
    assertEquals(2.5, r.ratio("c", Figure.MACHINES));
    assertEquals(0.5, r.ratio(Figure.MACHINES), "the second platform over the first");
    assertTrue(Double.isNaN(r.ratio("c", Figure.COST_PER_HOUR)), "not reported: no ratio");
    assertTrue(
        Double.isNaN(new ComparisonResult("s", 1, 1, 1_000, List.of(a)).ratio(Figure.MACHINES)));
    var e = assertThrows(IllegalArgumentException.class, () -> r.lesp());
    assertTrue(
        e.getMessage().contains("lesp") && e.getMessage().contains("[a, b, c]"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new ComparisonResult("s", 1, 1, 1_000, List.of(a, a)));
    assertThrows(
        IllegalArgumentException.class, () -> new ComparisonResult("s", 1, 1, 1_000, List.of()));
  }

  /**
   * A platform's figures depend on the scenario and seed only, not on which other platforms run or
   * in what order; reversing the order inverts the ratios.
   */
  @Property(tries = 3)
  void aPlatformsFiguresDoNotDependOnTheOthers(@ForAll long seed) {
    Scenario s =
        SmallScenario.builder().horizon(Duration.ofHours(2)).replications(2).seed(seed).build();
    ComparisonResult standard = Comparison.run(s);
    ComparisonResult reversed = Comparison.run(s, PlatformRegistry.standard().only("kusp", "lesp"));
    assertEquals(standard.lesp(), reversed.lesp());
    assertEquals(standard.kusp(), reversed.kusp());
    assertEquals("kusp", reversed.baseline().name());
    assertEquals(
        1.0, standard.ratio(Figure.COST_PER_HOUR) * reversed.ratio(Figure.COST_PER_HOUR), 1e-12);
  }

  private static PlatformResult result(String name, double machines) {
    return new PlatformResult(
        name,
        name.toUpperCase(java.util.Locale.ROOT),
        Map.of(Figure.MACHINES, Estimate.of(Figure.MACHINES.key(), machines)),
        TimeSeries.empty(),
        List.of());
  }
}
