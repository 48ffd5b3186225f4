package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.kusp.KuspIdentity;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.lesp.LespIdentity;
import io.platformsim.core.workload.Service;
import io.platformsim.identity.ipam.Network;
import io.platformsim.identity.ipam.Subnet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ScenarioWriter} on the shipped scenarios, its spelling of each unit, and what it leaves
 * out. The whole-format round trip over generated scenarios is {@link ScenarioRoundTripProperties}.
 */
class ScenarioWriterTest {

  private static final Path SCENARIOS = Path.of("../examples/scenarios");

  @Test
  void theDefaultFileWrittenOutReadsBackAsTheBuiltInScenario() {
    String written = ScenarioWriter.write(ScenarioFile.load(SCENARIOS.resolve("default.yaml")));
    Scenario read = ScenarioFile.parse(written, "written-default.yaml");
    assertEquals(DefaultScenario.build(), read);
    assertEquals(written, ScenarioWriter.write(read));
  }

  @Test
  void theZoneOutageFileWrittenOutReadsBackAsItself() {
    Scenario loaded = ScenarioFile.load(SCENARIOS.resolve("zone-outage.yaml"));
    String written = ScenarioWriter.write(loaded);
    assertEquals(loaded, ScenarioFile.parse(written, "written-zone-outage.yaml"));
  }

  @Test
  void theCanonicalFormListsEveryServiceAndEveryEvent() {
    String w = ScenarioWriter.write(DefaultScenario.build());
    // default.yaml's figures, spelled canonically: 8 h, 3 min, m5.2xlarge = 8 cores / 32 GiB.
    assertTrue(w.contains("\nhorizon: 8h\n"), w);
    assertTrue(w.contains("\nsampleEvery: 3m\n"), w);
    assertTrue(
        w.contains(
            "  nodeType: {name: m5.2xlarge, cpu: 8000m, memory: 32Gi, price: 0.384, maxPods: 110,"
                + " disk: 100GB}\n"),
        w);
    assertTrue(w.contains("    usage: {cpu: 500m, memory: 3000Mi}\n"), w);
    assertTrue(w.contains("        - {digest: \"sha256:debian-12-slim\", size: 30MB}\n"), w);
    assertTrue(w.contains("\nidentity:\n  authorityCapacity: 25\n"), w);
    // the fleet of 58 is written as its services, svc-01 to svc-58, after zebra and cheetah
    assertFalse(w.contains("fleet:"), w);
    assertEquals(60, count(w, "\n  - name: "));
    assertTrue(w.contains("\n  - name: svc-58\n"), w);
    // 60 app releases + 60 base-image releases + the spike and its end + 1 failure
    assertEquals(123, count(w, "\n  - at: "));
    assertTrue(
        w.contains(
            "  - at: 3h15m\n    load: {service: cheetah, factor: 3.0}\n"
                + "  - at: 3h30m\n    failure: {service: zebra, count: 1}\n"),
        w);
    assertTrue(w.contains("  - at: 3h45m\n    load: {service: cheetah, factor: 1.0}\n"), w);
  }

  @Test
  void writtenShippedScenariosPassTheSchema() throws IOException {
    var schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(
                Files.readString(SCENARIOS.resolve("scenario.schema.json")), InputFormat.JSON);
    for (String file : List.of("default.yaml", "zone-outage.yaml")) {
      String written = ScenarioWriter.write(ScenarioFile.load(SCENARIOS.resolve(file)));
      assertEquals(List.of(), schema.validate(written, InputFormat.YAML), file);
    }
  }

