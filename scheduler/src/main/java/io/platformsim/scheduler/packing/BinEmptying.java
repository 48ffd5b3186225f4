package io.platformsim.scheduler.packing;

import java.util.Arrays;
import java.util.Objects;

/**
 * The improvement step: tries to empty whole bins of a finished packing, within a fixed budget.
 *
 * <p>One <em>attempt</em> picks a target bin (the least-filled first) and moves its items to a
 * pool. While the pool is not empty, its largest item goes into the other bin it fills most
 * tightly; if no bin has room, it is swapped into a bin for one strictly smaller item of that bin
 * (smaller or equal in every dimension, smaller in at least one), choosing the swap that leaves
 * that bin fullest, and the displaced item joins the pool. Every swap makes the pool strictly
 * smaller, so an attempt ends; it also ends after {@code maxMovesPerAttempt} moves. If the pool
 * empties, the target bin is gone for good; otherwise the attempt is undone completely. Attempts
 * continue over the bins in order of fill until {@code maxAttempts} attempts are spent, a whole
 * pass empties nothing, or the bin count reaches the lower bound.
 *
 * <p>The budget counts attempts and moves, not time, so the same input always gives the same
 * answer. The result is never worse than the start: it has at most the start's bins, every item
 * exactly once and no bin over capacity.
 *
 * @param maxAttempts the largest number of bin-emptying attempts, at least 0
 * @param maxMovesPerAttempt the largest number of insertions and swaps in one attempt, at least 1
 */
public record BinEmptying(int maxAttempts, int maxMovesPerAttempt) {

  /** Validates the budget. */
  public BinEmptying {
    if (maxAttempts < 0) {
      throw new IllegalArgumentException("maxAttempts: must be >= 0, got " + maxAttempts);
    }
    if (maxMovesPerAttempt < 1) {
      throw new IllegalArgumentException(
          "maxMovesPerAttempt: must be >= 1, got " + maxMovesPerAttempt);
    }
  }

  /** The default budget: 200 attempts of at most 500 moves each. */
  public static BinEmptying defaults() {
    return new BinEmptying(200, 500);
  }

  /**
   * Improves {@code start}, a packing of {@code instance}; the result is named {@code
   * start.algorithm() + "+empty"}.
   *
   * @throws IllegalArgumentException if {@code start} is not a packing of {@code instance}
   */
  public PackingResult improve(PackingInstance instance, PackingResult start) {
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(start, "start");
    if (start.items() != instance.itemCount()) {
      throw new IllegalArgumentException(
          "start: packs " + start.items() + " items, the instance has " + instance.itemCount());
    }
    return new Run(instance, start).run().result(start.algorithm() + "+empty", start.lowerBound());
  }

  /** The mutable state of one improvement run. */
  private final class Run {
    private final int n;
    private final int d;
    private final long[] cap;
    private final long[] sizes;
    private final int bins;
    private final long lowerBound;
    private final int[] binOf;
    private final long[] load;
    private final boolean[] alive;
    private int aliveCount;
    private final int[] pool;
    private int poolSize;
    private final double[] itemKey;

