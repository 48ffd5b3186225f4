package io.platformsim.scheduler.state;

/**
 * The two subtle pieces of the open-addressing tables in this package (the node table's bound pods,
 * a selector's sparse pod counts): the hash that spreads keys over a power-of-two table, and the
 * test backward-shift deletion uses to keep probe chains intact without tombstones.
 */
final class LinearProbing {

  private LinearProbing() {}

  /**
   * A hash of {@code h} whose low bits are well mixed (Fibonacci multiply, high bits folded in).
   */
  static int mix(int h) {
    int x = h * 0x9E3779B9;
    return x ^ (x >>> 16);
  }

  /**
   * Whether the entry found at slot {@code i}, whose home slot is {@code home}, must stay where it
   * is when slot {@code hole} is emptied: its home lies cyclically in {@code (hole, i]}, so moving
   * it into the hole would put it before its home and break its probe chain.
   */
  static boolean staysAfterHole(int home, int hole, int i) {
    return hole <= i ? (home > hole && home <= i) : (home > hole || home <= i);
  }
}
