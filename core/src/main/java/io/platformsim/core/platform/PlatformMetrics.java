package io.platformsim.core.platform;

import java.util.List;
import java.util.Locale;

/**
 * Everything a platform recorded up to {@code atMillis}, in platform-neutral terms so the two
 * platforms compare field by field. Utilizations are time-weighted over [0, atMillis]: the integral
 * of the numerator over time divided by the integral of the billed capacity over time (so an hour
 * of a full machine and an hour of an empty one average to 50%); they are 0 when no capacity was
 * ever paid for. Per-machine agents count as neither allocated nor used.
 *
 * @param platform platform name
 * @param atMillis simulation time of the snapshot
 * @param averageMachines time-weighted average number of billed machines
 * @param peakMachines largest number of billed machines at once
 * @param costUsd money spent on machines, hourly price × billed time
 * @param cpuAllocation CPU requested by instances placed (deploying, serving or draining) ÷ CPU of
 *     billed machines
 * @param memoryAllocation the same for memory
 * @param cpuUsage CPU actually used by in-service instances ÷ CPU of billed machines
 * @param memoryUsage the same for memory
 * @param rollouts every rollout, in start order
 * @param instanceDeployMillis per-instance deploy times (start of the instance's deploy to in
 *     service) over all rollouts
 * @param failuresRecovered failed machines/instances replaced
 * @param spend {@code costUsd} by how the machines were bought ({@link Pricing}); its total is
 *     {@code costUsd}
 * @param spotInterruptions spot machines or nodes interrupted (given their two-minute notice)
 */
public record PlatformMetrics(
    String platform,
    long atMillis,
    double averageMachines,
    int peakMachines,
    double costUsd,
    double cpuAllocation,
    double memoryAllocation,
    double cpuUsage,
    double memoryUsage,
    List<RolloutRecord> rollouts,
    DurationSummary instanceDeployMillis,
    int failuresRecovered,
    Spend spend,
    int spotInterruptions) {

  /** Copies the rollout list; a null spend is all {@code costUsd} on-demand. */
  public PlatformMetrics {
    rollouts = List.copyOf(rollouts);
    if (spend == null) {
      spend = Spend.onDemand(costUsd);
    }
  }

  /**
   * The figures of a platform that buys everything on-demand (no spot machine, no commitment): its
   * spend is all {@code costUsd} on-demand, nothing interrupted.
   */
  public PlatformMetrics(
      String platform,
      long atMillis,
      double averageMachines,
      int peakMachines,
      double costUsd,
      double cpuAllocation,
      double memoryAllocation,
      double cpuUsage,
      double memoryUsage,
      List<RolloutRecord> rollouts,
      DurationSummary instanceDeployMillis,
      int failuresRecovered) {
    this(
        platform,
        atMillis,
        averageMachines,
        peakMachines,
        costUsd,
        cpuAllocation,
        memoryAllocation,
        cpuUsage,
        memoryUsage,
        rollouts,
        instanceDeployMillis,
        failuresRecovered,
        Spend.onDemand(costUsd),
        0);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%s at %.1f s: machines avg %.2f peak %d, cost $%.2f, CPU alloc %.1f%% use %.1f%%,"
                + " memory alloc %.1f%% use %.1f%%, failures recovered %d%n  instance deploy: %s",
            platform,
            atMillis / 1000.0,
            averageMachines,
            peakMachines,
            costUsd,
            100 * cpuAllocation,
            100 * cpuUsage,
            100 * memoryAllocation,
            100 * memoryUsage,
            failuresRecovered,
            instanceDeployMillis));
    if (spend.spotUsd() > 0 || spend.reservedUsd() > 0 || spotInterruptions > 0) {
      sb.append(System.lineSeparator())
          .append("  ")
          .append(spend)
          .append(", spot interruptions ")
          .append(spotInterruptions);
    }
    for (RolloutRecord r : rollouts) {
      sb.append(System.lineSeparator()).append("  ").append(r);
    }
    return sb.toString();
  }
}
