package io.platformsim.core.kusp;

import io.platformsim.core.engine.EventLimits;
import io.platformsim.core.engine.Simulation;

/**
 * The simulations of the KuSP tests, guarded against a hung model by event counts rather than a
 * wall-clock timeout, so a test fails at the same event, with the same message, at any load.
 *
 * <p>Why {@value #PER_RUN} events per run: these tests drive clusters of at most ten nodes for at
 * most a few simulated hours, and every KuSP test passes with a limit of 1,000 (with 100 several
 * fail), so this is a hundredfold margin; a run that goes past it is a model that never runs dry
 * under {@code run()}, or a loop, and is stopped in a fraction of a second. Before, these classes
 * carried a 30 s (one 60 s) wall-clock {@code @Timeout}, which a loaded machine could trip on a
 * correct model and a fast one needed to wait out on a hung one. The default per-instant limit
 * ({@link EventLimits#DEFAULT}) stays.
 */
final class BoundedSimulation {

  /** Most events one {@code run()}/{@code runUntil()} of a KuSP test may fire. */
  static final long PER_RUN = 100_000;

  /** The limits of every KuSP test simulation. */
  static final EventLimits LIMITS = EventLimits.DEFAULT.withPerRun(PER_RUN);

  private BoundedSimulation() {}

  /** A new simulation at 0 ms guarded by {@link #LIMITS}. */
  static Simulation create() {
    return new Simulation(LIMITS);
  }
}
