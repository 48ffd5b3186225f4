package io.platformsim.core.experiment;

import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.KuspIdentity;
import io.platformsim.core.kusp.KuspPlatform;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.lesp.LespPlatform;
import io.platformsim.core.lesp.Machine;
import io.platformsim.core.lesp.MachineState;
import io.platformsim.identity.ipam.AddressCounts;
import io.platformsim.identity.ipam.Cidr;
import io.platformsim.identity.ipam.Ipv4;
import io.platformsim.identity.ipam.Network;
import io.platformsim.identity.ipam.Subnet;
import java.util.ArrayList;
import java.util.List;

/**
 * Addresses while both platforms live (issue 18, point 2): pod ranges must not collide with the
 * legacy network, and address exhaustion of a shared range is reported.
 *
 * <ul>
 *   <li>Overlay pods ({@link KuspIdentity#clusterCidr()}) are routed inside the cluster only; a pod
 *       range overlapping the legacy network makes an address ambiguous for every LeSP machine that
 *       calls a pod or is called by one during dual running, so {@link #check} refuses it. A range
 *       outside every RFC 1918 block in use is the usual way out: the shared address space
 *       100.64.0.0/10 (RFC 6598), which EKS accepts for pods since October 2018 ("Amazon EKS now
 *       supports additional VPC CIDR blocks", aws.amazon.com what's-new 2018/10), used with VPC CNI
 *       custom networking; as an overlay: {@code KuspIdentity.DEFAULT.overlay("100.64.0.0/10",
 *       24)}.
 *   <li>VPC-native pods ({@link KuspIdentity#vpcNetwork()}) take real VPC addresses. In subnets of
 *       the legacy network they compete with LeSP machines for the same addresses: {@link #overlap}
 *       reports how many each side holds there and whether together they exceed the range.
 * </ul>
 */
public final class MigrationAddressing {

  private MigrationAddressing() {}

  /**
   * Checks that KuSP's pod addresses can coexist with LeSP's network.
   *
   * @throws IllegalArgumentException naming both CIDRs if KuSP's overlay range overlaps the legacy
   *     network, or if KuSP's VPC-native subnets lie partly inside the legacy network and partly
   *     outside it (their address counts could not be told apart)
   */
  public static void check(LespConfig lesp, KuspConfig kusp) {
    Cidr legacy = lesp.identity().network().cidr();
    KuspIdentity identity = kusp.identity();
    if (identity.vpcNetwork() == null) {
      Cidr pods = Cidr.parse(identity.clusterCidr());
      if (pods.overlaps(legacy)) {
        throw new IllegalArgumentException(
            "KuSP overlay pod range "
                + pods
                + " overlaps the LeSP network "
                + legacy
                + ": give the pods a range outside it, e.g. overlay 100.64.0.0/10 (RFC 6598)");
      }
      return;
    }
    List<Subnet> shared = sharedSubnets(legacy, identity.vpcNetwork());
    if (!shared.isEmpty() && shared.size() != identity.vpcNetwork().subnets().size()) {
      throw new IllegalArgumentException(
          "KuSP VPC-native subnets "
              + identity.vpcNetwork().subnets()
              + " lie partly inside the LeSP network "
              + legacy
              + ": put all of them inside it (a shared VPC) or all outside it");
    }
  }

  /**
   * The addresses {@code lesp} and {@code kusp} (on one simulation) hold now in the range they
   * share: none for overlay pods or VPC-native subnets outside the legacy network; otherwise the
   * KuSP subnets (all inside it, see {@link #check}), in which LeSP's live machines' addresses are
   * counted one by one and KuSP's used and reserved addresses (a warm address is taken from the
   * subnet as much as a used one) are counted whole.
   *
   * @throws IllegalArgumentException as {@link #check} for the two platforms' configurations
   */
  public static AddressOverlap overlap(LespPlatform lesp, KuspPlatform kusp) {
    check(lesp.config(), kusp.config());
    Network vpc = kusp.config().identity().vpcNetwork();
    if (vpc == null) {
      return AddressOverlap.NONE;
    }
    List<Subnet> shared = sharedSubnets(lesp.config().identity().network().cidr(), vpc);
    if (shared.isEmpty()) {
      return AddressOverlap.NONE;
    }
    long capacity = 0;
    for (Subnet s : shared) {
      capacity += s.usable();
    }
    long legacyUsed = 0;
    for (Machine m : lesp.allMachines()) {
      if (m.state() != MachineState.TERMINATED
          && m.identity().hasAddress()
          && inAny(shared, Ipv4.parse(m.identity().ip()))) {
        legacyUsed++;
      }
    }
    AddressCounts pods = kusp.identityMetrics().addresses();
    return AddressOverlap.of(legacyUsed, pods.used() + pods.reserved(), capacity);
  }

  private static List<Subnet> sharedSubnets(Cidr legacy, Network vpc) {
    List<Subnet> out = new ArrayList<>();
    for (Subnet s : vpc.subnets()) {
      if (s.cidr().overlaps(legacy)) {
        out.add(s);
      }
    }
    return out;
  }

  private static boolean inAny(List<Subnet> subnets, long address) {
    for (Subnet s : subnets) {
      if (s.cidr().contains(address)) {
        return true;
      }
    }
    return false;
  }
}
