package io.platformsim.core.experiment;

import io.platformsim.core.platform.Pricing;
import java.util.List;

/**
 * Writes the {@code pricing} section as {@link PricingReader} reads it: both groups with every
 * field, each fraction a plain decimal ({@code 0.3}, never {@code 30%}, which would round through a
 * division by 100). Everything on-demand is written too ({@code spot} share 0 at price 1, {@code
 * reserved} share 0), so the section always shows what the run bills. Every {@link Pricing} is
 * expressible.
 */
final class PricingWriter {

  private PricingWriter() {}

  /** The {@code pricing} section of {@code p}. */
  static void write(YamlLines y, Pricing p) {
    y.open("pricing");
    y.flow(
        "spot",
        List.of(
            "share",
            Spelled.decimal(p.spotShare()),
            "price",
            Spelled.decimal(p.spotPrice()),
            "interruptionsPerMonth",
            Spelled.decimal(p.spotInterruptionsPerMonth())));
    y.flow(
        "reserved",
        List.of(
            "share",
            Spelled.decimal(p.reservedShare()),
            "discount",
            Spelled.decimal(p.reservedDiscount())));
    y.close();
  }
}
