package io.platformsim.fleet.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the fixtures of examples/fleet/manifests; expected figures worked out by hand. */
class ManifestReaderTest {

  private static final Path FIXTURES = Path.of("..", "examples", "fleet", "manifests");

  private final ImportedWorkloads imported = new ManifestReader().read(FIXTURES);

  private ImportedWorkload workload(String name) {
    return imported.workloads().stream().filter(w -> w.name().equals(name)).findFirst().get();
  }

  /** The skipped documents of the fixtures, by kind (counted by hand, file by file). */
  private static final Map<String, Integer> FIXTURE_SKIPPED =
      Map.of(
          // shop-config (helm), fluent-bit-config (logging), web-config-7h2k9m4t5c (kustomize)
          "ConfigMap", 3,
          "CronJob", 1, // batch.yaml
          "Job", 1, // batch.yaml
          "Secret", 1, // list.yaml
          // checkout (helm), redis (shop/redis.yaml), catalog and web (kustomize)
          "Service", 4,
          "ServiceAccount", 1); // helm

  @Test
  void readsEveryWorkloadKindFromYamlJsonListHelmAndKustomizeOutputInPathOrder() {
    // files sorted: batch.yaml (Deployments worker, batch; CronJob, Job), list.yaml (ReplicaSet,
    // Pod, Secret), logging/fluent-bit.yaml (ConfigMap, DaemonSet), node-agents.json (DaemonSet),
    // payments.yaml (Deployment, LimitRange), shop/helm-rendered.yaml (ServiceAccount, ConfigMap,
    // Service, PriorityClasses, 2 Deployments, HPA, PDB), shop/postgres-statefulset.yaml
    // (StatefulSet, PDB), shop/redis.yaml (Service, StatefulSet), storefront-kustomized.yaml
    // (ConfigMap, 2 Services, Deployments catalog and web sorted by name, PDB, HPA)
    assertEquals(
        List.of(
            "worker",
            "batch",
            "search",
            "debug",
            "fluent-bit",
            "node-exporter",
            "ledger",
            "checkout",
            "cart",
            "postgres",
            "redis",
            "catalog",
            "web"),
        imported.workloads().stream().map(ImportedWorkload::name).toList());
    assertEquals(
        List.of(
            "Deployment",
            "Deployment",
            "ReplicaSet",
            "Pod",
            "DaemonSet",
            "DaemonSet",
            "Deployment",
            "Deployment",
            "Deployment",
            "StatefulSet",
            "StatefulSet",
            "Deployment",
            "Deployment"),
        imported.workloads().stream().map(ImportedWorkload::kind).toList());
    assertEquals(FIXTURE_SKIPPED, imported.skipped());
  }

  @Test
  void initAndSidecarContainersFollowUpstreamsEffectiveRequest() {
    // checkout: apps 500m+50m, sidecar envoy 100m added -> 650m; init migrate 1000m (envoy starts
    // after it, so not added) -> max(650, 1000) = 1000m. Memory: 512+64+128 = 704Mi vs 256Mi.
    ImportedWorkload checkout = workload("checkout");
    assertEquals(1000, checkout.request().cpuMillis());
    assertEquals(704L << 20, checkout.request().memoryBytes());
    assertEquals(QosClass.BURSTABLE, checkout.request().qos());
    assertEquals(3, checkout.replicas());
    assertEquals("shop", checkout.namespace());
    assertEquals("registry.example.com/shop/checkout:1.4.2", checkout.image());
    assertEquals(Map.of("app", "checkout", "tier", "web"), checkout.labels());
    Service s = checkout.service();
    assertEquals("checkout.shop", s.name());
    assertEquals(3, s.instances());
    assertEquals(Resources.of(1000, 704), s.request());
  }

  @Test
  void limitsOnlyGiveGuaranteedAndOverheadIsAdded() {
    ImportedWorkload pg = workload("postgres");
    assertEquals(Resources.of(2000, 4096), pg.service().request());
    assertEquals(QosClass.GUARANTEED, pg.request().qos());
    // node-exporter: 100m + 10m overhead, 180Mi + 16Mi overhead; one pod (node count unknown)
    ImportedWorkload ne = workload("node-exporter");
    assertEquals(Resources.of(110, 196), ne.service().request());
    assertEquals(1, ne.replicas());
    assertEquals("monitoring", ne.namespace());
  }

