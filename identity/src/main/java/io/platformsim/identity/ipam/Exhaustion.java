package io.platformsim.identity.ipam;

/**
 * One failed address request, recorded by the allocator that refused it.
 *
 * @param atMillis when (simulated)
 * @param requester the machine, node or pod that asked
 * @param reason why
 * @param detail where, e.g. the subnet or node range that was full
 */
public record Exhaustion(long atMillis, String requester, ExhaustionReason reason, String detail) {
  @Override
  public String toString() {
    return "Exhaustion[" + atMillis + " ms " + requester + ": " + reason + " (" + detail + ")]";
  }
}
