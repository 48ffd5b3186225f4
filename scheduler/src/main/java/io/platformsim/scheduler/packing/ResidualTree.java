package io.platformsim.scheduler.packing;

import java.util.Arrays;

/**
 * A max-tree (segment tree) over bin slots: each node holds, per dimension, the largest residual
 * capacity of the bins below it. First fit descends to the leftmost bin whose residual covers the
 * item in O(log bins) in one dimension; in several dimensions the per-dimension maxima prune whole
 * subtrees (a necessary condition), and leaves are checked exactly, so the answer is still the
 * leftmost bin that fits.
 *
 * <p>Leaves hold {@code -1} for slots that cannot take anything (padding, or bins not opened yet
 * for worst fit). Flat {@code long[]}: node {@code k}, dimension {@code j} at {@code k * d + j},
 * root at node 1.
 */
final class ResidualTree {

  private final int d;
  private final int leaves;
  private final long[] max;

  /**
   * @param slots the number of bin slots (at most one per item)
   * @param d the number of dimensions
   * @param initial the residual every slot starts with, or {@code null} for -1 (closed)
   */
  ResidualTree(int slots, int d, long[] initial) {
    this.d = d;
    int l = 1;
    while (l < slots) {
      l <<= 1;
    }
    this.leaves = l;
    this.max = new long[2 * l * d];
    Arrays.fill(max, -1L);
    if (initial != null) {
      for (int s = 0; s < slots; s++) {
        System.arraycopy(initial, 0, max, (l + s) * d, d);
      }
      for (int k = l - 1; k >= 1; k--) {
        pull(k);
      }
    }
  }

  /** Recomputes node {@code k} from its children; returns whether any maximum changed. */
  private boolean pull(int k) {
    int a = 2 * k * d;
    int b = a + d;
    int o = k * d;
    boolean changed = false;
    for (int j = 0; j < d; j++) {
      long m = Math.max(max[a + j], max[b + j]);
      changed |= m != max[o + j];
      max[o + j] = m;
    }
    return changed;
  }

  /**
   * Sets slot {@code slot}'s residual to {@code values[offset .. offset+d)} and updates the path.
   */
  void set(int slot, long[] values, int offset) {
    int k = leaves + slot;
    System.arraycopy(values, offset, max, k * d, d);
    for (k >>>= 1; k >= 1; k >>>= 1) {
      if (!pull(k)) {
        return; // this node's maxima did not change, so no ancestor's can
      }
    }
  }

  /** One-dimensional {@link #set}. */
  void set1(int slot, long value) {
    int k = leaves + slot;
    max[k] = value;
    for (k >>>= 1; k >= 1; k >>>= 1) {
      long m = Math.max(max[2 * k], max[2 * k + 1]);
      if (m == max[k]) {
        return; // unchanged here, so unchanged above
      }
      max[k] = m;
    }
  }

  /** The leftmost slot whose residual is at least {@code size} (one dimension), or -1. */
  int firstFit1(long size) {
    if (max[1] < size) {
      return -1;
    }
    int k = 1;
    while (k < leaves) {
      k = max[2 * k] >= size ? 2 * k : 2 * k + 1;
    }
    return k - leaves;
  }

  /** The leftmost slot whose residual covers {@code sizes[offset .. offset+d)}, or -1. */
  int firstFit(long[] sizes, int offset) {
    return find(1, sizes, offset);
  }

  private int find(int k, long[] sizes, int offset) {
    int o = k * d;
    for (int j = 0; j < d; j++) {
      if (max[o + j] < sizes[offset + j]) {
        return -1;
      }
    }
    if (k >= leaves) {
      return k - leaves; // leaf values are exact residuals, so passing the test means it fits
    }
    int r = find(2 * k, sizes, offset);
    return r >= 0 ? r : find(2 * k + 1, sizes, offset);
  }

  /** The largest residual over all slots (one dimension); -1 if every slot is closed. */
  long max1() {
    return max[1];
  }

  /** The leftmost slot holding the largest residual (one dimension), or -1 if all are closed. */
  int leftmostMax1() {
    long m = max[1];
    if (m < 0) {
      return -1;
    }
    int k = 1;
    while (k < leaves) {
      k = max[2 * k] == m ? 2 * k : 2 * k + 1;
    }
    return k - leaves;
  }
}
