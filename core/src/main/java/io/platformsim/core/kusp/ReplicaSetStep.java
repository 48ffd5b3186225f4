package io.platformsim.core.kusp;

/**
 * The desired replica counts of a Deployment's newest ReplicaSet and of all its older ones
 * together, at an instant they changed, after every change at that instant.
 *
 * @param atMillis simulation time
 * @param newReplicas newest ReplicaSet's {@code spec.replicas}
 * @param oldReplicas sum of the older ReplicaSets' {@code spec.replicas}
 */
public record ReplicaSetStep(long atMillis, int newReplicas, int oldReplicas) {
  @Override
  public String toString() {
    return newReplicas + "/" + oldReplicas;
  }
}
