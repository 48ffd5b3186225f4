package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.kusp.DaemonSet;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.KuspIdentity;
import io.platformsim.core.kusp.NodeType;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.lesp.LespIdentity;
import io.platformsim.core.platform.Pricing;
import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.PlacementNeeds;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import io.platformsim.identity.access.IdentityMode;
import io.platformsim.identity.ipam.Cidr;
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
  void theCanonicalFormSpellsOutTheDefaultsOfTheNewerSections() {
    String w = ScenarioWriter.write(DefaultScenario.build());
    // default.yaml has no placement: PlacementNeeds.NONE under each of the 60 services
    assertEquals(
        60,
        count(
            w, "    placement: {zoneSpread: 1, antiAffinity: false, dedicatedHardware: false}\n"));
    // KuspConfig.Builder's defaults: evictionHard 100Mi, provisioning 120 s, 100 MB/s and 1 GB/s,
    // serialized pulls; notReadyToleration 300 s = 5m; back-off 10 s to 300 s, reset 2 x 300 s
    assertTrue(
        w.contains(
            "  reserved:\n    kube: {cpu: 0m, memory: 0Mi}\n    system: {cpu: 0m, memory: 0Mi}\n"
                + "    evictionHard: 100Mi\n  daemonSets:\n"
                + "    - {name: logs, cpu: 100m, memory: 200Mi}\n"),
        w);
    assertTrue(
        w.contains(
            "  nodeProvisioning: 2m\n  imagePulls:\n    nodeBandwidth: 100MB\n"
                + "    registryBandwidth: 1GB\n    maxParallel: 1\n    preloaded: []\n"
                + "  scheduling:\n    nodeSampling: adaptive\n    latency: 0s\n"),
        w);
    assertTrue(
        w.contains(
            "    notReadyToleration: 5m\n    terminationGracePeriod: 30s\n"
                + "    crashLoopBackOff: {initial: 10s, max: 5m, reset: 10m}\n"),
        w);
    // one authority of 25/s; LeSP's 90-day certificates renewed at 2/3, KuSP's 24 h at 1/2 on an
    // overlay 10.0.0.0/16 with a /24 per node (LespIdentity.DEFAULT, KuspIdentity.DEFAULT)
    assertTrue(
        w.contains(
            "\nidentity:\n  authorityCapacity: 25\n  lesp:\n"
                + "    certificates: {lifetime: 90d, renewAt: 0.6666666666666666, renewals: false}\n"
                + "  kusp:\n    addressing: overlay\n    podCidr: 10.0.0.0/16\n"
                + "    nodePrefix: 24\n    mode: WORKLOAD_IDENTITY\n    tokenCapacity: 0\n"
                + "    certificates: {lifetime: 1d, renewAt: 0.5, renewals: false}\n"),
        w);
    // Pricing.ON_DEMAND
    assertTrue(
        w.endsWith(
            "\npricing:\n  spot: {share: 0.0, price: 1.0, interruptionsPerMonth: 0.0}\n"
                + "  reserved: {share: 0.0, discount: 0.0}\n"),
        w);
  }

  @Test
  void everyNewerSectionIsWrittenAsTheFileSaysIt() {
    ImageDescription image = new ImageDescription("web:1", List.of());
    // LeSP's machines on 192.168.0.0/24 halved into two plain /25s, one per zone
    Network lan =
        new Network(
            Cidr.parse("192.168.0.0/24"),
            List.of(
                Subnet.plain("east", "east", "192.168.0.0/25"),
                Subnet.plain("west", "west", "192.168.0.128/25")));
    Scenario s =
        Scenario.builder("newer")
            .service(
                Service.builder("web")
                    .image(image)
                    .placement(new PlacementNeeds(2, true, false))
                    .build())
            .lesp(
                LespConfig.builder()
                    .identity(
                        LespIdentity.DEFAULT
                            .withNetwork(lan)
                            .withAuthorityCapacity(5)
                            .withResources("web", "web-db", "bucket"))
                    .build())
            .kusp(
                KuspConfig.builder()
                    .nodeType(
                        new NodeType("m5.large", Resources.of(2000, 8192), 1L << 30, 0.096, 110))
                    .zones("a", "b")
                    .identity(
                        KuspIdentity.INSTANT
                            .vpcNative(Network.perZone("10.1.0.0/16", 20, "a", "b"))
                            .withMode(IdentityMode.NODE_ROLE))
                    .reserved(Resources.of(100, 1024), Resources.ZERO)
                    .daemonSets(new DaemonSet("cni", Resources.of(50, 64)))
                    .nodeProvisioning(DurationDistribution.uniform(60_000, 180_000))
                    .preloadedImages(image)
                    .percentageOfNodesToScore(50)
                    .notReadyTolerationMillis(60_000)
                    .build())
            .pricing(Pricing.ON_DEMAND.withSpot(0.7, 0.3, 0.05).withReserved(0.2, 0.4))
            .build();
    String w = ScenarioWriter.write(s);
    assertTrue(
        w.contains(
            "    placement: {zoneSpread: 2, antiAffinity: true, dedicatedHardware: false}\n"),
        w);
    // VPC-native caps m5.large at its ENI limit: 3 ENIs x (10 - 1) + 2 = 29 pods (EniLimits.AWS)
    assertTrue(w.contains(", maxPods: 29, disk: 1GiB}\n"), w);
    assertTrue(
        w.contains(
            "  reserved:\n    kube: {cpu: 100m, memory: 1Gi}\n    system: {cpu: 0m, memory: 0Mi}\n"
                + "    evictionHard: 100Mi\n  daemonSets:\n    - {name: cni, cpu: 50m, memory: 64Mi}\n"
                + "  nodeProvisioning: {min: 1m, max: 3m}\n"),
        w);
    assertTrue(w.contains("    preloaded: [\"web:1\"]\n"), w);
    assertTrue(w.contains("    nodeSampling: 50%\n"), w);
    assertTrue(w.contains("    notReadyToleration: 1m\n"), w);
    // two authorities (5/s and unlimited): one under each platform, none at the top
    assertTrue(
        w.contains(
            "\nidentity:\n  lesp:\n"
                + "    network: {cidr: 192.168.0.0/24, subnetPrefix: 25, zones: [east, west], reserved: plain}\n"
                + "    authorityCapacity: 5\n"),
        w);
    assertTrue(w.contains("    resources:\n      web: [bucket, web-db]\n"), w);
    assertTrue(
        w.contains(
            "  kusp:\n    addressing: vpcNative\n"
                + "    network: {cidr: 10.1.0.0/16, subnetPrefix: 20, zones: [a, b], reserved: aws}\n"
                + "    mode: NODE_ROLE\n    authorityCapacity: 0\n"),
        w);
    assertTrue(
        w.contains(
            "\npricing:\n  spot: {share: 0.7, price: 0.3, interruptionsPerMonth: 0.05}\n"
                + "  reserved: {share: 0.2, discount: 0.4}\n"),
        w);
    assertEquals(s, ScenarioFile.parse(w, "newer.yaml"));
  }

  @Test
  void aValueOutsideAKeysRangeIsWrittenAsItIsAndTheReaderReportsIt() {
    // the API field is terminationGracePeriodSeconds: 1.5 s has no whole-second spelling
    Scenario s = SmallScenario.build();
    Scenario odd =
        s.withKusp(
            KuspConfig.builder().initialNodes(3).terminationGracePeriodMillis(1_500).build());
    String w = ScenarioWriter.write(odd);
    assertTrue(w.contains("    terminationGracePeriod: 1s500ms\n"), w);
    ScenarioFileException e =
        assertThrows(ScenarioFileException.class, () -> ScenarioFile.parse(w, "odd.yaml"));
    assertEquals("kusp.controlPlane.terminationGracePeriod", e.field());
    assertTrue(e.problem().contains("whole seconds"), e.problem());
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
    assertTrue(
        written.contains("    mode: WORKLOAD_IDENTITY\n    authorityCapacity: 7\n"), written);
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
