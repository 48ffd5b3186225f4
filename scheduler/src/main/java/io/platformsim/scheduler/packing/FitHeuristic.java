package io.platformsim.scheduler.packing;

import java.util.Objects;
import java.util.TreeSet;

/**
 * A classic one-pass packing heuristic: take the items in the given order or decreasing by a {@link
 * SizeMeasure}, and put each into the bin a {@link Fit} rule chooses.
 *
 * <p>Fast paths: first fit uses a max-tree over bin residuals ({@code O(n log n)} in one dimension,
 * pruned search in several); one-dimensional best fit uses an ordered set of (residual, bin) keys
 * and worst fit the max-tree, both {@code O(n log n)}. Best and worst fit in several dimensions
 * scan the open bins. With {@code referenceScan} every rule instead scans the open bins one by one
 * — the plain {@code O(n · bins)} reference the fast paths must agree with exactly (same bins, same
 * assignment), kept for tests and as the benchmark baseline.
 *
 * @param name the registry name, for example {@code "ffd"} or {@code "bfd-l2"}
 * @param fit the bin-choice rule
 * @param decreasing whether items are sorted decreasing by {@code measure} first (stable: equal
 *     items keep their input order)
 * @param measure the size measure for sorting and for ranking bins in best and worst fit
 * @param referenceScan whether to use the plain scan instead of the fast paths
 */
