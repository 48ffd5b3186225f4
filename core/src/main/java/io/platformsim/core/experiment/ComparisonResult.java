package io.platformsim.core.experiment;

/**
 * The outcome of {@link Comparison#run}: both platforms' figures with 95% confidence intervals
 * over the same replications of the same scenario. Immutable; the same scenario and seed give
 * an equal result (no wall-clock time is recorded). Its {@code toString()} is the aligned text
 * table of {@link ComparisonReport#table}.
 *
 * @param scenario      scenario name
 * @param seed          master seed
 * @param replications  replications run
 * @param horizonMillis simulated time per replication
 * @param lesp          the LeSP side
 * @param kusp          the KuSP side
 */
public record ComparisonResult(String scenario, long seed, int replications, long horizonMillis,
    SideResult lesp, SideResult kusp) {

  /** KuSP's mean over LeSP's mean for {@code f}; NaN if either is missing or LeSP's is 0. */
  public double ratio(Figure f) {
    double l = lesp.mean(f);
    double k = kusp.mean(f);
    return l == 0 || Double.isNaN(l) || Double.isNaN(k) ? Double.NaN : k / l;
  }

  /** The side of {@code side}. */
  public SideResult side(Side side) {
    return side == Side.LESP ? lesp : kusp;
  }

  @Override
  public String toString() {
    return ComparisonReport.table(this);
  }
}
