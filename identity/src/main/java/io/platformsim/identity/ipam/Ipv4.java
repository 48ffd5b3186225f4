package io.platformsim.identity.ipam;

/**
 * Conversions between dotted-quad IPv4 text and the {@code long} form used throughout this package
 * (the unsigned 32-bit address in the low bits, so ordering and arithmetic are plain {@code long}
 * operations).
 */
public final class Ipv4 {
  /** One past the largest address: 2<sup>32</sup>. */
  public static final long SPACE = 1L << 32;

  private Ipv4() {}

  /**
   * The address written as {@code a.b.c.d}.
   *
   * @throws IllegalArgumentException if {@code address} is outside [0, 2<sup>32</sup>)
   */
  public static String format(long address) {
    if (address < 0 || address >= SPACE) {
      throw new IllegalArgumentException("address must be in [0, 2^32), was " + address);
    }
    return ((address >>> 24) & 0xff)
        + "."
        + ((address >>> 16) & 0xff)
        + "."
        + ((address >>> 8) & 0xff)
        + "."
        + (address & 0xff);
  }

  /**
   * Parses {@code a.b.c.d}, each part a decimal 0–255.
   *
   * @throws IllegalArgumentException naming the text if it is not a dotted-quad IPv4 address
   */
  public static long parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("IPv4 address must not be null");
    }
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException(
          "IPv4 address '" + text + "' is malformed: expected a.b.c.d");
    }
    long value = 0;
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException(
            "IPv4 address '" + text + "' is malformed: part '" + p + "' is not a number 0-255");
      }
      int octet = Integer.parseInt(p);
      if (octet > 255) {
        throw new IllegalArgumentException(
            "IPv4 address '" + text + "' is malformed: part " + octet + " is above 255");
      }
      value = (value << 8) | octet;
    }
    return value;
  }
}
