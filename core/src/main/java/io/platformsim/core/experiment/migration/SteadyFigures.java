package io.platformsim.core.experiment.migration;

import java.util.Locale;

/**
 * What one {@link MigrationState} costs and looks like in steady state ({@link SteadyState}): the
 * figures of the measurement window, per platform side. A side with no service on it has no
 * machines and costs nothing (every figure of it 0).
 *
 * @param lespMachines billed LeSP machines, time-weighted over the window
 * @param kuspNodes billed KuSP nodes, time-weighted over the window
 * @param lespCostPerHour LeSP spend in the window ÷ its length, USD per hour (scenario's pricing)
 * @param kuspCostPerHour the same for KuSP
 * @param lespCpuAllocation CPU requested by placed LeSP instances ÷ CPU of billed LeSP machines,
 *     mean of the window's samples
 * @param kuspCpuAllocation the same for KuSP pods and nodes
 * @param certificatesPerDay certificates both sides issue per day: those issued in the window
 *     scaled to 24 h plus the renewals the credential holders need under each side's rotation
 *     policy (a window of an hour sees none of a 12 h or 60 d renewal, see {@link SteadyState})
 * @param principals distinct principals of both sides together (machine roles plus node and
 *     service-account roles) at the window's end
 * @param hostBlastRadius the most resources one compromised host reaches, the larger of the two
 *     sides' worst host at the window's end
 * @param sharedAddressesUsed addresses LeSP machines and VPC-native KuSP pods hold in the range
 *     they share at the window's end ({@code AddressOverlap}: 0 with overlay pods or separate
 *     subnets)
 * @param addressesExhausted 1 if together they held more than the shared range has (a launch or pod
 *     the real VPC would have refused), else 0
 */
public record SteadyFigures(
    double lespMachines,
    double kuspNodes,
    double lespCostPerHour,
    double kuspCostPerHour,
    double lespCpuAllocation,
    double kuspCpuAllocation,
    double certificatesPerDay,
    double principals,
    double hostBlastRadius,
    double sharedAddressesUsed,
    double addressesExhausted) {

  /** Nothing on either side. */
  public static final SteadyFigures NONE = new SteadyFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** Both sides' cost per hour. */
  public double totalCostPerHour() {
    return lespCostPerHour + kuspCostPerHour;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "SteadyFigures[LeSP %.1f machines $%.2f/h alloc %.3f | KuSP %.1f nodes $%.2f/h alloc %.3f"
            + " | %.0f certificates/day, %.0f principals, host blast radius %.0f]",
        lespMachines,
        lespCostPerHour,
        lespCpuAllocation,
        kuspNodes,
        kuspCostPerHour,
        kuspCpuAllocation,
        certificatesPerDay,
        principals,
        hostBlastRadius);
  }
}
