package io.platformsim.core.platform;

import java.util.Locale;

/**
 * Money spent on machines, by how they were bought ({@link Pricing}); {@link #totalUsd()} is what
 * {@link PlatformMetrics#costUsd()} reports.
 *
 * @param onDemandUsd non-spot machine time beyond the reserved commitment, at on-demand prices
 * @param spotUsd spot machine time at the spot price
 * @param reservedUsd the reserved commitment over the whole run, used or not
 */
public record Spend(double onDemandUsd, double spotUsd, double reservedUsd) {

  /** Everything at on-demand prices. */
  public static Spend onDemand(double usd) {
    return new Spend(usd, 0, 0);
  }

  /** The sum of the three. */
  public double totalUsd() {
    return onDemandUsd + spotUsd + reservedUsd;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "Spend[$%.2f: on-demand $%.2f, spot $%.2f, reserved $%.2f]",
        totalUsd(),
        onDemandUsd,
        spotUsd,
        reservedUsd);
  }
}
