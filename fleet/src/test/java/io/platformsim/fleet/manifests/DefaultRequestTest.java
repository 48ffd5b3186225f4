package io.platformsim.fleet.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.workload.Resources;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --default-request}: parsing the option and its effect on imported services. */
class DefaultRequestTest {

  private static final Path FIXTURES = Path.of("..", "examples", "fleet", "manifests");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // quantities as in manifests (apimachinery resource/quantity.go): m = 1/1000, Mi = 2^20,
        // G = 10^9; CPU up to a millicore, memory up to a byte
        "cpu=250m,memory=256Mi | 250  | 268435456",
        "memory=1G , cpu=0.5   | 500  | 1000000000",
        "cpu=1                 | 1000 | 209715200", // memory keeps 200 MiB
        "memory=64Mi           | 100  | 67108864", // cpu keeps 100m
        "cpu=0.0001            | 1    | 209715200", // 0.1 millicore rounds up to 1
      })
  void parsesTheOptionLikeManifestQuantities(String text, long cpuMillis, long memoryBytes) {
    assertEquals(new DefaultRequest(cpuMillis, memoryBytes), DefaultRequest.parse(text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "cpu=lots           | --default-request: cpu: not a quantity: 'lots'",
        "cpu=250m,memory=12XB | --default-request: memory: not a quantity: '12XB'",
        "gpu=1              | --default-request: unknown field 'gpu' in 'gpu=1' (cpu or memory)",
        "cpu=1,cpu=2        | --default-request: cpu given twice in 'cpu=1,cpu=2'",
        "cpu=               | --default-request: cpu: no quantity after '='",
        "cpu=0              | --default-request: cpu: must be > 0, was '0'",
        "memory=-1Mi        | --default-request: memory: must be >= 0, was '-1Mi'",
      })
  void aBadOptionNamesTheFieldAndValue(String text, String message) {
    assertEquals(
        message,
        assertThrows(IllegalArgumentException.class, () -> DefaultRequest.parse(text))
            .getMessage());
  }

  @Test
  void theDocumentedDefaultIsTheSchedulersNonZeroRequestAndPrintsAsAnOption() {
    // DefaultMilliCPURequest = 100, DefaultMemoryRequest = 200 * 1024 * 1024
    // (kubernetes/kubernetes pkg/scheduler/util/pod_resources.go)
    assertEquals(new DefaultRequest(100, 200L << 20), DefaultRequest.SCHEDULER_NON_ZERO);
    assertEquals(DefaultRequest.SCHEDULER_NON_ZERO, new ManifestReader().defaultRequest());
    assertEquals("cpu=100m,memory=200Mi", DefaultRequest.SCHEDULER_NON_ZERO.toString());
    DefaultRequest d = DefaultRequest.parse("cpu=250m,memory=256Mi");
    assertEquals(d, DefaultRequest.parse(d.toString()));
  }

  @Test
  void theFallbackFillsOnlyMissingContainerRequestsAndTheReportStillListsThem() {
    ImportedWorkloads w =
        new ManifestReader()
            .withDefaultRequest(DefaultRequest.parse("cpu=250m,memory=300Mi"))
            .read(FIXTURES);
    // cart: one container, nothing requested: the fallback whole
    ImportedWorkload cart = find(w, "cart");
    assertEquals(Resources.of(250, 300), cart.service().request());
    assertTrue(
        cart.toString()
            .contains("missing [cart:cpu, cart:memory], with the fallback 250m CPU, 300 MiB"),
        cart.toString());
    // debug requests 10m CPU, no memory: only memory falls back
    assertEquals(Resources.of(10, 300), find(w, "debug").service().request());
    // complete requests are untouched: web 250m/256Mi as written
    assertEquals(Resources.of(250, 256), find(w, "web").service().request());
    // the report is as imported, before any fallback, and names both workloads
    ImportReport r = w.report();
    assertEquals(List.of("ops/debug", "shop/cart"), r.missingRequests());
    assertEquals(new ManifestReader().read(FIXTURES).report(), r);
  }

  private static ImportedWorkload find(ImportedWorkloads w, String name) {
    return w.workloads().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
  }
}
