package io.platformsim.core.engine;

import java.util.Map;

/**
 * One replication of a model that may not observe every figure: like {@link ReplicationModel}, but
 * each figure is an {@link Observation}, so a replication can report a figure as censored (only a
 * lower bound by the horizon) or leave it out (absent). Replications may report different figure
 * sets; a figure missing from one replication's map is absent there. Must not share mutable state
 * between calls.
 */
@FunctionalInterface
public interface ObservationModel {

  /** Runs one replication and returns its figures, in the order they should be reported. */
  Map<String, Observation> run(RandomStreams streams);
}
