package io.platformsim.core.experiment;

import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import java.time.Duration;

/** A three-service scenario small enough to run many times in a test. */
final class SmallScenario {

  private SmallScenario() {}

  static Service alpha() {
    return Service.builder("alpha")
        .instances(4)
        .request(Resources.of(500, 1024))
        .usage(Resources.of(200, 512))
        .build();
  }

  static Service beta() {
    return Service.builder("beta")
        .instances(6)
        .request(Resources.of(1000, 2048))
        .usage(Resources.of(250, 1024))
        .build();
  }

  static Service gamma() {
    return Service.builder("gamma")
        .instances(2)
        .request(Resources.of(250, 512))
        .usage(Resources.of(50, 256))
        .build();
  }

  static Scenario.Builder builder() {
    return Scenario.builder("small")
        .service(alpha())
        .service(beta())
        .service(gamma())
        .lesp(LespConfig.builder().headroom(0.25).build())
        .kusp(KuspConfig.builder().initialNodes(3).build())
        .release(Duration.ofMinutes(40), "alpha", "2")
        .release(Duration.ofMinutes(45), "beta", "2")
        .loadSpike(Duration.ofMinutes(60), Duration.ofMinutes(20), "beta", 3.0)
        .machineFailure(Duration.ofMinutes(90), "alpha", 1)
        .baseImageChange(Duration.ofMinutes(100), "base-2")
        .horizon(Duration.ofHours(3))
        .sampleEvery(Duration.ofMinutes(5))
        .replications(3)
        .seed(7);
  }

  static Scenario build() {
    return builder().build();
  }
}
