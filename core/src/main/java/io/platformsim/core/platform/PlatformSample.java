package io.platformsim.core.platform;

/**
 * A platform's state at one instant (not time-weighted), for the time series of charts and the
 * time-series CSV. Fractions are in [0, 1]; a platform with no billed capacity reports 0.
 *
 * @param machines billed machines (LeSP) or nodes (KuSP) now
 * @param cpuAllocation CPU requested by placed instances ÷ CPU of billed machines
 * @param memoryAllocation the same for memory
 * @param cpuUsage CPU used by serving instances ÷ CPU of billed machines
 */
public record PlatformSample(
    double machines, double cpuAllocation, double memoryAllocation, double cpuUsage) {

  /** {@code part ÷ whole}, or 0 when there is nothing to divide by (no billed capacity). */
  public static double fraction(double part, double whole) {
    return whole <= 0 ? 0 : part / whole;
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "%.0f machines, CPU alloc %.3f, mem alloc %.3f, CPU use %.3f",
        machines,
        cpuAllocation,
        memoryAllocation,
        cpuUsage);
  }
}