  @Test
  void aMissingRequestIsListedWithTheFallbackNeverZero() {
    ImportedWorkload cart = workload("cart");
    assertEquals(List.of("cart:cpu", "cart:memory"), cart.request().missing());
    assertEquals(0, cart.request().cpuMillis());
    assertEquals(QosClass.BEST_EFFORT, cart.request().qos());
    // scheduler non-zero defaults: 100m, 200 MiB
    assertEquals(Resources.of(100, 200), cart.service().request());
    assertEquals(Resources.of(10, 200), workload("debug").service().request());
  }

  @Test
  void limitRangeDefaultsFillMissingRequestsAsAdmissionWould() {
    // payments LimitRange: defaultRequest 250m/256Mi, default (limits) 500m/512Mi.
    // app sets nothing: 250m/256Mi. audit has a cpu limit of 1, so it requests 1 cpu (API
    // defaulting, before admission) and takes only the memory default: 256Mi.
    ImportedWorkload ledger = workload("ledger");
    assertEquals(1250, ledger.request().cpuMillis());
    assertEquals(512L << 20, ledger.request().memoryBytes());
    assertTrue(ledger.request().missing().isEmpty());
    // requests (1250m, 512Mi) differ from limits (1500m, 1Gi): burstable
    assertEquals(QosClass.BURSTABLE, ledger.request().qos());
    assertEquals(Resources.of(1250, 512), ledger.service().request());
  }

  @Test
  void aLimitRangeOfAnotherNamespaceDoesNotApply(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("m.yaml");
    Files.writeString(
        f,
        "kind: LimitRange\nmetadata: {name: lr, namespace: other}\n"
            + "spec: {limits: [{type: Container, default: {cpu: 2}}]}\n---\n"
            + "kind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: 'a:1'}]}\n");
    ImportedWorkloads w = new ManifestReader().read(f);
    assertEquals(List.of("a:cpu", "a:memory"), w.workloads().get(0).request().missing());
    Files.writeString(f, Files.readString(f).replace("namespace: other", "namespace: default"));
    // default without defaultRequest: the request is the default (SetDefaults_LimitRangeItem)
    PodRequest r = new ManifestReader().read(f).workloads().get(0).request();
    assertEquals(2000, r.cpuMillis());
    assertEquals(List.of("a:memory"), r.missing());
  }

