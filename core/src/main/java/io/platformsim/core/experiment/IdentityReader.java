package io.platformsim.core.experiment;

import io.platformsim.core.experiment.IdentityPartsReader.Certificates;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.KuspIdentity;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.lesp.LespIdentity;
import io.platformsim.core.workload.Service;
import io.platformsim.core.yaml.DidYouMean;
import io.platformsim.core.yaml.YamlList;
import io.platformsim.core.yaml.YamlMapping;
import io.platformsim.identity.access.IdentityMode;
import io.platformsim.identity.ipam.Cidr;
import io.platformsim.identity.ipam.EniLimit;
import io.platformsim.identity.ipam.EniLimits;
import io.platformsim.identity.ipam.Network;
import io.platformsim.identity.ipam.Subnet;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Reads the optional {@code identity} section of a scenario file. The settings both platforms have
 * are given once at its top ({@code authorityCapacity}, the certificates per second of the one
 * certificate authority, LeSP asking once per machine and KuSP once per pod; {@code certificates};
 * {@code resources}) and may be overridden under {@code lesp} or {@code kusp}, which also hold what
 * only one platform has: LeSP's machine {@code network}; KuSP's pod {@code addressing} (an overlay
 * {@code podCidr} carved into {@code /nodePrefix} node ranges, or VPC-native addresses from a
 * {@code network}), identity {@code mode} and token issuer {@code tokenCapacity}. Anything absent
 * keeps the platform configuration's default identity ({@link LespIdentity#DEFAULT}, {@link
 * KuspIdentity#INSTANT}).
 *
 * <p>The authority's queue has no settings: it is first come first served and unbounded ({@code
 * CertificateAuthority}: issue at {@code max(request, previous issue + 1000/k ms)}), so a lower
 * capacity shows as a longer queueing delay, never as a refused request.
 */
final class IdentityReader {

  /** Fields of {@code identity}. */
  static final List<String> IDENTITY =
      List.of("authorityCapacity", "certificates", "resources", "lesp", "kusp");

  /** Fields of {@code identity.lesp}. */
  static final List<String> LESP_IDENTITY =
      List.of("network", "authorityCapacity", "certificates", "resources");

  /** Fields of {@code identity.kusp}. */
  static final List<String> KUSP_IDENTITY =
      List.of(
          "addressing",
          "podCidr",
          "nodePrefix",
          "network",
          "mode",
          "authorityCapacity",
          "tokenCapacity",
          "certificates",
          "resources");

  /** The identity models' own bound on an authority's or token issuer's rate. */
  private static final int MAX_CAPACITY = 1_000_000;

  private static final List<String> ADDRESSING = List.of("overlay", "vpcNative");

  /** The KuSP modes by name: every {@link IdentityMode} but LeSP's {@code MACHINE_ROLE}. */
  private static final List<String> KUSP_MODES =
      Arrays.stream(IdentityMode.values())
          .filter(m -> m != IdentityMode.MACHINE_ROLE)
          .map(Enum::name)
          .toList();

  private final UnaryOperator<LespIdentity> lesp;
  private final UnaryOperator<KuspIdentity> kusp;

  private IdentityReader(UnaryOperator<LespIdentity> lesp, UnaryOperator<KuspIdentity> kusp) {
    this.lesp = lesp;
    this.kusp = kusp;
  }

  /**
   * Reads {@code identity} of the top-level mapping {@code top}, if present, and checks it against
   * the platforms' default identities (as {@link LespReader} and {@link KuspReader} start from) and
   * the file's KuSP zones and node type.
   */
  static IdentityReader read(YamlMapping top) {
    Optional<YamlMapping> section = top.mapping("identity");
    if (section.isEmpty()) {
      return new IdentityReader(UnaryOperator.identity(), UnaryOperator.identity());
    }
    YamlMapping m = section.get();
    m.only(IDENTITY);
    // Services are read again only to check the names under resources.
    Set<String> services = mentionsResources(m) ? serviceNames(top) : Set.of();
    OptionalInt capacity = capacity(m, "authorityCapacity");
    Certificates certificates = IdentityPartsReader.certificates(m);
    Map<String, Set<String>> resources = IdentityPartsReader.resources(m, services);
    UnaryOperator<LespIdentity> lesp =
        lesp(m.mapping("lesp"), capacity, certificates, resources, services);
    UnaryOperator<KuspIdentity> kusp =
        kusp(m.mapping("kusp"), top, capacity, certificates, resources, services);
    // Cross-field checks of the models (a certificate renewed in under 1 ms), at the section.
    try {
      lesp.apply(LespConfig.defaults().identity());
      kusp.apply(KuspConfig.builder().build().identity());
    } catch (IllegalArgumentException e) {
      throw m.error("", e.getMessage());
    }
    return new IdentityReader(lesp, kusp);
  }

