package io.platformsim.core.platform;

/**
 * A platform's running bill under a {@link Pricing}: told whenever a machine starts or stops being
 * billed (with its on-demand hourly price and whether it is spot), it integrates spot spend at the
 * spot price and non-spot spend above the reserved commitment at on-demand prices, and charges the
 * commitment for the whole run. Shared by both platforms' recorders, so they bill alike.
 *
 * <p>The commitment covers {@code reservedShare} of the hourly on-demand price of the whole fleet
 * (spot machines included) requested at the start time (the deploys at time 0), whether or not they
 * are billed yet: a commitment is bought for the fleet planned, before it boots. Mutable; one per
 * platform run.
 */
public final class Bill {
  private final Pricing pricing;
  private final long startMillis;
  private long lastMillis;
  // on-demand USD per hour of the spot and the non-spot machines billed now
  private double spotRate;
  private double otherRate;
  // on-demand USD per hour of the machines requested at the start
  private double startFleet;
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

  /**
   * A machine of on-demand price {@code usdPerHour} was requested at {@code now}: at the start time
   * it counts towards the fleet the commitment covers; later requests change nothing here.
   */
  public void requested(long now, double usdPerHour) {
    if (now == startMillis) {
      startFleet += usdPerHour;
    }
  }

  private void advance(long now) {
    long dt = now - lastMillis;
    if (dt > 0) {
      spotIntegral += spotRate * dt;
      onDemandIntegral += Math.max(0, otherRate - coveredUsdPerHour()) * dt;
      lastMillis = now;
    }
  }

  /**
   * On-demand USD per hour the commitment covers: the reserved share of the fleet requested at the
   * start (fixed once time moves on, as nothing more is requested at the start time).
   */
  public double coveredUsdPerHour() {
    return pricing.reservedShare() * startFleet;
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
