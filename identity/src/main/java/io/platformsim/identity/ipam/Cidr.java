package io.platformsim.identity.ipam;

/**
 * An IPv4 CIDR block: a network address and a prefix length, e.g. {@code 10.0.0.0/16}. Immutable;
 * the network address has no host bits set (checked, so {@code 10.0.0.1/16} is rejected rather than
 * silently widened).
 *
 * <pre>{@code
 * Cidr cluster = Cidr.parse("10.0.0.0/16");
 * cluster.size();               // 65536
 * cluster.subnetCount(24);      // 256 node ranges of /24
 * cluster.subnet(24, 3);        // 10.0.3.0/24
 * }</pre>
 *
 * @param network the first address, as an unsigned 32-bit value in a {@code long}
 * @param prefixLength 0–32
 */
public record Cidr(long network, int prefixLength) implements Comparable<Cidr> {

  /**
   * Validates the block.
   *
   * @throws IllegalArgumentException if the prefix is outside 0–32, the address outside IPv4, or
   *     host bits are set
   */
  public Cidr {
    if (prefixLength < 0 || prefixLength > 32) {
      throw new IllegalArgumentException("CIDR prefix length must be 0-32, was " + prefixLength);
    }
    if (network < 0 || network >= Ipv4.SPACE) {
      throw new IllegalArgumentException("CIDR network must be an IPv4 address, was " + network);
    }
    long size = 1L << (32 - prefixLength);
    if ((network & (size - 1)) != 0) {
      throw new IllegalArgumentException(
          "CIDR "
              + Ipv4.format(network)
              + "/"
              + prefixLength
              + " has host bits set; did you mean "
              + Ipv4.format(network & ~(size - 1))
              + "/"
              + prefixLength
              + "?");
    }
  }

  /**
   * Parses {@code a.b.c.d/n}.
   *
   * @throws IllegalArgumentException naming the text if it is malformed or has host bits set
   */
  public static Cidr parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("CIDR must not be null");
    }
    int slash = text.indexOf('/');
    if (slash < 0 || slash != text.lastIndexOf('/')) {
      throw new IllegalArgumentException("CIDR '" + text + "' is malformed: expected a.b.c.d/n");
    }
    long address;
    try {
      address = Ipv4.parse(text.substring(0, slash));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("CIDR '" + text + "' is malformed: " + e.getMessage(), e);
    }
    String p = text.substring(slash + 1);
    if (p.isEmpty() || p.length() > 2 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException(
          "CIDR '" + text + "' is malformed: prefix length '" + p + "' is not a number 0-32");
    }
    int prefix = Integer.parseInt(p);
    if (prefix > 32) {
      throw new IllegalArgumentException(
          "CIDR '" + text + "' is malformed: prefix length " + prefix + " is above 32");
    }
    long size = 1L << (32 - prefix);
    if ((address & (size - 1)) != 0) {
      throw new IllegalArgumentException(
          "CIDR '"
              + text
              + "' has host bits set; did you mean "
              + Ipv4.format(address & ~(size - 1))
              + "/"
              + prefix
              + "?");
    }
    return new Cidr(address, prefix);
  }

  /** Number of addresses in the block, 2<sup>32 − prefix</sup>. */
  public long size() {
    return 1L << (32 - prefixLength);
  }

  /** The first address (the network address). */
  public long first() {
    return network;
  }

  /** The last address (the broadcast address of a plain IPv4 network). */
  public long last() {
    return network + size() - 1;
  }

  /** Whether {@code address} lies in this block. */
  public boolean contains(long address) {
    return address >= network && address <= last();
  }

  /** Whether {@code other} lies wholly inside this block. */
  public boolean contains(Cidr other) {
    return other.network >= network && other.last() <= last();
  }

  /**
   * Whether the two blocks share at least one address (CIDR blocks either nest or are disjoint).
   */
  public boolean overlaps(Cidr other) {
    return network <= other.last() && other.network <= last();
  }

  /**
   * How many blocks of {@code /subnetPrefix} this block splits into: 2<sup>subnetPrefix −
   * prefix</sup>.
   *
   * @throws IllegalArgumentException if {@code subnetPrefix} is shorter than this block's prefix (a
   *     per-node range larger than the cluster range) or above 32
   */
  public long subnetCount(int subnetPrefix) {
    checkSubnetPrefix(subnetPrefix);
    return 1L << (subnetPrefix - prefixLength);
  }

  /**
   * The {@code index}-th block of {@code /subnetPrefix} inside this one, in address order.
   *
   * @throws IllegalArgumentException for a bad prefix or an index outside [0, subnetCount)
   */
  public Cidr subnet(int subnetPrefix, long index) {
    long count = subnetCount(subnetPrefix);
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException(
          "subnet index must be in [0, "
              + count
              + ") for /"
              + subnetPrefix
              + " blocks of "
              + this
              + ", was "
              + index);
    }
    return new Cidr(network + index * (1L << (32 - subnetPrefix)), subnetPrefix);
  }

  private void checkSubnetPrefix(int subnetPrefix) {
    if (subnetPrefix > 32) {
      throw new IllegalArgumentException(
          "subnet prefix length must be at most 32, was /" + subnetPrefix);
    }
    if (subnetPrefix < prefixLength) {
      throw new IllegalArgumentException(
          "a /"
              + subnetPrefix
              + " range is larger than "
              + this
              + ": the per-range prefix must be at least /"
              + prefixLength);
    }
  }

  /** Address order, then shorter prefix first. */
  @Override
  public int compareTo(Cidr o) {
    int c = Long.compare(network, o.network);
    return c != 0 ? c : Integer.compare(prefixLength, o.prefixLength);
  }

  @Override
  public String toString() {
    return Ipv4.format(network) + "/" + prefixLength;
  }
}
