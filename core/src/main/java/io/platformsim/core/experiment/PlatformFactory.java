package io.platformsim.core.experiment;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.platform.Platform;

/**
 * Makes a fresh {@link Platform} for one run of a {@link Scenario}: the experiment calls it once
 * per platform and replication, each time with a new simulation and random streams, so a factory
 * must keep no state between calls. Registered by name in a {@link PlatformRegistry}.
 */
@FunctionalInterface
public interface PlatformFactory {

  /**
   * A platform configured for {@code scenario} on {@code sim}, drawing its randomness from {@code
   * streams}, with nothing deployed yet (the experiment deploys the workload's services).
   */
  Platform create(Scenario scenario, Simulation sim, RandomStreams streams);
}
