package io.platformsim.core.engine;

import java.util.Map;

/**
 * One replication of a model: builds a fresh {@link Simulation}, draws all its randomness from the
 * given {@link RandomStreams} (which carry the replication index), runs it and returns its named
 * figures (e.g. {@code "makespan [min]" -> 131.5}).
 *
 * <p>Replications run in parallel, so an implementation must not share mutable state between calls;
 * every replication must report the same figure names. Iteration order of the returned map (of
 * replication 0) sets the order of figures in the result, so return a {@link
 * java.util.LinkedHashMap} for a chosen order.
 */
@FunctionalInterface
public interface ReplicationModel {

  /** Runs one replication and returns its figures; values must be finite. */
  Map<String, Double> run(RandomStreams streams);
}
