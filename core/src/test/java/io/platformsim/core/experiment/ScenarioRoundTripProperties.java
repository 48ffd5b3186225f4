package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.experiment.TimelineEvent.ApplyRelease;
import io.platformsim.core.experiment.TimelineEvent.FollowLoad;
import io.platformsim.core.experiment.TimelineEvent.LoadChange;
import io.platformsim.core.experiment.TimelineEvent.MachineFailure;
import io.platformsim.core.experiment.TimelineEvent.ZoneOutage;
import io.platformsim.core.kusp.ClusterAutoscaling;
import io.platformsim.core.kusp.CrashLoopBackOff;
import io.platformsim.core.kusp.DaemonSet;
import io.platformsim.core.kusp.DeploymentSpec;
import io.platformsim.core.kusp.Expander;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.KuspIdentity;
import io.platformsim.core.kusp.NoScheduleTerm;
import io.platformsim.core.kusp.NodePool;
import io.platformsim.core.kusp.NodeType;
import io.platformsim.core.lesp.AutoScaling;
import io.platformsim.core.lesp.BaseImage;
import io.platformsim.core.lesp.BatchSize;
import io.platformsim.core.lesp.ConfigManagement;
import io.platformsim.core.lesp.DeploySteps;
import io.platformsim.core.lesp.DeployStrategy;
import io.platformsim.core.lesp.InstanceMenu;
import io.platformsim.core.lesp.InstanceType;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.lesp.LespIdentity;
import io.platformsim.core.lesp.MachineAgents;
import io.platformsim.core.platform.HostFailures;
import io.platformsim.core.platform.Pricing;
import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.ImageLayer;
import io.platformsim.core.workload.LoadCurve;
import io.platformsim.core.workload.PlacementNeeds;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import io.platformsim.identity.access.IdentityMode;
import io.platformsim.identity.cert.RotationPolicy;
import io.platformsim.identity.ipam.Cidr;
import io.platformsim.identity.ipam.EniLimits;
import io.platformsim.identity.ipam.Network;
import io.platformsim.identity.ipam.Subnet;
import io.platformsim.scheduler.placement.Policies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * YAML → scenario → YAML round-trips: a scenario written by {@link ScenarioWriter} reads back as
 * the same scenario (record equality), and writing what was read gives the same text. The generator
 * covers every field the file format can express today (top level, services with images, placement
 * and Deployment specs, the whole {@code lesp} section, {@code kusp} with reservations, DaemonSets,
 * image pulls, scheduling and control-plane timings, {@code identity} with one authority or one per
 * platform, networks, overlay or VPC-native addressing, modes, certificates and resources, {@code
 * pricing}, {@code hostFailures}, every timeline event kind) with awkward text (quotes, colons,
 * non-ASCII, YAML words) and ragged numbers (any millisecond, random doubles), in the combinations
 * the readers accept: reservations and DaemonSets that leave every service room on the node, a zone
 * spread within both platforms' zones, VPC-native only on a node type with an ENI limit and with a
 * subnet in each KuSP zone, spot and reserved shares summing to at most 1.
 */
class ScenarioRoundTripProperties {

  /** Names YAML would misread unquoted, next to ordinary ones. */
  private static final List<String> NAMES =
      List.of(
          "web",
          "svc-01",
          "2",
          "a b",
          "x:y",
          "ünï",
          "yes",
          "q\"u\\o",
          "#hash",
          "- dash",
          "line\nbreak",
          " sp ",
          "emoji\uD83D\uDE00",
          "Null",
          "1e3",
          "[x]");

  private static final List<String> VERSIONS =
      List.of("1", "2.0", "v3", "debian-12.8", "yes", "ä", "1: x");

  private static final List<String> ZONES = List.of("a", "zone-b", "us-east-1c", "z 1", "2");

  private static final Schema SCHEMA = schema();

