package io.platformsim.core.experiment.migration;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.experiment.Scenario;
import java.util.List;

/**
 * A plan expanded with one replication's draws: contiguous segments from 0 to the plan's horizon,
 * and what happened to each wave.
 *
 * @param segments contiguous, non-empty, from 0 to the horizon
 * @param waves one outcome per wave, in wave order
 */
public record MigrationTimeline(List<Segment> segments, List<WaveOutcome> waves) {

  /** Stream of readiness draws (one per service, in wave order). */
  public static final String READINESS_STREAM = "migration.readiness";

  /** Stream of rollback draws (one per wave attempt). */
  public static final String ROLLBACK_STREAM = "migration.rollback";

  /** Copies the lists. */
  public MigrationTimeline {
    segments = List.copyOf(segments);
    waves = List.copyOf(waves);
  }

  /**
   * Expands {@code plan} for the scenario's services, drawing readiness times and rollbacks from
   * the streams {@value #READINESS_STREAM} and {@value #ROLLBACK_STREAM} of {@code streams}.
   */
  public static MigrationTimeline of(Scenario scenario, MigrationPlan plan, RandomStreams streams) {
    throw new UnsupportedOperationException("not yet");
  }
}
