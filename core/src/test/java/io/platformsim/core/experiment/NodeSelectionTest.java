package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.kusp.DeploymentSpec;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.NodePool;
import io.platformsim.core.kusp.NodeType;
import io.platformsim.core.kusp.nodelifecycle.Toleration;
import io.platformsim.core.lesp.InstanceMenu;
import io.platformsim.core.lesp.InstanceType;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import io.platformsim.scheduler.cluster.Taint;
import io.platformsim.scheduler.cluster.TaintEffect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code deployment.nodeSelector} and NoSchedule {@code deployment.tolerations}: read as the
 * builder says, refused at load when no node pool admits the service, and an instance-type selector
 * pins the LeSP machine type.
 */
class NodeSelectionTest {

  /**
   * web (line 2, deployment at line 6) and a kusp section with a tainted, labelled pool of "m8"
   * nodes; LeSP's menu has small and m8.
   */
  static String file(String deployment) {
    return """
        services:
          - name: web
            instances: 2
            request: {cpu: 500m, memory: 1Gi}
            usage: {cpu: 100m, memory: 256Mi}
            deployment: %s
        kusp:
          initialNodes: 2
          autoscaler: {min: 1, max: 4}
          nodePools:
            - name: batch
              nodeType: {name: m8, cpu: 8, memory: 32Gi, price: 0.4}
              labels: {tier: batch}
              taints: [{key: dedicated, value: batch}]
              max: 3
        lesp:
          menu:
            - {name: small, cpu: 2, memory: 4Gi, price: 0.1}
            - {name: m8, cpu: 8, memory: 32Gi, price: 0.4}
        """
        .formatted(deployment);
  }

  static Scenario parse(String deployment) {
    return ScenarioFile.parse(file(deployment), "s.yaml");
  }

  @Test
  void selectorAndTolerationsReadAsTheBuilderBuildsThem() {
    Scenario s =
        parse(
            "{nodeSelector: {tier: batch}, tolerations: [{key: unreachable, seconds: 30},"
                + " {key: dedicated, value: batch, effect: NoSchedule},"
                + " {key: spot, operator: Exists, effect: NoSchedule},"
                + " {operator: Exists, effect: NoSchedule}]}");
    DeploymentSpec expected =
        DeploymentSpec.builder()
            .nodeSelector(Map.of("tier", "batch"))
            .tolerations(List.of(Toleration.noExecute(Toleration.UNREACHABLE, 30L)))
            .noScheduleTolerations(
                List.of(
                    io.platformsim.scheduler.pod.Toleration.equal(
                        "dedicated", "batch", TaintEffect.NO_SCHEDULE),
                    io.platformsim.scheduler.pod.Toleration.exists("spot", TaintEffect.NO_SCHEDULE),
                    io.platformsim.scheduler.pod.Toleration.exists(null, TaintEffect.NO_SCHEDULE)))
            .build();
    assertEquals(expected, s.kusp().deployment("web"));
    // a selector on another label pins nothing on LeSP
    assertEquals(Map.of(), s.lesp().pinnedTypes());
  }

  @Test
  void anInstanceTypeSelectorPinsTheLespType() {
    Scenario s =
        parse(
            "{nodeSelector: {node.kubernetes.io/instance-type: m8},"
                + " tolerations: [{key: dedicated, value: batch, effect: NoSchedule}]}");
    assertEquals(Map.of("web", "m8"), s.lesp().pinnedTypes());
    // the same rule on the builder path
    Service web =
        Service.builder("web")
            .instances(2)
            .request(Resources.of(500, 1024))
            .usage(Resources.of(100, 256))
            .build();
    NodeType m8 = new NodeType("m8", Resources.ofCores(8, 32), 100_000_000_000L, 0.4, 110);
    Scenario built =
        Scenario.builder("b")
            .service(web)
            .lesp(
                LespConfig.builder()
                    .menu(
                        InstanceMenu.of(
                            InstanceType.of("small", 2, 4, 0.1), InstanceType.of("m8", 8, 32, 0.4)))
                    .build())
            .kusp(
                KuspConfig.builder()
                    .nodePool(NodePool.of("big", m8, 1, 0, 2))
                    .deployment(
                        "web",
                        DeploymentSpec.builder()
                            .nodeSelector(Map.of(NodePool.INSTANCE_TYPE_LABEL, "m8"))
                            .build())
                    .build())
            .build();
    assertEquals(Map.of("web", "m8"), built.lesp().pinnedTypes());
  }

