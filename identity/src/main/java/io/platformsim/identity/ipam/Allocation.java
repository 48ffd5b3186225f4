package io.platformsim.identity.ipam;

/**
 * The outcome of an address request: an address and where it came from, or the reason none was
 * available. The caller decides whether to wait (retry when an address is released) or fail.
 *
 * @param address the address (unsigned 32-bit in a {@code long}), or {@link AddressPool#NONE}
 * @param source the subnet or node range it came from, or that was full
 * @param reason null when granted; otherwise why it was refused
 */
public record Allocation(long address, String source, ExhaustionReason reason) {

  /** A granted address. */
  public static Allocation granted(long address, String source) {
    return new Allocation(address, source, null);
  }

  /** A refusal. */
  public static Allocation exhausted(ExhaustionReason reason, String source) {
    return new Allocation(AddressPool.NONE, source, reason);
  }

  /** Whether an address was handed out. */
  public boolean isGranted() {
    return reason == null;
  }

  /** The address as {@code a.b.c.d}, or {@code "-"} if refused. */
  public String ip() {
    return isGranted() ? Ipv4.format(address) : "-";
  }

  @Override
  public String toString() {
    return isGranted()
        ? "Allocation[" + ip() + " from " + source + "]"
        : "Allocation[refused: " + reason + " at " + source + "]";
  }
}
