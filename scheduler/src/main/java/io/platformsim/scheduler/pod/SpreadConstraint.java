package io.platformsim.scheduler.pod;

/**
 * A topology spread constraint (core/v1 TopologySpreadConstraint): pods matching {@code selector}
 * should be spread over the domains of {@code topologyKey} with a skew of at most {@code maxSkew}
 * (> 0). minDomains and the node inclusion policies are not modelled; the defaults
 * (nodeAffinityPolicy Honor, nodeTaintsPolicy Ignore) apply.
 */
public record SpreadConstraint(
    int maxSkew, String topologyKey, WhenUnsatisfiable whenUnsatisfiable, LabelSelector selector) {
  /** Validates the fields. */
  public SpreadConstraint {
    if (maxSkew <= 0) {
      throw new IllegalArgumentException(
          "topologySpreadConstraint.maxSkew must be > 0, got " + maxSkew);
    }
    if (topologyKey == null || topologyKey.isBlank()) {
      throw new IllegalArgumentException("topologySpreadConstraint.topologyKey is blank");
    }
    if (whenUnsatisfiable == null || selector == null) {
      throw new IllegalArgumentException(
          "topologySpreadConstraint.whenUnsatisfiable and labelSelector are required");
    }
  }
}
