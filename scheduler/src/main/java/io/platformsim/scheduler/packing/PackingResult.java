package io.platformsim.scheduler.packing;

import java.util.Arrays;
import java.util.Objects;

/**
 * The answer of an offline packing: how many bins, how far that may be from optimal, and which item
 * went where.
 *
 * <p>Immutable: the arrays are copied in and out. Bins are numbered {@code 0 .. bins-1} with no
 * empty bin. The gap is measured against a {@link LowerBound}, so {@code gap() == 0} proves the
 * packing optimal; a positive gap is an upper bound on the distance to the optimum.
 *
 * @param algorithm the name of the algorithm that produced it, as in {@link
 *     PackingAlgorithm#named(String)}
 * @param bins the number of bins used
 * @param lowerBound the best lower bound on the optimal number of bins
 * @param assignment {@code assignment[i]} is the bin of item {@code i}
 * @param binLoads {@code binLoads[b][j]} is the total size in dimension {@code j} of the items in
 *     bin {@code b}
 */
public record PackingResult(
    String algorithm, int bins, long lowerBound, int[] assignment, long[][] binLoads) {

  /** Validates consistency and copies the arrays. */
  public PackingResult {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(assignment, "assignment");
    Objects.requireNonNull(binLoads, "binLoads");
    if (bins < 0 || binLoads.length != bins) {
      throw new IllegalArgumentException(
          "bins: " + bins + " does not match " + binLoads.length + " bin loads");
    }
    if (lowerBound < 0 || lowerBound > bins) {
      throw new IllegalArgumentException(
          "lowerBound: " + lowerBound + " must lie in [0, bins=" + bins + "]");
    }
    assignment = assignment.clone();
    for (int i = 0; i < assignment.length; i++) {
      if (assignment[i] < 0 || assignment[i] >= bins) {
        throw new IllegalArgumentException(
            "assignment[" + i + "]: bin " + assignment[i] + " outside [0, " + bins + ")");
      }
    }
    long[][] loads = new long[bins][];
    for (int b = 0; b < bins; b++) {
      loads[b] = binLoads[b].clone();
    }
    binLoads = loads;
  }

  /** The number of items packed. */
  public int items() {
    return assignment.length;
  }

  /** {@code bins - lowerBound}: at most this many bins more than the optimum. */
  public long gap() {
    return bins - lowerBound;
  }

  /** {@code gap / lowerBound} (0 when the lower bound is 0). */
  public double relativeGap() {
    return lowerBound == 0 ? 0.0 : (double) gap() / lowerBound;
  }

  /** A copy of the item-to-bin assignment. */
  @Override
  public int[] assignment() {
    return assignment.clone();
  }

  /** The bin of item {@code item}. */
  public int binOf(int item) {
    return assignment[item];
  }

  /** A copy of the per-bin loads. */
  @Override
  public long[][] binLoads() {
    long[][] copy = new long[binLoads.length][];
    for (int b = 0; b < binLoads.length; b++) {
      copy[b] = binLoads[b].clone();
    }
    return copy;
  }

  /** A copy of bin {@code bin}'s load vector. */
  public long[] binLoad(int bin) {
    return binLoads[bin].clone();
  }

  /** The same packing reported under another algorithm name (used by composite algorithms). */
  PackingResult renamed(String newName) {
    return new PackingResult(newName, bins, lowerBound, assignment, binLoads);
  }

  /** Equal when every component, including the array contents, is equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof PackingResult r
        && algorithm.equals(r.algorithm)
        && bins == r.bins
        && lowerBound == r.lowerBound
        && Arrays.equals(assignment, r.assignment)
        && Arrays.deepEquals(binLoads, r.binLoads);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        algorithm, bins, lowerBound, Arrays.hashCode(assignment), Arrays.deepHashCode(binLoads));
  }

  /**
   * One line for jshell, for example {@code PackingResult[ffd: items=120, bins=49, lowerBound=48,
   * gap=1 (2.08%), loads=[[150], [150], ... 47 more]]}; at most eight bin loads are shown.
   */
  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("PackingResult[")
            .append(algorithm)
            .append(": items=")
            .append(assignment.length)
            .append(", bins=")
            .append(bins)
            .append(", lowerBound=")
            .append(lowerBound)
            .append(", gap=")
            .append(gap())
            .append(String.format(java.util.Locale.ROOT, " (%.2f%%)", 100 * relativeGap()))
            .append(", loads=[");
    int shown = Math.min(bins, 8);
    for (int b = 0; b < shown; b++) {
      if (b > 0) {
        sb.append(", ");
      }
      sb.append(Arrays.toString(binLoads[b]));
    }
    if (bins > shown) {
      sb.append(", ... ").append(bins - shown).append(" more");
    }
    return sb.append("]]").toString();
  }
}
