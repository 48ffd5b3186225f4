package io.platformsim.core.kusp.deployment;

/**
 * What the Deployment controller reads and writes of one ReplicaSet.
 *
 * <p>The two annotations are those the controller stamps on every ReplicaSet it scales (k/k {@code
 * pkg/controller/deployment/util/deployment_util.go SetReplicasAnnotations}): {@code
 * deployment.kubernetes.io/desired-replicas} (the Deployment's {@code spec.replicas}) and {@code
 * deployment.kubernetes.io/max-replicas} ({@code spec.replicas + maxSurge}); proportional scaling
 * reads them to tell a resize from a rollout. {@link #NO_ANNOTATION} stands for a missing one.
 *
 * @param name ReplicaSet name, the last tie-break of upstream's orderings
 * @param createdAtMillis creation time (simulated), the first tie-break
 * @param replicas {@code spec.replicas}, at least 0
 * @param available {@code status.availableReplicas}, at least 0
 * @param desiredAnnotation desired-replicas annotation, or {@link #NO_ANNOTATION}
 * @param maxAnnotation max-replicas annotation, or {@link #NO_ANNOTATION}
 */
public record ReplicaSetCounts(
    String name,
    long createdAtMillis,
    int replicas,
    int available,
    int desiredAnnotation,
    int maxAnnotation) {

  /** The value of an annotation that is not set. */
  public static final int NO_ANNOTATION = -1;

  /** Validates the counts. */
  public ReplicaSetCounts {
    if (name == null) {
      throw new IllegalArgumentException("ReplicaSet name must not be null");
    }
    if (replicas < 0 || available < 0) {
      throw new IllegalArgumentException(
          "ReplicaSet "
              + name
              + ": replicas and available must be >= 0, were "
              + replicas
              + " and "
              + available);
    }
    if (desiredAnnotation < NO_ANNOTATION || maxAnnotation < NO_ANNOTATION) {
      throw new IllegalArgumentException(
          "ReplicaSet " + name + ": annotations must be >= 0 or NO_ANNOTATION");
    }
  }

  /** A ReplicaSet without annotations. */
  public static ReplicaSetCounts of(
      String name, long createdAtMillis, int replicas, int available) {
    return new ReplicaSetCounts(
        name, createdAtMillis, replicas, available, NO_ANNOTATION, NO_ANNOTATION);
  }

  /** This ReplicaSet with the annotations the controller writes for {@code d}. */
  public ReplicaSetCounts annotatedFor(RolloutSpec d) {
    return new ReplicaSetCounts(
        name,
        createdAtMillis,
        replicas,
        available,
        d.replicas(),
        d.replicas() + RolloutBounds.maxSurge(d));
  }

  /** This ReplicaSet with the given annotations (either may be {@link #NO_ANNOTATION}). */
  public ReplicaSetCounts withAnnotations(int desired, int max) {
    return new ReplicaSetCounts(name, createdAtMillis, replicas, available, desired, max);
  }

  /** This ReplicaSet with {@code spec.replicas} set and nothing else changed. */
  public ReplicaSetCounts withReplicas(int newReplicas) {
    return new ReplicaSetCounts(
        name, createdAtMillis, newReplicas, available, desiredAnnotation, maxAnnotation);
  }

  /**
   * This ReplicaSet scaled by the controller for {@code d}: {@code spec.replicas} set and the
   * annotations rewritten, as k/k {@code pkg/controller/deployment/sync.go scaleReplicaSet} does.
   */
  public ReplicaSetCounts scaledFor(RolloutSpec d, int newReplicas) {
    return withReplicas(newReplicas).annotatedFor(d);
  }

  /** Whether it has any desired replicas (k/k {@code controller.FilterActiveReplicaSets}). */
  public boolean active() {
    return replicas > 0;
  }

  @Override
  public String toString() {
    return name
        + " "
        + available
        + "/"
        + replicas
        + " available"
        + (desiredAnnotation == NO_ANNOTATION ? "" : " desired=" + desiredAnnotation)
        + (maxAnnotation == NO_ANNOTATION ? "" : " max=" + maxAnnotation);
  }
}
