package io.platformsim.core.experiment.migration;

import java.util.Objects;

/**
 * One service's state during a migration: its {@link Side} and the share of its traffic served by
 * KuSP. The share is 0 on {@link Side#LESP}, 1 on {@link Side#KUSP} and in [0, 1] in {@link
 * Side#DUAL} (a dual-running service at share 1 is baking: all traffic on KuSP, LeSP pool still
 * up).
 *
 * @param side where the service is deployed
 * @param kuspShare the fraction of its load served on KuSP
 */
public record ServiceState(Side side, double kuspShare) {

  /** Not migrated: all on LeSP. */
  public static final ServiceState ON_LESP = new ServiceState(Side.LESP, 0);

  /** Migrated: all on KuSP, the LeSP pool drained. */
  public static final ServiceState ON_KUSP = new ServiceState(Side.KUSP, 1);

  /** Validates that the share fits the side. */
  public ServiceState {
    Objects.requireNonNull(side, "side must not be null");
    if (!(kuspShare >= 0 && kuspShare <= 1)) {
      throw new IllegalArgumentException("kuspShare must be in [0, 1], was " + kuspShare);
    }
    if (side == Side.LESP && kuspShare != 0) {
      throw new IllegalArgumentException("kuspShare on LESP must be 0, was " + kuspShare);
    }
    if (side == Side.KUSP && kuspShare != 1) {
      throw new IllegalArgumentException("kuspShare on KUSP must be 1, was " + kuspShare);
    }
    // -0.0 and 0.0 would make equal states unequal records (Double.compare); normalise.
    kuspShare = kuspShare + 0.0;
  }

  /** Dual running with {@code share} of the traffic on KuSP. */
  public static ServiceState dual(double share) {
    return new ServiceState(Side.DUAL, share);
  }

  @Override
  public String toString() {
    return side == Side.DUAL ? "DUAL(" + kuspShare + ")" : side.name();
  }
}
