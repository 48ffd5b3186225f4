package io.platformsim.scheduler.packing;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Lower bounds on the number of bins any packing of an instance needs, so every answer can state
 * how far from optimal it may be.
 *
 * <ul>
 *   <li>{@code volume} (L1): {@code max over dimensions j of ceil(Σ_i size[i][j] / capacity[j])};
 *       the bins must at least hold the total demand in every dimension.
 *   <li>{@code martelloToth} (L2): the bound of Martello and Toth (<i>Knapsack Problems</i>, 1990,
 *       section 8.3.1), computed per dimension on that dimension's sizes alone (each projection is
 *       a relaxation of the vector problem) and maximised over dimensions. For a threshold {@code 0
 *       ≤ α ≤ c/2}: J1 = items larger than {@code c − α}, J2 = items in {@code (c/2, c − α]}, J3 =
 *       items in {@code [α, c/2]}; no two items of J1 ∪ J2 share a bin, no J3 item fits with a J1
 *       item, so {@code L(α) = |J1| + |J2| + max(0, ceil((ΣJ3 − (|J2|·c − ΣJ2)) / c))} and {@code
 *       L2 = max_α L(α)}. It suffices to try α = 0 and each distinct size ≤ c/2. L2 ≥ L1 in every
 *       dimension.
 * </ul>
 *
 * <p>Any non-empty instance needs at least one bin, so both bounds are at least 1 when there is an
 * item (even if every size is zero).
 *
 * @param volume the volume bound L1
 * @param martelloToth the Martello–Toth bound L2 (per dimension, maximised)
 */
public record LowerBound(long volume, long martelloToth) {

  /** Validates that both bounds are non-negative. */
  public LowerBound {
    if (volume < 0 || martelloToth < 0) {
      throw new IllegalArgumentException(
          "lower bound: must be non-negative, got volume="
              + volume
              + ", martelloToth="
              + martelloToth);
    }
  }

  /** The best (largest) of the bounds. */
  public long value() {
    return Math.max(volume, martelloToth);
  }

  /** Both bounds of {@code instance}, in O(d · n log n). */
  public static LowerBound of(PackingInstance instance) {
    int d = instance.dimensions();
    int n = instance.itemCount();
    long[] sizes = instance.sizesShared();
    long l1 = 0;
    long l2 = 0;
    long[] column = new long[n];
    for (int j = 0; j < d; j++) {
      for (int i = 0; i < n; i++) {
        column[i] = sizes[i * d + j];
      }
      long c = instance.capacity(j);
      l1 = Math.max(l1, volumeBound(c, column));
      l2 = Math.max(l2, martelloTothSorted(c, sortedCopy(column)));
    }
    long atLeast = n > 0 ? 1 : 0;
    return new LowerBound(Math.max(l1, atLeast), Math.max(l2, atLeast));
  }

  /**
   * The volume bound {@code ceil(Σ sizes / capacity)} of one dimension, exact even when the sum
   * does not fit in a {@code long}.
   */
  public static long volumeBound(long capacity, long... sizes) {
    requirePositive(capacity);
    // Sum as quotient and remainder of capacity, so no intermediate value can overflow.
    long q = 0;
    long r = 0;
    for (long s : sizes) {
      q += s / capacity;
      long rem = s % capacity;
      if (rem >= capacity - r) {
        q++;
        r = rem - (capacity - r);
      } else {
        r += rem;
      }
    }
    return r > 0 ? q + 1 : q;
  }

  /**
   * The Martello–Toth L2 bound of a one-dimensional instance (see the class comment). Sizes must
   * lie in {@code [0, capacity]}.
   */
  public static long martelloToth(long capacity, long... sizes) {
    requirePositive(capacity);
    for (int i = 0; i < sizes.length; i++) {
      if (sizes[i] < 0 || sizes[i] > capacity) {
        throw new IllegalArgumentException(
            "sizes[" + i + "]: must lie in [0, " + capacity + "], got " + sizes[i]);
      }
    }
    return martelloTothSorted(capacity, sortedCopy(sizes));
  }

  private static long[] sortedCopy(long[] values) {
    long[] a = values.clone();
    Arrays.sort(a);
    return a;
  }

  private static void requirePositive(long capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity: must be positive, got " + capacity);
    }
  }

  /** L2 over sizes sorted ascending. */
  private static long martelloTothSorted(long c, long[] a) {
    int n = a.length;
    if (n == 0) {
      return 0;
    }
    // Long arithmetic is exact while n · c stays far below 2^63; beyond, use BigInteger.
    boolean fitsLong = Math.multiplyHigh(n + 1L, c) == 0 && (n + 1L) * c < (1L << 61);
    if (!fitsLong) {
      return martelloTothBig(c, a);
    }
    long[] prefix = new long[n + 1];
    for (int i = 0; i < n; i++) {
      prefix[i + 1] = prefix[i] + a[i];
    }
    int half = firstAbove(a, c / 2); // items with a > c/2 (for odd c, c/2 rounds down: 2a > c)
    long best = 0;
    long previousAlpha = -1;
    for (int k = -1; k < n; k++) {
      long alpha = k < 0 ? 0 : a[k];
      if (alpha > c / 2) {
        break;
      }
      if (alpha == previousAlpha) {
        continue;
      }
      previousAlpha = alpha;
      int lo = firstAtLeast(a, alpha);
      int big = firstAbove(a, c - alpha);
      long j2 = big - half;
      long s2 = prefix[big] - prefix[half];
      long s3 = prefix[half] - prefix[lo];
      long excess = s3 - (j2 * c - s2);
      long extra = excess > 0 ? (excess + c - 1) / c : 0;
      best = Math.max(best, (n - half) + extra);
    }
    return best;
  }

  private static long martelloTothBig(long c, long[] a) {
    int n = a.length;
    BigInteger bc = BigInteger.valueOf(c);
    BigInteger[] prefix = new BigInteger[n + 1];
    prefix[0] = BigInteger.ZERO;
    for (int i = 0; i < n; i++) {
      prefix[i + 1] = prefix[i].add(BigInteger.valueOf(a[i]));
    }
    int half = firstAbove(a, c / 2);
    long best = 0;
    long previousAlpha = -1;
    for (int k = -1; k < n; k++) {
      long alpha = k < 0 ? 0 : a[k];
      if (alpha > c / 2) {
        break;
      }
      if (alpha == previousAlpha) {
        continue;
      }
      previousAlpha = alpha;
      int lo = firstAtLeast(a, alpha);
      int big = firstAbove(a, c - alpha);
      BigInteger s2 = prefix[big].subtract(prefix[half]);
      BigInteger s3 = prefix[half].subtract(prefix[lo]);
      BigInteger excess = s3.subtract(BigInteger.valueOf(big - half).multiply(bc).subtract(s2));
      long extra =
          excess.signum() > 0
              ? excess.add(bc).subtract(BigInteger.ONE).divide(bc).longValueExact()
              : 0;
      best = Math.max(best, (n - half) + extra);
    }
    return best;
  }

  /**
   * The first index whose value is {@code >= x} in an ascending array ({@code a.length} if none).
   */
  private static int firstAtLeast(long[] a, long x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * The first index whose value is {@code > x} in an ascending array ({@code a.length} if none).
   */
  private static int firstAbove(long[] a, long x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** For example {@code LowerBound[volume=48, martelloToth=49]}. */
  @Override
  public String toString() {
    return "LowerBound[volume=" + volume + ", martelloToth=" + martelloToth + "]";
  }
}
