package io.platformsim.core.experiment;

import io.platformsim.core.yaml.DidYouMean;
import io.platformsim.core.yaml.ScalarReader;
import io.platformsim.core.yaml.YamlList;
import io.platformsim.core.yaml.YamlMapping;
import io.platformsim.identity.cert.RotationPolicy;
import io.platformsim.identity.ipam.Cidr;
import io.platformsim.identity.ipam.Network;
import io.platformsim.identity.ipam.Subnet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads the parts the {@code identity} section uses more than once: a {@code network} of subnets, a
 * {@code certificates} policy (each field optional, laid over the platform's own), and the {@code
 * resources} each service's role needs. Stateless.
 */
final class IdentityPartsReader {

  /** Fields of a {@code network}. */
  static final List<String> NETWORK = List.of("cidr", "subnetPrefix", "zones", "reserved");

  /** Fields of {@code certificates}, after {@link RotationPolicy}'s and the renewal switch. */
  static final List<String> CERTIFICATES = List.of("lifetime", "renewAt", "renewals");

  /** A CIDR block {@code a.b.c.d/n}; {@link Cidr#parse}'s message names what is wrong. */
  static final ScalarReader<Cidr> CIDR = text -> Cidr.parse(text.trim());

  /**
   * The addresses a subnet's provider keeps back: {@code aws} the first four and the last ({@link
   * Subnet#aws}, AWS VPC User Guide "Subnet CIDR blocks"), {@code plain} network and broadcast
   * ({@link Subnet#plain}).
   */
  private static final Map<String, int[]> RESERVED =
      Map.of("aws", new int[] {4, 1}, "plain", new int[] {1, 1});

