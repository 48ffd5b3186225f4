package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.kusp.CrashLoopBackOff;
import io.platformsim.core.kusp.DaemonSet;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.ImageLayer;
import io.platformsim.core.workload.Resources;
import io.platformsim.scheduler.placement.NodeSampling;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The node and control-plane fields of the scenario file's {@code kusp} section, read into {@link
 * KuspConfig} exactly as its builder sets them, and every bad value refused at its line.
 */
class KuspSectionTest {

  /**
   * One service, web: 2 instances of 1 core / 1 GiB, its image two layers. The kusp section starts
   * at line 7 with a fixed cluster (3 nodes, no autoscaler); the field under test is line 10.
   */
  static final String SMALL =
      """
      services:
        - name: web
          instances: 2
          request: {cpu: 1, memory: 1Gi}
          usage: {cpu: 250m, memory: 512Mi}
          image: {reference: "web:1", layers: [{digest: base, size: 80MB}, {digest: app, size: 20MB}]}
      kusp:
        initialNodes: 3
        autoscaler: false
      """;

  static final ImageDescription WEB_IMAGE =
      ImageDescription.of(
          "web:1", new ImageLayer("base", 80_000_000), new ImageLayer("app", 20_000_000));

  static KuspConfig kusp(String field) {
    return ScenarioFile.parse(SMALL + "  " + field + "\n", "k.yaml").kusp();
  }

  /** The builder with the file's fixed cluster: 3 nodes, no autoscaler. */
  static KuspConfig.Builder defaults() {
    return KuspConfig.builder().initialNodes(3);
  }

