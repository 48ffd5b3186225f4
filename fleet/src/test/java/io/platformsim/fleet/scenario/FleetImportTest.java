package io.platformsim.fleet.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.experiment.Scenario;
import io.platformsim.core.experiment.ScenarioFile;
import io.platformsim.core.experiment.TimelineEvent;
import io.platformsim.core.kusp.DaemonSet;
import io.platformsim.core.kusp.DeploymentSpec;
import io.platformsim.core.kusp.NodePool;
import io.platformsim.core.kusp.PodAutoscaling;
import io.platformsim.core.kusp.Probe;
import io.platformsim.core.lesp.LespPlatform;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import io.platformsim.fleet.inventory.AutoScalingGroupsReader;
import io.platformsim.fleet.inventory.Ec2InstancesReader;
import io.platformsim.fleet.inventory.InstanceCatalogue;
import io.platformsim.fleet.inventory.Inventory;
import io.platformsim.fleet.inventory.InventoryCsv;
import io.platformsim.fleet.inventory.ServiceMapping;
import io.platformsim.fleet.manifests.ImportedWorkloads;
import io.platformsim.fleet.manifests.ManifestReader;
import io.platformsim.fleet.usage.UsagePercentilesReader;
import io.platformsim.fleet.usage.UsageProfile;
import io.platformsim.fleet.usage.UsageSeriesReader;
import io.platformsim.scheduler.pod.AntiAffinityTerm;
import io.platformsim.scheduler.pod.LabelSelector;
import io.platformsim.scheduler.pod.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The fixtures of {@code examples/fleet} imported into one scenario: pairing by name and through
 * the renames file, the derived sides computed by hand, usage and right-sizing, DaemonSets, node
 * selectors, and the YAML reading back as the scenario.
 */
class FleetImportTest {

  private static final Path FLEET = Path.of("..", "examples", "fleet");
  private static final InstanceCatalogue AWS = InstanceCatalogue.AWS_US_EAST_1;

  /** Read once: reading manifests is the slow part (fabric8), and the result is immutable. */
  private static final ImportedWorkloads MANIFESTS =
      new ManifestReader().read(FLEET.resolve("manifests"));

  private static ImportedFleet fixtures;

  private static ImportedWorkloads manifests() {
    return MANIFESTS;
  }

  private static Inventory instances() throws IOException {
    Path f = FLEET.resolve("inventory/describe-instances.json");
    return Ec2InstancesReader.read(Files.readString(f), f.toString(), ServiceMapping.DEFAULT, AWS);
  }

  private static Inventory csv() throws IOException {
    Path f = FLEET.resolve("inventory/inventory.csv");
    return InventoryCsv.read(Files.readString(f), f.toString(), AWS);
  }

  private static Inventory groups() throws IOException {
    Path f = FLEET.resolve("inventory/describe-auto-scaling-groups.json");
    return AutoScalingGroupsReader.read(
        Files.readString(f), f.toString(), ServiceMapping.DEFAULT, AWS);
  }

  private static Map<String, UsageProfile> series() {
    return UsageProfile.ofSeries(UsageSeriesReader.read(FLEET.resolve("usage/series.csv")));
  }

  /** Manifests, the EC2 inventory, the usage series and the renames file. */
  private static ImportedFleet fixtures() throws IOException {
    if (fixtures == null) {
      fixtures = importFixtures();
    }
    return fixtures;
  }

  private static ImportedFleet importFixtures() throws IOException {
    return FleetImport.builder("fixtures")
        .manifests(manifests())
        .inventory(instances().plus(csv()))
        .usage(series())
        .renames(ServiceRenames.read(FLEET.resolve("renames.csv")))
        .build();
  }

  private static ServiceOrigin origin(ImportedFleet f, String service) {
    return f.origins().stream().filter(o -> o.service().equals(service)).findFirst().orElseThrow();
  }

