package io.platformsim.core.platform;

/**
 * A platform's running bill under a {@link Pricing}: told whenever a machine starts or stops being
 * billed (with its on-demand hourly price and whether it is spot), it integrates spot spend at the
 * spot price and non-spot spend above the reserved commitment at on-demand prices, and charges the
 * commitment for the whole run. Shared by both platforms' recorders, so they bill alike.
 *
 * <p>The commitment covers {@code reservedShare} of the hourly on-demand price of the whole fleet
 * (spot machines included) billed at the start: it is fixed at the first change after the start
 * time, so every machine launched at time 0 counts. Mutable; one per platform run.
 */
public final class Bill {
  private final Pricing pricing;
  private final long startMillis;
  private long lastMillis;
  // on-demand USD per hour of the spot and the non-spot machines billed now
  private double spotRate;
  private double otherRate;
  // on-demand USD per hour the commitment covers; NaN until fixed
  private double covered = Double.NaN;
  // USD × ms
  private double spotIntegral;
  private double onDemandIntegral;

  /** An empty bill under {@code pricing} from {@code startMillis}. */
  public Bill(Pricing pricing, long startMillis) {
    if (pricing == null) {
      throw new IllegalArgumentException("pricing must not be null");
    }
    this.pricing = pricing;
    this.startMillis = startMillis;
    this.lastMillis = startMillis;
  }

  /** The pricing billed under. */
  public Pricing pricing() {
    return pricing;
  }

  /**
   * At {@code now}, billed on-demand spend goes up by {@code usdPerHour} (down if negative) for a
   * spot machine if {@code spot}, else for a non-spot one.
   */
  public void change(long now, boolean spot, double usdPerHour) {
    advance(now);
    if (spot) {
      spotRate += usdPerHour;
    } else {
      otherRate += usdPerHour;
    }
  }

  private void advance(long now) {
    if (now > startMillis && Double.isNaN(covered)) {
      covered = pricing.reservedShare() * (spotRate + otherRate);
    }
    long dt = now - lastMillis;
    if (dt > 0) {
      spotIntegral += spotRate * dt;
      onDemandIntegral += Math.max(0, otherRate - (Double.isNaN(covered) ? 0 : covered)) * dt;
      lastMillis = now;
    }
  }

  /** On-demand USD per hour the commitment covers (0 until fixed, after the start). */
  public double coveredUsdPerHour() {
    return Double.isNaN(covered) ? 0 : covered;
  }

  /** What was spent from the start to {@code now}, by kind. */
  public Spend spend(long now) {
    advance(now);
    double hours = 3_600_000.0;
    return new Spend(
        onDemandIntegral / hours,
        pricing.spotPrice() * spotIntegral / hours,
        coveredUsdPerHour() * (1 - pricing.reservedDiscount()) * (now - startMillis) / hours);
  }

  @Override
  public String toString() {
    return "Bill[" + pricing + ", spot $" + spotRate + "/h, other $" + otherRate + "/h]";
  }
}
