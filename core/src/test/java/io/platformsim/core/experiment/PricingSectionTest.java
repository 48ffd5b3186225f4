package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.platform.Pricing;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code pricing} section: what it reads, its defaults, and one error per bad value. */
class PricingSectionTest {

  private static Pricing pricing(String section) {
    return ScenarioFile.parse(LespSectionTest.SMALL + "pricing:\n  " + section + "\n", "p.yaml")
        .pricing();
  }

  @Test
  void readsEveryFieldAsAFractionOrAPercentage() {
    Pricing p =
        ScenarioFile.parse(
                LespSectionTest.SMALL
                    + """
                    pricing:
                      spot: {share: 50%, price: 0.3, interruptionsPerMonth: 5%}
                      reserved: {share: 0.4, discount: 40%}
                    """,
                "p.yaml")
            .pricing();
    assertEquals(new Pricing(0.5, 0.3, 0.05, 0.4, 0.4), p);
  }

  @Test
  void absentEverythingIsOnDemand() {
    assertEquals(Pricing.ON_DEMAND, ScenarioFile.parse(LespSectionTest.SMALL, "p.yaml").pricing());
    assertEquals(Pricing.ON_DEMAND, DefaultScenario.build().pricing());
    // a spot group without a rate is never interrupted; without a reserved group nothing is
    assertEquals(new Pricing(1, 0.3, 0, 0, 0), pricing("spot: {share: 100%, price: 30%}"));
  }

  @Test
  void theBuilderSetsTheSamePricing() {
    Pricing p = Pricing.ON_DEMAND.withSpot(0.5, 0.3, 0.05).withReserved(0.4, 0.4);
    Scenario s =
        Scenario.builder("b")
            .services(ScenarioFile.parse(LespSectionTest.SMALL, "p.yaml").workload().services())
            .pricing(p)
            .build();
    assertEquals(p, s.pricing());
    assertEquals(p, s.withSeed(7).withReplications(1).pricing(), "copies keep the pricing");
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("spot: {share: 150%, price: 30%}", "pricing.spot.share", "was 150%"),
        Arguments.of("spot: {share: -0.1, price: 30%}", "pricing.spot.share", "was -0.1"),
        Arguments.of("spot: {share: 50%, price: 0%}", "pricing.spot.price", "was 0%"),
        Arguments.of("spot: {share: 50%, price: 1.2}", "pricing.spot.price", "was 1.2"),
        Arguments.of("spot: {share: 50%, price: cheap}", "pricing.spot.price", "'cheap'"),
        Arguments.of("spot: {share: 50%}", "pricing.spot.price", "required"),
        Arguments.of(
            "spot: {share: 50%, price: 30%, interruptionsPerMonth: -5%}",
            "pricing.spot.interruptionsPerMonth", "was -5%"),
        Arguments.of("reserved: {share: 40%, discount: 100%}", "pricing.reserved.discount", "100%"),
        Arguments.of("reserved: {share: 40%, discount: -1%}", "pricing.reserved.discount", "-1%"),
        Arguments.of("reserved: {share: 1.5, discount: 40%}", "pricing.reserved.share", "was 1.5"),
        Arguments.of(
            "{spot: {share: 70%, price: 30%}, reserved: {share: 40%, discount: 40%}}",
            "pricing.reserved.share", "spot share 0.7 plus reserved share 0.4 is above 1"),
        Arguments.of("spot: {sahre: 50%, price: 30%}", "pricing.spot.sahre", "share"),
        Arguments.of("onDemand: {}", "pricing.onDemand", "spot"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void everyBadValueIsOneErrorNamingFileLineFieldAndValue(String field, String path, String value) {
    ScenarioFileException e =
        assertThrows(
            ScenarioFileException.class,
            () ->
                ScenarioFile.parse(
                    LespSectionTest.SMALL + "pricing:\n  " + field + "\n", "p.yaml"));
    assertEquals("p.yaml", e.file(), e.getMessage());
    assertEquals(7, e.line(), e.getMessage());
    assertEquals(path, e.field(), e.getMessage());
    assertTrue(e.problem().contains(value), e.getMessage());
  }
}
