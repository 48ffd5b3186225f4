package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.kusp.DeploymentSpec;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.KuspPlatform;
import io.platformsim.core.kusp.PodAutoscaling;
import io.platformsim.core.lesp.AutoScaling;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.lesp.LespPlatform;
import io.platformsim.core.platform.Platform;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import org.junit.jupiter.api.Test;

/**
 * A migration's dual running: a LeSP and a KuSP platform made by the registered factories on the
 * SAME simulation and random streams, one service deployed on both with its load split 30% / 70%.
 * Each side's autoscaler follows its own share, and retiring the LeSP side leaves KuSP as it was.
 *
 * <p>The service: 10 instances requesting 1000m and using 500m each at nominal load, so its demand
 * is 10 × 500m × load on each side (LeSP MetricsRecorder.updateUsage and KuSP
 * KuspRecorder.refreshUsage both take instances × usage × load factor).
 *
 * <ul>
 *   <li>LeSP target tracking at 50% of the request: ceil(demand / (0.5 × 1000m)) = ceil(10 × 500 ×
 *       0.3 / 500) = 3 machines.
 *   <li>KuSP HPA at 50%: upstream desired = ceil(current × utilization / target) (k/k
 *       replica_calculator.go GetResourceReplicas), and the utilization of R pods sharing the
 *       demand is 10 × 500 × 0.7 / (R × 1000), so desired = ceil(3500 / 500) = 7 whatever R is (7 /
 *       10 is outside the 0.1 tolerance of the starting 10).
 * </ul>
 */
class TwoPlatformsOneSimulationTest {

  private static final long MIN = 60_000;

  private static Scenario scenario() {
    Service web =
        Service.builder("web")
            .instances(10)
            .request(Resources.of(1000, 1024))
            .usage(Resources.of(500, 512))
            .build();
    return Scenario.builder("dual")
        .service(web)
        .lesp(
            LespConfig.builder().autoScaling("web", AutoScaling.targetTracking(0.5, 1, 20)).build())
        // 10 pods of 1000m: 3 per node of 3700m allocatable for pods, so 4 nodes hold them all.
        .kusp(KuspConfig.builder().initialNodes(4).build())
        .deployment(
            "web", DeploymentSpec.builder().autoscaling(PodAutoscaling.cpu(1, 20, 50)).build())
        .horizon(java.time.Duration.ofHours(1))
        .build();
  }

  @Test
  void eachSideScalesToItsShareAndRetiringOneLeavesTheOther() {
    Scenario s = scenario();
    Simulation sim = new Simulation();
    RandomStreams streams = RandomStreams.of(s.seed(), 0);
    PlatformRegistry registry = PlatformRegistry.standard();
    Platform lesp = registry.factory("lesp").create(s, sim, streams);
    Platform kusp = registry.factory("kusp").create(s, sim, streams);
    Service web = s.workload().services().get(0);
    lesp.deploy(web);
    kusp.deploy(web);
    lesp.setLoad("web", 0.3);
    kusp.setLoad("web", 0.7);

    sim.runUntil(30 * MIN);
    assertEquals(3, ((LespPlatform) lesp).poolSize("web"));
    assertEquals(3, lesp.inService("web"));
    assertEquals(7, ((KuspPlatform) kusp).replicas("web"));
    assertEquals(7, kusp.inService("web"));

    lesp.retire("web");
    int podsBefore = ((KuspPlatform) kusp).pods("web").size();
    sim.runUntil(45 * MIN);
    assertEquals(0, lesp.inService("web"));
    assertEquals(7, ((KuspPlatform) kusp).replicas("web"), "KuSP keeps its share");
    assertEquals(7, kusp.inService("web"));
    assertEquals(podsBefore, ((KuspPlatform) kusp).pods("web").size());
    assertTrue(
        ((LespPlatform) lesp).allMachines().stream().noneMatch(m -> m.state().isBilled()),
        "LeSP's machines drained and terminated");
  }
}
