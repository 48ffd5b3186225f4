package io.platformsim.core.experiment;

/**
 * The addresses LeSP machines and VPC-native KuSP pods hold at once in the range they share during
 * a migration's overlap ({@link MigrationAddressing#overlap}). Each platform allocates from its own
 * copy of the subnets, so the simulation lets both sides hold an address the real VPC would give
 * only once: {@code exhausted} says that together they held more than the shared range has, i.e. in
 * the real VPC some launch or pod would have been refused.
 *
 * @param legacyUsed live LeSP machines holding an address in the shared range
 * @param podsUsed addresses KuSP holds there: node primaries, pods and the CNI's warm addresses
 * @param capacity usable addresses of the shared range (0: nothing shared)
 * @param exhausted whether {@code legacyUsed + podsUsed > capacity}
 */
public record AddressOverlap(long legacyUsed, long podsUsed, long capacity, boolean exhausted) {

  /** Nothing shared: overlay pods, or VPC-native pods in subnets outside the legacy network. */
  public static final AddressOverlap NONE = new AddressOverlap(0, 0, 0, false);

  /** Validates the counts and that {@code exhausted} agrees with them. */
  public AddressOverlap {
    if (legacyUsed < 0 || podsUsed < 0 || capacity < 0) {
      throw new IllegalArgumentException(
          "address counts must be >= 0, were legacyUsed="
              + legacyUsed
              + ", podsUsed="
              + podsUsed
              + ", capacity="
              + capacity);
    }
    if (exhausted != (legacyUsed + podsUsed > capacity)) {
      throw new IllegalArgumentException(
          "exhausted must be legacyUsed + podsUsed > capacity: "
              + legacyUsed
              + " + "
              + podsUsed
              + " vs "
              + capacity
              + ", was "
              + exhausted);
    }
  }

  /** The overlap of these counts, exhausted if they add up to more than {@code capacity}. */
  public static AddressOverlap of(long legacyUsed, long podsUsed, long capacity) {
    return new AddressOverlap(legacyUsed, podsUsed, capacity, legacyUsed + podsUsed > capacity);
  }

  /** Addresses of the shared range neither side holds (0 once exhausted). */
  public long free() {
    return Math.max(0, capacity - legacyUsed - podsUsed);
  }

  @Override
  public String toString() {
    return "AddressOverlap[legacy "
        + legacyUsed
        + " + pods "
        + podsUsed
        + " of "
        + capacity
        + (exhausted ? ", EXHAUSTED" : ", " + free() + " free")
        + "]";
  }
}
