package io.platformsim.core.experiment;

import java.util.HashSet;
import java.util.List;
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
 */
public record ComparisonResult(
    String scenario,
    long seed,
    int replications,
    long horizonMillis,
    List<PlatformResult> platforms) {

  /** Checks there is a platform and names are unique; copies the list. */
  public ComparisonResult {
    platforms = List.copyOf(platforms);
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

  @Override
  public String toString() {
    return ComparisonReport.table(this);
  }
}
