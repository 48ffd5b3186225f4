package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.kusp.ClusterAutoscaling;
import io.platformsim.core.kusp.DeploymentSpec;
import io.platformsim.core.kusp.PodAutoscaling;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code services[].deployment.rightSized} and the {@code kusp-rightsized} platform variant: the
 * field is read and refused with file, line, field and value; the variant runs KuSP with the
 * right-sized requests on a cluster sized for them, limits kept in proportion as the VPA does, and
 * leaves LeSP and KuSP as they were. Expected node counts are worked out by hand from the node
 * type, the DaemonSets and the requests ({@link Scenario#nodesFor}'s rule).
 */
class RightSizedKuspTest {

  private static final String HEAD =
      """
      services:
        - name: web
          instances: 4
          request: {cpu: 500m, memory: 1Gi}
          usage: {cpu: 200m, memory: 512Mi}
          deployment:
      """;

  @Test
  void rightSizedIsReadInTheRequestsUnits() {
    Scenario s =
        ScenarioFile.parse(HEAD + "      rightSized: {cpu: 0.25, memory: 384Mi}\n", "r.yaml");
    assertEquals(Resources.of(250, 384), s.kusp().deployment("web").rightSized());
    Scenario none = ScenarioFile.parse(HEAD + "      priority: 1\n", "r.yaml");
    assertNull(none.kusp().deployment("web").rightSized());
    // the Java builder says the same
    assertEquals(
        DeploymentSpec.builder().rightSized(Resources.of(250, 384)).build(),
        DeploymentSpec.builder().rightSized("250m", "384Mi").build());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {cpu: 0m, memory: 1Gi}      | rightSized.cpu    | '0m'
          {cpu: 100m, memory: 0Mi}    | rightSized.memory | '0Mi'
          {cpu: 100m, memory: 1024}   | rightSized.memory | '1024'
          {cpu: lots, memory: 1Gi}    | rightSized.cpu    | 'lots'
          {cpu: 100m}                 | rightSized.memory | required
          {memory: 1Gi}               | rightSized.cpu    | required
          {cpu: 100m, memory: 1Gi, gpu: 1} | rightSized.gpu | unknown field 'gpu'
          """)
  void aBadRightSizedValueNamesFileLineFieldAndValue(String value, String field, String fragment) {
    ScenarioFileException e =
        assertThrows(
            ScenarioFileException.class,
            () -> ScenarioFile.parse(HEAD + "      rightSized: " + value + "\n", "r.yaml"));
    String prefix = "r.yaml:7: services[0].deployment." + field + ": ";
    assertTrue(e.getMessage().startsWith(prefix), e.getMessage() + " should start " + prefix);
    assertTrue(e.getMessage().contains(fragment), e.getMessage() + " should name " + fragment);
  }

  @Test
  void theBuilderRefusesLessThanOneMilliOrOneMebibyte() {
    assertThrows(
        IllegalArgumentException.class,
        () -> DeploymentSpec.builder().rightSized(Resources.of(0, 512)).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> DeploymentSpec.builder().rightSized(Resources.of(100, 0)).build());
  }

  /**
   * The VPA's proportional limit, kubernetes/autoscaler {@code
   * vertical-pod-autoscaler/pkg/utils/vpa/limit_and_request_scaling_test.go} ({@code
   * TestGetProportionalResourceLimitCPU} / {@code ...Mem}), CPU in millicores, memory in MiB.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          scale proportionally       | 2000 | 1000 | 10000 | 20000
          no original limit          | 0    | 1000 | 10000 | 0
          no original request        | 2000 | 0    | 10000 | 10000
          limit equal to request     | 1000 | 1000 | 10000 | 10000
          non-integer ratio (CPU)    | 2000 | 1500 | 1000  | 1333
          non-integer ratio (memory) | 200  | 150  | 100   | 133
          go over the cap            | 10000000000000 | 1 | 10000000000000 | 9223372036854775807
          """)
  void limitsKeepTheirRatioToTheRequestAsTheVpaKeepsThem(
      String name, long limit, long request, long recommended, long expected) {
    assertEquals(expected, RightSizedKuspFactory.proportional(limit, request, recommended));
  }

  /**
   * Two services on the default KuSP node (4 cores, 16 GiB; 100 Mi hard eviction; three DaemonSets
   * of 300m and 392 Mi in all): room for pods 3700m and 15892 Mi, 107 pod slots. As written, 8 × 1
   * core + 4 × 1 core = 12000m: 12000 / 3700 = 3.24 > memory 32768 / 15892 = 2.06, × 1.1 = 3.57, so
   * 4 nodes (and 3 pods of 1 core fit a node, 12 pods on 4 nodes). Right-sized to half: 6000m /
   * 3700 × 1.1 = 1.78, so 2 nodes (7 pods of 500m fit a node: 3500m ≤ 3700m, and at most 7 × 2 Gi ≤
   * 15892 Mi).
   */
  private static Scenario halved() {
    return Scenario.builder("halved")
        .service(
            Service.builder("api")
                .instances(8)
                .request(Resources.of(1000, 2048))
                .usage(Resources.of(200, 512))
                .build())
        .service(
            Service.builder("worker")
                .instances(4)
                .request(Resources.of(1000, 4096))
                .usage(Resources.of(200, 1024))
                .build())
        .deployment(
            "api",
            DeploymentSpec.builder()
                .limits(Resources.of(2000, 2048))
                .rightSized(Resources.of(500, 1024))
                .build())
        .deployment("worker", DeploymentSpec.builder().rightSized(Resources.of(500, 2048)).build())
        // 5 minutes: shorter than the autoscaler's 10 min before a node is unneeded, so the node
        // counts stay the initial ones
        .horizon(Duration.ofMinutes(5))
        .replications(2)
        .seed(11)
        .build();
  }

  @Test
  void theVariantRunsTheRightSizedRequestsOnAClusterSizedForThem() {
    Scenario s = halved();
    assertEquals(4, s.kusp().initialNodes());
    Scenario r = new RightSizedKuspFactory().adapt(s);
    assertEquals(Resources.of(500, 1024), r.workload().service("api").request());
    assertEquals(Resources.of(500, 2048), r.workload().service("worker").request());
    assertEquals(2, r.kusp().initialNodes());
    // the default autoscaler for 4 nodes (2..12) becomes the default for 2 (1..6)
    assertEquals(ClusterAutoscaling.between(1, 6), r.kusp().clusterAutoscaling());
    // api's CPU limit was twice its request and stays so; memory limit = request stays = request
    assertEquals(Resources.of(1000, 1024), r.kusp().deployment("api").limits());
    assertNull(r.kusp().deployment("worker").limits());
    // everything else as it was
    assertEquals(s.lesp(), r.lesp());
    assertEquals(s.timeline(), r.timeline());
    assertEquals(s.workload().service("api").usage(), r.workload().service("api").usage());
  }

  @Test
  void aHandPickedNodeCountKeepsItsHeadroomOverTheBound() {
    // 6 nodes where the bound asks 4: the right-sized cluster gets ceil(6 × 2 / 4) = 3, and a
    // hand-written autoscaler is kept
    ClusterAutoscaling mine = ClusterAutoscaling.between(3, 9);
    Scenario s =
        halved().withKusp(halved().kusp().withInitialNodes(6).withClusterAutoscaling(mine));
    Scenario r = new RightSizedKuspFactory().adapt(s);
    assertEquals(3, r.kusp().initialNodes());
    assertEquals(mine, r.kusp().clusterAutoscaling());
  }

  @Test
  void withoutAnyRightSizedRequestTheVariantRefusesToRun() {
    Scenario plain = SmallScenario.build();
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> new RightSizedKuspFactory().adapt(plain));
    assertTrue(
        e.getMessage().startsWith("kusp-rightsized: ")
            && e.getMessage().contains("'small'")
            && e.getMessage().contains("rightSized"),
        e.getMessage());
  }

  @Test
  void rightSizingHalvesKuspsNodesAndCostAndLeavesLespAndKuspAlone() {
    Scenario s = halved();
    ComparisonResult three =
        Comparison.run(s, PlatformRegistry.withVariants(), Comparison.Progress.NONE, 1);
    assertEquals(
        List.of("lesp", "kusp", "kusp-rightsized"),
        three.platforms().stream().map(PlatformResult::name).toList());
    assertEquals("KuSP right-sized", three.platform("kusp-rightsized").label());
    // 4 nodes as written, 2 right-sized, all 5 minutes; cost = nodes × $0.192/h (generic-4x16)
    assertEquals(4.0, three.platform("kusp").mean(Figure.MACHINES), 1e-9);
    assertEquals(2.0, three.platform("kusp-rightsized").mean(Figure.MACHINES), 1e-9);
    assertEquals(4 * 0.192, three.platform("kusp").mean(Figure.COST_PER_HOUR), 1e-9);
    assertEquals(2 * 0.192, three.platform("kusp-rightsized").mean(Figure.COST_PER_HOUR), 1e-9);
    assertEquals(
        0.5,
        three.ratio("kusp-rightsized", Figure.COST_PER_HOUR)
            / three.ratio("kusp", Figure.COST_PER_HOUR),
        1e-9);
    // LeSP and KuSP are the standard comparison's, figure for figure
    ComparisonResult two =
        Comparison.run(s, PlatformRegistry.standard(), Comparison.Progress.NONE, 1);
    assertEquals(two.platform("lesp").figures(), three.platform("lesp").figures());
    assertEquals(two.platform("kusp").figures(), three.platform("kusp").figures());
  }

  /**
   * The HPA scales on usage ÷ request, so right-sizing moves it too, and the scale-out figure
   * counts against the right-sized request. api at 3 × 200m: as written 600 / 1000 = 60%, the
   * target, so KuSP needs its 8 pods (reached at once, 0 s); right-sized 600 / 500 = 120%, twice
   * the target, so 16 pods (k/k {@code pkg/controller/podautoscaler/replica_calculator.go}: ceil(8
   * × 1.2 / 0.6)). 16 + 4 pods of 500m need ceil(20 / 7) = 3 nodes, one more than the 2 it starts
   * with, which takes at least the 2 min a node needs to be Ready.
   */
  @Test
  void rightSizedPodsRunHotterSoTheHpaScalesThemOutOntoANewNode() {
    Scenario base = halved();
    Scenario s =
        Scenario.builder("hpa")
            .services(base.workload().services())
            .deployment(
                "api", base.kusp().deployment("api").withAutoscaling(PodAutoscaling.cpu(8, 40, 60)))
            .deployment("worker", base.kusp().deployment("worker"))
            .loadSpike(Duration.ofMinutes(2), Duration.ofMinutes(15), "api", 3.0)
            .horizon(Duration.ofMinutes(20))
            .replications(1)
            .seed(11)
            .build();
    ComparisonResult r =
        Comparison.run(
            s,
            PlatformRegistry.withVariants().only("kusp", "kusp-rightsized"),
            Comparison.Progress.NONE,
            1);
    assertEquals(0.0, r.platform("kusp").mean(Figure.SCALE_OUT_SECONDS), 1e-9);
    assertEquals(4.0, r.platform("kusp").mean(Figure.PEAK_MACHINES), 1e-9);
    assertTrue(
        r.platform("kusp-rightsized").mean(Figure.SCALE_OUT_SECONDS) >= 120,
        r.platform("kusp-rightsized").toString());
    assertEquals(3.0, r.platform("kusp-rightsized").mean(Figure.PEAK_MACHINES), 1e-9);
  }

  @Test
  void theStandardRegistryStaysLespAndKusp() {
    assertEquals(List.of("lesp", "kusp"), PlatformRegistry.standard().names());
    assertEquals(
        List.of("lesp", "kusp", "kusp-rightsized"), PlatformRegistry.withVariants().names());
  }
}
