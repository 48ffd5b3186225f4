package io.platformsim.core.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of {@link Replications#run}: every replication's figures in replication-index order,
 * and each figure's {@link Estimate} (mean with 95% confidence interval). Immutable; the same seed
 * and count give an equal result whatever the thread interleaving.
 */
public final class ReplicationResult {

  private final long masterSeed;
  private final List<Map<String, Observation>> observations;
  private final List<Map<String, Double>> replications;
  private final Map<String, Estimate> estimates;

  /** From plain values: every figure observed in every replication. */
  static ReplicationResult ofValues(long masterSeed, List<Map<String, Double>> replications) {
    List<Map<String, Observation>> observed = new ArrayList<>(replications.size());
    for (Map<String, Double> figures : replications) {
      Map<String, Observation> o = new LinkedHashMap<>();
      figures.forEach((k, v) -> o.put(k, Observation.observed(v)));
      observed.add(o);
    }
    return new ReplicationResult(masterSeed, observed);
  }

  /**
   * From observations; figures are ordered by first appearance (replication 0's first, then any new
   * in replication 1, ...), and a figure missing from a replication is absent there.
   */
  ReplicationResult(long masterSeed, List<Map<String, Observation>> observations) {
    this.masterSeed = masterSeed;
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Map<String, Observation> figures : observations) {
      for (String name : figures.keySet()) {
        if (seen.add(name)) {
          names.add(name);
        }
      }
    }
    List<Map<String, Observation>> copies = new ArrayList<>(observations.size());
    List<Map<String, Double>> values = new ArrayList<>(observations.size());
    for (Map<String, Observation> figures : observations) {
      Map<String, Observation> full = new LinkedHashMap<>();
      Map<String, Double> present = new LinkedHashMap<>();
      for (String name : names) {
        Observation o = figures.getOrDefault(name, Observation.absent());
        full.put(name, o);
        if (o.present()) {
          present.put(name, o.value());
        }
      }
      copies.add(Collections.unmodifiableMap(full));
      values.add(Collections.unmodifiableMap(present));
    }
    this.observations = Collections.unmodifiableList(copies);
    this.replications = Collections.unmodifiableList(values);
    Map<String, Estimate> byName = new LinkedHashMap<>();
    for (String name : names) {
      List<Observation> column = new ArrayList<>(copies.size());
      for (Map<String, Observation> figures : copies) {
        column.add(figures.get(name));
      }
      byName.put(name, Estimate.of(name, column));
    }
    this.estimates = Collections.unmodifiableMap(byName);
  }

  /** The first {@code count} replications as a result of their own (estimates over them only). */
  public ReplicationResult first(int count) {
    if (count < 1 || count > observations.size()) {
      throw new IllegalArgumentException(
          "count must be in [1, " + observations.size() + "], was " + count);
    }
    return new ReplicationResult(masterSeed, observations.subList(0, count));
  }

  /** The master seed the replications derived their streams from. */
  public long masterSeed() {
    return masterSeed;
  }

  /** Number of replications. */
  public int count() {
    return replications.size();
  }

  /**
   * Each replication's figures; element i is replication i. A censored figure holds its lower
   * bound; an absent one is left out (see {@link #observations()} for which is which).
   */
  public List<Map<String, Double>> replications() {
    return replications;
  }

  /**
   * Each replication's observation of every figure (absent included); element i is replication i.
   */
  public List<Map<String, Observation>> observations() {
    return observations;
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
            (e.censored() > 0 ? "≥ " : "") + fmt(f, e.mean()),
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
