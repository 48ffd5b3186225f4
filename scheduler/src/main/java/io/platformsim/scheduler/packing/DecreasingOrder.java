package io.platformsim.scheduler.packing;

/**
 * A stable sort of item indices by a non-negative {@code long} key, largest first; equal keys keep
 * ascending index order, which makes every "decreasing" heuristic deterministic. Keys below 2^31
 * are packed with their index into one {@code long} and sorted as primitives; larger keys (and the
 * bit patterns of double measures) use a bottom-up merge sort. Both are O(n log n) on primitive
 * arrays, without boxing.
 */
final class DecreasingOrder {

  private DecreasingOrder() {}

  /** Indices {@code 0 .. keys.length-1} ordered by key descending, ties by index ascending. */
  static int[] of(long[] keys) {
    int n = keys.length;
    long maxKey = 0;
    for (long k : keys) {
      maxKey = Math.max(maxKey, k);
    }
    if (maxKey < (1L << 31)) {
      return packedSort(keys, maxKey);
    }
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    int[] b = new int[n];
    for (int width = 1; width < n; width <<= 1) {
      for (int lo = 0; lo < n; lo += width << 1) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + (width << 1), n);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          // Take from the right run only when strictly larger, so equal keys stay in index order.
          if (keys[a[j]] > keys[a[i]]) {
            b[k++] = a[j++];
          } else {
            b[k++] = a[i++];
          }
        }
        while (i < mid) {
          b[k++] = a[i++];
        }
        while (j < hi) {
          b[k++] = a[j++];
        }
      }
      int[] t = a;
      a = b;
      b = t;
    }
    return a;
  }

  /**
   * Small keys (below 2^31, the common case for sizes): pack {@code (maxKey - key) << 32 | index}
   * into one long and sort the primitives; ascending packed values are keys descending, then
   * indices ascending, the same order as the merge sort, several times faster.
   */
  private static int[] packedSort(long[] keys, long maxKey) {
    int n = keys.length;
    long[] packed = new long[n];
    for (int i = 0; i < n; i++) {
      packed[i] = ((maxKey - keys[i]) << 32) | i;
    }
    java.util.Arrays.sort(packed);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = (int) packed[i]; // the low 32 bits: the index (n < 2^31)
    }
    return order;
  }

  /**
   * The sort keys of an instance under a measure: the raw size in one dimension (exact), else the
   * bit pattern of the non-negative double measure, which orders like the double itself.
   */
  static long[] keys(PackingInstance instance, SizeMeasure measure, double[] weights) {
    int n = instance.itemCount();
    int d = instance.dimensions();
    long[] keys = new long[n];
    if (d == 1) {
      System.arraycopy(instance.sizesShared(), 0, keys, 0, n);
      return keys;
    }
    double[] scratch = new double[d];
    for (int i = 0; i < n; i++) {
      double m = measure.ofItem(instance, i, weights, scratch);
      keys[i] = Double.doubleToLongBits(m + 0.0); // + 0.0 turns -0.0 into +0.0
    }
    return keys;
  }
}