  /** Each refusal: line, field after {@code services[0].deployment.}, a fragment of the message. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          "{nodeSelector: {tier: gold}}"                     | 6 | nodeSelector | fits no node pool
          "{nodeSelector: {tier: batch}}"                    | 6 | nodeSelector | taints [dedicated=batch:NoSchedule]
          "{tolerations: [{key: dedicated, value: gold, effect: NoSchedule}], nodeSelector: {tier: batch}}" | 6 | nodeSelector | fits no node pool
          "{nodeSelector: {node.kubernetes.io/instance-type: m9}}" | 6 | nodeSelector | fits no node pool
          "{nodeSelector: {node.kubernetes.io/instance-type: generic-4x16}}" | 6 | nodeSelector | LeSP cannot run it on: unknown instance type 'generic-4x16'
          "{tolerations: [{key: dedicated, effect: NoSchedule, seconds: 5}]}" | 6 | tolerations[0].seconds | NoExecute tolerations only
          "{tolerations: [{key: dedicated, operator: Exists, value: x, effect: NoSchedule}]}" | 6 | tolerations[0].value | must be empty with operator Exists
          "{tolerations: [{key: dedicated, operator: In, effect: NoSchedule}]}" | 6 | tolerations[0].operator | must be Equal or Exists
          "{tolerations: [{value: x, effect: NoSchedule}]}"  | 6 | tolerations[0].key | required with operator Equal
          "{tolerations: [{key: dedicated, effect: PreferNoSchedule}]}" | 6 | tolerations[0].effect | must be NoSchedule or NoExecute
          "{tolerations: [{key: unreachable, value: x}]}"    | 6 | tolerations[0].value | NoSchedule tolerations only
          """)
  void refusedAtTheLine(String deployment, int line, String field, String fragment) {
    ScenarioFileException e = assertThrows(ScenarioFileException.class, () -> parse(deployment));
    String prefix = "s.yaml:" + line + ": services[0].deployment." + field + ": ";
    assertTrue(e.getMessage().startsWith(prefix), e.getMessage() + " should start " + prefix);
    assertTrue(e.getMessage().contains(fragment), e.getMessage() + " should name " + fragment);
  }

  @Test
  void aLespPinThatDisagreesWithTheSelectorIsRefused() {
    String yaml =
        file(
                "{nodeSelector: {node.kubernetes.io/instance-type: m8},"
                    + " tolerations: [{key: dedicated, value: batch, effect: NoSchedule}]}")
            + "  pin: {web: small}\n";
    ScenarioFileException e =
        assertThrows(ScenarioFileException.class, () -> ScenarioFile.parse(yaml, "s.yaml"));
    assertTrue(e.getMessage().contains("lesp.pin pins it to 'small'"), e.getMessage());
  }

  @Test
  void aPoolAdmitsByLabelsZoneAndTaints() {
    NodePool p =
        NodePool.of("p", NodeType.GENERIC, 0, 0, 1)
            .withLabels(Map.of("tier", "batch"))
            .withTaints(List.of(new Taint("dedicated", "batch", TaintEffect.NO_SCHEDULE)));
    var tolerate =
        List.of(
            io.platformsim.scheduler.pod.Toleration.equal(
                "dedicated", "batch", TaintEffect.NO_SCHEDULE));
    List<String> zones = List.of("a", "b");
    assertTrue(p.admits(Map.of("tier", "batch"), tolerate, zones));
    assertTrue(p.admits(Map.of("topology.kubernetes.io/zone", "b"), tolerate, zones));
    assertTrue(p.admits(Map.of(NodePool.INSTANCE_TYPE_LABEL, "generic-4x16"), tolerate, zones));
    assertTrue(!p.admits(Map.of("topology.kubernetes.io/zone", "c"), tolerate, zones));
    assertTrue(!p.admits(Map.of("tier", "web"), tolerate, zones));
    assertTrue(!p.admits(Map.of(), List.of(), zones));
    assertTrue(!p.admits(Map.of("kubernetes.io/hostname", "node-1"), tolerate, zones));
  }
}
