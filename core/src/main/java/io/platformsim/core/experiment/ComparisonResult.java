package io.platformsim.core.experiment;

import io.platformsim.core.engine.Estimate;
import io.platformsim.core.engine.Observation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The outcome of {@link Comparison#run}: every platform's figures with 95% confidence intervals
 * over the same replications of the same scenario, in {@link PlatformRegistry} order; the first
 * platform is the baseline ratios divide by. Immutable; the same scenario and seed give an equal
 * result (no wall-clock time is recorded). Its {@code toString()} is the aligned text table of
 * {@link ComparisonReport#table}.
 *
 * @param scenario scenario name
 * @param seed master seed
 * @param replications replications run
 * @param horizonMillis simulated time per replication
 * @param platforms one result per platform, at least one, names unique; the first is the baseline
 * @param precision how a run under a {@link Precision} rule ended; empty for a fixed count
 */
public record ComparisonResult(
    String scenario,
    long seed,
    int replications,
    long horizonMillis,
    List<PlatformResult> platforms,
    Optional<Precision.Outcome> precision) {

  /**
   * Replications below which a report warns that an interval is weak: with n − 1 &lt; 4 degrees of
   * freedom the t quantile is above 2.78 (vs 1.96 in the limit) and the sample deviation itself is
   * very uncertain.
   */
  public static final int FEW_REPLICATIONS = 5;

  /** A result of a fixed number of replications. */
  public ComparisonResult(
      String scenario,
      long seed,
      int replications,
      long horizonMillis,
      List<PlatformResult> platforms) {
    this(scenario, seed, replications, horizonMillis, platforms, Optional.empty());
  }

  /** Checks there is a platform and names are unique; copies the list. */
  public ComparisonResult {
    platforms = List.copyOf(platforms);
    if (precision == null) {
      throw new IllegalArgumentException("precision must not be null (use Optional.empty())");
    }
    if (platforms.isEmpty()) {
      throw new IllegalArgumentException("a comparison result needs at least one platform");
    }
    Set<String> seen = new HashSet<>();
    for (PlatformResult p : platforms) {
      if (!seen.add(p.name())) {
        throw new IllegalArgumentException(
            "platform '" + p.name() + "' appears twice in a comparison result");
      }
    }
  }

  /** The first platform, the one ratios divide by. */
  public PlatformResult baseline() {
    return platforms.get(0);
  }

  /**
   * The platform registered as {@code name}.
   *
   * @throws IllegalArgumentException if it did not run, naming it and those that did
   */
  public PlatformResult platform(String name) {
    for (PlatformResult p : platforms) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "no platform '"
            + name
            + "' in this comparison; it ran "
            + platforms.stream().map(PlatformResult::name).toList());
  }

  /** {@code platform("lesp")}, the standard baseline. */
  public PlatformResult lesp() {
    return platform("lesp");
  }

  /** {@code platform("kusp")}. */
  public PlatformResult kusp() {
    return platform("kusp");
  }

  /**
   * The named platform's mean of {@code f} over the baseline's; NaN if either is missing or the
   * baseline's is 0.
   */
  public double ratio(String name, Figure f) {
    double base = baseline().mean(f);
    double other = platform(name).mean(f);
    return base == 0 || Double.isNaN(base) || Double.isNaN(other) ? Double.NaN : other / base;
  }

  /**
   * The second platform over the baseline for {@code f} (KuSP ÷ LeSP in the standard registry); NaN
   * with a single platform.
   */
  public double ratio(Figure f) {
    return platforms.size() < 2 ? Double.NaN : ratio(platforms.get(1).name(), f);
  }

  /**
   * The paired ratio of {@code f}, the named platform ÷ the baseline: per replication r the ratio
   * x_r ÷ base_r, then their mean with a 95% Student-t interval over the replications (common
   * random numbers make the two values of a replication positively correlated, which the pairing
   * uses and the ratio of means {@link #ratio(String, Figure)} does not). Only replications where
   * both values were observed (neither censored nor absent) and the baseline's is not 0 count; the
   * estimate's {@code absent()} counts those left out. Empty if none is left.
   */
  public Optional<Estimate> pairedRatio(String name, Figure f) {
    return paired(name, f, true);
  }

  /**
   * The paired difference of {@code f}, the named platform − the baseline: per replication x_r −
   * base_r, mean and 95% Student-t interval over the replications where both were observed (the
   * estimate's {@code absent()} counts the others). Empty if none is left.
   */
  public Optional<Estimate> pairedDifference(String name, Figure f) {
    return paired(name, f, false);
  }

  /** {@link #pairedRatio(String, Figure)} of the second platform (KuSP ÷ LeSP); empty with one. */
  public Optional<Estimate> pairedRatio(Figure f) {
    return platforms.size() < 2 ? Optional.empty() : pairedRatio(platforms.get(1).name(), f);
  }

  /** {@link #pairedDifference(String, Figure)} of the second platform; empty with one. */
  public Optional<Estimate> pairedDifference(Figure f) {
    return platforms.size() < 2 ? Optional.empty() : pairedDifference(platforms.get(1).name(), f);
  }

  private Optional<Estimate> paired(String name, Figure f, boolean ratio) {
    List<Observation> base = baseline().values(f);
    List<Observation> other = platform(name).values(f);
    int n = Math.min(base.size(), other.size());
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Observation b = base.get(i);
      Observation o = other.get(i);
      if (!b.isObserved() || !o.isObserved() || (ratio && b.value() == 0)) {
        continue;
      }
      values.add(ratio ? o.value() / b.value() : o.value() - b.value());
    }
    if (values.isEmpty()) {
      return Optional.empty();
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Estimate e = Estimate.of(f.key(), v);
    return Optional.of(
        new Estimate(f.key(), e.n(), e.mean(), e.stdDev(), e.halfWidth(), 0, n - v.length));
  }

  /**
   * Warnings a reader of the intervals needs: fewer than {@link #FEW_REPLICATIONS} replications
   * behind the intervals (all, or some figures' because others were absent or censored), and a
   * {@link Precision} cap reached with the target missed. Empty when there is nothing to say.
   */
  public List<String> warnings() {
    List<String> out = new ArrayList<>();
    if (replications < FEW_REPLICATIONS) {
      out.add(
          "the intervals rest on "
              + replications
              + " replication"
              + (replications == 1 ? "" : "s")
              + ", fewer than "
              + FEW_REPLICATIONS
              + ": they are wide and their own width is uncertain (use at least "
              + FEW_REPLICATIONS
              + ")");
    } else {
      List<String> thin = new ArrayList<>();
      for (PlatformResult p : platforms) {
        for (Map.Entry<Figure, Estimate> e : p.figures().entrySet()) {
          if (e.getValue().n() < FEW_REPLICATIONS) {
            thin.add(p.label() + " " + e.getKey().key() + " (n=" + e.getValue().n() + ")");
          }
        }
      }
      if (!thin.isEmpty()) {
        out.add(
            "fewer than "
                + FEW_REPLICATIONS
                + " replications measured "
                + String.join(", ", thin)
                + ": those intervals are weak");
      }
    }
    precision
        .filter(Precision.Outcome::capReached)
        .ifPresent(
            o ->
                out.add(
                    "precision cap of "
                        + o.rule().cap()
                        + " replications reached with the target "
                        + o.rule()
                        + " still missed by "
                        + String.join(", ", o.unmet())));
    return out;
  }

  @Override
  public String toString() {
    return ComparisonReport.table(this);
  }
}