  @Test
  void aScenarioWrittenToAFileLoadsBack(@TempDir Path dir) {
    Scenario s = SmallScenario.build();
    Path p = dir.resolve("small.yaml");
    ScenarioFile.write(s, p);
    assertEquals(s, ScenarioFile.load(p));
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0s",
    "250, 250ms",
    "90000, 1m30s",
    "5400000, 1h30m",
    "2592000000, 30d",
    // 1 d + 1 h + 1 min + 1 s + 1 ms = 86,400,000 + 3,600,000 + 60,000 + 1,000 + 1
    "90061001, 1d1h1m1s1ms"
  })
  void durationsAreSpelledInTheirLargestUnits(long millis, String spelled) {
    assertEquals(spelled, Spelled.duration(millis));
    assertEquals(millis, Units.parseDuration(spelled));
  }

  @Test
  void aDurationBeyondWhatADoubleHoldsReadsBackExactly() {
    // Scenario.NEVER = 2^61 - 1 ms, which a double rounds to 2^61: read as a sum of longs.
    String never = Spelled.duration(Scenario.NEVER);
    assertEquals(Scenario.NEVER, Units.parseDuration(never));
    assertEquals(Scenario.NEVER, Units.parseDuration(Scenario.NEVER + "ms"));
    // a fractional part keeps the reading it always had (rounded half up)
    assertEquals(1501, Units.parseDuration("1.5005s"));
  }

  @ParameterizedTest
  @CsvSource({
    "150000000, 150MB",
    "100000000000, 100GB",
    "31457280, 30MiB", // 30 × 2^20
    "1024000, 1024kB", // 1,000 × 1,024: the decimal unit first
    "7, 7B",
    "0, 0B"
  })
  void sizesAreSpelledInTheLargestUnitThatDividesThem(long bytes, String spelled) {
    assertEquals(spelled, Spelled.bytes(bytes));
    assertEquals(bytes, Units.BYTES.read(spelled));
  }

  @ParameterizedTest
  @CsvSource({"4096, 4Gi", "3000, 3000Mi", "1048576, 1Ti", "0, 0Mi"})
  void memoryIsSpelledInTheLargestBinaryUnitThatDividesIt(long mib, String spelled) {
    assertEquals(spelled, Spelled.memory(mib));
    assertEquals(mib, Units.MEMORY_MIB.read(spelled));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.1, 1.0 / 3, 1e-7, 1e10, 123456.789, 0.0, 5e-324})
  void decimalsReadBackBitForBit(double d) {
    String spelled = Spelled.decimal(d);
    assertEquals(
        Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(Double.valueOf(spelled)));
    // YAML 1.1 floats need a signed exponent: 1.0E+10, not 1.0E10
    assertFalse(spelled.matches(".*E[0-9].*"), spelled);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "zebra|zebra",
        "svc-01|svc-01",
        "zebra:1|\"zebra:1\"",
        "2|\"2\"",
        "yes|\"yes\"",
        "a b|\"a b\"",
        "say \"hi\"|\"say \\\"hi\\\"\"",
        "é|\"\\u00e9\""
      })
  void textIsPlainOnlyWhereYamlReadsItAsText(String text, String spelled) {
    assertEquals(spelled, Spelled.text(text));
  }

  @Test
  void whatTheFormatCannotSayIsLeftOutAndReadsBackAsTheDefault() {
    // bake is uniform 8-10 min by default: written as {min, max}
    String w = ScenarioWriter.write(SmallScenario.build());
    assertTrue(w.contains("  bake: {min: 8m, max: 10m}\n"), w);
    // a network is written as {cidr, subnetPrefix, zones, reserved}: a subnet not named after its
    // zone has no such form, so LeSP's network is left out and reads back as the default
    Network named =
        Network.builder("10.1.0.0/16").subnet(Subnet.plain("db", "zone-a", "10.1.0.0/16")).build();
    Scenario odd =
        SmallScenario.builder()
            .lesp(LespConfig.builder().identity(LespIdentity.DEFAULT.withNetwork(named)).build())
            .build();
    String written = ScenarioWriter.write(odd);
    assertFalse(written.contains("network:"), written);
    Scenario read = ScenarioFile.parse(written, "odd.yaml");
    assertEquals(LespIdentity.DEFAULT.network(), read.lesp().identity().network());
    assertNotEquals(odd, read);
  }

  @Test
  void twoAuthoritiesAreWrittenUnderTheirPlatforms() {
    Scenario split =
        Scenario.builder("split")
            .service(Service.builder("web").build())
            .lesp(
                LespConfig.builder()
                    .identity(LespIdentity.DEFAULT.withAuthorityCapacity(5))
                    .bake(DurationDistribution.fixed(60_000))
                    .build())
            .build()
            .withKusp(
                SmallScenario.build()
                    .kusp()
                    .withIdentity(KuspIdentity.INSTANT.withAuthorityCapacity(7)));
    String written = ScenarioWriter.write(split);
    assertFalse(written.contains("\n  authorityCapacity:"), written);
    assertTrue(written.contains("\n  lesp:\n    authorityCapacity: 5\n"), written);
    assertTrue(written.contains("    mode: WORKLOAD_IDENTITY\n    authorityCapacity: 7\n"), written);
    assertEquals(split, ScenarioFile.parse(written, "split.yaml"));
  }

  @Test
  void aLongScaleDownAfterRoundTrips() {
    Scenario s = SmallScenario.build();
    Scenario never = s.withKusp(s.kusp().withClusterAutoscaling(Scenario.scaleUpOnly(1, 10)));
    assertEquals(never, ScenarioFile.parse(ScenarioWriter.write(never), "never.yaml"));
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
