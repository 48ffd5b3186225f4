package io.platformsim.scheduler.pod;

/**
 * A required pod anti-affinity term: no pod matching {@code selector} may run in the same {@code
 * topologyKey} domain (namespaces are not modelled: all pods share one).
 */
public record AntiAffinityTerm(LabelSelector selector, String topologyKey) {
  /** Validates the fields. */
  public AntiAffinityTerm {
    if (selector == null) {
      throw new IllegalArgumentException("podAntiAffinityTerm.labelSelector is null");
    }
    if (topologyKey == null || topologyKey.isBlank()) {
      throw new IllegalArgumentException("podAntiAffinityTerm.topologyKey is blank");
    }
  }
}
