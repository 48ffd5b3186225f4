package io.platformsim.scheduler.packing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The portfolio behind {@code best}: minimum bin slack ({@link MinimumBinSlack#defaults()}), then
 * first and best fit decreasing under every {@link SizeMeasure} (once each in one dimension, where
 * the measures coincide). The three packings with the fewest bins (earlier candidates first on
 * ties) then get the improvement step. Keeps the packing with the fewest bins (the earliest on
 * ties) and stops as soon as one reaches the lower bound. The result is named {@code
 * best(<winner>)}, for example {@code best(mbs+empty)}.
 *
 * @param name the registry name
 * @param improvement the improvement step applied to the three best raw packings
 */
record BestOf(String name, BinEmptying improvement) implements PackingAlgorithm {

  BestOf {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(improvement, "improvement");
  }

  /** The candidates for an instance with {@code dimensions} dimensions, in tie-breaking order. */
  static List<PackingAlgorithm> candidates(int dimensions) {
    List<PackingAlgorithm> list = new ArrayList<>();
    list.add(MinimumBinSlack.defaults());
    for (Fit fit : new Fit[] {Fit.FIRST, Fit.BEST}) {
      if (dimensions == 1) {
        list.add(FitHeuristic.of(fit, true, SizeMeasure.SUM));
      } else {
        for (SizeMeasure m : SizeMeasure.values()) {
          list.add(FitHeuristic.of(fit, true, m));
        }
      }
    }
    return list;
  }

  /** How many of the best raw candidates get the (costlier) improvement step. */
  static final int IMPROVED_CANDIDATES = 3;

  @Override
  public PackingResult pack(PackingInstance instance) {
    List<PackingAlgorithm> candidates = candidates(instance.dimensions());
    PackingResult[] raw = new PackingResult[candidates.size()];
    for (int k = 0; k < raw.length; k++) {
      raw[k] = candidates.get(k).pack(instance);
      if (raw[k].gap() == 0) {
        return raw[k].renamed(name + "(" + raw[k].algorithm() + ")");
      }
    }
    // Improve the few raw packings with the fewest bins (stable: earlier candidates first).
    long[] keys = new long[raw.length];
    for (int k = 0; k < raw.length; k++) {
      keys[k] = Integer.MAX_VALUE - raw[k].bins();
    }
    int[] order = DecreasingOrder.of(keys);
    PackingResult best = raw[order[0]];
    for (int k = 0; k < Math.min(IMPROVED_CANDIDATES, order.length); k++) {
      PackingResult r = improvement.improve(instance, raw[order[k]]);
      if (r.bins() < best.bins()) {
        best = r;
      }
      if (best.gap() == 0) {
        break;
      }
    }
    return best.renamed(name + "(" + best.algorithm() + ")");
  }

  @Override
  public String toString() {
    return "PackingAlgorithm[" + name + "]";
  }
}
