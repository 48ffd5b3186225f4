package io.platformsim.core.kusp;

/**
 * A container's state (k/k {@code pkg/apis/core/types.go ContainerState}, v1.31): waiting (with a
 * reason), running or terminated.
 */
public enum ContainerState {
  /** Waiting: not scheduled yet, ContainerCreating, pulling, or CrashLoopBackOff. */
  WAITING,
  /** Running. */
  RUNNING,
  /** Terminated (exited or killed). */
  TERMINATED
}