  @Test
  void aServiceOfOneNameOnBothSidesIsOneService() throws IOException {
    ImportedFleet f = fixtures();
    Scenario s = f.scenario();
    // search: ReplicaSet of 4 x 1500m/3Gi (list.yaml) and 5 c5.xlarge machines (EC2 inventory)
    Service search = s.workload().service("search");
    assertEquals(4, search.instances());
    assertEquals(Resources.of(1500, 3072), search.request());
    assertEquals("c5.xlarge", s.lesp().pinnedTypes().get("search"));
    assertEquals(5, s.lesp().poolSize(search));
    ServiceOrigin o = origin(f, "search");
    assertEquals("search: 5 x c5.xlarge", o.inventory());
    assertTrue(o.manifest().startsWith("ReplicaSet default/search ("), o.manifest());
    assertFalse(o.lespDerived() || o.kuspDerived());
  }

  @Test
  void theRenamesFilePairsLegacyNamesWithKubernetesOnes() throws IOException {
    Scenario s = fixtures().scenario();
    // checkout -> checkout.shop: 6 x m5.large; payments -> ledger.payments: 3 x m6i.large and
    // 1 x t3.medium, pinned to the type most of them run
    assertEquals(6, s.lesp().poolSize(s.workload().service("checkout.shop")));
    assertEquals("m5.large", s.lesp().pinnedTypes().get("checkout.shop"));
    assertEquals(4, s.lesp().poolSize(s.workload().service("ledger.payments")));
    assertEquals("m6i.large", s.lesp().pinnedTypes().get("ledger.payments"));
    assertTrue(fixtures().notModelled().stream().anyMatch(n -> n.startsWith("ledger.payments:")));
    // without the file the two sides stay apart: checkout and payments become services of their
    // own (KuSP derived) beside checkout.shop and ledger.payments (LeSP derived)
    ImportedFleet apart =
        FleetImport.builder("apart").manifests(manifests()).inventory(instances()).build();
    List<String> names =
        apart.scenario().workload().services().stream().map(Service::name).toList();
    // manifest services in reading order (files sorted by path: batch.yaml, list.yaml,
    // payments.yaml, shop/helm-rendered.yaml, shop/postgres-statefulset.yaml, shop/redis.yaml,
    // storefront-kustomized.yaml; the two DaemonSets are no services), then the inventory-only
    // ones by name (catalog pairs by name with its manifest)
    assertEquals(
        List.of(
            "worker",
            "batch",
            "search",
            "debug.ops",
            "ledger.payments",
            "checkout.shop",
            "cart.shop",
            "postgres.shop",
            "redis.shop",
            "catalog",
            "web",
            "checkout",
            "payments"),
        names);
    assertTrue(origin(apart, "checkout").kuspDerived());
    assertTrue(origin(apart, "checkout.shop").lespDerived());
  }

  /**
   * postgres.shop, a StatefulSet of 2 x 2 cores / 4 GiB with no inventory: LeSP needs 2200m / 4496
   * MiB per machine with the default agents (logs 100m/200Mi, metrics and monitoring 50m/100Mi
   * each). On the menu c5.large, m5.large, r5.large and m6i.large have 2 cores (too few); the
   * cheapest with 4 is c5.xlarge at $0.17/h (m5.xlarge $0.192). One machine per replica plus the
   * 20% headroom: ceil(2 x 1.2) = 3. LeSP launches exactly that.
   */
  @Test
  void aManifestOnlyServiceGetsTheCheapestFittingMenuTypePerReplica() throws IOException {
    ImportedFleet f = fixtures();
    Scenario s = f.scenario();
    Service pg = s.workload().service("postgres.shop");
    assertTrue(origin(f, "postgres.shop").lespDerived());
    assertNull(s.lesp().pinnedTypes().get("postgres.shop"));
    Simulation sim = new Simulation();
    LespPlatform lesp = new LespPlatform(sim, RandomStreams.of(1, 0), s.lesp());
    lesp.deploy(pg);
    sim.runUntil(3_600_000);
    assertEquals("c5.xlarge", lesp.instanceType("postgres.shop").name());
    assertEquals(3, lesp.machines("postgres.shop").size());
    assertTrue(
        f.derived().stream()
            .anyMatch(
                d -> d.startsWith("postgres.shop: lesp derived") && d.contains("3 x c5.xlarge")),
        f.derived().toString());
  }

