package io.platformsim.core.kusp;

/**
 * A pod's restart policy (k/k {@code pkg/apis/core/types.go}; default Always, {@code
 * SetDefaults_PodSpec}). Deployments accept only Always ({@code
 * pkg/apis/apps/validation/validation.go ValidatePodTemplateSpecForReplicaSet}).
 */
public enum RestartPolicy {
  /** Restart on every exit. */
  ALWAYS,
  /** Restart on a non-zero exit only. */
  ON_FAILURE,
  /** Never restart. */
  NEVER;

  /** Whether the kubelet restarts a container that exited with {@code exitCode}. */
  public boolean restarts(int exitCode) {
    return switch (this) {
      case ALWAYS -> true;
      case ON_FAILURE -> exitCode != 0;
      case NEVER -> false;
    };
  }
}
