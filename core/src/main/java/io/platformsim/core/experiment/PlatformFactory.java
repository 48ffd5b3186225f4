package io.platformsim.core.experiment;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.platform.Platform;
import io.platformsim.core.workload.Service;
import java.util.Optional;

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

  /**
   * A platform running only {@code service}, already deployed with autoscaling on: at least the
   * service's normal size, at most {@code maxInstances} (or its normal size if larger), scaling at
   * {@link Scenario#scaleOutTarget()} CPU utilization. Used for the scale-out measurement; empty
   * (the default) if the platform cannot autoscale, and the figure is then not reported.
   */
  default Optional<Platform> autoscaled(
      Scenario scenario, Service service, int maxInstances, Simulation sim, RandomStreams streams) {
    return Optional.empty();
  }
}