  /**
   * Pairing moves the LeSP side: checkout.shop (3 replicas of 1000m / 704 MiB) paired with the
   * legacy checkout runs its 6 m5.large machines; unpaired (no renames file) LeSP derives it: 1200m
   * / 1104 MiB with the agents fits c5.large, the cheapest menu type, and ceil(3 x 1.2) = 4 of
   * them.
   */
  @Test
  void pairingMovesTheLespPoolFromDerivedToTheInventorys() throws IOException {
    ImportedFleet apart =
        FleetImport.builder("apart").manifests(manifests()).inventory(instances()).build();
    String[] types = new String[2];
    int[] machines = new int[2];
    Scenario[] scenarios = {fixtures().scenario(), apart.scenario()};
    for (int i = 0; i < 2; i++) {
      Simulation sim = new Simulation();
      LespPlatform lesp = new LespPlatform(sim, RandomStreams.of(1, 0), scenarios[i].lesp());
      lesp.deploy(scenarios[i].workload().service("checkout.shop"));
      sim.runUntil(3_600_000);
      types[i] = lesp.instanceType("checkout.shop").name();
      machines[i] = lesp.machines("checkout.shop").size();
    }
    assertEquals("m5.large", types[0]);
    assertEquals(6, machines[0]);
    assertEquals("c5.large", types[1]);
    assertEquals(4, machines[1]);
  }

  /**
   * reports: 4 x t3.large (2 cores, 8 GiB) in inventory.csv, in no manifest: 4 replicas, each
   * requesting what a machine leaves it after the LeSP agents, 2000 - 200 = 1800m and 8192 - 400 =
   * 7792 MiB, using a quarter of that.
   */
  @Test
  void anInventoryOnlyServiceGetsReplicasEqualToItsMachines() throws IOException {
    ImportedFleet f = fixtures();
    Service reports = f.scenario().workload().service("reports");
    assertTrue(origin(f, "reports").kuspDerived());
    assertEquals(4, reports.instances());
    assertEquals(Resources.of(1800, 7792), reports.request());
    assertEquals(Resources.of(450, 1948), reports.usage());
    assertEquals(4, f.scenario().lesp().poolSize(reports));
    assertFalse(f.scenario().kusp().deployments().containsKey("reports"));
  }

  /**
   * web: the ASG web-asg (tag service=web), 3 m5.large, with the percentiles file's usage. The
   * request is the VPA target: CPU p90 0.4 cores x 1.15 = 460m; memory p90 300 MiB (peaks = the
   * percentiles) x 1.15 = 345 MiB; both below the m5.large room (1800m, 7792 MiB). Usage: the p50s,
   * 0.2 cores and 200 MiB.
   */
  @Test
  void anInventoryOnlyServiceWithUsageIsSizedByIt() throws IOException {
    Map<String, UsageProfile> pct =
        new TreeMap<>(UsagePercentilesReader.read(FLEET.resolve("usage/percentiles.csv")));
    pct.remove("batch"); // in neither inventory file
    ImportedFleet f = FleetImport.builder("asg").inventory(groups()).usage(pct).build();
    Service web = f.scenario().workload().service("web");
    assertEquals(3, web.instances());
    assertEquals(Resources.of(460, 345), web.request());
    assertEquals(Resources.of(200, 200), web.usage());
    assertEquals("percentiles", origin(f, "web").usage());
    assertEquals(Resources.of(460, 345), f.rightSized().get("web").target());
  }