  private static UnaryOperator<LespIdentity> lesp(
      Optional<YamlMapping> section,
      OptionalInt sharedCapacity,
      Certificates sharedCertificates,
      Map<String, Set<String>> sharedResources,
      Set<String> services) {
    OptionalInt capacity = sharedCapacity;
    Certificates certificates = sharedCertificates;
    Map<String, Set<String>> resources = new LinkedHashMap<>(sharedResources);
    Optional<Network> network = Optional.empty();
    if (section.isPresent()) {
      YamlMapping l = section.get();
      l.only(LESP_IDENTITY);
      // LeSP's machines take any zone's address, so one zone of plain subnets, as
      // LespIdentity.DEFAULT.
      network =
          l.mapping("network")
              .map(n -> IdentityPartsReader.network(n, List.of(defaultLespZone()), "plain"));
      capacity = or(capacity(l, "authorityCapacity"), capacity);
      certificates = certificates.then(IdentityPartsReader.certificates(l));
      resources.putAll(IdentityPartsReader.resources(l, services));
    }
    OptionalInt cap = capacity;
    Certificates certs = certificates;
    Optional<Network> net = network;
    return base -> {
      LespIdentity id = base;
      if (net.isPresent()) {
        id = id.withNetwork(net.get());
      }
      if (cap.isPresent()) {
        id = id.withAuthorityCapacity(cap.getAsInt());
      }
      id =
          id.withCertificates(
              certs.over(id.certificates()), certs.renewals(id.renewCertificates()));
      for (Map.Entry<String, Set<String>> e : resources.entrySet()) {
        id = id.withResources(e.getKey(), e.getValue().toArray(new String[0]));
      }
      return id;
    };
  }

  private static UnaryOperator<KuspIdentity> kusp(
      Optional<YamlMapping> section,
      YamlMapping top,
      OptionalInt sharedCapacity,
      Certificates sharedCertificates,
      Map<String, Set<String>> sharedResources,
      Set<String> services) {
    OptionalInt capacity = sharedCapacity;
    Certificates certificates = sharedCertificates;
    Map<String, Set<String>> resources = new LinkedHashMap<>(sharedResources);
    UnaryOperator<KuspIdentity> addressing = UnaryOperator.identity();
    Optional<IdentityMode> mode = Optional.empty();
    OptionalInt tokens = OptionalInt.empty();
    if (section.isPresent()) {
      YamlMapping k = section.get();
      k.only(KUSP_IDENTITY);
      addressing = addressing(k, top);
      if (k.has("mode")) {
        mode = Optional.of(mode(k));
      }
      capacity = or(capacity(k, "authorityCapacity"), capacity);
      tokens = capacity(k, "tokenCapacity");
      certificates = certificates.then(IdentityPartsReader.certificates(k));
      resources.putAll(IdentityPartsReader.resources(k, services));
    }
    UnaryOperator<KuspIdentity> addr = addressing;
    Optional<IdentityMode> md = mode;
    OptionalInt cap = capacity;
    OptionalInt tok = tokens;
    Certificates certs = certificates;
    return base -> {
      KuspIdentity id = addr.apply(base);
      if (md.isPresent()) {
        id = id.withMode(md.get());
      }
      if (cap.isPresent()) {
        id = id.withAuthorityCapacity(cap.getAsInt());
      }
      if (tok.isPresent()) {
        id = id.withTokenCapacity(tok.getAsInt());
      }
      id =
          id.withCertificates(certs.over(id.certificates()))
              .withRenewals(certs.renewals(id.renewCredentials()));
      for (Map.Entry<String, Set<String>> e : resources.entrySet()) {
        id = id.withResources(e.getKey(), e.getValue().toArray(new String[0]));
      }
      return id;
    };
  }

