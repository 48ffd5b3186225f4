package io.platformsim.core.kusp;

import java.util.Arrays;

/**
 * A time series of fixed-width count vectors (the platform's node counts per state and pod counts
 * per phase at every instant they changed), delta-encoded: each count is stored as its change from
 * the previous sample in one byte, or, when the change does not fit in -127..127, as an escape byte
 * plus the full value in a side array. Counts move by one or two per sample, so an entry costs its
 * width in bytes plus its time (an {@code int} while times fit) instead of four bytes per count. A
 * sample at the time of the last one replaces it, as the platform's {@code sample()} requires.
 * {@link #counts(int, int[])} gives back exactly the vector recorded. Append-only apart from that
 * replacement; not thread-safe.
 */
final class CountsLog {
  private static final byte ESCAPE = Byte.MIN_VALUE;

  private final int width;
  private final LongColumn times = new LongColumn(64);
  private byte[] deltas;
  private int[] escapes = new int[16];
  private int escapeCount;
  private int size;
  // the last sample's counts, the one before it (the base the last is encoded against, needed
  // to re-encode it on replacement) and where the last one's escapes begin
  private final int[] last;
  private final int[] beforeLast;
  private int lastEscapeStart;

  /** An empty log of vectors of {@code width} counts. */
  CountsLog(int width) {
    if (width < 1) {
      throw new IllegalArgumentException("counts width must be >= 1, was " + width);
    }
    this.width = width;
    this.deltas = new byte[64 * width];
    this.last = new int[width];
    this.beforeLast = new int[width];
  }

  /**
   * Records at {@code time} the counts {@code a} followed by {@code b} ({@code a.length + b.length}
   * must be the width), replacing the last sample if it has the same time. Times must not decrease.
   */
  void add(long time, int[] a, int[] b) {
    if (a.length + b.length != width) {
      throw new IllegalArgumentException(
          "counts of width " + (a.length + b.length) + " for a log of width " + width);
    }
    int i;
    if (size > 0 && times.get(size - 1) == time) {
      i = size - 1;
      escapeCount = lastEscapeStart;
    } else {
      if (size > 0 && time < times.get(size - 1)) {
        throw new IllegalArgumentException(
            "sample time " + time + " is before the last one at " + times.get(size - 1));
      }
      i = size++;
      times.add(time);
      System.arraycopy(last, 0, beforeLast, 0, width);
      lastEscapeStart = escapeCount;
      if (size * width > deltas.length) {
        deltas =
            Arrays.copyOf(deltas, Math.max(size * width, deltas.length + (deltas.length >> 1)));
      }
    }
    int at = i * width;
    for (int k = 0; k < width; k++) {
      int v = k < a.length ? a[k] : b[k - a.length];
      long d = (long) v - beforeLast[k];
      if (d >= -127 && d <= 127) {
        deltas[at + k] = (byte) d;
      } else {
        deltas[at + k] = ESCAPE;
        if (escapeCount == escapes.length) {
          escapes = Arrays.copyOf(escapes, escapeCount + (escapeCount >> 1) + 4);
        }
        escapes[escapeCount++] = v;
      }
      last[k] = v;
    }
  }

  /** Samples recorded. */
  int size() {
    return size;
  }

  /** The time of sample {@code i}. */
  long time(int i) {
    return times.get(i);
  }

  /**
   * Decodes every sample in order into {@code visitor}, which gets the sample index, its time and
   * its counts (a scratch array reused between calls: copy what you keep).
   */
  void forEach(Visitor visitor) {
    int[] counts = new int[width];
    int e = 0;
    for (int i = 0; i < size; i++) {
      int at = i * width;
      for (int k = 0; k < width; k++) {
        byte d = deltas[at + k];
        counts[k] = d == ESCAPE ? escapes[e++] : counts[k] + d;
      }
      visitor.sample(i, times.get(i), counts);
    }
  }

  /** Receives decoded samples. */
  interface Visitor {
    /** Sample {@code index} at {@code time} with {@code counts} (scratch, do not keep). */
    void sample(int index, long time, int[] counts);
  }

  @Override
  public String toString() {
    return "CountsLog[" + size + " samples of " + width + " counts]";
  }
}
