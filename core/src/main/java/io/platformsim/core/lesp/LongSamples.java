package io.platformsim.core.lesp;

import io.platformsim.core.platform.DurationSummary;
import java.util.Arrays;

/** A growable array of longs, for duration samples without boxing. */
final class LongSamples {
  private long[] values = new long[64];
  private int size;

  void add(long v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
  }

  int size() {
    return size;
  }

  DurationSummary summary() {
    return DurationSummary.of(Arrays.copyOf(values, size));
  }

  @Override
  public String toString() {
    return "LongSamples[" + size + "]";
  }
}
