package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.lesp.AutoScaling;
import io.platformsim.core.lesp.BaseImage;
import io.platformsim.core.lesp.BatchSize;
import io.platformsim.core.lesp.ConfigManagement;
import io.platformsim.core.lesp.DeploySteps;
import io.platformsim.core.lesp.DeployStrategy;
import io.platformsim.core.lesp.InstanceMenu;
import io.platformsim.core.lesp.InstanceType;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.lesp.MachineAgents;
import io.platformsim.core.workload.Resources;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every field of the scenario file's {@code lesp} section, read into {@link LespConfig}. */
class LespSectionTest {

  /** One service, web: 2 instances of 1 core / 1 GiB. The lesp section starts at line 6. */
  static final String SMALL =
      """
      services:
        - name: web
          instances: 2
          request: {cpu: 1, memory: 1Gi}
          usage: {cpu: 250m, memory: 512Mi}
      """;

  static LespConfig lesp(String field) {
    return ScenarioFile.parse(SMALL + "lesp:\n  " + field + "\n", "r.yaml").lesp();
  }

  static LespConfig.Builder defaults() {
    return LespConfig.builder();
  }

  static Map<String, Resources> orderedMap(String k1, Resources v1, String k2, Resources v2) {
    Map<String, Resources> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  static Stream<Arguments> fields() {
    return Stream.of(
        Arguments.of("headroom: 0.5", defaults().headroom(0.5)),
        Arguments.of("strategy: rolling 3", defaults().strategy(DeployStrategy.rolling(3))),
        Arguments.of("strategy: blue-green", defaults().strategy(DeployStrategy.blueGreen())),
        Arguments.of(
            "strategy: canary 2 watch 10m then rolling 25%",
            defaults().strategy(new DeployStrategy.Canary(2, 600_000, BatchSize.percent(25)))),
        Arguments.of(
            "strategy: Canary 1 watch 90s then rolling 4",
            defaults().strategy(DeployStrategy.canary(1, 90_000, 4))),
        Arguments.of("imageBatch: 5", defaults().imageBatch(BatchSize.machines(5))),
        Arguments.of("replaceFailed: false", defaults().replaceFailed(false)),
        Arguments.of(
            "menu: [{name: small, cpu: 2, memory: 4Gi, price: 0.05},"
                + " {name: big, cpu: 8000m, memory: 16Gi, price: 0.2}]",
            defaults()
                .menu(
                    InstanceMenu.of(
                        InstanceType.of("small", 2, 4, 0.05), InstanceType.of("big", 8, 16, 0.2)))),
        Arguments.of("pin: {web: m5.xlarge}", defaults().pin("web", "m5.xlarge")),
        Arguments.of(
            "agents: {logs: {cpu: 100m, memory: 256Mi}, av: {memory: 1Gi}}",
            defaults()
                .agents(
                    MachineAgents.of(
                        orderedMap("logs", Resources.of(100, 256), "av", Resources.of(0, 1024))))),
        Arguments.of("agents: {}", defaults().agents(MachineAgents.NONE)),
        Arguments.of("pending: 0s", defaults().pending(DurationDistribution.fixed(0))),
        Arguments.of(
            "boot: {median: 40s, p99: 2m}",
            defaults().boot(DurationDistribution.logNormal(40_000, 120_000))),
        Arguments.of("bake: 5m", defaults().bake(DurationDistribution.fixed(300_000))),
        Arguments.of("bootFailure: 0.1", defaults().bootFailureProbability(0.1)),
        Arguments.of("meanTimeToCrash: 2h", defaults().meanTimeToCrashMillis(7_200_000)),
        Arguments.of(
            "configManagement: {converge: 2m, failure: 0, attempts: 1, parallelism: 4,"
                + " periodic: true, interval: 15m, splay: 1m}",
            defaults()
                .configManagement(
                    new ConfigManagement(
                        DurationDistribution.fixed(120_000), 0, 1, 4, true, 900_000, 60_000))),
        Arguments.of(
            "configManagement: {parallelism: 30}",
            defaults().configManagement(ConfigManagement.DEFAULT.withParallelism(30))),
        Arguments.of(
            "configManagement: {converge: {median: 5m, p99: 20m}}",
            defaults()
                .configManagement(
                    ConfigManagement.DEFAULT.withConverge(
                        DurationDistribution.logNormal(300_000, 1_200_000)))),
        // Cooldown 300 s and evaluation 60 s: AutoScaling.DEFAULT_* (EC2 Auto Scaling default
        // cooldown; CloudWatch one-minute metrics).
        Arguments.of(
            "autoScaling: {target: 0.5, max: 8}",
            defaults().autoScaling(new AutoScaling(0.5, 300_000, 60_000, 1, 8))),
        Arguments.of(
            "autoScaling: {target: 0.7, min: 2, max: 6, cooldown: 2m, evaluation: 30s}",
            defaults().autoScaling(new AutoScaling(0.7, 120_000, 30_000, 2, 6))),
        Arguments.of(
            "bake: {min: 8m, max: 10m}",
            defaults().bake(DurationDistribution.uniform(480_000, 600_000))),
        // Unset deploy-step fields keep DeploySteps.DEFAULT's (drain 30 s, extract 5 s).
        Arguments.of(
            "deploySteps: {fetchBandwidth: 50MB}",
            defaults()
                .deploySteps(
                    new DeploySteps(
                        DurationDistribution.fixed(30_000),
                        DurationDistribution.fixed(5_000),
                        50_000_000L))),
        Arguments.of(
            "deploySteps: {drain: {min: 10s, max: 20s}, extract: 0s, fetchBandwidth: 1GiB}",
            defaults()
                .deploySteps(
                    new DeploySteps(
                        DurationDistribution.uniform(10_000, 20_000),
                        DurationDistribution.fixed(0),
                        1L << 30))),
        Arguments.of(
            "baseImage: {name: ubuntu, version: '24.04'}",
            defaults().baseImage(new BaseImage("ubuntu", "24.04"))),
        Arguments.of(
            "baseImage: {version: '7'}", defaults().baseImage(new BaseImage("base", "7"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fields")
  void everyFieldIsReadIntoTheConfiguration(String field, LespConfig.Builder expected)
      throws Exception {
    assertSameConfig(expected.build(), lesp(field));
  }

  /** Record equality, except that menus (no value equality) compare by their types. */
  static void assertSameConfig(LespConfig expected, LespConfig actual) throws Exception {
    assertEquals(expected.menu().types(), actual.menu().types(), "menu");
    for (RecordComponent c : LespConfig.class.getRecordComponents()) {
      if (!c.getName().equals("menu")) {
        assertEquals(c.getAccessor().invoke(expected), c.getAccessor().invoke(actual), c.getName());
      }
    }
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("headroom: -1", "lesp.headroom", "-1"),
        Arguments.of("strategy: sideways", "lesp.strategy", "'sideways'"),
        Arguments.of("strategy: canary 0 watch 1m then rolling 2", "lesp.strategy", "canary 0"),
        Arguments.of("strategy: canary 1 watch soon then rolling 2", "lesp.strategy", "'soon'"),
        Arguments.of("strategy: canary 1 watch 1m then rolling x", "lesp.strategy", "'x'"),
        // web's pool is 2 machines (2 instances, no headroom).
        Arguments.of("strategy: canary 3 watch 1m then rolling 1", "lesp.strategy", "canary 3"),
        Arguments.of("menu: []", "lesp.menu", "empty list"),
        Arguments.of("menu: [{name: a, cpu: 0, memory: 4Gi, price: 1}]", "lesp.menu[0].cpu", "'0'"),
        Arguments.of(
            "menu: [{name: a, cpu: 2, memory: 4, price: 1}]", "lesp.menu[0].memory", "'4'"),
        Arguments.of(
            "menu: [{name: a, cpu: 2, memory: 4Gi, price: -1}]", "lesp.menu[0].price", "-1"),
        Arguments.of(
            "menu: [{name: a, cpu: 2, memory: 4Gi, price: 1}, {name: a, cpu: 4, memory: 8Gi,"
                + " price: 2}]",
            "lesp.menu[1].name",
            "'a'"),
        Arguments.of(
            "menu: [{name: a, cpu: 2, memory: 4Gi, price: 1, gpu: 1}]",
            "lesp.menu[0].gpu",
            "'gpu'"),
        Arguments.of("pin: {api: m5.large}", "lesp.pin.api", "'api'"),
        Arguments.of("pin: {web: m9.huge}", "lesp.pin.web", "'m9.huge'"),
        Arguments.of(
            "pin: {web: c5.large}\n  agents: {big: {cpu: 1500m}}", "lesp.pin.web", "c5.large"),
        Arguments.of("agents: {logs: {cpu: lots}}", "lesp.agents.logs.cpu", "'lots'"),
        Arguments.of("agents: {logs: {disk: 1GB}}", "lesp.agents.logs.disk", "'disk'"),
        Arguments.of("pending: 5", "lesp.pending", "'5'"),
        Arguments.of("boot: {median: 0s, p99: 30s}", "lesp.boot.median", "'0s'"),
        Arguments.of("boot: {median: 1m, p99: 30s}", "lesp.boot.p99", "'30s'"),
        Arguments.of("bake: {median: 5m, p95: 9m}", "lesp.bake.p95", "'p95'"),
        Arguments.of("bootFailure: 1", "lesp.bootFailure", "1.0"),
        Arguments.of("bootFailure: half", "lesp.bootFailure", "'half'"),
        Arguments.of("meanTimeToCrash: 0s", "lesp.meanTimeToCrash", "'0s'"),
        Arguments.of("meanTimeToCrash: often", "lesp.meanTimeToCrash", "'often'"),
        Arguments.of("configManagement: {failure: 1.5}", "lesp.configManagement.failure", "1.5"),
        Arguments.of("configManagement: {attempts: 0}", "lesp.configManagement.attempts", "was 0"),
        Arguments.of(
            "configManagement: {parallelism: 0}", "lesp.configManagement.parallelism", "was 0"),
        Arguments.of(
            "configManagement: {periodic: yes}", "lesp.configManagement.periodic", "'yes'"),
        Arguments.of("configManagement: {interval: 0s}", "lesp.configManagement.interval", "'0s'"),
        Arguments.of("configManagement: {splay: -1s}", "lesp.configManagement.splay", "'-1s'"),
        Arguments.of(
            "configManagement: {converge: {median: 10m, p99: 5m}}",
            "lesp.configManagement.converge.p99",
            "'5m'"),
        Arguments.of("autoScaling: {target: 0, max: 3}", "lesp.autoScaling.target", "was 0.0"),
        Arguments.of("autoScaling: {target: 0.5}", "lesp.autoScaling.max", "required"),
        Arguments.of("autoScaling: {target: 0.5, min: 4, max: 3}", "lesp.autoScaling.max", "was 3"),
        Arguments.of(
            "autoScaling: {target: 0.5, max: 3, evaluation: 0s}",
            "lesp.autoScaling.evaluation",
            "'0s'"),
        Arguments.of(
            "autoScaling: {target: 0.5, max: 3, cooldown: 1 minute}",
            "lesp.autoScaling.cooldown",
            "'1 minute'"),
        Arguments.of("bake: {min: 10m, max: 8m}", "lesp.bake.max", "'8m'"),
        Arguments.of("bake: {min: 8m, max: 10m, p99: 9m}", "lesp.bake.p99", "not both"),
        Arguments.of("bake: {min: 8m}", "lesp.bake.max", "required"),
        Arguments.of(
            "deploySteps: {fetchBandwidth: 0MB}", "lesp.deploySteps.fetchBandwidth", "'0MB'"),
        Arguments.of("deploySteps: {drain: soon}", "lesp.deploySteps.drain", "'soon'"),
        Arguments.of("deploySteps: {unpack: 5s}", "lesp.deploySteps.unpack", "'unpack'"),
        Arguments.of("baseImage: {version: ''}", "lesp.baseImage.version", "blank"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void everyBadValueIsOneErrorNamingFileLineFieldAndValue(String field, String path, String value) {
    ScenarioFileException e =
        assertThrows(
            ScenarioFileException.class,
            () -> ScenarioFile.parse(SMALL + "lesp:\n  " + field + "\n", "r.yaml"));
    assertEquals("r.yaml", e.file(), e.getMessage());
    assertEquals(7, e.line(), e.getMessage());
    assertEquals(path, e.field(), e.getMessage());
    assertTrue(e.problem().contains(value), e.getMessage());
  }
}
