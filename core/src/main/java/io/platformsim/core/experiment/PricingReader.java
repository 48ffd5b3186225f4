package io.platformsim.core.experiment;

import io.platformsim.core.platform.Pricing;
import io.platformsim.core.yaml.ScalarReader;
import io.platformsim.core.yaml.YamlMapping;
import java.util.List;
import java.util.Optional;

/**
 * Reads the optional {@code pricing} section of a scenario file into a {@link Pricing} for both
 * platforms: {@code spot: {share, price, interruptionsPerMonth}} and {@code reserved: {share,
 * discount}}, each a fraction written {@code 0.3} or {@code 30%}. Absent, or a group left out,
 * everything is on-demand ({@link Pricing#ON_DEMAND}).
 */
final class PricingReader {

  private static final List<String> PRICING = List.of("spot", "reserved");
  private static final List<String> SPOT = List.of("share", "price", "interruptionsPerMonth");
  private static final List<String> RESERVED = List.of("share", "discount");

  /** A fraction: a number ({@code 0.3}) or a percentage ({@code 30%}). */
  static final ScalarReader<Double> FRACTION =
      text -> {
        String t = text.trim();
        boolean percent = t.endsWith("%");
        String digits = percent ? t.substring(0, t.length() - 1).trim() : t;
        double v;
        try {
          v = Double.parseDouble(digits);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "expected a fraction like 0.3 or a percentage like 30%, was '" + t + "'");
        }
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("must be finite, was '" + t + "'");
        }
        return percent ? v / 100 : v;
      };

  private PricingReader() {}

  /** The pricing of the top-level mapping {@code top}: on-demand without a {@code pricing}. */
  static Pricing read(YamlMapping top) {
    Optional<YamlMapping> section = top.mapping("pricing");
    if (section.isEmpty()) {
      return Pricing.ON_DEMAND;
    }
    YamlMapping m = section.get();
    m.only(PRICING);
    Pricing p = Pricing.ON_DEMAND;
    Optional<YamlMapping> spot = m.mapping("spot");
    if (spot.isPresent()) {
      YamlMapping s = spot.get();
      s.only(SPOT);
      double share = fraction(s, "share", null, 0, 1, "in [0, 1] (0% to 100%)");
      double price =
          fraction(s, "price", null, Double.MIN_VALUE, 1, "in (0, 1] of on-demand (above 0%)");
      double rate =
          fraction(
              s,
              "interruptionsPerMonth",
              0.0,
              0,
              Double.MAX_VALUE,
              ">= 0 (e.g. 5% for the Spot Instance Advisor's <5% bucket)");
      p = p.withSpot(share, price, rate);
    }
    Optional<YamlMapping> reserved = m.mapping("reserved");
    if (reserved.isPresent()) {
      YamlMapping r = reserved.get();
      r.only(RESERVED);
      double share = fraction(r, "share", null, 0, 1, "in [0, 1] (0% to 100%)");
      double discount = fraction(r, "discount", null, 0, Math.nextDown(1.0), "in [0%, 100%)");
      if (p.spotShare() + share > 1 + 1e-12) {
        throw r.error(
            "share",
            "spot share "
                + p.spotShare()
                + " plus reserved share "
                + share
                + " is above 1: a machine is bought one way, was "
                + r.text("share"));
      }
      p = p.withReserved(share, discount);
    }
    return p;
  }

  private static double fraction(
      YamlMapping m, String field, Double dflt, double min, double max, String range) {
    double v = m.read(field, FRACTION, dflt);
    if (v < min || v > max) {
      throw m.error(field, "must be " + range + ", was " + m.text(field));
    }
    return v;
  }
}