public record FitHeuristic(
    String name, Fit fit, boolean decreasing, SizeMeasure measure, boolean referenceScan)
    implements PackingAlgorithm {

  /** Validates the components. */
  public FitHeuristic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fit, "fit");
    Objects.requireNonNull(measure, "measure");
  }

  /**
   * The heuristic with its conventional name: {@code ff}, {@code bf}, {@code wf}, {@code nf} in the
   * given order; {@code ffd}, {@code bfd}, ... decreasing by {@link SizeMeasure#SUM}; and {@code
   * ffd-l2}, {@code bfd-dot}, ... for other measures.
   */
  public static FitHeuristic of(Fit fit, boolean decreasing, SizeMeasure measure) {
    String name = fit.key();
    if (decreasing) {
      name += "d";
      if (measure != SizeMeasure.SUM) {
        name += "-" + measure.key();
      }
    }
    return new FitHeuristic(name, fit, decreasing, measure, false);
  }

  /** The same heuristic using the plain full scan, named with a {@code "-scan"} suffix. */
  public FitHeuristic withReferenceScan() {
    return new FitHeuristic(name + "-scan", fit, decreasing, measure, true);
  }

  @Override
  public PackingResult pack(PackingInstance instance) {
    Objects.requireNonNull(instance, "instance");
    int n = instance.itemCount();
    double[] weights = SizeMeasure.weights(instance);
    int[] order;
    if (decreasing) {
      order = DecreasingOrder.of(DecreasingOrder.keys(instance, measure, weights));
    } else {
      order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
    }
    Bins bins = new Bins(instance, weights, measure);
    if (referenceScan || fit == Fit.NEXT) {
      packByScan(bins, order);
    } else if (fit == Fit.FIRST) {
      packFirstFitTree(bins, order);
    } else if (instance.dimensions() == 1
        && fit == Fit.BEST
        && keysFitLong(instance.capacity(0), n + 1L)) {
      packBestFit1(bins, order);
    } else if (instance.dimensions() == 1 && fit == Fit.WORST) {
      packWorstFit1(bins, order);
    } else {
      packByScan(bins, order);
    }
    return bins.result(name, LowerBound.of(instance).value());
  }

  /** Whether every key {@code residual * slots + bin} (residual ≤ capacity) fits in a long. */
  private static boolean keysFitLong(long capacity, long slots) {
    return capacity < Long.MAX_VALUE
        && Math.multiplyHigh(capacity + 1, slots) == 0
        && (capacity + 1) * slots > 0;
  }

  private void packByScan(Bins bins, int[] order) {
    for (int item : order) {
      int b;
      switch (fit) {
        case FIRST:
          b = bins.firstFitScan(item);
          break;
        case BEST:
          b = bins.rankedScan(item, true);
          break;
        case WORST:
          b = bins.rankedScan(item, false);
          break;
        case NEXT:
          b = bins.count() > 0 && bins.fits(bins.count() - 1, item) ? bins.count() - 1 : -1;
          break;
        default:
          throw new AssertionError(fit);
      }
      bins.place(item, b < 0 ? bins.open() : b);
    }
  }

  private static void packFirstFitTree(Bins bins, int[] order) {
    PackingInstance instance = bins.instance;
    int n = instance.itemCount();
    int d = instance.dimensions();
    long[] sizes = instance.sizesShared();
    // Slots not opened yet hold the full capacity, so the leftmost fitting slot is either an open
    // bin or exactly the next bin to open (every item fits an empty bin).
    ResidualTree tree = new ResidualTree(n, d, instance.capacityShared());
    for (int item : order) {
      int b = d == 1 ? tree.firstFit1(sizes[item]) : tree.firstFit(sizes, item * d);
      if (b == bins.count()) {
        bins.open();
      }
      bins.place(item, b);
      if (d == 1) {
        tree.set1(b, bins.residual[b]);
      } else {
        tree.set(b, bins.residual, b * d);
      }
    }
  }

  private static void packBestFit1(Bins bins, int[] order) {
    long[] sizes = bins.instance.sizesShared();
    long slots = bins.instance.itemCount() + 1L;
    // Key residual * slots + bin: ceiling(size * slots) is the smallest residual >= size, and
    // among equal residuals the lowest bin, exactly what the reference scan picks.
    TreeSet<Long> byResidual = new TreeSet<>();
    for (int item : order) {
      long s = sizes[item];
      Long key = byResidual.ceiling(s * slots);
      int b;
      if (key == null) {
        b = bins.open();
      } else {
        b = (int) (key % slots);
        byResidual.remove(key);
      }
      bins.place(item, b);
      byResidual.add(bins.residual[b] * slots + b);
    }
  }

  private static void packWorstFit1(Bins bins, int[] order) {
    long[] sizes = bins.instance.sizesShared();
    ResidualTree tree = new ResidualTree(bins.instance.itemCount(), 1, null);
    for (int item : order) {
      long s = sizes[item];
      int b = tree.max1() >= s ? tree.leftmostMax1() : bins.open();
      bins.place(item, b);
      tree.set1(b, bins.residual[b]);
    }
  }

  /** Open bins with their residual capacities, flat; the working state of one packing run. */
  static final class Bins {
    final PackingInstance instance;
    final int d;
    final long[] capacity;
    final long[] sizes;
    final long[] residual;
    final int[] assignment;
    private final double[] weights;
    private final SizeMeasure ranking;
    private final double[] scratch;
    private int count;

    Bins(PackingInstance instance, double[] weights, SizeMeasure ranking) {
      this.instance = instance;
      this.d = instance.dimensions();
      this.capacity = instance.capacityShared();
      this.sizes = instance.sizesShared();
      int n = instance.itemCount();
      this.residual = new long[Math.max(1, n) * d];
      this.assignment = new int[n];
      this.weights = weights;
      this.ranking = ranking;
      this.scratch = new double[d];
    }

    int count() {
      return count;
    }

    int open() {
      System.arraycopy(capacity, 0, residual, count * d, d);
      return count++;
    }

    boolean fits(int bin, int item) {
      int r = bin * d;
      int s = item * d;
      for (int j = 0; j < d; j++) {
        if (residual[r + j] < sizes[s + j]) {
          return false;
        }
      }
      return true;
    }

    void place(int item, int bin) {
      int r = bin * d;
      int s = item * d;
      for (int j = 0; j < d; j++) {
        residual[r + j] -= sizes[s + j];
      }
      assignment[item] = bin;
    }

    int firstFitScan(int item) {
      for (int b = 0; b < count; b++) {
        if (fits(b, item)) {
          return b;
        }
      }
      return -1;
    }

    /**
     * The open bin with the smallest ({@code tightest}) or largest residual after placing the item,
     * lowest index on ties; -1 if none fits. One dimension compares raw residuals.
     */
    int rankedScan(int item, boolean tightest) {
      int best = -1;
      if (d == 1) {
        long bestResidual = 0;
        long s = sizes[item];
        for (int b = 0; b < count; b++) {
          long after = residual[b] - s;
          if (after >= 0
              && (best < 0 || (tightest ? after < bestResidual : after > bestResidual))) {
            best = b;
            bestResidual = after;
          }
        }
        return best;
      }
      double bestScore = 0;
      SizeMeasure measure = ranking;
      for (int b = 0; b < count; b++) {
        if (!fits(b, item)) {
          continue;
        }
        for (int j = 0; j < d; j++) {
          scratch[j] = (double) (residual[b * d + j] - sizes[item * d + j]) / capacity[j];
        }
        double score = measure.of(scratch, weights);
        if (best < 0 || (tightest ? score < bestScore : score > bestScore)) {
          best = b;
          bestScore = score;
        }
      }
      return best;
    }

    PackingResult result(String name, long lowerBound) {
      long[][] loads = new long[count][d];
      for (int b = 0; b < count; b++) {
        for (int j = 0; j < d; j++) {
          loads[b][j] = capacity[j] - residual[b * d + j];
        }
      }
      return new PackingResult(name, count, lowerBound, assignment, loads);
    }
  }
}
