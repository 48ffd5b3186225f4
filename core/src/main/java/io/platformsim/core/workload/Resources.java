package io.platformsim.core.workload;

/**
 * An amount of compute: CPU in millicores and memory in MiB. Used for a service instance's request,
 * its actual usage, a machine's capacity and per-machine agent overhead.
 *
 * <p>Both amounts are non-negative; the arithmetic never overflows for realistic values (a machine
 * with a million cores is 10^9 millicores).
 *
 * @param milliCpu CPU in thousandths of a core, at least 0
 * @param memoryMib memory in MiB (2^20 bytes), at least 0
 */
public record Resources(long milliCpu, long memoryMib) {

  /** No resources. */
  public static final Resources ZERO = new Resources(0, 0);

  /** Bytes in one MiB (2^20): the one definition of the MiB-to-bytes conversion. */
  public static final long BYTES_PER_MIB = 1L << 20;

  /** MiB in one GiB. */
  public static final long MIB_PER_GIB = 1024;

  /** Validates both amounts. */
  public Resources {
    if (milliCpu < 0) {
      throw new IllegalArgumentException("milliCpu must be >= 0, was " + milliCpu);
    }
    if (memoryMib < 0) {
      throw new IllegalArgumentException("memoryMib must be >= 0, was " + memoryMib);
    }
  }

  /** {@code milliCpu} millicores and {@code memoryMib} MiB. */
  public static Resources of(long milliCpu, long memoryMib) {
    return new Resources(milliCpu, memoryMib);
  }

  /** Whole cores and GiB, the way instance types are advertised: {@code ofCores(2, 8)}. */
  public static Resources ofCores(double cores, double memoryGib) {
    if (!(cores >= 0) || Double.isInfinite(cores)) {
      throw new IllegalArgumentException("cores must be finite and >= 0, was " + cores);
    }
    if (!(memoryGib >= 0) || Double.isInfinite(memoryGib)) {
      throw new IllegalArgumentException("memoryGib must be finite and >= 0, was " + memoryGib);
    }
    return new Resources(Math.round(cores * 1000), Math.round(memoryGib * MIB_PER_GIB));
  }

  /**
   * {@code mib} MiB in bytes, as the scheduler's resource vectors count memory.
   *
   * @throws ArithmeticException if the result overflows a {@code long}
   */
  public static long bytesOfMib(long mib) {
    return Math.multiplyExact(mib, BYTES_PER_MIB);
  }

  /** The MiB that hold {@code bytes} ({@code >= 0}), rounded up: a request is never shrunk. */
  public static long mibOfBytes(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must be >= 0, was " + bytes);
    }
    return bytes / BYTES_PER_MIB + (bytes % BYTES_PER_MIB == 0 ? 0 : 1);
  }

  /** This amount's memory in bytes. */
  public long memoryBytes() {
    return bytesOfMib(memoryMib);
  }

  /** The component-wise sum. */
  public Resources plus(Resources other) {
    return new Resources(milliCpu + other.milliCpu, memoryMib + other.memoryMib);
  }

  /** This amount {@code n} times ({@code n >= 0}). */
  public Resources times(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("multiplier must be >= 0, was " + n);
    }
    return new Resources(Math.multiplyExact(milliCpu, n), Math.multiplyExact(memoryMib, n));
  }

  /** Whether every component of this amount is at most the one of {@code capacity}. */
  public boolean fitsIn(Resources capacity) {
    return milliCpu <= capacity.milliCpu && memoryMib <= capacity.memoryMib;
  }

  @Override
  public String toString() {
    return milliCpu + "m CPU, " + memoryMib + " MiB";
  }
}
