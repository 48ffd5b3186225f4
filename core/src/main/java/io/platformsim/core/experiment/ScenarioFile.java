package io.platformsim.core.experiment;

import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.output.OutputFiles;
import io.platformsim.core.platform.HostFailures;
import io.platformsim.core.platform.Pricing;
import io.platformsim.core.workload.Workload;
import io.platformsim.core.yaml.YamlDocument;
import io.platformsim.core.yaml.YamlFileException;
import io.platformsim.core.yaml.YamlMapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Loads a {@link Scenario} from a YAML file, and writes one ({@link #write}, {@link
 * ScenarioWriter}). The schema, every field's unit and default, is documented in {@code
 * examples/scenarios/README.md}; {@code examples/scenarios/default.yaml} is the built-in scenario
 * written as a file.
 *
 * <p>Strict: an unknown field is an error that names it and suggests the closest known one; every
 * quantity needs its unit ({@code 90s}, {@code 500m}, {@code 4Gi}, {@code 200MB}); every error is a
 * {@link ScenarioFileException} naming the file, the line and the field. Bounded: a file over
 * {@link #MAX_BYTES} is refused before it is read, and anchors and aliases are refused (no "billion
 * laughs" expansion). Either the whole file loads or nothing does.
 *
 * <p>The YAML layer ({@link io.platformsim.core.yaml}) reads nodes; one reader per section turns
 * them into the model: {@link ServicesReader} ({@code services}, {@code fleet}; a service's {@code
 * deployment} with {@link DeploymentReader}), {@link LespReader}, {@link KuspReader}, {@link
 * IdentityReader}, {@link TimelineReader}, {@link PricingReader}, {@link HostFailuresReader}, with
 * the units of {@link Units}. This class reads the top level and ties them together.
 *
 * <pre>{@code
 * Scenario s = ScenarioFile.load(Path.of("examples/scenarios/default.yaml"));
 * }</pre>
 */
public final class ScenarioFile {

  /** Largest scenario file accepted, in bytes (1 MiB). */
  public static final long MAX_BYTES = 1 << 20;

  /** Most services (listed plus generated) a file may describe. */
  public static final int MAX_SERVICES = 5_000;

  /** Most timeline events a file may describe (after expanding "every service" events). */
  public static final int MAX_EVENTS = 100_000;

  private static final List<String> TOP =
      List.of(
          "name",
          "seed",
          "replications",
          "horizon",
          "sampleEvery",
          "services",
          "fleet",
          "lesp",
          "kusp",
          "identity",
          "timeline",
          "pricing",
          "hostFailures");

  // Top-level defaults, documented in examples/scenarios/README.md; DefaultScenario.build() is
  // default.yaml, which spells them out.
  private static final String DEFAULT_NAME = "scenario";
  private static final long DEFAULT_SEED = 42;
  private static final int DEFAULT_REPLICATIONS = 4;
  private static final long DEFAULT_HORIZON_MILLIS = Duration.ofHours(6).toMillis();

  /** Samples per horizon when {@code sampleEvery} is not given. */
  private static final int DEFAULT_SAMPLES = 144;

  private ScenarioFile() {}

  /**
   * Loads {@code path}.
   *
   * @throws ScenarioFileException if it is missing, too large, binary or not UTF-8 text ({@link
   *     #text}), not YAML or not a valid scenario
   */
  public static Scenario load(Path path) {
    String name = path.toString();
    try {
      long size = Files.size(path);
      if (size > MAX_BYTES) {
        throw new ScenarioFileException(
            name, 0, "", "file is " + size + " bytes; the limit is " + MAX_BYTES);
      }
      return parse(text(Files.readAllBytes(path), name), name);
    } catch (NoSuchFileException e) {
      throw new ScenarioFileException(name, 0, "", "no such file");
    } catch (IOException e) {
      throw new ScenarioFileException(name, 0, "", "cannot read: " + e.getMessage());
    }
  }

  /**
   * {@code bytes} decoded as UTF-8, strictly: a file with a NUL byte is refused as a binary file,
   * one starting with a UTF-16 byte-order mark as UTF-16, and a byte sequence that is not UTF-8 as
   * "not UTF-8 text at byte N" (N counted from 1) with its line, instead of a decoder's bare "Input
   * length = 1".
   *
   * @throws ScenarioFileException naming {@code sourceName}, the line and the byte
   */
  static String text(byte[] bytes, String sourceName) {
    if (bytes.length >= 2
        && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
            || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      throw new ScenarioFileException(
          sourceName,
          1,
          "",
          "UTF-16 text (byte-order mark at byte 1), not UTF-8; save it as UTF-8");
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new ScenarioFileException(
            sourceName,
            lineAt(bytes, i),
            "",
            "binary file (a NUL byte at byte " + (i + 1) + "), not a YAML scenario");
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    // UTF-8 never decodes to more chars than it has bytes.
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int at = in.position();
      throw new ScenarioFileException(
          sourceName,
          lineAt(bytes, at),
          "",
          String.format(
              Locale.ROOT,
              "not UTF-8 text at byte %d (0x%02X); save the file as UTF-8",
              at + 1,
              bytes[at] & 0xFF));
    }
    return out.flip().toString();
  }

