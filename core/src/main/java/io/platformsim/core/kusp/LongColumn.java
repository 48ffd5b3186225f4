package io.platformsim.core.kusp;

import java.util.Arrays;

/**
 * An append-only column of {@code long} values stored as {@code int}s while every value fits in
 * one and widened to {@code long}s for good by the first value that does not: the platform's
 * history (durations, replica counts, times of a run shorter than 24.8 simulated days) almost
 * always fits, and half the bytes per entry matter at a million pods. {@link #get(int)} returns
 * exactly the value appended. Not thread-safe.
 */
final class LongColumn {
  private int[] narrow;
  private long[] wide;
  private int size;

  /** An empty column with room for {@code capacity} values before it grows. */
  LongColumn(int capacity) {
    narrow = new int[Math.max(1, capacity)];
  }

  /** Appends {@code v}. */
  void add(long v) {
    if (wide == null && (int) v != v) {
      wide = new long[narrow.length];
      for (int i = 0; i < size; i++) {
        wide[i] = narrow[i];
      }
      narrow = null;
    }
    if (wide != null) {
      if (size == wide.length) {
        wide = Arrays.copyOf(wide, grown(size));
      }
      wide[size++] = v;
    } else {
      if (size == narrow.length) {
        narrow = Arrays.copyOf(narrow, grown(size));
      }
      narrow[size++] = (int) v;
    }
  }

  /** Replaces the value at {@code i} (an index below {@link #size()}) by {@code v}. */
  void set(int i, long v) {
    if (wide == null && (int) v != v) {
      int n = size;
      long[] w = new long[narrow.length];
      for (int j = 0; j < n; j++) {
        w[j] = narrow[j];
      }
      wide = w;
      narrow = null;
    }
    if (wide != null) {
      wide[i] = v;
    } else {
      narrow[i] = (int) v;
    }
  }

  /** The value at {@code i}, an index below {@link #size()}. */
  long get(int i) {
    return wide != null ? wide[i] : narrow[i];
  }

  /** Values appended so far. */
  int size() {
    return size;
  }

  /** The values in append order, as a fresh array. */
  long[] toArray() {
    long[] out = new long[size];
    for (int i = 0; i < size; i++) {
      out[i] = get(i);
    }
    return out;
  }

  // Grows by half (not double): a history is read rarely and its slack is pure retained heap.
  private static int grown(int n) {
    return Math.max(n + 4, n + (n >> 1));
  }

  @Override
  public String toString() {
    return "LongColumn[" + size + (wide != null ? " wide" : " narrow") + "]";
  }
}
