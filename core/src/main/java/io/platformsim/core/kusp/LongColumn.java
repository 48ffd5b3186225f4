package io.platformsim.core.kusp;

import java.util.Arrays;

/**
 * An append-only column of {@code long} values stored in the narrowest of three forms that holds
 * every value so far: {@code char}s (0 to 65,535), then {@code int}s, then {@code long}s. The first
 * value that does not fit widens the column for good. The platform's history (durations in
 * milliseconds, replica counts, times of a run shorter than 24.8 simulated days) almost always fits
 * in an int and mostly in a char, and the bytes per entry matter at a million pods. {@link
 * #get(int)} returns exactly the value appended. Not thread-safe.
 */
final class LongColumn {
  private char[] tiny;
  private int[] narrow;
  private long[] wide;
  private int size;

  /** An empty column with room for {@code capacity} values before it grows. */
  LongColumn(int capacity) {
    tiny = new char[Math.max(1, capacity)];
  }

  /** Appends {@code v}. */
  void add(long v) {
    fit(v);
    if (size == capacity()) {
      int n = grown(size);
      if (wide != null) {
        wide = Arrays.copyOf(wide, n);
      } else if (narrow != null) {
        narrow = Arrays.copyOf(narrow, n);
      } else {
        tiny = Arrays.copyOf(tiny, n);
      }
    }
    store(size++, v);
  }

  /** Replaces the value at {@code i} (an index below {@link #size()}) by {@code v}. */
  void set(int i, long v) {
    fit(v);
    store(i, v);
  }

  /** The value at {@code i}, an index below {@link #size()}. */
  long get(int i) {
    return wide != null ? wide[i] : narrow != null ? narrow[i] : tiny[i];
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

  private int capacity() {
    return wide != null ? wide.length : narrow != null ? narrow.length : tiny.length;
  }

  // Widens the storage until it holds v.
  private void fit(long v) {
    if (tiny != null && (v < 0 || v > Character.MAX_VALUE)) {
      narrow = new int[tiny.length];
      for (int i = 0; i < size; i++) {
        narrow[i] = tiny[i];
      }
      tiny = null;
    }
    if (narrow != null && (int) v != v) {
      wide = new long[narrow.length];
      for (int i = 0; i < size; i++) {
        wide[i] = narrow[i];
      }
      narrow = null;
    }
  }

  private void store(int i, long v) {
    if (wide != null) {
      wide[i] = v;
    } else if (narrow != null) {
      narrow[i] = (int) v;
    } else {
      tiny[i] = (char) v;
    }
  }

  // Grows by half (not double): a history is read rarely and its slack is pure retained heap.
  static int grown(int n) {
    return Math.max(n + 4, n + (n >> 1));
  }

  @Override
  public String toString() {
    return "LongColumn["
        + size
        + (wide != null ? " longs" : narrow != null ? " ints" : " chars")
        + "]";
  }
}