  /** The 1-based line of byte {@code index}. */
  private static int lineAt(byte[] bytes, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /**
   * Parses {@code yaml}, naming it {@code sourceName} in errors.
   *
   * @throws ScenarioFileException if it is too large, not YAML or not a valid scenario
   */
  public static Scenario parse(String yaml, String sourceName) {
    if (yaml.length() > MAX_BYTES) {
      throw new ScenarioFileException(
          sourceName,
          0,
          "",
          "input is " + yaml.length() + " characters; the limit is " + MAX_BYTES);
    }
    try {
      Optional<YamlMapping> root = YamlDocument.root(yaml, sourceName, (int) MAX_BYTES);
      if (root.isEmpty()) {
        throw new ScenarioFileException(
            sourceName, 1, "", "the file is empty; a scenario needs at least 'services'");
      }
      return scenario(root.get());
    } catch (ScenarioFileException e) {
      throw e;
    } catch (YamlFileException e) {
      throw new ScenarioFileException(e.file(), e.line(), e.field(), e.problem());
    } catch (IllegalArgumentException e) {
      // A cross-field check of the model (e.g. a service that fits no instance type).
      throw new ScenarioFileException(sourceName, 0, "", e.getMessage());
    }
  }

  /**
   * Writes {@code scenario} to {@code path} in canonical form ({@link ScenarioWriter#write}),
   * replacing the file if it exists (whole or not at all: {@link OutputFiles}); {@link #load} reads
   * it back as the same scenario where the file format can express every value.
   *
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void write(Scenario scenario, Path path) {
    try {
      new OutputFiles().text(path, ScenarioWriter.write(scenario)).write();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + e.getMessage(), e);
    }
  }

  /** Milliseconds of {@code 1h30m}, {@code 90s}, {@code 250ms}; null if malformed. */
  static Long parseDuration(String text) {
    return Units.parseDuration(text);
  }

  private static Scenario scenario(YamlMapping top) {
    if (top.has("scaleOutTarget")) {
      // Removed with the separate scale-out simulation; say what replaces it, not "unknown field".
      throw top.error(
          "scaleOutTarget",
          "is no longer read: the time to scale out is measured in the main run at each platform's"
              + " own autoscaler target; give the spiked service services[].deployment.hpa.targetCpu"
              + " (KuSP) and lesp.serviceAutoScaling.<service>.target (LeSP) instead");
    }
    top.only(TOP);
    ServicesReader.Read services = ServicesReader.read(top);
    Workload workload = Workload.of(services.services());
    IdentityReader identity = IdentityReader.read(top);
    LespConfig lesp = LespReader.read(top.mapping("lesp"), identity, workload);
    KuspConfig kusp =
        KuspReader.read(top.mapping("kusp"), workload, identity)
            .withDeployments(services.deployments());
    ServicesReader.checkFit(services, kusp, lesp);
    long horizon = top.read("horizon", Units.DURATION, DEFAULT_HORIZON_MILLIS);
    if (horizon <= 0) {
      throw top.error("horizon", "must be > 0, was " + top.text("horizon"));
    }
    List<TimelineEvent> events = TimelineReader.read(top, workload, kusp, horizon);
    int replications =
        top.integer("replications", 1, Scenario.MAX_REPLICATIONS, DEFAULT_REPLICATIONS);
    long seed = top.longValue("seed", DEFAULT_SEED);
    long sample = top.read("sampleEvery", Units.DURATION, Math.max(1, horizon / DEFAULT_SAMPLES));
    if (sample <= 0) {
      throw top.error("sampleEvery", "must be > 0, was " + top.text("sampleEvery"));
    }
    String name = top.string("name", DEFAULT_NAME);
    Pricing pricing = PricingReader.read(top);
    HostFailures hostFailures = HostFailuresReader.read(top, workload, horizon);
    try {
      return new Scenario(
          name,
          workload,
          lesp,
          kusp,
          events,
          horizon,
          replications,
          seed,
          sample,
          pricing,
          hostFailures);
    } catch (IllegalArgumentException e) {
      throw top.error("", e.getMessage());
    }
  }
}