  /**
   * A fraction in (0, 1]: a decimal ({@code 0.5}), a ratio ({@code 2/3}) or a percentage ({@code
   * 50%}).
   */
  static final ScalarReader<Double> FRACTION =
      text -> {
        String t = text.trim();
        double v;
        try {
          if (t.endsWith("%")) {
            v = Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100;
          } else if (t.contains("/")) {
            String[] p = t.split("/", -1);
            if (p.length != 2) {
              throw new NumberFormatException(t);
            }
            v = Double.parseDouble(p[0].trim()) / Double.parseDouble(p[1].trim());
          } else {
            v = Double.parseDouble(t);
          }
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "expected a fraction (0.5, 2/3 or 50%), was '" + text + "'", e);
        }
        if (!(v > 0 && v <= 1)) {
          throw new IllegalArgumentException("must be in (0, 1], was '" + text + "'");
        }
        return v;
      };

  private IdentityPartsReader() {}

  /**
   * The network of {@code n}: the block {@code cidr} split into {@code /subnetPrefix} subnets, the
   * first of which go one to each of {@code zones}, named after their zone. Without {@code
   * subnetPrefix} the block is split into the fewest equal subnets that give every zone one (one
   * zone: the whole block).
   *
   * @param defaultZones the zones when the file names none
   * @param defaultReserved {@code aws} or {@code plain} when the file does not say
   */
  static Network network(YamlMapping n, List<String> defaultZones, String defaultReserved) {
    n.only(NETWORK);
    Cidr cidr = n.read("cidr", CIDR, null);
    List<String> zones = defaultZones;
    Optional<YamlList> z = n.list("zones");
    if (z.isPresent()) {
      zones = z.get().names();
      if (zones.isEmpty() || new HashSet<>(zones).size() != zones.size()) {
        throw n.error("zones", "must be a non-empty list of distinct names, was " + zones);
      }
    }
    int fewest = cidr.prefixLength() + ceilLog2(zones.size());
    int prefix = n.integer("subnetPrefix", cidr.prefixLength(), 32, Math.min(32, fewest));
    if (cidr.subnetCount(prefix) < zones.size()) {
      throw n.error(
          "subnetPrefix",
          cidr
              + " holds only "
              + cidr.subnetCount(prefix)
              + " /"
              + prefix
              + " subnets, not one for each of the "
              + zones.size()
              + " zones "
              + zones);
    }
    String reserved = n.string("reserved", defaultReserved).trim();
    int[] keep = RESERVED.get(reserved);
    if (keep == null) {
      throw n.error(
          "reserved",
          "unknown reservation '"
              + reserved
              + "'"
              + DidYouMean.suggest(reserved, RESERVED.keySet()));
    }
    List<Subnet> subnets = new ArrayList<>();
    for (int i = 0; i < zones.size(); i++) {
      Cidr block = cidr.subnet(prefix, i);
      if (block.size() - keep[0] - keep[1] <= 0) {
        throw n.error(
            "subnetPrefix",
            "a /"
                + prefix
                + " subnet has no usable address after the "
                + reserved
                + " reservations ("
                + keep[0]
                + " low, "
                + keep[1]
                + " high)");
      }
      subnets.add(new Subnet(zones.get(i), zones.get(i), block, keep[0], keep[1]));
    }
    return new Network(cidr, subnets);
  }

  private static int ceilLog2(int n) {
    return n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
  }

  /**
   * A {@code certificates} mapping: each field given replaces the platform's own, the others are
   * kept.
   *
   * @param lifetimeMillis the certificate's lifetime, if given
   * @param renewAt the fraction of the lifetime after which it is renewed, if given
   * @param renewals whether renewal events run, if given
   */
  record Certificates(
      OptionalLong lifetimeMillis, OptionalDouble renewAt, Optional<Boolean> renewals) {

    /** Nothing given: every platform keeps its own policy. */
    static final Certificates NONE =
        new Certificates(OptionalLong.empty(), OptionalDouble.empty(), Optional.empty());

    /** These with the fields {@code override} gives replacing them. */
    Certificates then(Certificates override) {
      return new Certificates(
          override.lifetimeMillis.isPresent() ? override.lifetimeMillis : lifetimeMillis,
          override.renewAt.isPresent() ? override.renewAt : renewAt,
          override.renewals.isPresent() ? override.renewals : renewals);
    }

    /** {@code base} with the fields given here. */
    RotationPolicy over(RotationPolicy base) {
      return new RotationPolicy(
          lifetimeMillis.orElse(base.ttlMillis()), renewAt.orElse(base.rotateAtFraction()));
    }

    /** {@code base} unless renewals were given. */
    boolean renewals(boolean base) {
      return renewals.orElse(base);
    }
  }

  /** The {@code certificates} of {@code m}, or {@link Certificates#NONE} if absent. */
  static Certificates certificates(YamlMapping m) {
    Optional<YamlMapping> section = m.mapping("certificates");
    if (section.isEmpty()) {
      return Certificates.NONE;
    }
    YamlMapping c = section.get();
    c.only(CERTIFICATES);
    OptionalLong lifetime = OptionalLong.empty();
    if (c.has("lifetime")) {
      long ms = c.read("lifetime", Units.DURATION, null);
      if (ms <= 0) {
        throw c.error("lifetime", "must be > 0, was '" + c.text("lifetime") + "'");
      }
      lifetime = OptionalLong.of(ms);
    }
    OptionalDouble renewAt =
        c.has("renewAt")
            ? OptionalDouble.of(c.read("renewAt", FRACTION, null))
            : OptionalDouble.empty();
    Optional<Boolean> renewals =
        c.has("renewals") ? Optional.of(c.bool("renewals", false)) : Optional.empty();
    return new Certificates(lifetime, renewAt, renewals);
  }

  /**
   * The {@code resources} of {@code m}: service → the resources its role needs, each service one of
   * {@code services}; empty if absent.
   */
  static Map<String, Set<String>> resources(YamlMapping m, Set<String> services) {
    Optional<YamlMapping> section = m.mapping("resources");
    if (section.isEmpty()) {
      return Map.of();
    }
    YamlMapping r = section.get();
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (String service : r.keys()) {
      if (!services.contains(service)) {
        throw r.error(
            service, "unknown service '" + service + "'" + DidYouMean.suggest(service, services));
      }
      YamlList names =
          r.list(service).orElseThrow(() -> r.error(service, "expected a list of resource names"));
      out.put(service, new LinkedHashSet<>(names.names()));
    }
    return out;
  }
}
