package io.platformsim.identity.ipam;

/**
 * A subnet of a network in one availability zone, with the addresses its provider reserves.
 *
 * @param name unique within its network
 * @param zone availability zone
 * @param cidr the block
 * @param reservedLow addresses reserved at the start of the block
 * @param reservedHigh addresses reserved at the end of the block
 */
public record Subnet(String name, String zone, Cidr cidr, int reservedLow, int reservedHigh) {

  /**
   * Validates the fields.
   *
   * @throws IllegalArgumentException naming the field if a name or zone is blank, the CIDR is
   *     missing or the reservations leave no usable address
   */
  public Subnet {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("subnet name must not be blank, was '" + name + "'");
    }
    if (zone == null || zone.isBlank()) {
      throw new IllegalArgumentException(
          "zone of subnet " + name + " must not be blank, was '" + zone + "'");
    }
    if (cidr == null) {
      throw new IllegalArgumentException("cidr of subnet " + name + " must not be null");
    }
    if (reservedLow < 0 || reservedHigh < 0 || cidr.size() - reservedLow - reservedHigh <= 0) {
      throw new IllegalArgumentException(
          "subnet "
              + name
              + " "
              + cidr
              + " has no usable address after reserving "
              + reservedLow
              + " low and "
              + reservedHigh
              + " high");
    }
  }

  /**
   * An AWS VPC subnet: the first four and the last address are reserved (network, VPC router, DNS,
   * future use, broadcast; AWS VPC User Guide, "Subnet CIDR blocks"), so a /24 has 251 usable.
   */
  public static Subnet aws(String name, String zone, String cidr) {
    return new Subnet(name, zone, Cidr.parse(cidr), 4, 1);
  }

  /** A plain IPv4 subnet: network and broadcast addresses reserved, so a /24 has 254 usable. */
  public static Subnet plain(String name, String zone, String cidr) {
    return new Subnet(name, zone, Cidr.parse(cidr), 1, 1);
  }

  /** Usable addresses. */
  public long usable() {
    return cidr.size() - reservedLow - reservedHigh;
  }

  @Override
  public String toString() {
    return name + "(" + zone + " " + cidr + ", " + usable() + " usable)";
  }
}
