package io.platformsim.core.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pricing record's checks, its spot launch rule and the bill it drives, worked by hand. */
class PricingTest {

  @ParameterizedTest
  @CsvSource({
    "-0.1, 0.3, 0, 0, 0, spot share must be in [0, 1], was -0.1",
    "1.1, 0.3, 0, 0, 0, spot share must be in [0, 1], was 1.1",
    "0.5, 0, 0, 0, 0, spot price must be in (0, 1] of on-demand, was 0.0",
    "0.5, 1.5, 0, 0, 0, spot price must be in (0, 1] of on-demand, was 1.5",
    "0.5, 0.3, -0.05, 0, 0, 'spot interruptions per month must be >= 0, was -0.05'",
    "0, 1, 0, 1.2, 0.4, reserved share must be in [0, 1], was 1.2",
    "0, 1, 0, 0.4, 1.0, 'reserved discount must be in [0, 1), was 1.0'",
    "0.7, 0.3, 0, 0.4, 0.4, spot share 0.7 plus reserved share 0.4 must be at most 1",
  })
  void refusesOutOfRangeFieldsNamingFieldAndValue(
      double spotShare,
      double spotPrice,
      double rate,
      double reservedShare,
      double discount,
      String message) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Pricing(spotShare, spotPrice, rate, reservedShare, discount));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  /**
   * Launching one machine after another into an empty group, the spot rule keeps floor(share × n)
   * of the first n spot: share 0.5 alternates on-demand, spot; 0.3 makes the 4th, 7th and 10th spot
   * (floor(0.3 n) steps at n = 4, 7, 10).
   */
  @ParameterizedTest
  @CsvSource({
    "0.5, 4, 2, 'ON_DEMAND SPOT ON_DEMAND SPOT'",
    "0.3, 10, 3, 'ON_DEMAND ON_DEMAND ON_DEMAND SPOT ON_DEMAND ON_DEMAND SPOT ON_DEMAND ON_DEMAND SPOT'",
    "1, 3, 3, 'SPOT SPOT SPOT'",
    "0, 3, 0, 'ON_DEMAND ON_DEMAND ON_DEMAND'",
    "0.25, 3, 0, 'ON_DEMAND ON_DEMAND ON_DEMAND'",
  })
  void spotLaunchesFollowTheShare(double share, int n, int spot, String kinds) {
    Pricing p = Pricing.ON_DEMAND.withSpot(share, 0.3, 0);
    StringBuilder seen = new StringBuilder();
    int live = 0;
    int liveSpot = 0;
    for (int i = 0; i < n; i++) {
      boolean s = p.launchesSpot(live, liveSpot);
      seen.append(i > 0 ? " " : "").append(s ? "SPOT" : "ON_DEMAND");
      live++;
      liveSpot += s ? 1 : 0;
    }
    assertEquals(kinds, seen.toString());
    assertEquals(spot, liveSpot);
  }

  /** Whatever the share and group size, launching into an empty group leaves floor(share × n). */
  @Property(tries = 200)
  void spotMachinesAreTheFloorOfTheShare(
      @ForAll @DoubleRange(min = 0, max = 1) double share,
      @ForAll @IntRange(min = 1, max = 500) int n) {
    Pricing p = Pricing.ON_DEMAND.withSpot(share, 0.5, 0);
    int liveSpot = 0;
    for (int live = 0; live < n; live++) {
      liveSpot += p.launchesSpot(live, liveSpot) ? 1 : 0;
    }
    assertEquals((int) Math.floor(share * n + 1e-9), liveSpot);
  }

  /**
   * A spot machine interrupted is replaced by a spot one: with 4 live of which 1 spot (one of the
   * two spot machines of a half-spot group just went), the next launch is spot.
   */
  @Test
  void aReplacementRestoresTheSplit() {
    Pricing p = Pricing.ON_DEMAND.withSpot(0.5, 0.3, 0);
    assertTrue(p.launchesSpot(3, 1));
    assertTrue(!p.launchesSpot(3, 2));
  }

  /**
   * Four $1/h machines requested at 0, two spot at 30% and two not, reserved share 25% at 40% off:
   * the commitment covers $1/h of on-demand spend. All four are billed for the first hour and gone
   * the second. Spot 2 × 1 h × 0.3 = $0.60; on-demand (2 − 1) × 1 h = $1.00; reserved $1/h × 0.6 ×
   * 2 h = $1.20, billed through the second hour with nothing running.
   */
  @Test
  void theCommitmentIsBilledUsedOrNot() {
    Pricing p = Pricing.ON_DEMAND.withSpot(0.5, 0.3, 0).withReserved(0.25, 0.4);
    Bill b = new Bill(p, 0);
    for (boolean spot : new boolean[] {false, true, false, true}) {
      b.requested(0, 1.0);
      b.change(0, spot, 1.0);
    }
    b.requested(1_000, 1.0); // a later request does not grow the commitment
    for (boolean spot : new boolean[] {false, true, false, true}) {
      b.change(3_600_000, spot, -1.0);
    }
    Spend s = b.spend(7_200_000);
    assertEquals(0.60, s.spotUsd(), 1e-12);
    assertEquals(1.00, s.onDemandUsd(), 1e-12);
    assertEquals(1.20, s.reservedUsd(), 1e-12);
    assertEquals(2.80, s.totalUsd(), 1e-12);
  }

  /** Everything on-demand: the bill is the plain integral of the billed price. */
  @Test
  void onDemandBillsThePrice() {
    Bill b = new Bill(Pricing.ON_DEMAND, 0);
    b.requested(0, 0.5);
    b.change(0, false, 0.5);
    b.change(1_800_000, false, 0.5); // a second machine from half an hour
    Spend s = b.spend(3_600_000);
    assertEquals(new Spend(0.5 + 0.5 * 0.5, 0, 0), s);
  }
}
