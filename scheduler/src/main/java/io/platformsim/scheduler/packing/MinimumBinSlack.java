package io.platformsim.scheduler.packing;

import java.util.Objects;

/**
 * Minimum bin slack, the MBS' variant of Fleszar and Hindi (<i>New heuristics for one-dimensional
 * bin-packing</i>, Computers &amp; Operations Research 29, 2002), after Gupta and Ho (1999): fills
 * one bin at a time. The largest remaining item always goes in; then a depth-first search over the
 * remaining items (in decreasing order) looks for the subset that leaves the least slack, stopping
 * at zero slack or after {@code maxNodesPerBin} search nodes (items tried in the bin). The best
 * subset found closes the bin.
 *
 * <p>In several dimensions an item must fit in every dimension and the slack is the sum of the
 * normalised residuals. Items are ordered decreasing by {@link SizeMeasure#SUM}, ties by index, and
 * equal items are tried only once per search level, so the search is deterministic and the budget
 * counts nodes, not time.
 *
 * @param name the registry name
 * @param maxNodesPerBin the search budget for one bin, at least 1
 */
public record MinimumBinSlack(String name, int maxNodesPerBin) implements PackingAlgorithm {

  /** Validates the components. */
  public MinimumBinSlack {
    Objects.requireNonNull(name, "name");
    if (maxNodesPerBin < 1) {
      throw new IllegalArgumentException("maxNodesPerBin: must be >= 1, got " + maxNodesPerBin);
    }
  }

  /**
   * The registry default: {@code mbs} with 1,000 search nodes per bin. On the BPPLIB and
   * vector-packing sets a larger budget was not better (the search is not monotone in its budget)
   * and costs more time; see benchmarks/results/PackingBenchmark.md.
   */
  public static MinimumBinSlack defaults() {
    return new MinimumBinSlack("mbs", 1_000);
  }

  @Override
  public PackingResult pack(PackingInstance instance) {
    Objects.requireNonNull(instance, "instance");
    return new Search(instance).run().result(name, LowerBound.of(instance).value());
  }

  /** The state of one run. */
  private final class Search {
    private final int n;
    private final int d;
    private final long[] cap;
    private final long[] sizes;
    private final double[] normalised; // Σ_j size/cap per item
    private final int[] order; // items decreasing
    private final boolean[] packed;
    private final int[] assignment;
    private final long[] room;
    private final int[] chosen;
    private final int[] bestChosen;
    private int chosenCount;
    private int bestCount;
    private double bestSlack;
    private int nodes;
    private int bins;
    private final int[] rest; // unpacked items after the bin's first item, decreasing
    private int restCount;

    Search(PackingInstance instance) {
      this.n = instance.itemCount();
      this.d = instance.dimensions();
      this.cap = instance.capacityShared();
      this.sizes = instance.sizesShared();
      this.normalised = new double[n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < d; j++) {
          normalised[i] += (double) sizes[i * d + j] / cap[j];
        }
      }
      this.order = DecreasingOrder.of(DecreasingOrder.keys(instance, SizeMeasure.SUM, null));
      this.packed = new boolean[n];
      this.assignment = new int[n];
      this.room = new long[d];
      this.chosen = new int[n];
      this.bestChosen = new int[n];
      this.rest = new int[n];
    }

    Search run() {
      int first = 0;
      while (true) {
        while (first < n && packed[order[first]]) {
          first++;
        }
        if (first == n) {
          return this;
        }
        int a = order[first];
        System.arraycopy(cap, 0, room, 0, d);
        take(a);
        chosenCount = 0;
        bestCount = 0;
        bestSlack = slack();
        nodes = 0;
        restCount = 0;
        for (int k = first + 1; k < n; k++) {
          if (!packed[order[k]]) {
            rest[restCount++] = order[k];
          }
        }
        search(0);
        assignment[a] = bins;
        packed[a] = true;
        for (int k = 0; k < bestCount; k++) {
          assignment[bestChosen[k]] = bins;
          packed[bestChosen[k]] = true;
        }
        bins++;
      }
    }

    private double slack() {
      double s = 0;
      for (int j = 0; j < d; j++) {
        s += (double) room[j] / cap[j];
      }
      return s;
    }

    private void take(int item) {
      for (int j = 0; j < d; j++) {
        room[j] -= sizes[item * d + j];
      }
    }

    private void giveBack(int item) {
      for (int j = 0; j < d; j++) {
        room[j] += sizes[item * d + j];
      }
    }

    private boolean fits(int item) {
      for (int j = 0; j < d; j++) {
        if (sizes[item * d + j] > room[j]) {
          return false;
        }
      }
      return true;
    }

    private boolean sameItem(int a, int b) {
      for (int j = 0; j < d; j++) {
        if (sizes[a * d + j] != sizes[b * d + j]) {
          return false;
        }
      }
      return true;
    }

    /**
     * Tries every subset of {@code rest[from..]} that fits, depth first; returns true when the
     * search must stop (zero slack found or budget spent). Every item added to the bin counts as a
     * node.
     */
    private boolean search(int from) {
      int previous = -1;
      // rest is sorted by normalised size, largest first, and an item that fits has a normalised
      // size at most the normalised slack (termwise ≤, and rounding is monotone), so every item
      // before the first one at most the slack can be skipped without changing the result.
      double slack = slack();
      int lo = from;
      int hi = restCount;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (normalised[rest[mid]] > slack) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      for (int k = lo; k < restCount; k++) {
        int item = rest[k];
        if (!fits(item) || (previous >= 0 && sameItem(previous, item))) {
          continue;
        }
        if (++nodes > maxNodesPerBin) {
          return true;
        }
        previous = item;
        take(item);
        chosen[chosenCount++] = item;
        double s = slack();
        if (s < bestSlack) {
          bestSlack = s;
          bestCount = chosenCount;
          System.arraycopy(chosen, 0, bestChosen, 0, chosenCount);
        }
        boolean stop = s <= 0 || search(k + 1);
        chosenCount--;
        giveBack(item);
        if (stop) {
          return true;
        }
      }
      return false;
    }

    PackingResult result(String algorithm, long lowerBound) {
      long[][] loads = new long[bins][d];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < d; j++) {
          loads[assignment[i]][j] += sizes[i * d + j];
        }
      }
      return new PackingResult(algorithm, bins, lowerBound, assignment, loads);
    }
  }
}
