package io.platformsim.core.experiment;

import io.platformsim.core.kusp.KuspIdentity;
import io.platformsim.core.lesp.LespIdentity;
import io.platformsim.identity.cert.RotationPolicy;
import io.platformsim.identity.ipam.Network;
import io.platformsim.identity.ipam.Subnet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the {@code identity} section as {@link IdentityReader} reads it: the one {@code
 * authorityCapacity} at the top when both platforms ask an authority of the same capacity, else
 * each platform's under its own key; then {@code lesp} (its machines' {@code network} unless it is
 * {@link LespIdentity#DEFAULT}'s, {@code certificates}, {@code resources}) and {@code kusp} (pod
 * {@code addressing} with {@code podCidr} and {@code nodePrefix} or a {@code network}, {@code
 * mode}, {@code tokenCapacity}, {@code certificates}, {@code resources}). Certificates are written
 * in full on each platform; {@code resources} only for the services given one (a service left out
 * needs {@code <service>-data}), resource names sorted.
 *
 * <p>Not expressible: a network whose subnets are not the file's form (the first blocks of one
 * prefix length, one per zone in order, each named after its zone, all with the {@code aws} or all
 * with the {@code plain} reservations; among them {@link LespIdentity#DEFAULT}'s own, whose subnet
 * is named {@code lesp}): LeSP's reads back as the default network, KuSP's VPC-native addressing as
 * the overlay; and the overlay range of a VPC-native identity (unused while VPC-native), which
 * reads back as {@link KuspIdentity#DEFAULT}'s. Written as they are and reported by the reader:
 * resources of a service the workload lacks, a VPC-native network without a subnet in each KuSP
 * zone.
 */
final class IdentityWriter {

  private IdentityWriter() {}

  /** The {@code identity} section of the two platforms' identities. */
  static void write(YamlLines y, LespIdentity lesp, KuspIdentity kusp) {
    boolean oneAuthority = lesp.authorityCapacityPerSecond() == kusp.authorityCapacityPerSecond();
    y.open("identity");
    if (oneAuthority) {
      y.field("authorityCapacity", Integer.toString(kusp.authorityCapacityPerSecond()));
    }
    y.open("lesp");
    if (!lesp.network().equals(LespIdentity.DEFAULT.network())) {
      network(lesp.network()).ifPresent(n -> y.flow("network", n));
    }
    if (!oneAuthority) {
      y.field("authorityCapacity", Integer.toString(lesp.authorityCapacityPerSecond()));
    }
    certificates(y, lesp.certificates(), lesp.renewCertificates());
    resources(y, lesp.resources());
    y.close();
    y.open("kusp");
    Optional<List<String>> vpc = kusp.isVpcNative() ? network(kusp.vpcNetwork()) : Optional.empty();
    if (vpc.isPresent()) {
      y.field("addressing", "vpcNative");
      y.flow("network", vpc.get());
    } else {
      y.field("addressing", "overlay");
      y.field("podCidr", kusp.clusterCidr());
      y.field("nodePrefix", Integer.toString(kusp.nodePrefix()));
    }
    y.field("mode", kusp.mode().name());
    if (!oneAuthority) {
      y.field("authorityCapacity", Integer.toString(kusp.authorityCapacityPerSecond()));
    }
    y.field("tokenCapacity", Integer.toString(kusp.tokenCapacityPerSecond()));
    certificates(y, kusp.certificates(), kusp.renewCredentials());
    resources(y, kusp.resources());
    y.close();
    y.close();
  }

  /**
   * {@code {cidr, subnetPrefix, zones, reserved}} of {@code n}, or empty if {@link
   * IdentityPartsReader#network} would not make exactly {@code n} of it.
   */
  static Optional<List<String>> network(Network n) {
    List<Subnet> subnets = n.subnets();
    Subnet first = subnets.get(0);
    int prefix = first.cidr().prefixLength();
    String reserved =
        first.reservedLow() == 4 && first.reservedHigh() == 1
            ? "aws"
            : first.reservedLow() == 1 && first.reservedHigh() == 1 ? "plain" : null;
    List<String> zones = new ArrayList<>();
    if (reserved == null || n.cidr().subnetCount(prefix) < subnets.size()) {
      return Optional.empty();
    }
    for (int i = 0; i < subnets.size(); i++) {
      Subnet s = subnets.get(i);
      Subnet expected =
          new Subnet(
              s.zone(),
              s.zone(),
              n.cidr().subnet(prefix, i),
              first.reservedLow(),
              first.reservedHigh());
      if (!s.equals(expected)) {
        return Optional.empty();
      }
      zones.add(Spelled.text(s.zone()));
    }
    return Optional.of(
        List.of(
            "cidr",
            n.cidr().toString(),
            "subnetPrefix",
            Integer.toString(prefix),
            "zones",
            "[" + String.join(", ", zones) + "]",
            "reserved",
            reserved));
  }

  private static void certificates(YamlLines y, RotationPolicy p, boolean renewals) {
    y.flow(
        "certificates",
        List.of(
            "lifetime",
            Spelled.duration(p.ttlMillis()),
            "renewAt",
            Spelled.decimal(p.rotateAtFraction()),
            "renewals",
            Boolean.toString(renewals)));
  }

  private static void resources(YamlLines y, Map<String, Set<String>> byService) {
    if (byService.isEmpty()) {
      return;
    }
    y.open("resources");
    // Sorted: a LeSP identity keeps its names in a set whose order varies from run to run.
    byService.forEach(
        (service, names) ->
            y.flowList(
                Spelled.text(service), new TreeSet<>(names).stream().map(Spelled::text).toList()));
    y.close();
  }
}
