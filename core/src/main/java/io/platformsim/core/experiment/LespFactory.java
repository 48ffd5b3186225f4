package io.platformsim.core.experiment;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.lesp.AutoScaling;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.lesp.LespPlatform;
import io.platformsim.core.platform.Platform;
import io.platformsim.core.workload.Service;
import java.util.Optional;

/**
 * The standard {@code lesp} platform: {@link LespPlatform} on the scenario's LeSP configuration,
 * with its machines spread over the scenario's zones (one zone list for both platforms, so a zone
 * outage hits the same zone on each) and bought under the scenario's pricing (the scale-out
 * measurement's platform buys on-demand). Stateless.
 */
final class LespFactory implements PlatformFactory {

  @Override
  public Platform create(Scenario scenario, Simulation sim, RandomStreams streams) {
    return new LespPlatform(
        sim, streams, scenario.lesp().withZones(scenario.kusp().zones()), scenario.pricing());
  }

  /**
   * Target-tracking auto-scaling for the scale-out measurement: evaluated every 60 s (CloudWatch's
   * one-minute metrics) with the EC2 Auto Scaling default cooldown of 300 s (AWS EC2 Auto Scaling
   * user guide, "Scaling cooldowns"), never below the pool's normal size.
   */
  @Override
  public Optional<Platform> autoscaled(
      Scenario scenario, Service service, int maxInstances, Simulation sim, RandomStreams streams) {
    LespConfig base = scenario.lesp();
    int pool = base.poolSize(service.instances());
    LespConfig c =
        base.withAutoScaling(
            AutoScaling.targetTracking(
                scenario.scaleOutTarget(), pool, Math.max(pool, maxInstances)));
    LespPlatform p = new LespPlatform(sim, streams, c.withZones(scenario.kusp().zones()));
    p.deploy(service);
    return Optional.of(p);
  }

  @Override
  public String toString() {
    return "lesp (LespPlatform)";
  }
}