    Run(PackingInstance instance, PackingResult start) {
      this.n = instance.itemCount();
      this.d = instance.dimensions();
      this.cap = instance.capacityShared();
      this.sizes = instance.sizesShared();
      this.bins = start.bins();
      this.lowerBound = start.lowerBound();
      this.binOf = start.assignment();
      this.load = new long[Math.max(1, bins) * d];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < d; j++) {
          load[binOf[i] * d + j] += sizes[i * d + j];
        }
      }
      for (int b = 0; b < bins; b++) {
        for (int j = 0; j < d; j++) {
          if (load[b * d + j] > cap[j]) {
            throw new IllegalArgumentException(
                "start: bin "
                    + b
                    + " is over capacity in dimension "
                    + j
                    + " ("
                    + load[b * d + j]
                    + " > "
                    + cap[j]
                    + ")");
          }
        }
      }
      this.alive = new boolean[bins];
      Arrays.fill(alive, true);
      this.aliveCount = bins;
      this.pool = new int[n];
      this.itemKey = new double[n];
      for (int i = 0; i < n; i++) {
        double k = 0;
        for (int j = 0; j < d; j++) {
          k += (double) sizes[i * d + j] / cap[j];
        }
        itemKey[i] = k;
      }
    }

    Run run() {
      int attempts = 0;
      boolean progress = true;
      while (progress && attempts < maxAttempts && aliveCount > lowerBound) {
        progress = false;
        for (int t : binsByFill()) {
          if (attempts >= maxAttempts || aliveCount <= lowerBound) {
            break;
          }
          attempts++;
          if (tryToEmpty(t)) {
            progress = true;
            break; // fills changed: recompute the order
          }
        }
      }
      return this;
    }

    /** Alive bins, least-filled (normalised sum) first, ties by index. */
    private int[] binsByFill() {
      long[] keys = new long[aliveCount];
      int[] ids = new int[aliveCount];
      int k = 0;
      for (int b = 0; b < bins; b++) {
        if (alive[b]) {
          double f = 0;
          for (int j = 0; j < d; j++) {
            f += (double) load[b * d + j] / cap[j];
          }
          // Invert so DecreasingOrder gives least-filled first; fill ≤ d, so 2d - f > 0.
          keys[k] = Double.doubleToLongBits(2.0 * d - f);
          ids[k++] = b;
        }
      }
      int[] order = DecreasingOrder.of(keys);
      int[] result = new int[aliveCount];
      for (int i = 0; i < aliveCount; i++) {
        result[i] = ids[order[i]];
      }
      return result;
    }

    private boolean tryToEmpty(int t) {
      int[] savedBinOf = binOf.clone();
      long[] savedLoad = load.clone();
      poolSize = 0;
      for (int i = 0; i < n; i++) {
        if (binOf[i] == t) {
          pool[poolSize++] = i;
        }
      }
      Arrays.fill(load, t * d, t * d + d, 0L);
      alive[t] = false;
      int moves = 0;
      boolean emptied = true;
      while (poolSize > 0) {
        if (moves++ >= maxMovesPerAttempt) {
          emptied = false;
          break;
        }
        int slot = largestInPool();
        int p = pool[slot];
        int b = tightestBinFor(p);
        if (b >= 0) {
          moveInto(p, b);
          pool[slot] = pool[--poolSize];
          continue;
        }
        int x = bestSwapFor(p);
        if (x < 0) {
          emptied = false;
          break;
        }
        int k = binOf[x];
        for (int j = 0; j < d; j++) {
          load[k * d + j] -= sizes[x * d + j];
        }
        moveInto(p, k);
        pool[slot] = x;
        binOf[x] = t;
      }
      if (emptied) {
        aliveCount--;
        return true;
      }
      System.arraycopy(savedBinOf, 0, binOf, 0, n);
      System.arraycopy(savedLoad, 0, load, 0, load.length);
      alive[t] = true;
      return false;
    }

    private int largestInPool() {
      int best = 0;
      for (int s = 1; s < poolSize; s++) {
        int a = pool[s];
        int c = pool[best];
        if (itemKey[a] > itemKey[c] || (itemKey[a] == itemKey[c] && a < c)) {
          best = s;
        }
      }
      return best;
    }

    private void moveInto(int item, int bin) {
      for (int j = 0; j < d; j++) {
        load[bin * d + j] += sizes[item * d + j];
      }
      binOf[item] = bin;
    }

    /** Normalised free room of bin {@code b} if {@code extra} is added and {@code less} removed. */
    private double slackAfter(int b, int extra, int less) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        long l = load[b * d + j] + sizes[extra * d + j] - (less < 0 ? 0 : sizes[less * d + j]);
        if (l > cap[j]) {
          return -1;
        }
        s += (double) (cap[j] - l) / cap[j];
      }
      return s;
    }

    private int tightestBinFor(int p) {
      int best = -1;
      double bestSlack = 0;
      for (int b = 0; b < bins; b++) {
        if (!alive[b]) {
          continue;
        }
        double s = slackAfter(b, p, -1);
        if (s >= 0 && (best < 0 || s < bestSlack)) {
          best = b;
          bestSlack = s;
        }
      }
      return best;
    }

    /** The item whose swap with {@code p} leaves its bin fullest, or -1; ties by lowest item. */
    private int bestSwapFor(int p) {
      int best = -1;
      double bestSlack = 0;
      for (int x = 0; x < n; x++) {
        int k = binOf[x];
        if (!alive[k] || !strictlySmaller(x, p)) {
          continue;
        }
        double s = slackAfter(k, p, x);
        if (s >= 0 && (best < 0 || s < bestSlack)) {
          best = x;
          bestSlack = s;
        }
      }
      return best;
    }

    /** {@code x <= p} in every dimension and {@code x < p} in at least one. */
    private boolean strictlySmaller(int x, int p) {
      boolean less = false;
      for (int j = 0; j < d; j++) {
        long a = sizes[x * d + j];
        long b = sizes[p * d + j];
        if (a > b) {
          return false;
        }
        less |= a < b;
      }
      return less;
    }

    PackingResult result(String name, long bound) {
      int[] renumber = new int[bins];
      int next = 0;
      for (int b = 0; b < bins; b++) {
        renumber[b] = alive[b] ? next++ : -1;
      }
      int[] assignment = new int[n];
      for (int i = 0; i < n; i++) {
        assignment[i] = renumber[binOf[i]];
      }
      long[][] loads = new long[next][d];
      for (int b = 0; b < bins; b++) {
        if (alive[b]) {
          System.arraycopy(load, b * d, loads[renumber[b]], 0, d);
        }
      }
      return new PackingResult(name, next, bound, assignment, loads);
    }
  }
}