  private static Schema schema() {
    try {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(
              Files.readString(Path.of("../examples/scenarios/scenario.schema.json")),
              InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Property(tries = 200)
  void writtenAndReadBackIsTheSameScenario(@ForAll("scenarios") Scenario s) {
    String yaml = ScenarioWriter.write(s);
    assertEquals(s, ScenarioFile.parse(yaml, "written.yaml"), yaml);
  }

  @Property(tries = 200)
  void writingWhatWasReadGivesTheSameText(@ForAll("scenarios") Scenario s) {
    String yaml = ScenarioWriter.write(s);
    assertEquals(yaml, ScenarioWriter.write(ScenarioFile.parse(yaml, "written.yaml")));
  }

  /** What the writer writes, editors' schema checkers accept too (fewer tries: it is slower). */
  @Property(tries = 50)
  void writtenScenariosPassTheSchema(@ForAll("scenarios") Scenario s) throws IOException {
    String yaml = ScenarioWriter.write(s);
    assertEquals(List.of(), SCHEMA.validate(yaml, InputFormat.YAML), yaml);
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    return Arbitraries.randomValue(ScenarioRoundTripProperties::scenario);
  }

  static Scenario scenario(Random r) {
    List<String> names = new ArrayList<>(NAMES);
    Collections.shuffle(names, r);
    int n = 1 + r.nextInt(4);
    List<String> zones = new ArrayList<>(ZONES);
    Collections.shuffle(zones, r);
    zones = zones.subList(0, 1 + r.nextInt(3));
    List<Service> services = new ArrayList<>();
    Map<String, DeploymentSpec> deployments = new LinkedHashMap<>();
    for (String name : names.subList(0, n)) {
      // DeploymentSectionProperties' limits are at least 500m and 1Gi: requests stay below.
      boolean deployment = r.nextBoolean();
      // LeSP keeps its three default zones: a spread fits both platforms up to KuSP's zones.
      services.add(
          service(r, name, deployment ? 500 : 1500, deployment ? 1024 : 3000, zones.size()));
      if (deployment) {
        deployments.put(
            name, r.nextInt(4) == 0 ? DeploymentSpec.DEFAULT : DeploymentSectionProperties.spec(r));
      }
    }
    int authority = r.nextBoolean() ? 0 : r.nextInt(1_000_001);
    // One authority for both, or one each (the file then writes each under its platform).
    int kuspAuthority = r.nextBoolean() ? authority : r.nextInt(1_000_001);
    KuspConfig kusp = kusp(r, zones, services, kuspAuthority);
    // Some services select an extra pool that has labels, tolerating its taints: a pool's type
    // holds every drawn service (see node()), so the selection always admits the pods.
    List<NodePool> labelled = kusp.nodePools().stream().filter(p -> !p.labels().isEmpty()).toList();
    for (Service s : services) {
      if (!labelled.isEmpty() && r.nextInt(3) == 0) {
        NodePool p = labelled.get(r.nextInt(labelled.size()));
        List<NoScheduleTerm> tolerate = new ArrayList<>(p.noScheduleTerms());
        if (r.nextInt(4) == 0) {
          tolerate.add(new NoScheduleTerm(null, true, "")); // Exists, every key
        }
        DeploymentSpec spec = deployments.getOrDefault(s.name(), DeploymentSpec.DEFAULT);
        deployments.put(s.name(), spec.withNodeSelection(p.labels(), tolerate));
      }
    }
    long horizon = 60_000 + r.nextLong(3 * 86_400_000L);
    Scenario.Builder b =
        Scenario.builder(pick(r, NAMES))
            .services(services)
            .lesp(lesp(r, services, authority))
            .kusp(kusp)
            .pricing(pricing(r))
            .horizon(Duration.ofMillis(horizon))
            .replications(1 + r.nextInt(Scenario.MAX_REPLICATIONS))
            .seed(r.nextLong());
    if (r.nextBoolean()) {
      b.sampleEvery(Duration.ofMillis(1 + r.nextLong(horizon)));
    }
    b.hostFailures(hostFailures(r, services, horizon));
    deployments.forEach(b::deployment);
    long at = 0;
    for (int i = r.nextInt(9); i > 0; i--) {
      at = r.nextInt(3) == 0 ? at : wholeSecondsOrNot(r, r.nextLong(horizon));
      String service = services.get(r.nextInt(services.size())).name();
      b.event(
          switch (r.nextInt(5)) {
            case 4 -> new FollowLoad(at, service, curve(r, horizon));
            case 0 -> {
              Release.Kind kind = Release.Kind.values()[r.nextInt(Release.Kind.values().length)];
              double failure =
                  kind == Release.Kind.CONFIG || r.nextInt(3) == 0
                      ? 0
                      : r.nextInt(5) == 0 ? 1 : r.nextDouble();
              yield new ApplyRelease(at, new Release(service, kind, pick(r, VERSIONS), failure));
            }
            case 1 -> new LoadChange(at, service, r.nextBoolean() ? 1 : r.nextDouble() * 10);
            case 2 -> new MachineFailure(at, service, 1 + r.nextInt(100_000));
            default -> new ZoneOutage(at, kusp.zones().get(r.nextInt(kusp.zones().size())));
          });
    }
    return b.build();
  }

  private static Service service(Random r, String name, int maxCpu, int maxMemory, int zones) {
    Service.Builder b =
        Service.builder(name)
            .version(pick(r, VERSIONS))
            .instances(1 + r.nextInt(20))
            .request(Resources.of(1 + r.nextInt(maxCpu), 1 + r.nextInt(maxMemory)))
            .usage(Resources.of(r.nextInt(3000), r.nextInt(6000)))
            .artifactBytes(bytes(r))
            .startup(Duration.ofMillis(wholeSecondsOrNot(r, r.nextLong(600_000))))
            .healthCheck(Duration.ofMillis(wholeSecondsOrNot(r, r.nextLong(600_000))));
    if (r.nextBoolean()) {
      List<ImageLayer> layers = new ArrayList<>();
      for (int i = r.nextInt(4); i > 0; i--) {
        layers.add(new ImageLayer("sha256:" + pick(r, NAMES), bytes(r)));
      }
      b.image(new ImageDescription(pick(r, NAMES) + ":" + pick(r, VERSIONS), layers));
    }
    if (r.nextBoolean()) {
      b.placement(new PlacementNeeds(1 + r.nextInt(zones), r.nextBoolean(), r.nextBoolean()));
    }
    return b.build();
  }

  private static LespConfig lesp(Random r, List<Service> services, int authority) {
    LespConfig.Builder b = LespConfig.builder();
    List<InstanceType> types = InstanceMenu.AWS_DEFAULT.types();
    if (r.nextBoolean()) {
      List<String> names = new ArrayList<>(NAMES);
      names.removeIf(s -> !s.strip().equals(s)); // a pin's type is read stripped
      Collections.shuffle(names, r);
      types = new ArrayList<>();
      for (String name : names.subList(0, 1 + r.nextInt(3))) {
        types.add(
            new InstanceType(
                name,
                Resources.of(4000 + r.nextInt(60_000), 8192 + r.nextInt(200_000)),
                r.nextInt(4) == 0 ? 0.25 : r.nextDouble() * 5));
      }
      b.menu(InstanceMenu.of(types));
    }
    MachineAgents agents =
        switch (r.nextInt(3)) {
          case 0 -> MachineAgents.DEFAULT;
          case 1 -> MachineAgents.NONE;
          default -> {
            Map<String, Resources> m = new LinkedHashMap<>();
            for (int i = 1 + r.nextInt(2); i > 0; i--) {
              m.put(pick(r, NAMES), Resources.of(r.nextInt(200), r.nextInt(500)));
            }
            yield MachineAgents.of(m);
          }
        };
    b.agents(agents);
    int fewestInstances = Integer.MAX_VALUE;
    for (Service s : services) {
      fewestInstances = Math.min(fewestInstances, s.instances());
      if (r.nextInt(3) == 0) {
        Resources need = s.request().plus(agents.total());
        List<InstanceType> fit = types.stream().filter(t -> need.fitsIn(t.capacity())).toList();
        b.pin(s.name(), fit.get(r.nextInt(fit.size())).name());
      }
    }
    b.headroom(r.nextBoolean() ? 0 : r.nextDouble() * 2);
    b.strategy(
        switch (r.nextInt(4)) {
          case 0 -> new DeployStrategy.Rolling(batch(r));
          case 1 -> DeployStrategy.blueGreen();
          case 2 -> DeployStrategy.rollingPercent(25);
          // The reader refuses a canary larger than a pool; every pool holds its instances.
          default ->
              new DeployStrategy.Canary(
                  1 + r.nextInt(fewestInstances),
                  wholeSecondsOrNot(r, r.nextLong(7_200_000)),
                  batch(r));
        });
    b.imageBatch(batch(r)).replaceFailed(r.nextBoolean());
    if (r.nextBoolean()) {
      b.pending(distribution(r));
    }
    if (r.nextBoolean()) {
      b.boot(distribution(r));
    }
    if (r.nextBoolean()) {
      b.bake(distribution(r));
    }
    b.bootFailureProbability(r.nextBoolean() ? 0 : r.nextDouble() * 0.9);
    b.meanTimeToCrashMillis(r.nextBoolean() ? 0 : 1 + r.nextLong(100_000_000_000L));
    if (r.nextBoolean()) {
      b.configManagement(
          new ConfigManagement(
              distribution(r),
              r.nextDouble() * 0.5,
              1 + r.nextInt(1000),
              1 + r.nextInt(100_000),
              r.nextBoolean(),
              1 + r.nextLong(100_000_000),
              r.nextLong(10_000_000)));
    }
    if (r.nextBoolean()) {
      int min = 1 + r.nextInt(5);
      b.autoScaling(
          new AutoScaling(
              1 - r.nextDouble(),
              r.nextLong(1_000_000),
              1 + r.nextLong(1_000_000),
              min,
              min + r.nextInt(1000)));
    }
    for (Service s : services) {
      if (r.nextInt(4) == 0) {
        int min = 1 + r.nextInt(5);
        b.autoScaling(
            s.name(),
            new AutoScaling(
                1 - r.nextDouble(),
                r.nextLong(1_000_000),
                1 + r.nextLong(1_000_000),
                min,
                min + r.nextInt(1000)));
      }
    }
    if (r.nextBoolean()) {
      b.deploySteps(new DeploySteps(distribution(r), distribution(r), 1 + bytes(r)));
    }
    if (r.nextBoolean()) {
      b.baseImage(new BaseImage(pick(r, NAMES), pick(r, VERSIONS)));
    }
    return b.identity(lespIdentity(r, services, authority)).build();
  }

  /**
   * No host failures, or a mean time between failures from the shortest the scenario allows (at
   * most {@link Scenario#MAX_EXPECTED_HOST_FAILURES} expected) up to about three years, awkward
   * millisecond values included.
   */
  private static HostFailures hostFailures(Random r, List<Service> services, long horizon) {
    if (r.nextInt(3) == 0) {
      return HostFailures.NONE;
    }
    long instances = services.stream().mapToLong(Service::instances).sum();
    long shortest =
        Math.max(1, (long) Math.ceil(instances * horizon / Scenario.MAX_EXPECTED_HOST_FAILURES));
    return new HostFailures(shortest + r.nextLong(100_000_000_000L));
  }

  /** Spot and reserved shares that sum to at most 1, or everything on-demand. */
  private static Pricing pricing(Random r) {
    if (r.nextInt(3) == 0) {
      return Pricing.ON_DEMAND;
    }
    double spot = r.nextInt(4) == 0 ? 0.3 : r.nextDouble();
    double reserved = r.nextBoolean() ? 0 : r.nextDouble() * (1 - spot);
    return Pricing.ON_DEMAND
        .withSpot(spot, 1 - r.nextDouble(), r.nextBoolean() ? 0 : r.nextDouble() * 3)
        .withReserved(reserved, r.nextBoolean() ? 0.72 : r.nextDouble());
  }

  private static LespIdentity lespIdentity(Random r, List<Service> services, int authority) {
    LespIdentity id = LespIdentity.DEFAULT.withAuthorityCapacity(authority);
    if (r.nextBoolean()) {
      List<String> zones = new ArrayList<>(ZONES);
      Collections.shuffle(zones, r);
      id = id.withNetwork(network(r, zones.subList(0, 1 + r.nextInt(4))));
    }
    if (r.nextBoolean()) {
      id = id.withCertificates(certificates(r), r.nextBoolean());
    }
    for (Service s : services) {
      if (r.nextInt(3) == 0) {
        id = id.withResources(s.name(), resourceNames(r));
      }
    }
    return id;
  }

  /**
   * Overlay or VPC-native addressing (then a network with a subnet in each of {@code zones}), any
   * mode, authority and token capacities, certificates and resources.
   */
  private static KuspIdentity kuspIdentity(
      Random r, boolean vpcNative, List<String> zones, List<Service> services, int authority) {
    KuspIdentity id = KuspIdentity.INSTANT.withAuthorityCapacity(authority);
    if (vpcNative) {
      List<String> covered = new ArrayList<>(zones);
      if (r.nextBoolean()) {
        covered.add("extra");
      }
      Collections.shuffle(covered, r);
      id = id.vpcNative(network(r, covered));
    } else if (r.nextBoolean()) {
      int prefix = 8 + r.nextInt(23);
      id = id.overlay(cidr(r, prefix).toString(), prefix + r.nextInt(31 - prefix));
    }
    List<IdentityMode> modes =
        List.of(
            IdentityMode.WORKLOAD_IDENTITY, IdentityMode.NODE_ROLE, IdentityMode.CREDENTIAL_PROXY);
    id = id.withMode(pick(r, modes)).withTokenCapacity(r.nextBoolean() ? 0 : r.nextInt(1_000_001));
    if (r.nextBoolean()) {
      id = id.withCertificates(certificates(r)).withRenewals(r.nextBoolean());
    }
    for (Service s : services) {
      if (r.nextInt(3) == 0) {
        id = id.withResources(s.name(), resourceNames(r));
      }
    }
    return id;
  }

  /**
   * A block of 10.0.0.0/8 split, as the file's {@code network} splits it, into one {@code
   * /subnetPrefix} subnet per zone named after the zone, all with AWS's or all with plain
   * reservations.
   */
  private static Network network(Random r, List<String> zones) {
    int prefix = 8 + r.nextInt(15);
    Cidr block = cidr(r, prefix);
    int fewest = 32 - Integer.numberOfLeadingZeros(zones.size() - 1); // ceil(log2 zones)
    int subnetPrefix = prefix + fewest + r.nextInt(4); // at most /28: room after reservations
    boolean aws = r.nextBoolean();
    List<Subnet> subnets = new ArrayList<>();
    for (int i = 0; i < zones.size(); i++) {
      String z = zones.get(i);
      subnets.add(new Subnet(z, z, block.subnet(subnetPrefix, i), aws ? 4 : 1, 1));
    }
    return new Network(block, subnets);
  }

  /** A {@code /prefix} block of 10.0.0.0/8 (prefix at least 8). */
  private static Cidr cidr(Random r, int prefix) {
    long hostBits = (1L << (32 - prefix)) - 1;
    return new Cidr(((10L << 24) | r.nextInt(1 << 24)) & ~hostBits, prefix);
  }

  /** A lifetime and a renewal fraction that renews after at least 1 ms. */
  private static RotationPolicy certificates(Random r) {
    long ttl = 1 + r.nextLong(200L * 86_400_000L);
    double at = r.nextBoolean() ? 2.0 / 3 : 1 - r.nextDouble();
    return (long) Math.floor(ttl * at) >= 1
        ? new RotationPolicy(ttl, at)
        : new RotationPolicy(2, 1);
  }

  private static String[] resourceNames(Random r) {
    List<String> names = new ArrayList<>(NAMES);
    Collections.shuffle(names, r);
    return names.subList(0, r.nextInt(4)).toArray(new String[0]);
  }

  private static KuspConfig kusp(
      Random r, List<String> zones, List<Service> services, int authority) {
    ClusterAutoscaling ca = null;
    if (r.nextInt(3) > 0) {
      int min = r.nextInt(10);
      ca =
          new ClusterAutoscaling(
              min,
              Math.max(1, min) + r.nextInt(200),
              1 + wholeSecondsOrNot(r, r.nextLong(60_000)),
              r.nextInt(4) == 0 ? Scenario.NEVER : wholeSecondsOrNot(r, r.nextLong(3_600_000)),
              wholeSecondsOrNot(r, r.nextLong(3_600_000)),
              r.nextBoolean() ? 0.5 : 1 - r.nextDouble());
    }
    // VPC-native needs a node type with a known ENI limit (every one holds at least 4 pods, more
    // than the 3 DaemonSets at most drawn below).
    boolean vpcNative = r.nextInt(4) == 0;
    String typeName = vpcNative ? pick(r, EniLimits.AWS.all()).instanceType() : pick(r, NAMES);
    List<String> profiles = Policies.names();
    KuspConfig.Builder b =
        KuspConfig.builder()
            .nodeType(
                new NodeType(
                    typeName,
                    Resources.of(4000 + r.nextInt(60_000), 16_384 + r.nextInt(200_000)),
                    1 + bytes(r),
                    r.nextDouble() * 3,
                    10 + r.nextInt(240)))
            .zones(zones.toArray(new String[0]))
            .schedulerProfile(profiles.get(r.nextInt(profiles.size())))
            .initialNodes(r.nextInt(100))
            .clusterAutoscaling(ca)
            .identity(kuspIdentity(r, vpcNative, zones, services, authority));
    if (r.nextBoolean()) {
      node(r, b, services);
    }
    if (r.nextBoolean()) {
      controlPlane(r, b);
    }
    b.expander(Expander.values()[r.nextInt(Expander.values().length)]);
    // VPC-native caps every pool's type at its ENI limit: extra pools only on overlay networks.
    for (int i = vpcNative ? 0 : r.nextInt(3); i > 0; i--) {
      b.nodePool(pool(r, i));
    }
    return b.build();
  }

  /**
   * Extra pool {@code i} (named {@code pool-<i>}): a node type at least as large as the smallest
   * default one (so every drawn service fits it), labels and NoSchedule taints from the drawn
   * names, {@code min <= initial <= max}.
   */
  private static NodePool pool(Random r, int i) {
    NodeType type =
        new NodeType(
            pick(r, NAMES).strip() + "-" + i,
            Resources.of(4000 + r.nextInt(60_000), 16_384 + r.nextInt(200_000)),
            1 + bytes(r),
            r.nextDouble() * 3,
            10 + r.nextInt(240));
    int min = r.nextInt(5);
    int max = min + r.nextInt(50);
    NodePool p = NodePool.of("pool-" + i, type, min + r.nextInt(max - min + 1), min, max);
    Map<String, String> labels = new LinkedHashMap<>();
    for (int k = r.nextInt(3); k > 0; k--) {
      labels.put("tier-" + k, pick(r, VERSIONS).strip());
    }
    p = p.withLabels(labels);
    for (int k = r.nextInt(3); k > 0; k--) {
      p = p.withNoScheduleTaint("dedicated-" + k, r.nextBoolean() ? "" : pick(r, VERSIONS).strip());
    }
    return p;
  }

  /**
   * Reservations and DaemonSets that leave every drawn service room on the smallest drawn node
   * (4000m, 16Gi): at most 1500m + 600m + 1000m + 500m of CPU and 3000Mi + 768Mi + 2Gi + 1Gi + 1Gi
   * of memory; provisioning, bandwidths, parallel pulls and preloaded service images.
   */
  private static void node(Random r, KuspConfig.Builder b, List<Service> services) {
    b.reserved(
            Resources.of(r.nextInt(1000), r.nextInt(2048)),
            Resources.of(r.nextInt(500), r.nextInt(1024)))
        .evictionHardMemoryMib(r.nextInt(1024));
    List<String> names = new ArrayList<>(NAMES);
    names.removeIf(s -> !s.strip().equals(s)); // a DaemonSet's name is read stripped
    Collections.shuffle(names, r);
    b.daemonSets(
        names.subList(0, r.nextInt(4)).stream()
            .map(n -> new DaemonSet(n, Resources.of(r.nextInt(200), r.nextInt(256))))
            .toArray(DaemonSet[]::new));
    b.nodeProvisioning(distribution(r))
        .nodeBandwidth(1 + bytes(r))
        .registryBandwidth(1 + bytes(r))
        .maxParallelImagePulls(r.nextInt(10_001));
    // A preloaded image is named by its reference: the image of the first service with it.
    Map<String, ImageDescription> byReference = new LinkedHashMap<>();
    for (Service s : services) {
      byReference.putIfAbsent(s.image().reference(), s.image());
    }
    b.preloadedImages(
        byReference.values().stream()
            .filter(i -> i.reference().strip().equals(i.reference()) && r.nextBoolean())
            .toArray(ImageDescription[]::new));
  }

  /** Scheduling and control-plane timings, the two toleration settings in whole seconds. */
  private static void controlPlane(Random r, KuspConfig.Builder b) {
    long initial = 1 + wholeSecondsOrNot(r, r.nextLong(60_000));
    long max = initial + wholeSecondsOrNot(r, r.nextLong(1_000_000));
    b.percentageOfNodesToScore(r.nextInt(101))
        .schedulingLatency(distribution(r))
        .controllerLatencyMillis(wholeSecondsOrNot(r, r.nextLong(60_000)))
        .nodeMonitorGracePeriodMillis(wholeSecondsOrNot(r, r.nextLong(600_000)))
        .nodeStatusUpdateMillis(1 + r.nextLong(60_000))
        .notReadyTolerationMillis(r.nextLong(3600) * 1000)
        .terminationGracePeriodMillis(r.nextLong(600) * 1000)
        .crashLoopBackOff(new CrashLoopBackOff(initial, max, r.nextLong(2 * max + 1)));
  }

  /** A fixed duration or a lognormal of whole milliseconds, the two forms a file can spell. */
  /** Steps from 0, increasing, before the horizon; factors 0 to 10, some round. */
  private static LoadCurve curve(Random r, long horizon) {
    List<LoadCurve.Step> steps = new ArrayList<>();
    long t = 0;
    for (int i = 1 + r.nextInt(6); i > 0 && t < horizon; i--) {
      steps.add(new LoadCurve.Step(t, r.nextBoolean() ? r.nextInt(4) : r.nextDouble() * 10));
      t += 1 + wholeSecondsOrNot(r, r.nextLong(Math.max(1, horizon / 4)));
    }
    return new LoadCurve(steps);
  }

  private static DurationDistribution distribution(Random r) {
    long median = 1 + wholeSecondsOrNot(r, r.nextLong(3_600_000));
    return switch (r.nextInt(3)) {
      case 0 -> DurationDistribution.fixed(median - 1);
      case 1 -> DurationDistribution.uniform(median - 1, median + r.nextLong(3_600_000));
      default -> DurationDistribution.logNormal(median, median + 1 + r.nextLong(3_600_000));
    };
  }

  private static BatchSize batch(Random r) {
    return r.nextBoolean()
        ? BatchSize.machines(1 + r.nextInt(50))
        : BatchSize.percent(1 + r.nextInt(100));
  }

  /** Ragged byte counts and round ones in every unit the writer picks. */
  private static long bytes(Random r) {
    long[] units = {1, 1_000, 1L << 10, 1_000_000, 1L << 20, 1_000_000_000, 1L << 30};
    return r.nextBoolean()
        ? r.nextLong(1L << 40)
        : r.nextInt(5000) * units[r.nextInt(units.length)];
  }

  private static long wholeSecondsOrNot(Random r, long millis) {
    return r.nextBoolean() ? millis : millis / 1000 * 1000;
  }

  private static <T> T pick(Random r, List<T> from) {
    return from.get(r.nextInt(from.size()));
  }
}
