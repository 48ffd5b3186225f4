package io.platformsim.scheduler.pod;

import java.util.List;

/**
 * A node selector term: requirements ANDed. Upstream a term without requirements matches no node
 * (k8s.io/component-helpers scheduling/corev1/nodeaffinity); it is rejected here instead.
 */
public record NodeSelectorTerm(List<Requirement> requirements) {
  /** Validates non-emptiness. */
  public NodeSelectorTerm {
    requirements = List.copyOf(requirements);
    if (requirements.isEmpty()) {
      throw new IllegalArgumentException(
          "nodeSelectorTerm.matchExpressions is empty (it would match no node)");
    }
  }

  /** A term from requirements. */
  public static NodeSelectorTerm of(Requirement... requirements) {
    return new NodeSelectorTerm(List.of(requirements));
  }

  /** Whether the node labels satisfy all requirements. */
  public boolean matches(java.util.Map<String, String> nodeLabels) {
    for (Requirement r : requirements) {
      if (!r.matches(nodeLabels)) {
        return false;
      }
    }
    return true;
  }
}
