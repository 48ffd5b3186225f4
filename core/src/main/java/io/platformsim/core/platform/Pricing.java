package io.platformsim.core.platform;

import java.util.Locale;

/**
 * How a platform buys its machines (LeSP) or nodes (KuSP): on-demand at the instance type's hourly
 * price, spot at a fraction of it with interruptions, and a reserved (Savings Plan) commitment at a
 * discount. One pricing for both platforms, so the comparison stays like for like. {@link
 * #ON_DEMAND} (everything on-demand) is the default and bills exactly as before.
 *
 * <p><b>Spot.</b> A launch is spot when the live spot machines of its pool (LeSP) or cluster (KuSP)
 * are fewer than {@code floor(spotShare × (live + 1))}, counting the machine being launched: an EC2
 * Auto Scaling group's mixed instances policy keeps {@code OnDemandPercentageAboveBaseCapacity} of
 * its instances on-demand and launches a replacement of the kind that restores the split (AWS
 * CloudFormation {@code AWS::AutoScaling::AutoScalingGroup InstancesDistribution}). Deterministic:
 * no draw decides it. A spot machine costs {@code spotPrice ×} its on-demand price while billed
 * (Spot "up to 90%" off, aws.amazon.com/ec2/spot/pricing). It is interrupted after an exponential
 * time of mean {@link #HOURS_PER_MONTH} h ÷ {@code spotInterruptionsPerMonth} (the Spot Instance
 * Advisor buckets the share of instances interrupted in the last month as &lt;5%, 5-10%, 10-15%,
 * 15-20%, &gt;20%, aws.amazon.com/ec2/spot/instance-advisor), drawn from the shared {@link
 * CommonStreams#spotLifetimeMillis} (the k-th spot machine or node bought gets the k-th draw on
 * every platform); EC2 warns two minutes before (AWS EC2 user guide, "Spot Instance interruption
 * notices").
 *
 * <p><b>Reserved.</b> A commitment like a Compute Savings Plan's "consistent amount of usage, in
 * USD per hour" (AWS Savings Plans user guide): it covers {@code reservedShare} of the on-demand
 * hourly price of the fleet requested at the start (the deploys at time 0, spot machines included)
 * and is billed for the whole run at {@code 1 − reservedDiscount} of that, used or not (as AWS
 * bills an unused commitment). Non-spot machines up to the covered spend cost nothing more; spend
 * above it is on-demand.
 *
 * @param spotShare share of machines bought as spot, in [0, 1]
 * @param spotPrice spot price as a fraction of the on-demand price, in (0, 1]
 * @param spotInterruptionsPerMonth expected interruptions per spot machine per month of {@link
 *     #HOURS_PER_MONTH} h, at least 0 (0: never interrupted)
 * @param reservedShare share of the starting fleet's on-demand spend committed, in [0, 1]; {@code
 *     spotShare + reservedShare} at most 1
 * @param reservedDiscount discount of the commitment off on-demand, in [0, 1) (AWS: "up to 72%",
 *     aws.amazon.com/savingsplans/pricing)
 */
public record Pricing(
    double spotShare,
    double spotPrice,
    double spotInterruptionsPerMonth,
    double reservedShare,
    double reservedDiscount) {

  /** A month as AWS bills it, in hours (365 × 24 ÷ 12). */
  public static final double HOURS_PER_MONTH = 730;

  /** The spot interruption notice: two minutes (AWS EC2 user guide). */
  public static final long SPOT_NOTICE_MILLIS = 120_000;

  /** Everything on-demand: the default. */
  public static final Pricing ON_DEMAND = new Pricing(0, 1, 0, 0, 0);

  /** Validates every field; messages name the field and the value. */
  public Pricing {
    check("spot share", spotShare, spotShare >= 0 && spotShare <= 1, "in [0, 1]");
    check("spot price", spotPrice, spotPrice > 0 && spotPrice <= 1, "in (0, 1] of on-demand");
    check(
        "spot interruptions per month",
        spotInterruptionsPerMonth,
        spotInterruptionsPerMonth >= 0 && Double.isFinite(spotInterruptionsPerMonth),
        ">= 0");
    check("reserved share", reservedShare, reservedShare >= 0 && reservedShare <= 1, "in [0, 1]");
    check(
        "reserved discount",
        reservedDiscount,
        reservedDiscount >= 0 && reservedDiscount < 1,
        "in [0, 1)");
    if (spotShare + reservedShare > 1 + 1e-12) {
      throw new IllegalArgumentException(
          "spot share "
              + spotShare
              + " plus reserved share "
              + reservedShare
              + " must be at most 1, was "
              + (spotShare + reservedShare));
    }
  }

  private static void check(String field, double v, boolean ok, String range) {
    if (!ok || Double.isNaN(v)) {
      throw new IllegalArgumentException(field + " must be " + range + ", was " + v);
    }
  }

  /** This pricing with {@code share} of machines spot at {@code price} of on-demand. */
  public Pricing withSpot(double share, double price, double interruptionsPerMonth) {
    return new Pricing(share, price, interruptionsPerMonth, reservedShare, reservedDiscount);
  }

  /** This pricing with {@code share} of the starting spend reserved at {@code discount}. */
  public Pricing withReserved(double share, double discount) {
    return new Pricing(spotShare, spotPrice, spotInterruptionsPerMonth, share, discount);
  }

  /** Whether everything is bought on-demand (no spot machine, no commitment). */
  public boolean onDemandOnly() {
    return spotShare == 0 && reservedShare == 0;
  }

  /** Whether spot machines are ever interrupted. */
  public boolean interrupts() {
    return spotShare > 0 && spotInterruptionsPerMonth > 0;
  }

  /** Mean time from a spot machine's start to its interruption; infinite without interruptions. */
  public double meanMillisToInterruption() {
    return spotInterruptionsPerMonth == 0
        ? Double.POSITIVE_INFINITY
        : HOURS_PER_MONTH * 3_600_000.0 / spotInterruptionsPerMonth;
  }

  /**
   * Whether the next launch of a group holding {@code live} machines, {@code liveSpot} of them
   * spot, is spot: the spot machines stay at {@code floor(spotShare × machines)} once it is
   * launched.
   */
  public boolean launchesSpot(int live, int liveSpot) {
    // the tiny slack keeps e.g. 0.29 × 100 = 28.999999999999996 at 29
    return liveSpot < Math.floor(spotShare * (live + 1) + 1e-9);
  }

  @Override
  public String toString() {
    if (onDemandOnly()) {
      return "Pricing[on-demand]";
    }
    return String.format(
        Locale.ROOT,
        "Pricing[spot %.0f%% at %.0f%% of on-demand, %.1f%% interrupted per month; reserved %.0f%% at"
            + " %.0f%% off]",
        100 * spotShare,
        100 * spotPrice,
        100 * spotInterruptionsPerMonth,
        100 * reservedShare,
        100 * reservedDiscount);
  }
}