  static Stream<Arguments> fields() {
    return Stream.of(
        Arguments.of(
            "reserved: {kube: {cpu: 100m, memory: 256Mi}, system: {cpu: 50m}, evictionHard: 200Mi}",
            defaults()
                .reserved(Resources.of(100, 256), Resources.of(50, 0))
                .evictionHardMemoryMib(200)),
        Arguments.of(
            "reserved: {system: {memory: 1Gi}}",
            defaults().reserved(Resources.ZERO, Resources.of(0, 1024))),
        Arguments.of("reserved: {evictionHard: 0Mi}", defaults().evictionHardMemoryMib(0)),
        Arguments.of("daemonSets: []", defaults().daemonSets()),
        Arguments.of(
            "daemonSets: [{name: logs, cpu: 100m, memory: 200Mi}, {name: cni}]",
            defaults()
                .daemonSets(
                    new DaemonSet("logs", Resources.of(100, 200)),
                    new DaemonSet("cni", Resources.ZERO))),
        Arguments.of(
            "nodeProvisioning: 90s",
            defaults().nodeProvisioning(DurationDistribution.fixed(90_000))),
        Arguments.of(
            "nodeProvisioning: {median: 90s, p99: 4m}",
            defaults().nodeProvisioning(DurationDistribution.logNormal(90_000, 240_000))),
        // Sizes: MB is 10^6 bytes, MiB 2^20 (Units.BYTES).
        Arguments.of(
            "imagePulls: {nodeBandwidth: 50MB, registryBandwidth: 2GB}",
            defaults().nodeBandwidth(50_000_000).registryBandwidth(2_000_000_000)),
        Arguments.of(
            "imagePulls: {nodeBandwidth: 10MiB}", defaults().nodeBandwidth(10 * 1_048_576)),
        Arguments.of("imagePulls: {maxParallel: 0}", defaults().maxParallelImagePulls(0)),
        Arguments.of("imagePulls: {maxParallel: 4}", defaults().maxParallelImagePulls(4)),
        Arguments.of("imagePulls: {preloaded: [web:1]}", defaults().preloadedImages(WEB_IMAGE)),
        Arguments.of("imagePulls: {preloaded: []}", defaults().preloadedImages()),
        Arguments.of(
            "scheduling: {nodeSampling: adaptive}",
            defaults().nodeSampling(NodeSampling.adaptive())),
        Arguments.of(
            "scheduling: {nodeSampling: 50%}", defaults().nodeSampling(new NodeSampling(50))),
        Arguments.of("scheduling: {nodeSampling: 25}", defaults().percentageOfNodesToScore(25)),
        Arguments.of(
            "scheduling: {nodeSampling: 100}", defaults().nodeSampling(NodeSampling.fullScan())),
        Arguments.of(
            "scheduling: {latency: 20ms}",
            defaults().schedulingLatency(DurationDistribution.fixed(20))),
        Arguments.of(
            "scheduling: {latency: {median: 5ms, p99: 50ms}}",
            defaults().schedulingLatency(DurationDistribution.logNormal(5, 50))),
        Arguments.of(
            "controlPlane: {controllerLatency: 250ms}", defaults().controllerLatencyMillis(250)),
        Arguments.of(
            "controlPlane: {nodeMonitorGracePeriod: 50s}",
            defaults().nodeMonitorGracePeriodMillis(50_000)),
        Arguments.of(
            "controlPlane: {nodeStatusUpdate: 5s}", defaults().nodeStatusUpdateMillis(5_000)),
        Arguments.of(
            "controlPlane: {notReadyToleration: 1m}", defaults().notReadyTolerationMillis(60_000)),
        Arguments.of(
            "controlPlane: {terminationGracePeriod: 0s}",
            defaults().terminationGracePeriodMillis(0)),
        // reset defaults to twice the cap (client-go util/flowcontrol/backoff.go IsExpired).
        Arguments.of(
            "controlPlane: {crashLoopBackOff: {initial: 5s, max: 1m}}",
            defaults().crashLoopBackOff(new CrashLoopBackOff(5_000, 60_000, 120_000))),
        Arguments.of(
            "controlPlane: {crashLoopBackOff: {reset: 20m}}",
            defaults().crashLoopBackOff(new CrashLoopBackOff(10_000, 300_000, 1_200_000))),
        Arguments.of(
            "controlPlane: {crashLoopBackOff: {}}",
            defaults().crashLoopBackOff(CrashLoopBackOff.DEFAULT)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fields")
  void everyFieldIsReadAsTheBuilderSetsIt(String field, KuspConfig.Builder expected) {
    assertEquals(expected.build(), kusp(field));
  }

  @Test
  void aSectionWithoutTheNewFieldsKeepsTheBuilderDefaults() {
    // The defaults cited on KuspConfig.Builder: reserved 0, evictionHard 100 Mi, three
    // DaemonSets, provisioning 120 s, serialized pulls, 40 s / 10 s / 300 s / 30 s, back-off
    // 10 s to 300 s.
    KuspConfig read = ScenarioFile.parse(SMALL, "k.yaml").kusp();
    assertEquals(defaults().build(), read);
    assertEquals(100, read.evictionHardMemoryMib());
    assertEquals(3, read.daemonSets().size());
    assertEquals(1, read.maxParallelImagePulls());
    assertEquals(300_000, read.notReadyTolerationMillis());
  }

  @Test
  void everyFieldAtOnceInBlockStyle() {
    String yaml =
        SMALL
            + """
              reserved:
                kube: {cpu: 200m, memory: 512Mi}
                system: {cpu: 100m, memory: 256Mi}
                evictionHard: 500Mi
              daemonSets:
                - {name: logs, cpu: 100m, memory: 200Mi}
              nodeProvisioning: {median: 2m, p99: 5m}
              imagePulls:
                nodeBandwidth: 25MB
                registryBandwidth: 500MB
                maxParallel: 3
                preloaded: [web:1]
              scheduling:
                nodeSampling: 30%
                latency: 10ms
              controlPlane:
                controllerLatency: 1s
                nodeMonitorGracePeriod: 50s
                nodeStatusUpdate: 12s
                notReadyToleration: 120s
                terminationGracePeriod: 60s
                crashLoopBackOff: {initial: 2s, max: 2m, reset: 30m}
            """;
    KuspConfig expected =
        defaults()
            .reserved(Resources.of(200, 512), Resources.of(100, 256))
            .evictionHardMemoryMib(500)
            .daemonSets(new DaemonSet("logs", Resources.of(100, 200)))
            .nodeProvisioning(DurationDistribution.logNormal(120_000, 300_000))
            .nodeBandwidth(25_000_000)
            .registryBandwidth(500_000_000)
            .maxParallelImagePulls(3)
            .preloadedImages(WEB_IMAGE)
            .nodeSampling(new NodeSampling(30))
            .schedulingLatency(DurationDistribution.fixed(10))
            .controllerLatencyMillis(1_000)
            .nodeMonitorGracePeriodMillis(50_000)
            .nodeStatusUpdateMillis(12_000)
            .notReadyTolerationMillis(120_000)
            .terminationGracePeriodMillis(60_000)
            .crashLoopBackOff(new CrashLoopBackOff(2_000, 120_000, 1_800_000))
            .build();
    assertEquals(expected, ScenarioFile.parse(yaml, "k.yaml").kusp());
  }

  @Test
  void reservedSizesTheClusterThroughScenarioBuilderAndFileAlike() {
    // initialNodes auto: the file and Scenario.sized on the same builder configuration agree.
    String yaml =
        SMALL.replace("  initialNodes: 3\n  autoscaler: false\n", "")
            + "  reserved: {kube: {cpu: 1}}\n  daemonSets: []\n";
    Scenario s = ScenarioFile.parse(yaml, "k.yaml");
    KuspConfig built =
        Scenario.sized(
            KuspConfig.builder()
                .reserved(Resources.of(1000, 0), Resources.ZERO)
                .daemonSets()
                .build(),
            s.workload());
    assertEquals(built, s.kusp());
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("reserved: {kube: {cpu: lots}}", "kusp.reserved.kube.cpu", "'lots'"),
        Arguments.of("reserved: {kube: {disk: 1GB}}", "kusp.reserved.kube.disk", "'disk'"),
        Arguments.of("reserved: {user: {cpu: 1}}", "kusp.reserved.user", "'user'"),
        Arguments.of("reserved: {evictionHard: 100}", "kusp.reserved.evictionHard", "'100'"),
        // The generic node type has 4 CPU and 16 Gi (NodeType.GENERIC).
        Arguments.of("reserved: {system: {cpu: 4}}", "kusp.reserved", "no allocatable CPU"),
        Arguments.of(
            "reserved: {kube: {memory: 8Gi}, evictionHard: 8Gi}",
            "kusp.reserved",
            "evictionHard 8192 MiB"),
        Arguments.of("daemonSets: [{cpu: 100m}]", "kusp.daemonSets[0].name", "required"),
        Arguments.of("daemonSets: [{name: a}, {name: a}]", "kusp.daemonSets[1].name", "'a'"),
        Arguments.of("daemonSets: [{name: a, gpu: 1}]", "kusp.daemonSets[0].gpu", "'gpu'"),
        Arguments.of(
            "daemonSets: [{name: a, memory: lots}]", "kusp.daemonSets[0].memory", "'lots'"),
        Arguments.of("daemonSets: {logs: {}}", "kusp.daemonSets", "expected a list"),
        Arguments.of("daemonSets: [{name: big, cpu: 5}]", "kusp.daemonSets", "5000"),
        Arguments.of("nodeProvisioning: 2", "kusp.nodeProvisioning", "'2'"),
        Arguments.of(
            "nodeProvisioning: {median: 2m, p99: 1m}", "kusp.nodeProvisioning.p99", "'1m'"),
        Arguments.of("imagePulls: {nodeBandwidth: 100}", "kusp.imagePulls.nodeBandwidth", "'100'"),
        Arguments.of(
            "imagePulls: {registryBandwidth: 0B}", "kusp.imagePulls.registryBandwidth", "'0B'"),
        Arguments.of("imagePulls: {maxParallel: -1}", "kusp.imagePulls.maxParallel", "was -1"),
        Arguments.of("imagePulls: {maxParallel: all}", "kusp.imagePulls.maxParallel", "'all'"),
        Arguments.of("imagePulls: {parallel: 2}", "kusp.imagePulls.parallel", "'parallel'"),
        Arguments.of("imagePulls: {preloaded: [wbe:1]}", "kusp.imagePulls.preloaded", "'wbe:1'"),
        Arguments.of(
            "imagePulls: {preloaded: [web:1, web:1]}", "kusp.imagePulls.preloaded", "'web:1'"),
        Arguments.of("scheduling: {nodeSampling: 0%}", "kusp.scheduling.nodeSampling", "'0%'"),
        Arguments.of("scheduling: {nodeSampling: 101}", "kusp.scheduling.nodeSampling", "'101'"),
        Arguments.of(
            "scheduling: {nodeSampling: sometimes}", "kusp.scheduling.nodeSampling", "'sometimes'"),
        Arguments.of(
            "scheduling: {latency: {median: 0s, p99: 1s}}",
            "kusp.scheduling.latency.median",
            "'0s'"),
        Arguments.of("scheduling: {profile: spread}", "kusp.scheduling.profile", "'profile'"),
        Arguments.of(
            "controlPlane: {controllerLatency: -1s}",
            "kusp.controlPlane.controllerLatency",
            "'-1s'"),
        Arguments.of(
            "controlPlane: {nodeMonitorGracePeriod: soon}",
            "kusp.controlPlane.nodeMonitorGracePeriod",
            "'soon'"),
        Arguments.of(
            "controlPlane: {nodeStatusUpdate: 0s}", "kusp.controlPlane.nodeStatusUpdate", "'0s'"),
        Arguments.of(
            "controlPlane: {notReadyToleration: 1500ms}",
            "kusp.controlPlane.notReadyToleration",
            "1500ms"),
        Arguments.of(
            "controlPlane: {terminationGracePeriod: 0.5s}",
            "kusp.controlPlane.terminationGracePeriod",
            "0.5s"),
        Arguments.of(
            "controlPlane: {crashLoopBackOff: {initial: 0s}}",
            "kusp.controlPlane.crashLoopBackOff.initial",
            "'0s'"),
        Arguments.of(
            "controlPlane: {crashLoopBackOff: {initial: 1m, max: 30s}}",
            "kusp.controlPlane.crashLoopBackOff.max",
            "'30s'"),
        Arguments.of(
            "controlPlane: {crashLoopBackOff: {cap: 5m}}",
            "kusp.controlPlane.crashLoopBackOff.cap",
            "'cap'"),
        Arguments.of(
            "controlPlane: {heartbeat: 5s}", "kusp.controlPlane.heartbeat", "'heartbeat'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void everyBadValueIsOneErrorNamingFileLineFieldAndValue(String field, String path, String value) {
    ScenarioFileException e =
        assertThrows(
            ScenarioFileException.class,
            () -> ScenarioFile.parse(SMALL + "  " + field + "\n", "k.yaml"));
    assertEquals("k.yaml", e.file(), e.getMessage());
    assertEquals(10, e.line(), e.getMessage());
    assertEquals(path, e.field(), e.getMessage());
    assertTrue(e.problem().contains(value), e.getMessage());
  }

  @Test
  void theReadmeExampleLoads() throws Exception {
    String readme = Files.readString(Path.of("../examples/scenarios/README.md"));
    int start = readme.indexOf("```yaml\nkusp:\n");
    assertTrue(start >= 0, "no kusp example in the README");
    String block = readme.substring(start + "```yaml\n".length(), readme.indexOf("```", start + 7));
    String services = SMALL.substring(0, SMALL.indexOf("kusp:"));
    KuspConfig k = ScenarioFile.parse(services + block, "README.md").kusp();
    assertEquals(NodeSampling.adaptive(), k.nodeSampling());
    assertEquals(List.of(WEB_IMAGE), k.preloadedImages());
    assertEquals(60_000, k.notReadyTolerationMillis());
    // max 5 min: reset 2 x 5 min.
    assertEquals(new CrashLoopBackOff(10_000, 300_000, 600_000), k.crashLoopBackOff());
  }

  @Test
  void reservationsThatLeaveTheServiceNoRoomAreRefusedAtTheService() {
    // 4 CPU node, 3.5 CPU reserved, 300m of default DaemonSets: 200m left, web asks 1 CPU.
    ScenarioFileException e =
        assertThrows(
            ScenarioFileException.class,
            () -> ScenarioFile.parse(SMALL + "  reserved: {kube: {cpu: 3500m}}\n", "k.yaml"));
    assertEquals(4, e.line(), e.getMessage());
    assertEquals("services[0].request", e.field(), e.getMessage());
    assertTrue(e.problem().contains("does not fit a KuSP node"), e.getMessage());
  }
}
