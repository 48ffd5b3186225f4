package io.platformsim.core.lesp;

import io.platformsim.identity.cert.RotationPolicy;
import io.platformsim.identity.ipam.Network;
import io.platformsim.identity.ipam.Subnet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How LeSP machines get their identity, immutable: the network their addresses come from, the
 * certificate authority's capacity, the machine certificate's lifetime and renewal, and the
 * resources each service's role needs (for blast radius).
 *
 * <p>Defaults keep a plain LeSP run unchanged: one flat 10.0.0.0/8 subnet (first machine 10.0.0.1),
 * an authority without a capacity limit (issues at once), 90-day certificates renewed at 60 days
 * without renewal events (renewal events recur forever, so they are opt-in, like periodic
 * converges), and each service needing one resource of its own, {@code <service>-data}.
 *
 * <pre>{@code
 * LespIdentity id = LespIdentity.DEFAULT
 *     .withNetwork(Network.perZone("10.0.0.0/24", 26, "a"))   // 59 addresses
 *     .withAuthorityCapacity(5)                                // 5 certificates per second
 *     .withResources("zebra", "zebra-db", "zebra-bucket");
 * }</pre>
 *
 * @param network where machine addresses come from
 * @param authorityCapacityPerSecond certificates issued per second at most, 0 for unlimited
 * @param certificates lifetime and renewal of machine certificates
 * @param renewCertificates whether machines renew their certificates (events recur)
 * @param resources service → resources its role is granted; services not listed need {@code
 *     <service>-data}
 */
public record LespIdentity(
    Network network,
    int authorityCapacityPerSecond,
    RotationPolicy certificates,
    boolean renewCertificates,
    Map<String, Set<String>> resources) {

  /** The defaults described above. */
  public static final LespIdentity DEFAULT =
      new LespIdentity(
          new Network(
              io.platformsim.identity.ipam.Cidr.parse("10.0.0.0/8"),
              List.of(Subnet.plain("lesp", "zone-a", "10.0.0.0/8"))),
          0,
          RotationPolicy.NINETY_DAY_CERTIFICATE,
          false,
          Map.of());

  /** Validates; messages name the field. */
  public LespIdentity {
    if (network == null || certificates == null || resources == null) {
      throw new IllegalArgumentException(
          "LeSP identity network, certificates and resources must not be null");
    }
    if (authorityCapacityPerSecond < 0 || authorityCapacityPerSecond > 1_000_000) {
      throw new IllegalArgumentException(
          "authorityCapacityPerSecond must be in 0-1000000 (0 = unlimited), was "
              + authorityCapacityPerSecond);
    }
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    resources.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
    resources = java.util.Collections.unmodifiableMap(copy);
  }

  /** With machine addresses from {@code n}. */
  public LespIdentity withNetwork(Network n) {
    return new LespIdentity(
        n, authorityCapacityPerSecond, certificates, renewCertificates, resources);
  }

  /** With an authority issuing at most {@code perSecond} per second (0: unlimited). */
  public LespIdentity withAuthorityCapacity(int perSecond) {
    return new LespIdentity(network, perSecond, certificates, renewCertificates, resources);
  }

  /** With certificates under {@code policy}, renewed by events if {@code renew}. */
  public LespIdentity withCertificates(RotationPolicy policy, boolean renew) {
    return new LespIdentity(network, authorityCapacityPerSecond, policy, renew, resources);
  }

  /** With {@code service}'s role granted exactly {@code names}. */
  public LespIdentity withResources(String service, String... names) {
    Map<String, Set<String>> m = new LinkedHashMap<>(resources);
    m.put(service, new LinkedHashSet<>(List.of(names)));
    return new LespIdentity(
        network, authorityCapacityPerSecond, certificates, renewCertificates, m);
  }

  /** Resources {@code service} needs. */
  public Set<String> resourcesOf(String service) {
    Set<String> r = resources.get(service);
    return r != null ? r : Set.of(service + "-data");
  }
}
