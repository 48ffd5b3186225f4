package io.platformsim.core.experiment;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.lesp.LespPlatform;
import io.platformsim.core.platform.Platform;

/**
 * The standard {@code lesp} platform: {@link LespPlatform} on the scenario's LeSP configuration,
 * with its machines spread over the scenario's zones (one zone list for both platforms, so a zone
 * outage hits the same zone on each) and bought under the scenario's pricing. Stateless.
 */
final class LespFactory implements PlatformFactory {

  @Override
  public Platform create(Scenario scenario, Simulation sim, RandomStreams streams) {
    return new LespPlatform(
        sim, streams, scenario.lesp().withZones(scenario.kusp().zones()), scenario.pricing());
  }

  @Override
  public String toString() {
    return "lesp (LespPlatform)";
  }
}
