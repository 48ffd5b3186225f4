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

  /**
   * The scenario this platform runs, made from the one the experiment was given: {@code scenario}
   * itself (the default) for a platform that runs it as written; a variant returns a changed copy
   * with the same services, instance counts and timeline (e.g. {@code kusp-rightsized}: the
   * right-sized requests and a cluster sized for them). The experiment calls it before {@link
   * #create}, passes the result to {@code create} and deploys its services; anyone who runs a
   * factory's platform by hand does the same.
   *
   * @throws IllegalArgumentException if this platform cannot run {@code scenario}, saying why
   */
  default Scenario adapt(Scenario scenario) {
    return scenario;
  }
}