  /**
   * {@code addressing: overlay} (default) with {@code podCidr} and {@code nodePrefix}, or {@code
   * vpcNative} with a {@code network} whose subnets are in the KuSP section's zones.
   */
  private static UnaryOperator<KuspIdentity> addressing(YamlMapping k, YamlMapping top) {
    String addressing = k.string("addressing", "overlay").trim();
    if (!ADDRESSING.contains(addressing)) {
      throw k.error(
          "addressing",
          "unknown addressing '" + addressing + "'" + DidYouMean.suggest(addressing, ADDRESSING));
    }
    if (addressing.equals("vpcNative")) {
      for (String overlayOnly : List.of("podCidr", "nodePrefix")) {
        if (k.has(overlayOnly)) {
          throw k.error(overlayOnly, "is for addressing: overlay, not vpcNative");
        }
      }
      if (!k.has("network")) {
        throw k.error("addressing", "vpcNative needs network: {cidr: ..., subnetPrefix: ...}");
      }
      checkEniLimit(k, top);
      List<String> zones = kuspZones(top);
      YamlMapping n = k.requiredMapping("network");
      Network network = IdentityPartsReader.network(n, zones, "aws");
      // Each node takes its primary address from a subnet in its own zone (VpcNativeAddressing).
      List<String> covered = network.subnets().stream().map(Subnet::zone).toList();
      for (String zone : zones) {
        if (!covered.contains(zone)) {
          throw n.error(
              "zones", "has no subnet in KuSP zone '" + zone + "'; KuSP's zones are " + zones);
        }
      }
      return id -> id.vpcNative(network);
    }
    if (k.has("network")) {
      throw k.error("network", "is for addressing: vpcNative; the overlay takes podCidr");
    }
    if (!k.has("podCidr") && !k.has("nodePrefix")) {
      return UnaryOperator.identity();
    }
    Cidr pods =
        k.read("podCidr", IdentityPartsReader.CIDR, Cidr.parse(KuspIdentity.DEFAULT.clusterCidr()));
    // OverlayAddressing: a range must hold a pod address (/30 at most) and the cluster range may
    // split into at most 2^30 of them.
    int dflt = KuspIdentity.DEFAULT.nodePrefix();
    int prefix =
        k.integer("nodePrefix", pods.prefixLength(), Math.min(30, pods.prefixLength() + 30), dflt);
    if (prefix < pods.prefixLength()) {
      throw k.error(
          "podCidr",
          pods + " is smaller than one /" + prefix + " node range; give a larger nodePrefix");
    }
    String cidr = pods.toString();
    return id -> id.overlay(cidr, prefix);
  }

  /**
   * VPC-native caps a node's pods at its instance type's ENI limit, so the KuSP node type must be
   * in {@link EniLimits#AWS}.
   */
  private static void checkEniLimit(YamlMapping k, YamlMapping top) {
    String type =
        top.mapping("kusp")
            .flatMap(s -> s.mapping("nodeType"))
            .flatMap(n -> n.scalar("name"))
            .orElse(KuspConfig.builder().build().nodeType().name());
    List<String> known = EniLimits.AWS.all().stream().map(EniLimit::instanceType).toList();
    if (!known.contains(type)) {
      throw k.error(
          "addressing",
          "vpcNative needs kusp.nodeType.name to be an instance type with a known ENI limit, was '"
              + type
              + "'"
              + DidYouMean.suggest(type, known));
    }
  }

  private static IdentityMode mode(YamlMapping k) {
    String name = k.text("mode").trim();
    if (name.equals(IdentityMode.MACHINE_ROLE.name())) {
      throw k.error("mode", "MACHINE_ROLE is LeSP's mode; KuSP takes one of " + KUSP_MODES);
    }
    if (!KUSP_MODES.contains(name)) {
      throw k.error("mode", "unknown mode '" + name + "'" + DidYouMean.suggest(name, KUSP_MODES));
    }
    return IdentityMode.valueOf(name);
  }

  private static OptionalInt capacity(YamlMapping m, String field) {
    return m.has(field)
        ? OptionalInt.of(m.integer(field, 0, MAX_CAPACITY, null))
        : OptionalInt.empty();
  }

  private static OptionalInt or(OptionalInt first, OptionalInt second) {
    return first.isPresent() ? first : second;
  }

  /** The KuSP section's zones, else KuSP's default zones (as {@link KuspReader} reads them). */
  private static List<String> kuspZones(YamlMapping top) {
    return top.mapping("kusp")
        .flatMap(s -> s.list("zones"))
        .map(YamlList::names)
        .orElse(KuspConfig.builder().build().zones());
  }

  private static String defaultLespZone() {
    return LespIdentity.DEFAULT.network().subnets().get(0).zone();
  }

  private static boolean mentionsResources(YamlMapping m) {
    return m.has("resources")
        || m.mapping("lesp").map(l -> l.has("resources")).orElse(false)
        || m.mapping("kusp").map(k -> k.has("resources")).orElse(false);
  }

  /** The names of the file's services, listed and generated, for {@code resources}. */
  private static Set<String> serviceNames(YamlMapping top) {
    return ServicesReader.read(top).services().stream()
        .map(Service::name)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** {@code base} with the file's LeSP identity settings. */
  LespIdentity lesp(LespIdentity base) {
    return lesp.apply(base);
  }

  /** {@code base} with the file's KuSP identity settings. */
  KuspIdentity kusp(KuspIdentity base) {
    return kusp.apply(base);
  }
}