  /**
   * checkout's series (renamed checkout.shop), 48 hourly samples over two days: CPU 0.05 x (h + 1)
   * cores, each value twice, so the nearest-rank p50 (rank 24) is the 12th value, 0.6 cores; memory
   * 1 GiB + 10h MiB on day 1 and + 20h MiB on day 2: 24 values are at most 1174 MiB (h <= 15 on day
   * 1, h <= 7 on day 2), so p50 is 1174 MiB. The VPA target: CPU p90 (rank 44, the 22nd value, 1.1
   * cores) x 1.15 = 1265m; memory peaks, one per day (1254 and 1484 MiB), p90 1484 x 1.15 = 1706.6
   * -> 1707 MiB.
   */
  @Test
  void usageSetsTheSimulatedUsageAndTheRecommendation() throws IOException {
    ImportedFleet f = fixtures();
    Service checkout = f.scenario().workload().service("checkout.shop");
    assertEquals(Resources.of(600, 1174), checkout.usage());
    assertEquals(Resources.of(1000, 704), checkout.request()); // the manifest's, unchanged
    assertEquals(Resources.of(1265, 1707), f.rightSized().get("checkout.shop").target());
    assertEquals("checkout.shop", f.rightSized().get("checkout.shop").service());
    // ... and the target is what the kusp-rightsized variant requests; cart.shop has no usage
    assertEquals(
        Resources.of(1265, 1707), f.scenario().kusp().deployment("checkout.shop").rightSized());
    assertNull(f.scenario().kusp().deployment("cart.shop").rightSized());
    assertEquals("series", origin(f, "checkout.shop").usage());
    assertEquals("", origin(f, "cart.shop").usage());
  }

