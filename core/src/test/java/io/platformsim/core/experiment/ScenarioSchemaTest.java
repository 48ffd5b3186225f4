package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code examples/scenarios/scenario.schema.json}, the JSON Schema editors validate scenario files
 * with: every shipped scenario passes it, it refuses what the loader refuses in the obvious cases,
 * and its property names are exactly the fields each section reader accepts, so the two cannot
 * drift apart.
 */
class ScenarioSchemaTest {

  private static final Path SCENARIOS = Path.of("../examples/scenarios");
  private static final Path SCHEMA_FILE = SCENARIOS.resolve("scenario.schema.json");

  private static Schema schema() throws IOException {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(Files.readString(SCHEMA_FILE), InputFormat.JSON);
  }

  private static List<Error> validate(String yaml) throws IOException {
    return schema().validate(yaml, InputFormat.YAML);
  }

  static Stream<Path> shippedScenarios() throws IOException {
    try (Stream<Path> files = Files.list(SCENARIOS)) {
      List<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      assertTrue(yaml.size() >= 2, "shipped scenarios: " + yaml);
      return yaml.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("shippedScenarios")
  void everyShippedScenarioPassesTheSchema(Path file) throws IOException {
    List<Error> errors = validate(Files.readString(file));
    assertEquals(List.of(), errors, file.toString());
    // and the loader agrees the file is good
    ScenarioFile.load(file);
  }

  private static final String SMALL =
      """
      services:
        - name: web
          instances: 2
          request: {cpu: 500m, memory: 1Gi}
          usage: {cpu: 100m, memory: 256Mi}
      """;

  @Test
  void theSchemaRefusesWhatTheLoaderRefuses() throws IOException {
    assertEquals(List.of(), validate(SMALL));
    // an unknown field, a duration without its unit, memory without a unit, a negative count
    for (String bad :
        List.of(
            SMALL + "horizn: 2h\n",
            SMALL + "horizon: 90\n",
            SMALL.replace("memory: 1Gi", "memory: 1024"),
            SMALL + "kusp: {autoscaler: {min: -1, max: 3}}\n",
            SMALL + "lesp: {boot: {median: 1m}}\n",
            SMALL + "lesp: {strategy: canary two}\n",
            SMALL + "lesp: {menu: []}\n",
            SMALL + "lesp: {autoScaling: {target: 0.5}}\n",
            SMALL + "lesp: {serviceAutoScaling: {web: {target: 0.5}}}\n",
            SMALL + "lesp: {agents: {logs: {disk: 1GB}}}\n",
            SMALL + "lesp: {configManagement: {periodic: often}}\n",
            SMALL + "lesp: {bake: {min: 8m, p99: 10m}}\n",
            SMALL + "lesp: {deploySteps: {fetchBandwidth: 100}}\n",
            SMALL + "lesp: {baseImage: {family: ubuntu}}\n",
            SMALL + "lesp: {pools: {web: 0}}\n",
            SMALL
                + "timeline:\n  - at: 1h\n    release: {service: web, version: 2}\n    load: {}\n")) {
      assertFalse(validate(bad).isEmpty(), "schema accepted:\n" + bad);
      assertThrowsScenarioError(bad);
    }
  }

  @Test
  void theSchemaAndTheLoaderAgreeOnDeploymentSections() throws IOException {
    String good =
        SMALL
            + """
                deployment:
                  strategy: Recreate
                  maxSurge: 1
                  maxUnavailable: '50%'
                  minReadySeconds: 30
                  progressDeadline: 5m
                  priority: 100
                  pullPolicy: Always
                  limits: {cpu: 1, memory: 2Gi}
                  readiness: {initialDelay: 5s, period: 2s, failureThreshold: 1}
                  liveness: {}
                  crashAfter: 2m
                  shutdown: 10s
                  hpa: {min: 2, max: 6, targetCpu: 60%}
                  disruptionBudget: {minAvailable: 1}
                  tolerations: [{key: unreachable, seconds: 0}, {key: not-ready}]
                  nodeSelector: {topology.kubernetes.io/zone: zone-a}
            """;
    String noSchedule =
        "    deployment: {tolerations: [{key: d, operator: Exists, effect: NoSchedule},"
            + " {key: not-ready, effect: NoExecute}, {key: e, value: f, effect: NoSchedule}]}\n";
    assertEquals(List.of(), validate(SMALL + noSchedule));
    ScenarioFile.parse(SMALL + noSchedule, "good.yaml");
    assertEquals(List.of(), validate(good));
    ScenarioFile.parse(good, "good.yaml");
    // an unknown strategy, a bare duration, an unknown toleration key, two budget fields
    for (String bad :
        List.of(
            SMALL + "    deployment: {strategy: recreate}\n",
            SMALL + "    deployment: {shutdown: 30}\n",
            SMALL + "    deployment: {tolerations: [{key: gone}]}\n",
            SMALL + "    deployment: {disruptionBudget: {minAvailable: 1, maxUnavailable: 1}}\n",
            SMALL + "    deployment: {tolerations: [{key: a, effect: NoSchedule, seconds: 3}]}\n",
            SMALL + "    deployment: {tolerations: [{key: unreachable, value: x}]}\n",
            SMALL + "    deployment: {nodeSelector: {tier: [a]}}\n")) {
      assertFalse(validate(bad).isEmpty(), "schema accepted:\n" + bad);
      assertThrowsScenarioError(bad);
    }
  }

  @Test
  void theSchemaAndTheLoaderAgreeOnPlacementTerms() throws IOException {
    String good =
        SMALL
            + """
                deployment:
                  labels: {app: web, app.kubernetes.io/name: web, tier: ""}
                  affinity:
                    nodeAffinity:
                      required:
                        - matchExpressions: [{key: disk, operator: In, values: [ssd]}]
                        - matchExpressions: [{key: gen, operator: Gt, values: [3]}]
                      preferred:
                        - {weight: 20, matchExpressions: [{key: spot, operator: DoesNotExist}]}
                    podAntiAffinity:
                      required:
                        - labelSelector: {matchLabels: {app: web}}
                          topologyKey: kubernetes.io/hostname
                  topologySpreadConstraints:
                    - maxSkew: 1
                      topologyKey: topology.kubernetes.io/zone
                      whenUnsatisfiable: ScheduleAnyway
                      labelSelector:
                        matchExpressions: [{key: app, operator: Exists}]
            """;
    assertEquals(List.of(), validate(good));
    ScenarioFile.parse(good, "good.yaml");
    String d = SMALL + "    deployment: ";
    // a bad label key, a weight of 0, In without values, Gt in a pod selector, a spread without
    // a selector, pod affinity, a long upstream name, maxSkew 0, an unknown whenUnsatisfiable
    for (String bad :
        List.of(
            d + "{labels: {-tier: web}}\n",
            d
                + "{affinity: {nodeAffinity: {preferred: [{weight: 0, matchExpressions:"
                + " [{key: a, operator: Exists}]}]}}}\n",
            d
                + "{affinity: {nodeAffinity: {required: [{matchExpressions: [{key: a, operator: In}]}]}}}\n",
            d
                + "{affinity: {podAntiAffinity: {required: [{topologyKey: h, labelSelector:"
                + " {matchExpressions: [{key: a, operator: Gt, values: [1]}]}}]}}}\n",
            d
                + "{topologySpreadConstraints: [{maxSkew: 1, topologyKey: z,"
                + " whenUnsatisfiable: DoNotSchedule}]}\n",
            d + "{affinity: {podAffinity: {}}}\n",
            d
                + "{affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {}}}}\n",
            d
                + "{topologySpreadConstraints: [{maxSkew: 0, topologyKey: z,"
                + " whenUnsatisfiable: DoNotSchedule, labelSelector: {}}]}\n",
            d
                + "{topologySpreadConstraints: [{maxSkew: 1, topologyKey: z,"
                + " whenUnsatisfiable: Never, labelSelector: {}}]}\n")) {
      assertFalse(validate(bad).isEmpty(), "schema accepted:\n" + bad);
      assertThrowsScenarioError(bad);
    }
  }

  @Test
  void theSchemaAndTheLoaderAgreeOnNodePools() throws IOException {
    String good =
        SMALL
            + """
            kusp:
              expander: least-waste
              nodePools:
                - name: big
                  nodeType: {name: m5.4xlarge, cpu: 16, memory: 64Gi, price: 0.768}
                  labels: {tier: batch}
                  taints: [{key: dedicated, value: batch, effect: NoSchedule}, {key: gpu}]
                  initial: 1
                  min: 0
                  max: 4
            """;
    assertEquals(List.of(), validate(good));
    ScenarioFile.parse(good, "good.yaml");
    String pool =
        "kusp: {nodePools: [{name: big, nodeType: {name: m8, cpu: 8, memory: 32Gi, price: 0.4}, ";
    // an unknown expander, a NoExecute taint, a pool named default, no max, an unknown field
    for (String bad :
        List.of(
            SMALL + "kusp: {expander: cheapest}\n",
            SMALL + pool + "max: 2, taints: [{key: a, effect: NoExecute}]}]}\n",
            SMALL + pool.replace("big", "default") + "max: 2}]}\n",
            SMALL + pool + "min: 1}]}\n",
            SMALL + pool + "max: 2, size: 3}]}\n")) {
      assertFalse(validate(bad).isEmpty(), "schema accepted:\n" + bad);
      assertThrowsScenarioError(bad);
    }
  }

  @Test
  void theSchemaAcceptsEveryLespField() throws IOException {
    String full =
        SMALL
            + """
            lesp:
              headroom: 0.2
              strategy: canary 1 watch 10m then rolling 25%
              imageBatch: 1
              replaceFailed: true
              menu:
                - {name: small, cpu: 2, memory: 4Gi, price: 0.1}
                - {name: large, cpu: 8, memory: 32Gi, price: 0.4}
              pin: {web: large}
              agents: {logs: {cpu: 100m, memory: 200Mi}}
              pending: 5s
              boot: {median: 23s, p99: 1m}
              bake: 8m
              bootFailure: 0.01
              meanTimeToCrash: 30d
              configManagement:
                converge: {median: 10m, p99: 30m}
                failure: 0.01
                attempts: 3
                parallelism: 10
                periodic: true
                interval: 30m
                splay: 5m
              autoScaling: {target: 0.6, min: 1, max: 10, cooldown: 300s, evaluation: 60s}
              deploySteps: {drain: {min: 10s, max: 30s}, extract: 5s, fetchBandwidth: 50MB}
              baseImage: {name: ubuntu, version: '24.04'}
              serviceAutoScaling:
                web: {target: 0.5, min: 2, max: 6}
              pools:
                web: 3
            """;
    assertEquals(List.of(), validate(full));
    ScenarioFile.parse(full, "full.yaml");
  }

  @Test
  void theSchemaAndTheLoaderAgreeOnPricing() throws IOException {
    for (String good :
        List.of(
            SMALL
                + "pricing:\n  spot: {share: 50%, price: 0.3, interruptionsPerMonth: 5%}\n"
                + "  reserved: {share: 0.4, discount: 40%}\n",
            SMALL + "pricing: {spot: {share: 1, price: 100%}}\n")) {
      assertEquals(List.of(), validate(good), good);
      ScenarioFile.parse(good, "good.yaml");
    }
    // a share above 1, a missing price, a discount of 100%, a negative rate, an unknown group
    for (String bad :
        List.of(
            SMALL + "pricing: {spot: {share: 1.5, price: 0.3}}\n",
            SMALL + "pricing: {spot: {share: 50%}}\n",
            SMALL + "pricing: {reserved: {share: 40%, discount: 100%}}\n",
            SMALL + "pricing: {spot: {share: 0.5, price: 0.3, interruptionsPerMonth: -1}}\n",
            SMALL + "pricing: {onDemand: {share: 1}}\n")) {
      assertFalse(validate(bad).isEmpty(), "schema accepted:\n" + bad);
      assertThrowsScenarioError(bad);
    }
  }

  @Test
  void theSchemaAndTheLoaderAgreeOnHostFailures() throws IOException {
    for (String good :
        List.of(
            SMALL + "hostFailures: {meanTimeBetweenFailures: 30d}\n",
            SMALL + "hostFailures:\n  meanTimeBetweenFailures: 1h30m\n")) {
      assertEquals(List.of(), validate(good), good);
      ScenarioFile.parse(good, "good.yaml");
    }
    // a zero mean, no unit, the field missing, a misspelt field
    for (String bad :
        List.of(
            SMALL + "hostFailures: {meanTimeBetweenFailures: 0s}\n",
            SMALL + "hostFailures: {meanTimeBetweenFailures: 30}\n",
            SMALL + "hostFailures: {}\n",
            SMALL + "hostFailures: {mtbf: 30d}\n")) {
      assertFalse(validate(bad).isEmpty(), "schema accepted:\n" + bad);
      assertThrowsScenarioError(bad);
    }
  }

  @Test
  void theSchemaAndTheLoaderAgreeOnTheIdentitySection() throws IOException {
    String good =
        SMALL
            + """
            kusp: {nodeType: {name: m5.xlarge, cpu: 4, memory: 16Gi, price: 0.192}}
            identity:
              authorityCapacity: 25
              certificates: {lifetime: 24h, renewAt: 2/3, renewals: true}
              resources: {web: [web-db]}
              lesp:
                network: {cidr: 10.0.0.0/16, subnetPrefix: 20, zones: [a, b], reserved: plain}
                authorityCapacity: 5
                certificates: {renewAt: 0.5}
                resources: {web: [web-db, web-bucket]}
              kusp:
                addressing: vpcNative
                network: {cidr: 10.1.0.0/16, subnetPrefix: 20}
                mode: NODE_ROLE
                authorityCapacity: 10
                tokenCapacity: 100
                certificates: {lifetime: 12h}
                resources: {web: [web-db]}
            """;
    assertEquals(List.of(), validate(good));
    ScenarioFile.parse(good, "good.yaml");
    assertEquals(
        List.of(),
        validate(
            SMALL
                + "identity: {kusp: {addressing: overlay, podCidr: 10.244.0.0/16, nodePrefix: 24}}\n"));
    // a malformed CIDR, an unknown mode, a negative capacity, an unknown reservation, a fraction
    // above 1, an unknown field
    for (String bad :
        List.of(
            SMALL + "identity: {kusp: {podCidr: 10.0.0/16}}\n",
            SMALL + "identity: {kusp: {mode: node_role}}\n",
            SMALL + "identity: {lesp: {authorityCapacity: -1}}\n",
            SMALL + "identity: {lesp: {network: {cidr: 10.0.0.0/16, reserved: gcp}}}\n",
            SMALL + "identity: {certificates: {renewAt: 1.5}}\n",
            SMALL + "identity: {kusp: {tokens: 5}}\n")) {
      assertFalse(validate(bad).isEmpty(), "schema accepted:\n" + bad);
      assertThrowsScenarioError(bad);
    }
  }

  @Test
  void theSchemaAndTheLoaderAgreeOnEveryKuspField() throws IOException {
    String full =
        SMALL
            + """
            kusp:
              reserved:
                kube: {cpu: 100m, memory: 256Mi}
                system: {cpu: 50m}
                evictionHard: 200Mi
              daemonSets:
                - {name: logs, cpu: 100m, memory: 200Mi}
                - {name: cni}
              nodeProvisioning: {median: 90s, p99: 4m}
              imagePulls:
                nodeBandwidth: 50MB
                registryBandwidth: 1GB
                maxParallel: 0
                preloaded: [web:1]
              scheduling: {nodeSampling: 50%, latency: {median: 5ms, p99: 50ms}}
              controlPlane:
                controllerLatency: 100ms
                nodeMonitorGracePeriod: 50s
                nodeStatusUpdate: 10s
                notReadyToleration: 60s
                terminationGracePeriod: 45s
                crashLoopBackOff: {initial: 5s, max: 2m, reset: 5m}
            """;
    assertEquals(List.of(), validate(full));
    ScenarioFile.parse(full, "full.yaml");
    // an unknown reservation field, a DaemonSet without a name, a bandwidth without its unit, a
    // negative pull count, a sampling above 100%, a bare duration, an unknown back-off field
    for (String bad :
        List.of(
            SMALL + "kusp: {reserved: {kube: {disk: 1GB}}}\n",
            SMALL + "kusp: {daemonSets: [{cpu: 100m}]}\n",
            SMALL + "kusp: {imagePulls: {nodeBandwidth: 100}}\n",
            SMALL + "kusp: {imagePulls: {maxParallel: -1}}\n",
            SMALL + "kusp: {scheduling: {nodeSampling: 150%}}\n",
            SMALL + "kusp: {controlPlane: {nodeMonitorGracePeriod: 40}}\n",
            SMALL + "kusp: {controlPlane: {crashLoopBackOff: {cap: 5m}}}\n")) {
      assertFalse(validate(bad).isEmpty(), "schema accepted:\n" + bad);
      assertThrowsScenarioError(bad);
    }
  }

  @Test
  void theSchemaAndTheLoaderAgreeOnPlacement() throws IOException {
    String good =
        SMALL + "    placement: {zoneSpread: 2, antiAffinity: true, dedicatedHardware: false}\n";
    assertEquals(List.of(), validate(good));
    ScenarioFile.parse(good, "good.yaml");
    // no zones at all, not a boolean, an unknown field
    for (String bad :
        List.of(
            SMALL + "    placement: {zoneSpread: 0}\n",
            SMALL + "    placement: {antiAffinity: maybe}\n",
            SMALL + "    placement: {spread: 2}\n")) {
      assertFalse(validate(bad).isEmpty(), "schema accepted:\n" + bad);
      assertThrowsScenarioError(bad);
    }
  }

  @Test
  void theSchemaAndTheLoaderAgreeOnLoadCurves() throws IOException {
    String timeline = "horizon: 2d\ntimeline:\n  - at: 0s\n    loadCurve: ";
    for (String good :
        List.of(
            "{service: web, diurnal: {low: 0.5, high: 1.5, peakAt: 14h}}",
            "{service: all, diurnal: {low: 0.5, high: 1.5, peakAt: 14h, period: 12h, step: 10m}}",
            "{service: web, steps: [{at: 1h, factor: 2}, {at: 2h, factor: 0.5}]}")) {
      String yaml = SMALL + timeline + good + "\n";
      assertEquals(List.of(), validate(yaml), yaml);
      ScenarioFile.parse(yaml, "good.yaml");
    }
    // both shapes, neither, a negative factor, a bare duration, an unknown field
    for (String bad :
        List.of(
            "{service: web, diurnal: {low: 0.5, high: 1.5, peakAt: 14h}, steps: [{at: 1h, factor: 2}]}",
            "{service: web}",
            "{service: web, steps: [{at: 1h, factor: -2}]}",
            "{service: web, diurnal: {low: 0.5, high: 1.5, peakAt: 14}}",
            "{service: web, diurnal: {low: 0.5, high: 1.5, peak: 14h}}")) {
      String yaml = SMALL + timeline + bad + "\n";
      assertFalse(validate(yaml).isEmpty(), "schema accepted:\n" + yaml);
      assertThrowsScenarioError(yaml);
    }
  }

  @Test
  void theSchemaAndTheLoaderAgreeOnRightSizedRequests() throws IOException {
    String good = SMALL + "    deployment: {rightSized: {cpu: 250m, memory: 384Mi}}\n";
    assertEquals(List.of(), validate(good));
    ScenarioFile.parse(good, "good.yaml");
    // memory missing, memory without its unit, an unknown field
    for (String bad :
        List.of(
            SMALL + "    deployment: {rightSized: {cpu: 250m}}\n",
            SMALL + "    deployment: {rightSized: {cpu: 250m, memory: 384}}\n",
            SMALL + "    deployment: {rightSized: {cpu: 250m, memory: 384Mi, gpu: 1}}\n")) {
      assertFalse(validate(bad).isEmpty(), "schema accepted:\n" + bad);
      assertThrowsScenarioError(bad);
    }
  }

  private static void assertThrowsScenarioError(String yaml) {
    try {
      ScenarioFile.parse(yaml, "bad.yaml");
    } catch (ScenarioFileException expected) {
      return;
    }
    throw new AssertionError("the loader accepted what the schema refuses:\n" + yaml);
  }

  /** A schema object (by JSON pointer) and the reader constant that lists its fields. */
  static Stream<Arguments> sections() {
    return Stream.of(
        Arguments.of("", ScenarioFile.class, "TOP"),
        Arguments.of("/$defs/service", ServicesReader.class, "SERVICE"),
        Arguments.of("/$defs/resources", ServicesReader.class, "RESOURCES"),
        Arguments.of("/$defs/service/properties/image", ServicesReader.class, "IMAGE"),
        Arguments.of(
            "/$defs/service/properties/image/properties/layers/items",
            ServicesReader.class,
            "LAYER"),
        Arguments.of("/$defs/deployment", DeploymentReader.class, "DEPLOYMENT"),
        Arguments.of("/$defs/deployment/properties/limits", DeploymentReader.class, "LIMITS"),
        Arguments.of("/$defs/probe", DeploymentReader.class, "PROBE"),
        Arguments.of("/$defs/deployment/properties/hpa", DeploymentReader.class, "HPA"),
        Arguments.of(
            "/$defs/deployment/properties/disruptionBudget", DeploymentReader.class, "BUDGET"),
        Arguments.of(
            "/$defs/deployment/properties/tolerations/items", DeploymentReader.class, "TOLERATION"),
        Arguments.of("/properties/fleet", ServicesReader.class, "FLEET"),
        Arguments.of("/properties/lesp", LespReader.class, "LESP"),
        Arguments.of(
            "/properties/lesp/properties/menu/items", LespMachineReader.class, "MENU_ITEM"),
        Arguments.of(
            "/properties/lesp/properties/agents/additionalProperties",
            LespMachineReader.class,
            "AGENT"),
        Arguments.of("/$defs/distribution/oneOf/1", LespMachineReader.class, "DISTRIBUTION"),
        Arguments.of("/$defs/distribution/oneOf/2", LespMachineReader.class, "UNIFORM"),
        Arguments.of("/properties/lesp/properties/deploySteps", LespReader.class, "DEPLOY_STEPS"),
        Arguments.of("/properties/lesp/properties/baseImage", LespReader.class, "BASE_IMAGE"),
        Arguments.of(
            "/properties/lesp/properties/configManagement", LespReader.class, "CONFIG_MANAGEMENT"),
        Arguments.of("/properties/lesp/properties/autoScaling", LespReader.class, "AUTO_SCALING"),
        Arguments.of("/properties/kusp", KuspReader.class, "KUSP"),
        Arguments.of("/properties/kusp/properties/nodeType", KuspReader.class, "NODE_TYPE"),
        Arguments.of(
            "/properties/kusp/properties/autoscaler/oneOf/1", KuspReader.class, "AUTOSCALER"),
        Arguments.of("/properties/kusp/properties/reserved", KuspNodeReader.class, "RESERVED"),
        Arguments.of("/$defs/reservation", KuspNodeReader.class, "RESERVATION"),
        Arguments.of(
            "/properties/kusp/properties/daemonSets/items", KuspNodeReader.class, "DAEMON_SET"),
        Arguments.of("/properties/kusp/properties/imagePulls", KuspNodeReader.class, "IMAGE_PULLS"),
        Arguments.of(
            "/properties/kusp/properties/scheduling", KuspControlPlaneReader.class, "SCHEDULING"),
        Arguments.of(
            "/properties/kusp/properties/controlPlane",
            KuspControlPlaneReader.class,
            "CONTROL_PLANE"),
        Arguments.of(
            "/properties/kusp/properties/controlPlane/properties/crashLoopBackOff",
            KuspControlPlaneReader.class,
            "BACK_OFF"),
        Arguments.of("/properties/identity", IdentityReader.class, "IDENTITY"),
        Arguments.of("/properties/identity/properties/lesp", IdentityReader.class, "LESP_IDENTITY"),
        Arguments.of("/properties/identity/properties/kusp", IdentityReader.class, "KUSP_IDENTITY"),
        Arguments.of("/$defs/network", IdentityPartsReader.class, "NETWORK"),
        Arguments.of("/$defs/certificates", IdentityPartsReader.class, "CERTIFICATES"),
        Arguments.of(
            "/properties/kusp/properties/nodePools/items", NodePoolReader.class, "NODE_POOL"),
        Arguments.of(
            "/properties/kusp/properties/nodePools/items/properties/taints/items",
            NodePoolReader.class,
            "TAINT"),
        Arguments.of("/$defs/event", TimelineReader.class, "EVENT"),
        Arguments.of("/$defs/event/properties/release", TimelineReader.class, "RELEASE"),
        Arguments.of("/$defs/everyService", TimelineReader.class, "EVERY_SERVICE"),
        Arguments.of("/$defs/event/properties/load", TimelineReader.class, "LOAD"),
        Arguments.of("/$defs/event/properties/failure", TimelineReader.class, "FAILURE"),
        Arguments.of("/$defs/event/properties/zoneOutage", TimelineReader.class, "ZONE"),
        Arguments.of("/properties/pricing", PricingReader.class, "PRICING"),
        Arguments.of("/properties/pricing/properties/spot", PricingReader.class, "SPOT"),
        Arguments.of("/properties/pricing/properties/reserved", PricingReader.class, "RESERVED"),
        Arguments.of("/$defs/placement", PlacementReader.class, "PLACEMENT"),
        Arguments.of("/$defs/event/properties/loadCurve", TimelineReader.class, "LOAD_CURVE"),
        Arguments.of(
            "/$defs/event/properties/loadCurve/properties/diurnal",
            TimelineReader.class,
            "DIURNAL"),
        Arguments.of(
            "/$defs/event/properties/loadCurve/properties/steps/items",
            TimelineReader.class,
            "CURVE_STEP"),
        Arguments.of("/properties/hostFailures", HostFailuresReader.class, "HOST_FAILURES"),
        Arguments.of(
            "/$defs/deployment/properties/rightSized", DeploymentReader.class, "RIGHT_SIZED"),
        // deployment placement terms (PlacementTermsReader)
        Arguments.of(
            "/$defs/deployment/properties/affinity", PlacementTermsReader.class, "AFFINITY"),
        Arguments.of(
            "/$defs/deployment/properties/affinity/properties/nodeAffinity",
            PlacementTermsReader.class,
            "NODE_AFFINITY"),
        Arguments.of(
            "/$defs/deployment/properties/affinity/properties/podAntiAffinity",
            PlacementTermsReader.class,
            "POD_ANTI_AFFINITY"),
        Arguments.of("/$defs/nodeSelectorTerm", PlacementTermsReader.class, "NODE_TERM"),
        Arguments.of(
            "/$defs/deployment/properties/affinity/properties/nodeAffinity/properties/preferred/items",
            PlacementTermsReader.class,
            "PREFERRED_TERM"),
        Arguments.of("/$defs/requirement", PlacementTermsReader.class, "REQUIREMENT"),
        Arguments.of(
            "/$defs/deployment/properties/affinity/properties/podAntiAffinity/properties/required/items",
            PlacementTermsReader.class,
            "ANTI_AFFINITY_TERM"),
        Arguments.of("/$defs/labelSelector", PlacementTermsReader.class, "SELECTOR"),
        Arguments.of(
            "/$defs/deployment/properties/topologySpreadConstraints/items",
            PlacementTermsReader.class,
            "SPREAD"));
  }

  @ParameterizedTest
  @MethodSource("sections")
  void schemaPropertiesAreExactlyTheReadersFields(String pointer, Class<?> reader, String constant)
      throws Exception {
    JsonNode root = new ObjectMapper().readTree(Files.readString(SCHEMA_FILE));
    JsonNode section = root.at(pointer);
    assertFalse(section.isMissingNode(), "no schema object at " + pointer);
    assertEquals(false, section.path("additionalProperties").asBoolean(true), pointer);
    Set<String> inSchema = new TreeSet<>();
    section.path("properties").fieldNames().forEachRemaining(inSchema::add);
    Field f = reader.getDeclaredField(constant);
    f.setAccessible(true);
    List<String> accepted = new ArrayList<>();
    for (Object o : (List<?>) f.get(null)) {
      accepted.add((String) o);
    }
    assertEquals(new TreeSet<>(accepted), inSchema, reader.getSimpleName() + "." + constant);
  }
}
