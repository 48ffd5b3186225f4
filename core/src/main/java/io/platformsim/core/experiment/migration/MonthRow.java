package io.platformsim.core.experiment.migration;

import io.platformsim.core.engine.Estimate;

/**
 * One month (730 h) of a {@link MigrationResult}: each figure's mean over the replications with its
 * 95% Student-t interval. The figures up to {@code hostBlastRadius} are time-weighted means over
 * the month of the segments' steady-state figures ({@link SteadyFigures}); the three cumulative
 * ones are values at the month's end (see {@link Migration} for the baselines).
 *
 * @param month 0-based; month m covers [m × 730 h, (m + 1) × 730 h) from the plan's start
 * @param lespMachines billed LeSP machines
 * @param kuspNodes billed KuSP nodes
 * @param lespCostPerHour LeSP spend, USD per hour
 * @param kuspCostPerHour KuSP spend, USD per hour
 * @param totalCostPerHour both, USD per hour
 * @param servicesOnLesp services only on LeSP (time-weighted: fractions where one moved mid-month)
 * @param servicesOnKusp services only on KuSP
 * @param servicesDual services dual running on both
 * @param lespCpuAllocation CPU requested ÷ CPU billed on LeSP (0 once it has no machine)
 * @param kuspCpuAllocation the same on KuSP (0 before it has a node)
 * @param certificatesPerDay certificates both sides issue per day (window issuance plus renewals)
 * @param principals principals of both sides together
 * @param hostBlastRadius the larger side's worst host blast radius
 * @param cumulativeCostUsd the migration's spend from the start to the month's end, USD
 * @param stayOnLespCumulativeUsd what staying on LeSP would have cost by then, USD
 * @param bigBangCumulativeUsd what moving everything at once at the first wave's start would have
 *     cost by then, USD
 * @param sharedAddressesUsed addresses LeSP machines and VPC-native KuSP pods hold in the range
 *     they share (0 with overlay pods or separate subnets)
 * @param addressesExhausted the fraction of the month during which they held more than the shared
 *     range has
 */
public record MonthRow(
    int month,
    Estimate lespMachines,
    Estimate kuspNodes,
    Estimate lespCostPerHour,
    Estimate kuspCostPerHour,
    Estimate totalCostPerHour,
    Estimate servicesOnLesp,
    Estimate servicesOnKusp,
    Estimate servicesDual,
    Estimate lespCpuAllocation,
    Estimate kuspCpuAllocation,
    Estimate certificatesPerDay,
    Estimate principals,
    Estimate hostBlastRadius,
    Estimate cumulativeCostUsd,
    Estimate stayOnLespCumulativeUsd,
    Estimate bigBangCumulativeUsd,
    Estimate sharedAddressesUsed,
    Estimate addressesExhausted) {

  /** The cumulative savings against staying on LeSP at the month's end (means), USD. */
  public double savingsUsd() {
    return stayOnLespCumulativeUsd.mean() - cumulativeCostUsd.mean();
  }
}
