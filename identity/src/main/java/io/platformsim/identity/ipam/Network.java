package io.platformsim.identity.ipam;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A network (a VPC) and its subnets, immutable and validated: every subnet lies inside the
 * network's block, no two subnets overlap, subnet names are unique.
 *
 * <pre>{@code
 * Network vpc = Network.perZone("10.0.0.0/16", 18, "us-east-1a", "us-east-1b", "us-east-1c");
 * Network lan = Network.builder("10.0.0.0/8").subnet(Subnet.plain("all", "dc1", "10.0.0.0/8")).build();
 * }</pre>
 *
 * @param cidr the network's block
 * @param subnets its subnets, in the order given
 */
public record Network(Cidr cidr, List<Subnet> subnets) {

  /**
   * Validates the network.
   *
   * @throws IllegalArgumentException naming the subnets if one lies outside the network, two
   *     overlap, two share a name, or there are none
   */
  public Network {
    if (cidr == null || subnets == null) {
      throw new IllegalArgumentException("network cidr and subnets must not be null");
    }
    subnets = List.copyOf(subnets);
    if (subnets.isEmpty()) {
      throw new IllegalArgumentException("network " + cidr + " needs at least one subnet");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < subnets.size(); i++) {
      Subnet s = subnets.get(i);
      if (!names.add(s.name())) {
        throw new IllegalArgumentException(
            "subnet name '" + s.name() + "' is used twice in network " + cidr);
      }
      if (!cidr.contains(s.cidr())) {
        throw new IllegalArgumentException(
            "subnet " + s.name() + " " + s.cidr() + " is outside the network " + cidr);
      }
      for (int j = 0; j < i; j++) {
        Subnet o = subnets.get(j);
        if (s.cidr().overlaps(o.cidr())) {
          throw new IllegalArgumentException(
              "subnet "
                  + s.name()
                  + " "
                  + s.cidr()
                  + " overlaps subnet "
                  + o.name()
                  + " "
                  + o.cidr());
        }
      }
    }
  }

  /** A builder for the network {@code cidr}. */
  public static Builder builder(String cidr) {
    return new Builder(Cidr.parse(cidr));
  }

  /**
   * A network whose first {@code zones.length} blocks of {@code /subnetPrefix} are AWS subnets, one
   * per zone, named after the zone.
   *
   * @throws IllegalArgumentException if the network holds fewer such blocks than zones
   */
  public static Network perZone(String cidr, int subnetPrefix, String... zones) {
    Cidr c = Cidr.parse(cidr);
    if (zones == null || zones.length == 0) {
      throw new IllegalArgumentException("at least one zone is needed for network " + cidr);
    }
    if (c.subnetCount(subnetPrefix) < zones.length) {
      throw new IllegalArgumentException(
          "network "
              + cidr
              + " holds only "
              + c.subnetCount(subnetPrefix)
              + " /"
              + subnetPrefix
              + " subnets, not one for each of "
              + zones.length
              + " zones");
    }
    List<Subnet> out = new ArrayList<>();
    for (int i = 0; i < zones.length; i++) {
      out.add(new Subnet(zones[i], zones[i], c.subnet(subnetPrefix, i), 4, 1));
    }
    return new Network(c, out);
  }

  /** Usable addresses over all subnets. */
  public long usable() {
    long n = 0;
    for (Subnet s : subnets) {
      n += s.usable();
    }
    return n;
  }

  @Override
  public String toString() {
    return "Network[" + cidr + ", subnets=" + subnets + "]";
  }

  /** Collects subnets; {@link #build()} validates. */
  public static final class Builder {
    private final Cidr cidr;
    private final List<Subnet> subnets = new ArrayList<>();

    private Builder(Cidr cidr) {
      this.cidr = cidr;
    }

    /** Adds a subnet. */
    public Builder subnet(Subnet s) {
      subnets.add(s);
      return this;
    }

    /** Adds an AWS subnet ({@link Subnet#aws}). */
    public Builder awsSubnet(String name, String zone, String cidr) {
      return subnet(Subnet.aws(name, zone, cidr));
    }

    /** The validated network. */
    public Network build() {
      return new Network(cidr, subnets);
    }
  }
}
