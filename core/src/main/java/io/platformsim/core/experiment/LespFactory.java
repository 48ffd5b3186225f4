package io.platformsim.core.experiment;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.lesp.AutoScaling;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.lesp.LespPlatform;
import io.platformsim.core.platform.Platform;
import io.platformsim.core.workload.Service;
import java.util.List;
import java.util.Optional;

/**
 * The standard {@code lesp} platform: {@link LespPlatform} on the scenario's LeSP configuration,
 * with its machines spread over the scenario's zones (one zone list for both platforms, so a
 * zone outage hits the same zone on each). Stateless.
 */
final class LespFactory implements PlatformFactory {

  @Override
  public Platform create(Scenario scenario, Simulation sim, RandomStreams streams) {
    return new LespPlatform(sim, streams, withZones(scenario.lesp(), scenario.kusp().zones()));
  }

  /**
   * Target-tracking auto-scaling for the scale-out measurement: evaluated every 60 s
   * (CloudWatch's one-minute metrics) with the EC2 Auto Scaling default cooldown of 300 s (AWS
   * EC2 Auto Scaling user guide, "Scaling cooldowns"), never below the pool's normal size.
   */
  @Override
  public Optional<Platform> autoscaled(Scenario scenario, Service service, int maxInstances, Simulation sim,
      RandomStreams streams) {
    LespConfig base = scenario.lesp();
    int pool = base.poolSize(service.instances());
    LespConfig c = withAutoScaling(base, scenario.scaleOutTarget(), pool, Math.max(pool, maxInstances));
    LespPlatform p = new LespPlatform(sim, streams, withZones(c, scenario.kusp().zones()));
    p.deploy(service);
    return Optional.of(p);
  }

  static LespConfig withZones(LespConfig c, List<String> zones) {
    return new LespConfig(c.menu(), c.agents(), c.pinnedTypes(), c.baseImage(), c.pending(), c.boot(),
        c.bootFailureProbability(), c.configManagement(), c.deploySteps(), c.bake(), c.strategy(),
        c.imageBatch(), c.headroom(), c.replaceFailed(), c.autoScaling(), c.meanTimeToCrashMillis(), c.identity(),
        zones);
  }

  static LespConfig withAutoScaling(LespConfig c, double target, int minMachines, int maxMachines) {
    return new LespConfig(c.menu(), c.agents(), c.pinnedTypes(), c.baseImage(), c.pending(), c.boot(),
        c.bootFailureProbability(), c.configManagement(), c.deploySteps(), c.bake(), c.strategy(),
        c.imageBatch(), c.headroom(), c.replaceFailed(),
        Optional.of(AutoScaling.targetTracking(target, minMachines, maxMachines)),
        c.meanTimeToCrashMillis(), c.identity(), c.zones());
  }

  @Override
  public String toString() {
    return "lesp (LespPlatform)";
  }
}
