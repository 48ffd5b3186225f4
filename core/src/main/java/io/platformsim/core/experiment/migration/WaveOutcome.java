package io.platformsim.core.experiment.migration;

import java.util.List;

/**
 * What happened to one wave in one replication.
 *
 * @param wave the wave's number, 1-based (as in the plan file's {@code rollback.forced})
 * @param services its services, in migration order
 * @param startMillis when the wave started (its readiness work began)
 * @param doneMillis when its last service's LeSP pool was drained; {@code Long.MAX_VALUE} if not
 *     within the horizon
 * @param rollbacks how many times it rolled back
 */
public record WaveOutcome(
    int wave, List<String> services, long startMillis, long doneMillis, int rollbacks) {

  /** Copies the service list. */
  public WaveOutcome {
    services = List.copyOf(services);
  }
}
