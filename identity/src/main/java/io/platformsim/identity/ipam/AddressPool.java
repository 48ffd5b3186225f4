package io.platformsim.identity.ipam;

import java.util.Arrays;

/**
 * The allocatable addresses of one block: a CIDR minus a few reserved addresses at each end, handed
 * out lowest free first and taken back in any order. Mutable, not thread-safe (a simulation owns
 * it).
 *
 * <p>Contract: an address is never handed out twice while allocated; every released address can be
 * handed out again; {@link #used()} + {@link #free()} = {@link #capacity()} at all times. {@link
 * #allocate()} returns {@link #NONE} when the pool is full: running out is a result, not an
 * exception.
 *
 * <p>Why a two-level bitmap: one bit per address in {@code long} words, and a summary with one bit
 * per word that still has a free address. The lowest free address is the lowest set summary bit's
 * word's lowest clear bit, found with {@code numberOfTrailingZeros} after skipping empty summary
 * words from a hint; allocation and release touch two words and allocate nothing. The address words
 * grow only up to the highest word ever used (a /8 pool that hands out 40 addresses holds one
 * address word and a 32 KB summary, not 2 MB).
 */
public final class AddressPool {
  /** Returned by {@link #allocate()} when no address is free. */
  public static final long NONE = -1;

  private final Cidr cidr;
  private final long base;
  private final int capacity;
  private long[] words = new long[1];
  // Bit w set ⇔ address word w has a free bit (words beyond words.length are all free).
  private final long[] summary;
  private int used;
  // Every summary word below this index is zero: the search for a free word starts here.
  private int summaryHint;

  /**
   * A pool of {@code cidr} without the first {@code reservedLow} and last {@code reservedHigh}
   * addresses.
   *
   * @throws IllegalArgumentException if the reservations are negative or leave no address, or the
   *     block holds more than 2<sup>30</sup> addresses
   */
  public AddressPool(Cidr cidr, int reservedLow, int reservedHigh) {
    if (cidr == null) {
      throw new IllegalArgumentException("cidr must not be null");
    }
    if (reservedLow < 0 || reservedHigh < 0) {
      throw new IllegalArgumentException(
          "reserved addresses must be >= 0, were "
              + reservedLow
              + " low and "
              + reservedHigh
              + " high in "
              + cidr);
    }
    if (cidr.size() > (1L << 30)) {
      throw new IllegalArgumentException(
          "address pool " + cidr + " is too large: at most /2 blocks");
    }
    long usable = cidr.size() - reservedLow - reservedHigh;
    if (usable <= 0) {
      throw new IllegalArgumentException(
          "CIDR "
              + cidr
              + " has no usable address after reserving "
              + reservedLow
              + " low and "
              + reservedHigh
              + " high");
    }
    this.cidr = cidr;
    this.base = cidr.first() + reservedLow;
    this.capacity = (int) usable;
    int wordCount = (capacity + 63) >>> 6;
    this.summary = new long[(wordCount + 63) >>> 6];
    for (int w = 0; w < wordCount; w++) {
      summary[w >>> 6] |= 1L << (w & 63);
    }
  }

  /** The block. */
  public Cidr cidr() {
    return cidr;
  }

  /** Usable addresses. */
  public int capacity() {
    return capacity;
  }

  /** Addresses handed out now. */
  public int used() {
    return used;
  }

  /** Addresses that can still be handed out. */
  public int free() {
    return capacity - used;
  }

  /** The lowest free address, now marked used; or {@link #NONE} if the pool is full. */
  public long allocate() {
    if (used == capacity) {
      return NONE;
    }
    // used < capacity: some word below the capacity has a free bit, so the scan stops in range,
    // and the lowest free bit is below the capacity (bits past it in the last word are higher).
    int s = summaryHint;
    while (summary[s] == 0) {
      s++;
    }
    summaryHint = s;
    int w = (s << 6) + Long.numberOfTrailingZeros(summary[s]);
    if (w >= words.length) {
      words =
          Arrays.copyOf(words, Math.max(w + 1, Math.min(words.length * 2, summary.length << 6)));
    }
    int bit = Long.numberOfTrailingZeros(~words[w]);
    words[w] |= 1L << bit;
    if (words[w] == -1L) {
      summary[s] &= ~(1L << (w & 63));
    }
    used++;
    return base + ((long) w << 6) + bit;
  }

  /**
   * Takes {@code address} back.
   *
   * @throws IllegalArgumentException if it is not an address of this pool or not allocated now
   */
  public void release(long address) {
    int index = indexOf(address);
    int w = index >>> 6;
    long mask = 1L << (index & 63);
    if (w >= words.length || (words[w] & mask) == 0) {
      throw new IllegalArgumentException(
          "address " + Ipv4.format(address) + " is not allocated in " + cidr);
    }
    words[w] &= ~mask;
    summary[w >>> 6] |= 1L << (w & 63);
    used--;
    if ((w >>> 6) < summaryHint) {
      summaryHint = w >>> 6;
    }
  }

  /** Whether {@code address} is an allocated address of this pool. */
  public boolean isAllocated(long address) {
    if (address < base || address >= base + capacity) {
      return false;
    }
    int index = (int) (address - base);
    int w = index >>> 6;
    return w < words.length && (words[w] & (1L << (index & 63))) != 0;
  }

  /** Whether {@code address} is one this pool can hand out (in the block, not reserved). */
  public boolean holds(long address) {
    return address >= base && address < base + capacity;
  }

  private int indexOf(long address) {
    if (!holds(address)) {
      throw new IllegalArgumentException(
          "address "
              + (address >= 0 && address < Ipv4.SPACE
                  ? Ipv4.format(address)
                  : Long.toString(address))
              + " is not a usable address of "
              + cidr);
    }
    return (int) (address - base);
  }

  @Override
  public String toString() {
    return "AddressPool[" + cidr + ", used " + used + " of " + capacity + "]";
  }
}
