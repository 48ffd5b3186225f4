package io.platformsim.core.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of {@link Replications#run}: every replication's figures in replication-index order,
 * and each figure's {@link Estimate} (mean with 95% confidence interval). Immutable; the same seed
 * and count give an equal result whatever the thread interleaving.
 */
public final class ReplicationResult {

  private final long masterSeed;
  private final List<Map<String, Double>> replications;
  private final Map<String, Estimate> estimates;

  ReplicationResult(long masterSeed, List<Map<String, Double>> replications) {
    this.masterSeed = masterSeed;
    List<Map<String, Double>> copies = new ArrayList<>(replications.size());
    for (Map<String, Double> figures : replications) {
      copies.add(Collections.unmodifiableMap(new LinkedHashMap<>(figures)));
    }
    this.replications = Collections.unmodifiableList(copies);
    Map<String, Estimate> byName = new LinkedHashMap<>();
    for (String name : copies.get(0).keySet()) {
      double[] values = new double[copies.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = copies.get(i).get(name);
      }
      byName.put(name, Estimate.of(name, values));
    }
    this.estimates = Collections.unmodifiableMap(byName);
  }

  /** The master seed the replications derived their streams from. */
  public long masterSeed() {
    return masterSeed;
  }

  /** Number of replications. */
  public int count() {
    return replications.size();
  }

  /** Each replication's figures; element i is replication i. */
  public List<Map<String, Double>> replications() {
    return replications;
  }

  /** Every figure's estimate, in the order replication 0 reported them. */
  public List<Estimate> estimates() {
    return List.copyOf(estimates.values());
  }

  /**
   * The estimate of one figure.
   *
   * @throws IllegalArgumentException if no replication reported a figure of that name
   */
  public Estimate estimate(String name) {
    Estimate e = estimates.get(name);
    if (e == null) {
      throw new IllegalArgumentException(
          "no figure named \"" + name + "\"; figures are " + estimates.keySet());
    }
    return e;
  }

  /**
   * An aligned text table, one row per figure: mean, ± half-width of the 95% confidence interval,
   * the interval and the standard deviation, numbers with {@code decimals} decimals.
   */
  public String toTable(int decimals) {
    String[] header = {"figure", "mean", "± 95% CI", "CI low", "CI high", "sd"};
    List<String[]> rows = new ArrayList<>();
    rows.add(header);
    String f = "%." + Math.max(0, decimals) + "f";
    for (Estimate e : estimates.values()) {
      rows.add(
          new String[] {
            e.name(),
            fmt(f, e.mean()),
            fmt(f, e.halfWidth()),
            fmt(f, e.lower()),
            fmt(f, e.upper()),
            fmt(f, e.stdDev())
          });
    }
    int[] widths = new int[header.length];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        if (c == 0) {
          out.append(row[c]).append(" ".repeat(widths[c] - row[c].length()));
        } else {
          out.append("  ").append(" ".repeat(widths[c] - row[c].length())).append(row[c]);
        }
      }
      out.append('\n');
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%d replications, master seed %d, 95%% Student-t intervals%n",
            count(),
            masterSeed));
    return out.toString();
  }

  private static String fmt(String format, double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, format, v);
  }

  @Override
  public String toString() {
    return toTable(3);
  }
}
