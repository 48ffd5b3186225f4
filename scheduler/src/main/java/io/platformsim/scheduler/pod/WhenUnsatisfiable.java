package io.platformsim.scheduler.pod;

/** What a topology spread constraint does when it cannot be satisfied. */
public enum WhenUnsatisfiable {
  /** Hard: a filter. */
  DO_NOT_SCHEDULE,
  /** Soft: only the score. */
  SCHEDULE_ANYWAY
}
