package io.platformsim.core.lesp;

/**
 * One orchestrated fleet-wide converge of a service's in-service machines.
 *
 * @param service the service
 * @param startMillis when it started
 * @param endMillis when the last machine finished, -1 while running
 * @param machines machines converged successfully
 * @param failed machines whose converge failed every attempt (they keep serving on the old
 *     configuration)
 * @param parallelism machines converged at once
 */
public record FleetConvergeRecord(
    String service, long startMillis, long endMillis, int machines, int failed, int parallelism) {

  /** End minus start in milliseconds, or -1 while running. */
  public long durationMillis() {
    return endMillis < 0 ? -1 : endMillis - startMillis;
  }

  /** End minus start in seconds, or -1 while running. */
  public double durationSeconds() {
    return endMillis < 0 ? -1 : (endMillis - startMillis) / 1000.0;
  }
}
