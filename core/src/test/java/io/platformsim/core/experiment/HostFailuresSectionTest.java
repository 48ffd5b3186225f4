package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.platform.HostFailures;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The top-level {@code hostFailures} section: what it reads, its default (none), the builder path,
 * the writer, and one error per bad value naming file, line, field and value.
 */
class HostFailuresSectionTest {

  private static Scenario parse(String section) {
    return ScenarioFile.parse(LespSectionTest.SMALL + "hostFailures: " + section + "\n", "h.yaml");
  }

  @Test
  void readsTheMeanTimeBetweenFailuresAsADuration() {
    assertEquals(
        new HostFailures(30 * 86_400_000L), parse("{meanTimeBetweenFailures: 30d}").hostFailures());
    assertEquals(
        new HostFailures(5_400_000L), parse("{meanTimeBetweenFailures: 1h30m}").hostFailures());
  }

  @Test
  void absentThereAreNone() {
    assertEquals(
        HostFailures.NONE, ScenarioFile.parse(LespSectionTest.SMALL, "h.yaml").hostFailures());
    assertEquals(HostFailures.NONE, DefaultScenario.build().hostFailures());
    assertFalse(ScenarioWriter.write(DefaultScenario.build()).contains("hostFailures"));
  }

  @Test
  void theBuilderSetsTheSameAndTheWriterReadsBack() {
    HostFailures h = HostFailures.meanTimeBetweenFailures(Duration.ofDays(30));
    Scenario s =
        Scenario.builder("b")
            .services(ScenarioFile.parse(LespSectionTest.SMALL, "h.yaml").workload().services())
            .hostFailures(h)
            .build();
    assertEquals(h, s.hostFailures());
    assertEquals(h, s.withSeed(7).withReplications(1).hostFailures(), "copies keep it");
    String yaml = ScenarioWriter.write(s);
    assertTrue(yaml.contains("hostFailures: {meanTimeBetweenFailures: 30d}\n"), yaml);
    assertEquals(s, ScenarioFile.parse(yaml, "w.yaml"));
    assertEquals(
        HostFailures.NONE,
        Scenario.builder("n")
            .services(s.workload().services())
            .hostFailures(null)
            .build()
            .hostFailures(),
        "null is none");
  }

  @Test
  void theBuilderRefusesAMeanThatExpectsMoreThanAMillionFailures() {
    // 2 instances over the default 6 h horizon at 1 ms between failures: 43.2 million expected
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Scenario.builder("b")
                    .services(
                        ScenarioFile.parse(LespSectionTest.SMALL, "h.yaml").workload().services())
                    .hostFailures(new HostFailures(1))
                    .build());
    assertTrue(e.getMessage().contains("43,200,000 expected failures"), e.getMessage());
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("{meanTimeBetweenFailures: 0s}", "hostFailures.meanTimeBetweenFailures", "0s"),
        Arguments.of(
            "{meanTimeBetweenFailures: -3d}", "hostFailures.meanTimeBetweenFailures", "-3d"),
        Arguments.of(
            "{meanTimeBetweenFailures: 30}", "hostFailures.meanTimeBetweenFailures", "'30'"),
        Arguments.of(
            "{meanTimeBetweenFailures: monthly}",
            "hostFailures.meanTimeBetweenFailures",
            "'monthly'"),
        Arguments.of("{}", "hostFailures.meanTimeBetweenFailures", "required"),
        Arguments.of(
            "{meanTimeBetweenFailure: 30d}", "hostFailures.meanTimeBetweenFailure", "mean"),
        // 2 instances × 6 h ÷ 10 ms = 4.32 million expected failures, above the million allowed
        Arguments.of(
            "{meanTimeBetweenFailures: 10ms}", "hostFailures.meanTimeBetweenFailures", "10ms"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void everyBadValueIsOneErrorNamingFileLineFieldAndValue(String field, String path, String value) {
    ScenarioFileException e = assertThrows(ScenarioFileException.class, () -> parse(field));
    assertEquals("h.yaml", e.file(), e.getMessage());
    assertEquals(6, e.line(), e.getMessage());
    assertEquals(path, e.field(), e.getMessage());
    assertTrue(e.problem().contains(value), e.getMessage());
  }
}
