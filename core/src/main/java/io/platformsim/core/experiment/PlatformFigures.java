package io.platformsim.core.experiment;

import io.platformsim.core.platform.PlatformMetrics;
import io.platformsim.core.platform.Pricing;
import io.platformsim.identity.IdentityMetrics;
import java.util.Map;

/**
 * The figures of one replication that are read straight off a platform's own metrics, the same
 * reading for every platform: identity (addresses, certificates, principals, blast radius) and cost
 * by purchase kind. The rollout figures, which need censoring, are {@link RolloutFigures}.
 */
final class PlatformFigures {

  private PlatformFigures() {}

  /**
   * The identity figures of {@code id}, the platform's own {@code Platform.identityMetrics()}: the
   * same reading for every platform, nothing derived here.
   */
  static void identity(IdentityMetrics id, Map<Figure, Double> out) {
    out.put(Figure.ADDRESSES_USED, (double) id.addresses().used());
    out.put(Figure.ADDRESSES_RESERVED, (double) id.addresses().reserved());
    out.put(Figure.ADDRESSES_FREE, (double) id.addresses().free());
    out.put(Figure.ADDRESS_EXHAUSTIONS, (double) id.addresses().exhaustionEvents());
    out.put(Figure.CERTIFICATES_ISSUED, (double) id.certificates().issued());
    out.put(Figure.CERTIFICATES_PEAK_PER_MINUTE, (double) id.certificates().peakPerMinute());
    out.put(Figure.AUTHORITY_DELAY, id.certificates().meanDelayMillis());
    if (id.tokens() != null) {
      out.put(Figure.TOKENS_ISSUED, (double) id.tokens().issued());
    }
    out.put(Figure.PRINCIPALS, (double) id.principals());
    out.put(Figure.IDENTITIES, (double) id.credentialHolders());
    out.put(Figure.BLAST_RADIUS_MEAN_PRINCIPAL, id.blastRadius().meanOverPrincipals());
    out.put(Figure.BLAST_RADIUS_MAX_PRINCIPAL, (double) id.blastRadius().maxOverPrincipals());
    out.put(Figure.BLAST_RADIUS_MEAN, id.blastRadius().meanOverHosts());
    out.put(Figure.BLAST_RADIUS_MAX, (double) id.blastRadius().maxOverHosts());
  }

  /**
   * Cost per hour by purchase kind and spot interruptions, only for a scenario that buys something
   * other than on-demand (an all-on-demand run reports just {@link Figure#COST_PER_HOUR}): spot
   * figures with a spot share, the reserved figure with a reserved share.
   */
  static void cost(Pricing pricing, PlatformMetrics m, long horizon, Map<Figure, Double> f) {
    if (pricing.onDemandOnly()) {
      return;
    }
    double hours = horizon / 3_600_000.0;
    f.put(Figure.COST_ON_DEMAND_PER_HOUR, m.spend().onDemandUsd() / hours);
    if (pricing.spotShare() > 0) {
      f.put(Figure.COST_SPOT_PER_HOUR, m.spend().spotUsd() / hours);
      f.put(Figure.SPOT_INTERRUPTIONS, (double) m.spotInterruptions());
    }
    if (pricing.reservedShare() > 0) {
      f.put(Figure.COST_RESERVED_PER_HOUR, m.spend().reservedUsd() / hours);
    }
  }
}
