package io.platformsim.core.experiment;

import java.util.Map;

/**
 * Writes a {@link Scenario} as a scenario file in canonical form, the inverse of {@link
 * ScenarioFile#parse}: every field the file format has is written out with its unit, services are
 * listed one by one (a generated {@code fleet} as the services it made), every timeline event is an
 * entry of its own, and values are spelled so they read back exactly (durations in {@code d h m s
 * ms} parts, CPU in millicores, memory in {@code Mi}/{@code Gi}/{@code Ti}, sizes in {@code B}
 * units, doubles in their shortest round-trip form).
 *
 * <p>Contract: for a scenario {@code s} whose every value the file format can express, {@code
 * ScenarioFile.parse(write(s), name)} equals {@code s}, and writing that again gives the same text.
 * A value the format has no key for (listed on each section writer: {@link ServicesWriter}, {@link
 * DeploymentWriter}, {@link LespWriter}, {@link KuspWriter}, {@link IdentityWriter}, {@link
 * TimelineWriter}; {@link PricingWriter} can say every pricing, {@link HostFailuresWriter} every
 * host-failure setting) is not written and reads back as its default; a value outside a key's
 * accepted range is written as it is, and reading the file reports it. Deterministic: the same
 * scenario gives the same text.
 *
 * <pre>{@code
 * String yaml = ScenarioWriter.write(DefaultScenario.build());
 * ScenarioFile.write(scenario, Path.of("my.yaml"));   // the same, to a file
 * }</pre>
 */
public final class ScenarioWriter {

  private ScenarioWriter() {}

  /** {@code s} as a scenario file (UTF-8 text, {@code \n} line ends). */
  public static String write(Scenario s) {
    return write(s, Map.of());
  }

  /**
   * {@code s} as a scenario file with a comment line ({@code # text}) above the list item of each
   * service {@code serviceComments} names (e.g. where an imported service came from). Comments do
   * not change what the file reads back as; a line break in a comment is written as a space, so
   * each comment stays one line. Names of services {@code s} lacks are ignored.
   */
  public static String write(Scenario s, Map<String, String> serviceComments) {
    YamlLines y = new YamlLines();
    y.comment("yaml-language-server: $schema=scenario.schema.json");
    y.comment("Written by platformsim's ScenarioWriter: every field with its unit.");
    y.field("name", Spelled.text(s.name()));
    y.field("seed", Long.toString(s.seed()));
    y.field("replications", Integer.toString(s.replications()));
    y.field("horizon", Spelled.duration(s.horizonMillis()));
    y.field("sampleEvery", Spelled.duration(s.sampleMillis()));
    ServicesWriter.write(y, s.workload(), s.kusp(), serviceComments);
    LespWriter.write(y, s.lesp(), s.workload());
    KuspWriter.write(y, s.kusp());
    IdentityWriter.write(y, s.lesp().identity(), s.kusp().identity());
    TimelineWriter.write(y, s.timeline());
    PricingWriter.write(y, s.pricing());
    HostFailuresWriter.write(y, s.hostFailures());
    return y.text();
  }
}
