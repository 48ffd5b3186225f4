package io.platformsim.fleet.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PodRequestsTest {

  /**
   * Pods written as {@code role:cpu/memory} items separated by {@code ;}, role {@code app}, {@code
   * init} (run to completion) or {@code side} (restartable init container), plus {@code
   * over:cpu/memory} for the pod overhead; an empty amount is left out.
   *
   * <p>The first four rows are kubernetes/kubernetes pkg/api/v1/resource/helpers_test.go
   * TestPodResourceRequests' restartable cases (as carried into scheduler-plugins'
   * GetPodResourceRequest tests): 1+1 = 2; max(5, 3+2+1+1) = 7; init-2 needs 5 + the sidecars
   * started before it (1+2) = 8; max(10+200, 10+100) = 210. The next two are the init-container max
   * and the overhead cases of the same tables (3000m/5G and 3500m/3G).
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "side:1/;app:1/                                        | 2000   | 0",
        "init:5/;side:1/;side:2/;side:3/;app:1/                | 7000   | 0",
        "init:5/;side:1/;side:2/;init:5/;side:3/;app:1/        | 8000   | 0",
        "side:10/;init:200/;app:100/                           | 210000 | 0",
        "init:2000m/5G;init:2000m/1G;app:1000m/1G;app:2000m/1G | 3000   | 5000000000",
        "app:1000m/1G;app:2000m/1G;over:500m/1G                | 3500   | 3000000000",
        "app:250m/64Mi;app:250m/64Mi                           | 500    | 134217728",
      })
  void effectiveRequestFollowsUpstream(String pod, long cpuMillis, long memoryBytes) {
    PodRequest r = PodRequests.of(spec(pod));
    assertEquals(cpuMillis, r.cpuMillis());
    assertEquals(memoryBytes, r.memoryBytes());
  }

  @org.junit.jupiter.api.Test
  void aLimitWithoutARequestIsTheRequestAndGuaranteed() {
    // SetDefaults_Pod (pkg/apis/core/v1/defaults.go): requests default to limits.
    PodSpec s = spec("");
    Container c = container("db", null, null);
    c.getResources().setLimits(Map.of("cpu", new Quantity("2"), "memory", new Quantity("4Gi")));
    s.setContainers(List.of(c));
    PodRequest r = PodRequests.of(s);
    assertEquals(2000, r.cpuMillis());
    assertEquals(4L << 30, r.memoryBytes());
    assertEquals(QosClass.GUARANTEED, r.qos());
    assertTrue(r.missing().isEmpty());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // GetPodQOS (pkg/apis/core/v1/helper/qos/qos.go)
        "app:/         | BEST_EFFORT",
        "app:100m/     | BURSTABLE",
        "app:100m/64Mi | BURSTABLE",
      })
  void qosWithoutLimits(String pod, QosClass qos) {
    assertEquals(qos, PodRequests.of(spec(pod)).qos());
  }

  @org.junit.jupiter.api.Test
  void missingRequestsAreListedAndTheFallbackIsTheSchedulersNonZeroDefault() {
    // pkg/scheduler/util/pod_resources.go: DefaultMilliCPURequest 100, DefaultMemoryRequest 200 MiB
    PodSpec s = spec("app:/;app:300m/");
    assertEquals(List.of("c0:cpu", "c0:memory", "c1:memory"), PodRequests.of(s).missing());
    assertEquals(300, PodRequests.of(s).cpuMillis());
    PodRequest f = PodRequests.withFallback(s);
    assertEquals(100 + 300, f.cpuMillis());
    assertEquals(2 * 200L * 1024 * 1024, f.memoryBytes());
  }

  @org.junit.jupiter.api.Test
  void aBadQuantityNamesTheField() {
    PodSpec s = spec("app:lots/");
    FieldProblem e = assertThrows(FieldProblem.class, () -> PodRequests.of(s));
    assertEquals("not a quantity: 'lots'", e.getMessage());
    assertEquals("spec.containers[0].resources.requests.cpu", e.field());
  }

  static PodSpec spec(String pod) {
    List<Container> apps = new ArrayList<>();
    List<Container> inits = new ArrayList<>();
    Map<String, Quantity> overhead = null;
    int n = 0;
    for (String item : pod.split(";")) {
      if (item.isBlank()) {
        continue;
      }
      String[] roleAmounts = item.trim().split(":");
      String[] amounts = (roleAmounts[1] + " ").split("/");
      String cpu = amounts[0].isBlank() ? null : amounts[0].trim();
      String mem = amounts.length < 2 || amounts[1].isBlank() ? null : amounts[1].trim();
      switch (roleAmounts[0]) {
        case "over" -> {
          overhead = new HashMap<>();
          overhead.put("cpu", new Quantity(cpu));
          overhead.put("memory", new Quantity(mem));
        }
        case "app" -> apps.add(container("c" + n++, cpu, mem));
        case "init" -> inits.add(container("c" + n++, cpu, mem));
        default -> {
          Container c = container("c" + n++, cpu, mem);
          c.setRestartPolicy("Always");
          inits.add(c);
        }
      }
    }
    PodSpec s = new PodSpec();
    s.setContainers(apps);
    s.setInitContainers(inits);
    s.setOverhead(overhead);
    return s;
  }

  static Container container(String name, String cpu, String memory) {
    Map<String, Quantity> requests = new HashMap<>();
    if (cpu != null) {
      requests.put("cpu", new Quantity(cpu));
    }
    if (memory != null) {
      requests.put("memory", new Quantity(memory));
    }
    ResourceRequirements rr = new ResourceRequirements();
    rr.setRequests(requests);
    Container c = new Container();
    c.setName(name);
    c.setImage("img:1");
    c.setResources(rr);
    return c;
  }

  @ParameterizedTest
  @CsvSource({
    // suffix multipliers, apimachinery pkg/api/resource/suffix.go: m = 10^-3, k M G T = 10^3..12,
    // Ki Mi Gi Ti = 2^10..40
    "500m, 0.5",
    "2, 2",
    "1k, 1000",
    "3M, 3000000",
    "1G, 1000000000",
    "2T, 2000000000000",
    "1Ki, 1024",
    "256Mi, 268435456",
    "4Gi, 4294967296",
    "1Ti, 1099511627776",
  })
  void plainQuantitiesTakeTheFastPathWithTheGeneralParsersValue(String text, String value) {
    Quantity q = new Quantity(text);
    BigDecimal fast = PodRequests.plainAmount(q.getAmount(), q.getFormat());
    assertEquals(0, new BigDecimal(value).compareTo(fast), text);
    assertEquals(0, Quantity.getAmountInBytes(q).compareTo(fast), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "1e3", "1Pi", "2E", "-1", "100u", "1234567890123456"})
  void otherFormsAreLeftToTheGeneralParser(String text) {
    Quantity q = new Quantity(text);
    assertEquals(null, PodRequests.plainAmount(q.getAmount(), q.getFormat()), text);
  }
}