  @Test
  void strategyPriorityPlacementAndProbesAreRead() {
    WorkloadDetails checkout = workload("checkout").details();
    assertEquals(new RolloutStrategy("RollingUpdate", 1, 0), checkout.strategy());
    assertEquals("shop-critical", checkout.priorityClassName());
    assertEquals(100000, checkout.priority());
    assertEquals(
        Map.of("kubernetes.io/arch", "amd64", "node.example.com/pool", "web"),
        checkout.nodeSelector());
    assertEquals(List.of("dedicated=web:NoSchedule"), checkout.tolerations());
    // readiness: delay 5, period 5, success 2, timeout and failure left to defaults (1, 3)
    ProbeTiming ready = checkout.readiness().get();
    assertEquals(new ProbeTiming(5, 5, 1, 2, 3), ready);
    assertEquals(5 + 5, ready.earliestReadySeconds());
    assertTrue(checkout.liveness().isEmpty());
    // cart: default 25%/25% of 2 replicas: surge ceil(0.5) = 1, unavailable floor(0.5) = 0;
    // no class named, so the globalDefault PriorityClass's value
    WorkloadDetails cart = workload("cart").details();
    assertEquals(new RolloutStrategy("RollingUpdate", 1, 0), cart.strategy());
    assertEquals(1000, cart.priority());
    // StatefulSet and DaemonSet: one pod at a time, no surge
    assertEquals(
        new RolloutStrategy("RollingUpdate", 0, 1), workload("postgres").details().strategy());
    WorkloadDetails ne = workload("node-exporter").details();
    assertEquals(new RolloutStrategy("RollingUpdate", 0, 1), ne.strategy());
    assertEquals(List.of("*"), ne.tolerations());
    assertEquals(RolloutStrategy.NONE, workload("search").details().strategy());
    // fluent-bit: maxUnavailable 10% of its one pod, rounded up as the DaemonSet controller does
    // (UnavailableCount, pkg/controller/daemon/util/daemonset_util.go): ceil(0.1) = 1, not 0
    assertEquals(
        new RolloutStrategy("RollingUpdate", 0, 1), workload("fluent-bit").details().strategy());
    assertEquals(2_000_001_000, workload("fluent-bit").details().priority());
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    // ResolveFenceposts (pkg/controller/deployment/util/deployment_util.go) on
    // GetScaledValueFromIntOrPercent (apimachinery intstr.go): surge up, unavailable down
    "10, 25%, 25%, 3, 2",
    "4, 0, 0, 0, 1",
    "3, 0%, 10%, 0, 1",
    "3, 50%, 50%, 2, 1",
    "5, 2, 1, 2, 1",
  })
  void deploymentFencepostsFollowUpstream(
      int replicas, String surge, String unavailable, int wantSurge, int wantUnavailable) {
    var ru = new io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment();
    ru.setMaxSurge(intOrString(surge));
    ru.setMaxUnavailable(intOrString(unavailable));
    var s = new io.fabric8.kubernetes.api.model.apps.DeploymentStrategy();
    s.setType("RollingUpdate");
    s.setRollingUpdate(ru);
    assertEquals(
        new RolloutStrategy("RollingUpdate", wantSurge, wantUnavailable),
        RolloutStrategy.deployment(s, replicas, "spec.strategy"));
  }

  private static io.fabric8.kubernetes.api.model.IntOrString intOrString(String v) {
    return v.endsWith("%")
        ? new io.fabric8.kubernetes.api.model.IntOrString(v)
        : new io.fabric8.kubernetes.api.model.IntOrString(Integer.parseInt(v));
  }

  @Test
  void hpaAttachesByTargetRefAndPdbBySelector() {
    WorkloadDetails checkout = workload("checkout").details();
    assertEquals(
        new Autoscaler("checkout", 3, 12, java.util.OptionalInt.of(70)),
        checkout.autoscaler().get());
    // minAvailable 2 of 3 healthy replicas: 1 eviction allowed
    assertEquals(new DisruptionBudget("checkout", "2", "", 1), checkout.disruptionBudget().get());
    // maxUnavailable 50% of 2, rounded up: 1; desired healthy 1; 1 eviction allowed
    assertEquals(
        new DisruptionBudget("postgres", "", "50%", 1),
        workload("postgres").details().disruptionBudget().get());
    // kustomize output: web's HPA (4..20, CPU 60%); catalog's PDB maxUnavailable 1 of 3
    // replicas: desired healthy 2, 1 eviction allowed
    assertEquals(
        new Autoscaler("web", 4, 20, java.util.OptionalInt.of(60)),
        workload("web").details().autoscaler().get());
    assertEquals(
        new DisruptionBudget("catalog", "", "1", 1),
        workload("catalog").details().disruptionBudget().get());
    assertTrue(workload("cart").details().autoscaler().isEmpty());
    assertTrue(workload("cart").details().disruptionBudget().isEmpty());
  }

  @Test
  void anHpaWithoutMetricsTargets80PercentCpuAndOrphansAreSkipped(@TempDir Path dir)
      throws IOException {
    Path f = dir.resolve("h.yaml");
    Files.writeString(
        f,
        "kind: Deployment\nmetadata: {name: web}\n"
            + "spec: {template: {metadata: {labels: {app: web}}, spec: {containers: [{name: a, image: 'a:1'}]}}}\n"
            + "---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\n"
            + "spec: {scaleTargetRef: {kind: Deployment, name: web}, maxReplicas: 4}\n"
            + "---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: gone}\n"
            + "spec: {scaleTargetRef: {kind: Deployment, name: gone}, maxReplicas: 4}\n"
            + "---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: other}\n"
            + "spec: {minAvailable: 1, selector: {matchLabels: {app: other}}}\n");
    ImportedWorkloads w = new ManifestReader().read(f);
    assertEquals(
        new Autoscaler("web", 1, 4, java.util.OptionalInt.of(80)),
        w.workloads().get(0).details().autoscaler().get());
    assertEquals(
        Map.of("HorizontalPodAutoscaler (no target)", 1, "PodDisruptionBudget (no pods)", 1),
        w.skipped());
  }

  @Test
  void anUnknownPriorityClassIsAnError(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("p.yaml");
    Files.writeString(
        f,
        "kind: Pod\nmetadata: {name: p}\n"
            + "spec: {priorityClassName: gold, containers: [{name: a, image: 'a:1'}]}\n");
    assertEquals(
        f + "#0 (line 1): spec.priorityClassName: no PriorityClass named 'gold' in the manifests",
        assertThrows(ManifestException.class, () -> new ManifestReader().read(f)).getMessage());
  }

  @Test
  void theReportSumsRequestsTimesReplicasAsImported() {
    ImportReport r = imported.report();
    assertEquals(13, r.workloads());
    // replicas: worker 5, batch 2, search 4, debug 1, fluent-bit 1, node-exporter 1, ledger 2,
    // checkout 3, cart 2, postgres 2, redis 3, catalog 3, web 4
    assertEquals(5 + 2 + 4 + 1 + 1 + 1 + 2 + 3 + 2 + 2 + 3 + 3 + 4, r.pods());
    // per pod (millicores): worker max(1000 app, 50 init) = 1000, batch 2000, search 1500, debug
    // 10, fluent-bit 50, node-exporter 110, ledger 1250, checkout 1000, cart 0, postgres 2000,
    // redis 250, catalog 500, web 250; times replicas
    assertEquals(
        1000 * 5 + 2000 * 2 + 1500 * 4 + 10 + 50 + 110 + 1250 * 2 + 1000 * 3 + 0 + 2000 * 2
            + 250 * 3 + 500 * 3 + 250 * 4,
        r.cpuMillis());
    // per pod (MiB): worker max(2048, 64) = 2048, batch 6144, search 3072, debug 0 (missing),
    // fluent-bit 128 (its limit), node-exporter 196, ledger 512, checkout 704, cart 0, postgres
    // 4096, redis 512, catalog 1024, web 256
    assertEquals(
        2048 * 5 + 6144 * 2 + 3072 * 4 + 0 + 128 + 196 + 512 * 2 + 704 * 3 + 0 + 4096 * 2 + 512 * 3
            + 1024 * 3 + 256 * 4,
        r.memoryMiB());
    assertEquals(List.of("ops/debug", "shop/cart"), r.missingRequests());
    assertEquals(FIXTURE_SKIPPED, r.skipped());
  }

  @Test
  void aDuplicateWorkloadNamesBothFiles(@TempDir Path dir) throws IOException {
    String pod =
        "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\n"
            + "spec: {containers: [{name: a, image: 'web:1'}]}\n";
    Files.writeString(dir.resolve("a.yaml"), pod);
    Files.writeString(dir.resolve("b.yaml"), "kind: ConfigMap\nmetadata: {name: x}\n---\n" + pod);
    ManifestException e =
        assertThrows(ManifestException.class, () -> new ManifestReader().read(dir));
    String a = dir.resolve("a.yaml").toString();
    String b = dir.resolve("b.yaml").toString();
    assertEquals(
        b
            + "#1 (line 4): metadata.name: duplicate Pod default/web, first defined in "
            + a
            + "#0, again in "
            + b
            + "#1",
        e.getMessage());
  }

  @Test
  void aBadQuantityNamesFileDocumentLineAndField(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(
        f,
        "kind: ConfigMap\nmetadata: {name: fine}\n---\n"
            + "kind: List\nitems:\n- kind: Deployment\n  metadata: {name: broken}\n"
            + "  spec:\n    template:\n      spec:\n        containers:\n"
            + "        - {name: app, image: 'app:1', resources: {requests: {memory: 12XB}}}\n");
    ManifestException e = assertThrows(ManifestException.class, () -> new ManifestReader().read(f));
    assertEquals(
        f
            + "#1 (line 4): items[0].spec.template.spec.containers[0].resources.requests.memory: "
            + "not a quantity: '12XB'",
        e.getMessage());
  }

  @Test
  void malformedYamlAnEmptyDirectoryAndNegativeReplicasAreErrors(@TempDir Path dir)
      throws IOException {
    assertTrue(
        assertThrows(ManifestException.class, () -> new ManifestReader().read(dir))
            .getMessage()
            .endsWith("no .yaml, .yml or .json file found"));
    Path f = dir.resolve("x.yaml");
    Files.writeString(f, "kind: [unclosed\n");
    assertTrue(
        assertThrows(ManifestException.class, () -> new ManifestReader().read(f))
            .getMessage()
            .startsWith(f + "#0 (line 1): not YAML or JSON"));
    Files.writeString(
        f,
        "kind: Deployment\nmetadata: {name: d}\n"
            + "spec: {replicas: -2, template: {spec: {containers: [{name: a, image: 'a:1'}]}}}\n");
    assertEquals(
        f + "#0 (line 1): spec.replicas: must be >= 0, was -2",
        assertThrows(ManifestException.class, () -> new ManifestReader().read(f)).getMessage());
  }
}
