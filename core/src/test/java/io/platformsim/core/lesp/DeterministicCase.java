package io.platformsim.core.lesp;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import java.time.Duration;

/**
 * The deterministic case of issue 4: every duration fixed, no failures. One service of 40 machines;
 * pending 0 s; boot 30 s; converge 300 s; deploy = drain 10 s + fetch 20 s (a 2 GB artifact at 100
 * MB/s) + extract 0 s + restart 15 s + health check 15 s; fleet-wide converges at most 10 machines
 * at once; bake 600 s; image batches of 10.
 */
final class DeterministicCase {
  static final long S = 1000;

  private DeterministicCase() {}

  static Service zebra() {
    return Service.builder("zebra")
        .instances(40)
        .request(Resources.of(1500, 3000))
        .usage(Resources.of(400, 1000))
        .artifactBytes(2_000_000_000L)
        .startup(Duration.ofSeconds(15))
        .healthCheck(Duration.ofSeconds(15))
        .build();
  }

  static LespConfig.Builder config() {
    return LespConfig.builder()
        .pending(DurationDistribution.fixed(0))
        .boot(DurationDistribution.fixed(30 * S))
        .configManagement(
            ConfigManagement.DEFAULT
                .withConverge(DurationDistribution.fixed(300 * S))
                .withFailures(0, 1)
                .withParallelism(10))
        .deploySteps(
            new DeploySteps(
                DurationDistribution.fixed(10 * S), DurationDistribution.fixed(0), 100_000_000L))
        .bake(DurationDistribution.fixed(600 * S))
        .imageBatch(BatchSize.machines(10))
        .strategy(DeployStrategy.rolling(10));
  }

  /** A platform with zebra deployed and run until all 40 machines serve (at 380 s). */
  static LespPlatform deployed(LespConfig config) {
    Simulation sim = new Simulation();
    LespPlatform lesp = new LespPlatform(sim, RandomStreams.of(1, 0), config);
    lesp.deploy(zebra());
    sim.run();
    return lesp;
  }
}
