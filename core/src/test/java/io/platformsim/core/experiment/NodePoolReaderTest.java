package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.kusp.Expander;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.NodePool;
import io.platformsim.core.kusp.NodeType;
import io.platformsim.core.workload.Resources;
import io.platformsim.scheduler.cluster.Taint;
import io.platformsim.scheduler.cluster.TaintEffect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code kusp.nodePools} and {@code kusp.expander}: read as the builder says, refused at the line.
 */
class NodePoolReaderTest {

  /** One small service; the kusp section starts at line 6, its first pool at line 9. */
  static final String HEAD =
      """
      services:
        - name: web
          instances: 2
          request: {cpu: 500m, memory: 1Gi}
          usage: {cpu: 100m, memory: 256Mi}
      kusp:
        initialNodes: 2
        autoscaler: {min: 1, max: 4}
      """;

  static KuspConfig kusp(String yaml) {
    return ScenarioFile.parse(yaml, "p.yaml").kusp();
  }

  @Test
  void poolsAndExpanderReadAsTheBuilderBuildsThem() {
    KuspConfig read =
        kusp(
            HEAD
                + """
                  expander: price
                  nodePools:
                    - name: big
                      nodeType: {name: m5.4xlarge, cpu: 16, memory: 64Gi, price: 0.768, maxPods: 50}
                      labels: {tier: batch, team: data}
                      taints: [{key: dedicated, value: batch, effect: NoSchedule}, {key: gpu}]
                      initial: 1
                      min: 1
                      max: 6
                    - name: spare
                      nodeType: {name: small, cpu: 2, memory: 8Gi, price: 0.096}
                      max: 3
                """);
    NodeType big =
        new NodeType(
            "m5.4xlarge", Resources.ofCores(16, 64), NodeType.GENERIC.diskBytes(), 0.768, 50);
    NodeType small =
        new NodeType("small", Resources.ofCores(2, 8), NodeType.GENERIC.diskBytes(), 0.096, 110);
    KuspConfig built =
        KuspConfig.builder()
            .identity(read.identity())
            .initialNodes(2)
            .clusterAutoscaling(
                io.platformsim.core.kusp.ClusterAutoscaling.between(1, 4)
                    .withUnneededMillis(
                        io.platformsim.core.kusp.ClusterAutoscaling.DEFAULT_UNNEEDED_MILLIS))
            .expander(Expander.PRICE)
            .nodePool(
                new NodePool(
                    "big",
                    big,
                    Map.of("tier", "batch", "team", "data"),
                    List.of(
                        new Taint("dedicated", "batch", TaintEffect.NO_SCHEDULE),
                        new Taint("gpu", "", TaintEffect.NO_SCHEDULE)),
                    1,
                    1,
                    6))
            // initial defaults to min (0)
            .nodePool(NodePool.of("spare", small, 0, 0, 3))
            .build();
    assertEquals(built, read);
    assertEquals(3, read.pools().size());
  }

  @Test
  void withoutPoolsTheConfigurationIsTheOneOfBefore() {
    KuspConfig read = kusp(HEAD);
    assertEquals(List.of(), read.nodePools());
    assertEquals(Expander.RANDOM, read.expander());
    assertEquals(1, read.pools().size());
  }

  private static final String POOL =
      "    - {name: big, nodeType: {name: m8, cpu: 8, memory: 32Gi, price: 0.4}";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          "  expander: leastwaste"                   | 9  | kusp.expander | did you mean 'least-waste'
          "  expander: cheapest"                     | 9  | kusp.expander | known: [random, least-waste, price]
          "  nodePools:\\n@, min: 3, max: 2}"        | 10 | kusp.nodePools[0].max | must be >= min 3, was 2
          "  nodePools:\\n@, initial: 5, max: 2}"    | 10 | kusp.nodePools[0].initial | must be <= max 2, was 5
          "  nodePools:\\n@}"                        | 10 | kusp.nodePools[0].max | missing
          "  nodePools:\\n@, max: 2, taints: [{key: a, effect: NoExecute}]}" | 10 | kusp.nodePools[0].taints[0].effect | must be NoSchedule, was 'NoExecute'
          "  nodePools:\\n@, max: 2, taints: [{value: a}]}" | 10 | kusp.nodePools[0].taints[0].key | missing
          "  nodePools:\\n@, max: 2}\\n@, max: 1}"   | 11 | kusp.nodePools[1].name | duplicate node pool name 'big'
          "  nodePools:\\n    - {name: default, nodeType: {name: m8, cpu: 8, memory: 32Gi, price: 0.4}, max: 1}" | 10 | kusp.nodePools[0].name | duplicate node pool name 'default'
          "  nodePools:\\n@, max: 2, labels: {node.kubernetes.io/instance-type: x}}" | 10 | kusp.nodePools[0].labels | set from nodeType.name
          "  nodePools:\\n@, max: 2, size: 3}"       | 10 | kusp.nodePools[0].size | unknown field 'size'
          "  nodePools:\\n    - {name: big, max: 2}" | 10 | kusp.nodePools[0].nodeType | missing
          """)
  void everyBadValueIsNamedAtItsLine(String lines, int line, String field, String fragment) {
    String yaml = HEAD + lines.replace("\\n", "\n").replace("@", POOL) + "\n";
    ScenarioFileException e =
        assertThrows(ScenarioFileException.class, () -> ScenarioFile.parse(yaml, "p.yaml"));
    String prefix = "p.yaml:" + line + ": " + field + ": ";
    assertTrue(e.getMessage().startsWith(prefix), e.getMessage() + " should start " + prefix);
    assertTrue(e.getMessage().contains(fragment), e.getMessage() + " should name " + fragment);
  }
}