  @Test
  void usageForAServiceOnNeitherSideIsAnErrorNamingIt() throws IOException {
    Map<String, UsageProfile> pct =
        UsagePercentilesReader.read(FLEET.resolve("usage/percentiles.csv"));
    FleetImportException e =
        assertThrows(
            FleetImportException.class,
            () -> FleetImport.builder("asg").inventory(groups()).usage(pct).build());
    assertTrue(
        e.getMessage().contains("'batch'") && e.getMessage().contains("neither"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  /**
   * checkout's manifest (helm-rendered.yaml): RollingUpdate maxSurge 1 / maxUnavailable 0, priority
   * class shop-critical (100000), readiness initialDelay 5 s, period 5 s, success 2 (so Ready no
   * earlier than 5 + 5 = 10 s), HPA 3..12 at 70% CPU, PDB minAvailable 2, node selector and a
   * NoSchedule toleration dedicated=web; its selector needs a pool of its own.
   */
  @Test
  void theManifestDetailsBecomeTheDeploymentSpec() throws IOException {
    Scenario s = fixtures().scenario();
    DeploymentSpec d = s.kusp().deployment("checkout.shop");
    assertEquals("1", d.maxSurge().toString());
    assertEquals("0", d.maxUnavailable().toString());
    assertEquals(100_000, d.priority());
    assertEquals(new Probe(10_000, 5_000, 3), d.readiness());
    assertEquals(PodAutoscaling.cpu(3, 12, 70), d.autoscaling());
    assertEquals("2", d.disruptionBudget().minAvailable().toString());
    assertEquals(
        Map.of("kubernetes.io/arch", "amd64", "node.example.com/pool", "web"), d.nodeSelector());
    assertEquals(
        List.of(new io.platformsim.core.kusp.NoScheduleTerm("dedicated", false, "web")),
        d.noScheduleTerms());
    NodePool pool = s.kusp().nodePools().get(0);
    assertEquals(d.nodeSelector(), pool.labels());
    assertTrue(pool.initialNodes() >= 1);
    // the DaemonSet is a KuSP DaemonSet, not a service
    // the DaemonSets in reading order: logging/fluent-bit.yaml, then node-agents.json
    assertEquals(
        List.of("fluent-bit.logging", "node-exporter.monitoring"),
        s.kusp().daemonSets().stream().map(DaemonSet::name).toList());
    assertFalse(s.workload().contains("node-exporter.monitoring"));
  }

  @Test
  void theYamlNamesEachOriginAndReadsBackAsTheScenario() throws IOException {
    ImportedFleet f = fixtures();
    String yaml = f.yaml();
    assertTrue(
        yaml.contains(
            "  # reports: inventory reports: 4 x t3.large; KuSP derived\n  - name: reports\n"),
        yaml);
    assertTrue(yaml.contains("  # checkout.shop: manifest Deployment shop/checkout ("), yaml);
    assertEquals(f.scenario(), ScenarioFile.parse(yaml, "fixtures.yaml"));
  }

  /**
   * The default timeline: a release of each of the 13 services (11 from manifests, reports and
   * legacy-billing from inventory.csv) 2 minutes apart from 1 h, the spike on the service with the
   * most instances (worker, 5 replicas), the failure on the next (search and web have 4; search is
   * listed first), a base-image change of each from 4 h; 8 h, 8 replications, seed 42.
   */
  @Test
  void theTimelineIsTheDefaultScenarios() throws IOException {
    Scenario s = fixtures().scenario();
    assertEquals(8 * 3_600_000L, s.horizonMillis());
    assertEquals(8, s.replications());
    assertEquals(42, s.seed());
    List<TimelineEvent> t = s.timeline();
    long spikes =
        t.stream()
            .filter(e -> e instanceof TimelineEvent.LoadChange l && l.service().equals("worker"))
            .count();
    assertEquals(2, spikes); // up at 3 h 15, back at 3 h 45
    assertTrue(
        t.stream()
            .anyMatch(
                e ->
                    e instanceof TimelineEvent.MachineFailure m
                        && m.service().equals("search")
                        && m.atMillis() == 210 * 60_000L));
    assertEquals(26, t.stream().filter(e -> e instanceof TimelineEvent.ApplyRelease).count());
  }

  @Test
  void twoInventoryServicesRenamedToOneAreAnError() throws IOException {
    ServiceRenames r = new ServiceRenames(Map.of("catalog", "search"));
    FleetImportException e =
        assertThrows(
            FleetImportException.class,
            () -> FleetImport.builder("x").inventory(instances()).renames(r).build());
    assertTrue(
        e.getMessage().contains("'catalog'") && e.getMessage().contains("'search'"),
        e.getMessage());
  }

  @Test
  void nothingToImportIsAnError() {
    FleetImportException e =
        assertThrows(FleetImportException.class, () -> FleetImport.builder("x").build());
    assertTrue(e.getMessage().contains("nothing to import"), e.getMessage());
  }

  /**
   * shop/redis.yaml: pods labelled {app: redis, tier: cache}, a required anti-affinity on the
   * hostname selecting app=redis AND tier Exists. The service is redis.shop, whose pods carry
   * app=redis.shop (the model's label), so the selector must name app In [redis.shop] to keep
   * selecting redis's own pods: one pod per node, as in the cluster. tier stays a pod label.
   */
  @Test
  void placementTermsCarryOverWithTheAppLabelRewrittenToTheService() throws IOException {
    DeploymentSpec redis = fixtures().scenario().kusp().deployment("redis.shop");
    assertEquals(Map.of("tier", "cache"), redis.labels());
    assertEquals(
        List.of(
            new AntiAffinityTerm(
                new LabelSelector(
                    List.of(Requirement.in("app", "redis.shop"), Requirement.exists("tier"))),
                "kubernetes.io/hostname")),
        redis.podAntiAffinity());
    assertTrue(
        fixtures().notModelled().stream()
            .anyMatch(n -> n.startsWith("redis.shop: label app=redis carried as app=redis.shop")),
        fixtures().notModelled().toString());
  }

  /**
   * catalog (storefront-kustomized.yaml) requires instance type r5.large or r6i.large, or a
   * memory-gib label above 15 on amd64: the default m5.2xlarge nodes carry neither, so the import
   * gives it a pool of nodes meeting the first term, r5.large (2 cores, 16 GiB), as a cluster
   * running it would have; otherwise its pods would stay Pending and every rollout stall.
   */
  @Test
  void aRequiredNodeAffinityNoDefaultNodeMeetsGetsAPoolMeetingIt() throws IOException {
    Scenario s = fixtures().scenario();
    List<NodePool> pools =
        s.kusp().nodePools().stream().filter(p -> p.nodeType().name().equals("r5.large")).toList();
    assertEquals(1, pools.size(), s.kusp().nodePools().toString());
    assertTrue(
        KuspSide.meetsNodeAffinity(
            pools.get(0), s.kusp().deployment("catalog").requiredNodeAffinity()));
    assertFalse(
        KuspSide.meetsNodeAffinity(
            s.kusp().pools().get(0), s.kusp().deployment("catalog").requiredNodeAffinity()));
  }
}
