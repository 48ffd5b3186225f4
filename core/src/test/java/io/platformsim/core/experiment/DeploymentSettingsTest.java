package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.kusp.DeploymentSpec;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.KuspPlatform;
import io.platformsim.core.kusp.NodeEviction;
import io.platformsim.core.kusp.Pod;
import io.platformsim.core.kusp.PodAutoscaling;
import io.platformsim.core.kusp.PodDisruptionBudget;
import io.platformsim.core.kusp.Probe;
import io.platformsim.core.kusp.QosClass;
import io.platformsim.core.kusp.nodelifecycle.Toleration;
import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A service's Deployment spec, from the {@link Scenario} builder or a scenario file, reaches the
 * KuSP platform of a comparison and moves the figures it should. Expected numbers are derived by
 * hand from the upstream rules cited at each test.
 */
class DeploymentSettingsTest {

  private static final PlatformFactory KUSP = PlatformRegistry.standard().factory("kusp");

  private static Service web(int instances) {
    return Service.builder("web")
        .instances(instances)
        .request(Resources.of(500, 1024))
        .usage(Resources.of(200, 512))
        .build();
  }

  /** One service, a fixed cluster with room for surges, an app release at 10 min. */
  private static Scenario.Builder oneService(int instances) {
    return Scenario.builder("deployment")
        .service(web(instances))
        .kusp(KuspConfig.builder().initialNodes(6).build())
        .release(Duration.ofMinutes(10), "web", "2")
        .horizon(Duration.ofHours(1))
        .replications(1)
        .seed(11);
  }

  private static RolloutRecord rollout(Scenario s) {
    List<RolloutRecord> rs =
        Comparison.runReplication(s, KUSP, RandomStreams.of(s.seed(), 0), false).rollouts();
    assertEquals(1, rs.size(), rs.toString());
    RolloutRecord r = rs.get(0);
    assertEquals(RolloutRecord.Outcome.COMPLETED, r.outcome(), r.toString());
    return r;
  }

  /** A KuSP platform as a comparison builds it, with every service deployed, run to {@code t}. */
  private static KuspPlatform platformAt(Scenario s, Duration t) {
    Simulation sim = new Simulation();
    KuspPlatform p = (KuspPlatform) KUSP.create(s, sim, RandomStreams.of(s.seed(), 0));
    s.workload().services().forEach(p::deploy);
    sim.runUntil(t.toMillis());
    return p;
  }

  @Test
  void recreateTakesEveryReplicaOutWhileRollingUpdateKeepsTheBound() {
    // RollingUpdate 25% of 8: maxUnavailable = floor(2.0) = 2 (deployment_util.go ResolveFenceposts
    // rounds maxUnavailable down); the first step scales the old ReplicaSet down by exactly that.
    assertEquals(2, rollout(oneService(8).build()).maxOutOfService());
    // Recreate scales the old ReplicaSet to 0 before creating new pods (recreate.go
    // rolloutRecreate): all 8 out of service at once.
    Scenario recreate =
        oneService(8).deployment("web", DeploymentSpec.builder().recreate().build()).build();
    RolloutRecord r = rollout(recreate);
    assertEquals(8, r.maxOutOfService());
    assertEquals("Recreate", r.strategy());
  }

  @Test
  void theSameSettingFromAScenarioFile() {
    String yaml =
        """
        horizon: 1h
        replications: 1
        seed: 11
        kusp: {initialNodes: 6, autoscaler: false}
        services:
          - name: web
            instances: 8
            request: {cpu: 500m, memory: 1Gi}
            usage: {cpu: 200m, memory: 512Mi}
            deployment: {strategy: Recreate}
        timeline:
          - at: 10m
            release: {service: web, version: "2"}
        """;
    Scenario s = ScenarioFile.parse(yaml, "recreate.yaml");
    assertEquals(8, rollout(s).maxOutOfService());
  }

  @Test
  void minReadySecondsLengthensEveryStepOfTheRollout() {
    // maxSurge 1, maxUnavailable 0 on 4 replicas: four steps, each waiting for one new pod to be
    // available, which minReadySeconds delays by 60 s (deployment_util.go IsPodAvailable).
    DeploymentSpec.Builder oneByOne = DeploymentSpec.builder().maxSurge("1").maxUnavailable("0");
    RolloutRecord quick = rollout(oneService(4).deployment("web", oneByOne.build()).build());
    RolloutRecord slow =
        rollout(oneService(4).deployment("web", oneByOne.minReadySeconds(60).build()).build());
    long quickMillis = quick.endMillis() - quick.startMillis();
    long slowMillis = slow.endMillis() - slow.startMillis();
    long extra = slowMillis - quickMillis;
    // About 4 × 60 s; each step may shift by up to one readiness period (10 s).
    assertTrue(
        Math.abs(extra - 4 * 60_000) <= 4 * 10_000,
        "4 steps × 60 s expected, got "
            + extra
            + " ms ("
            + quickMillis
            + " vs "
            + slowMillis
            + ")");
  }

  private static long length(RolloutRecord r) {
    return r.endMillis() - r.startMillis();
  }

  @Test
  void aReadinessDelayHoldsBackEveryStep() {
    // The application is healthy 5 s (healthCheck) after the container runs. Default probe: the
    // first probe at or after 5 s is at 10 s (period 10 s, no delay); with initialDelay 60 s it is
    // at 60 s (Probe: first probe at initialDelay, k/k pkg/kubelet/prober/worker.go): 50 s more for
    // each of the 4 one-by-one steps.
    DeploymentSpec.Builder oneByOne = DeploymentSpec.builder().maxSurge("1").maxUnavailable("0");
    long quick = length(rollout(oneService(4).deployment("web", oneByOne.build()).build()));
    long slow =
        length(
            rollout(
                oneService(4)
                    .deployment("web", oneByOne.readiness(new Probe(60_000, 10_000, 3)).build())
                    .build()));
    assertTrue(
        Math.abs(slow - quick - 4 * 50_000) <= 4 * 10_000,
        "4 steps × 50 s expected, got " + (slow - quick) + " ms");
  }

  @Test
  void aCrashingContainerNeverBecomesAvailableAndMissesTheDeadline() {
    Scenario s =
        oneService(4)
            .deployment(
                "web",
                DeploymentSpec.builder().crashAfterMillis(0).progressDeadlineSeconds(120).build())
            .build();
    KuspPlatform p = platformAt(s, Duration.ofMinutes(2));
    p.apply(Release.app("web", "2"));
    p.simulation().runUntil(Duration.ofMinutes(8).toMillis());
    assertEquals(0, p.available("web"));
    assertTrue(p.pods("web").stream().anyMatch(pod -> pod.restarts() > 0));
    // 120 s progress deadline without progress: ProgressDeadlineExceeded (deployment/progress.go).
    assertTrue(p.progressDeadlineExceeded("web"));
  }

  @Test
  void aSlowShutdownLengthensARecreate() {
    // Recreate creates new pods only when every old one is gone (recreate.go
    // oldPodsRunning), so each second of shutdown after SIGTERM is a second more of rollout.
    DeploymentSpec.Builder recreate = DeploymentSpec.builder().recreate();
    long quick = length(rollout(oneService(4).deployment("web", recreate.build()).build()));
    long slow =
        length(
            rollout(
                oneService(4).deployment("web", recreate.shutdownMillis(20_000).build()).build()));
    assertTrue(
        Math.abs(slow - quick - 20_000) <= 10_000,
        "20 s more expected, got " + (slow - quick) + " ms");
  }

  @Test
  void anHpaFollowsTheLoadSpikeInTheComparisonsPlatform() {
    // Usage 200m of a 500m request is 40%; at 3× load 120% against a 60% target: desired =
    // ceil(4 × 120 / 60) = 8 (replica_calculator.go GetResourceReplicas). The demand is shared
    // by the running pods, so at 8 pods each is at 60% and the HPA holds.
    Scenario s =
        oneService(4)
            .deployment(
                "web", DeploymentSpec.builder().autoscaling(PodAutoscaling.cpu(4, 16, 60)).build())
            .build();
    Simulation sim = new Simulation();
    KuspPlatform p = (KuspPlatform) KUSP.create(s, sim, RandomStreams.of(s.seed(), 0));
    p.deploy(s.workload().service("web"));
    sim.scheduleAt(Duration.ofMinutes(5).toMillis(), () -> p.setLoad("web", 3.0));
    sim.runUntil(Duration.ofMinutes(15).toMillis());
    assertEquals(8, p.replicas("web"));
    // Without the HPA the replicas stay at the service's 4.
    Scenario fixed = oneService(4).build();
    Simulation sim2 = new Simulation();
    KuspPlatform q = (KuspPlatform) KUSP.create(fixed, sim2, RandomStreams.of(fixed.seed(), 0));
    q.deploy(fixed.workload().service("web"));
    sim2.scheduleAt(Duration.ofMinutes(5).toMillis(), () -> q.setLoad("web", 3.0));
    sim2.runUntil(Duration.ofMinutes(15).toMillis());
    assertEquals(4, q.replicas("web"));
  }

  /** The replicas of web (4 pods, 200m used of 500m requested) at {@code at} under {@code hpa}. */
  private static int replicasUnder(
      PodAutoscaling hpa, double load, long dropAtMillis, Duration at) {
    Scenario s =
        oneService(4).deployment("web", DeploymentSpec.builder().autoscaling(hpa).build()).build();
    Simulation sim = new Simulation();
    KuspPlatform p = (KuspPlatform) KUSP.create(s, sim, RandomStreams.of(s.seed(), 0));
    p.deploy(s.workload().service("web"));
    sim.scheduleAt(Duration.ofMinutes(5).toMillis(), () -> p.setLoad("web", load));
    if (dropAtMillis > 0) {
      sim.scheduleAt(dropAtMillis, () -> p.setLoad("web", 1.0));
    }
    sim.runUntil(at.toMillis());
    return p.replicas("web");
  }

  @Test
  void theHpaToleranceDecidesWhetherASmallOvershootScales() {
    // Load 1.4: 40% × 1.4 = 56% of requests against a 50% target, a ratio of 1.12
    // (replica_calculator.go GetResourceReplicas): outside a 0.1 tolerance, so ceil(4 × 1.12) = 5
    // replicas; inside a 0.2 tolerance, so 4.
    long sync = PodAutoscaling.DEFAULT_SYNC_MILLIS;
    long window = PodAutoscaling.DEFAULT_SCALE_DOWN_STABILIZATION_MILLIS;
    Duration at = Duration.ofMinutes(10);
    assertEquals(5, replicasUnder(new PodAutoscaling(4, 16, 50, sync, 0.1, window), 1.4, 0, at));
    assertEquals(4, replicasUnder(new PodAutoscaling(4, 16, 50, sync, 0.2, window), 1.4, 0, at));
  }

  @Test
  void theScaleDownStabilizationWindowHoldsReplicasAfterTheLoadDrops() {
    // Load 3 from 5 min: 8 replicas (see the test above). Load 1 again at 10 min: 800m of demand
    // over 8 pods is 20% against 60%, desired ceil(8 × 20 / 60) = 3, clamped to min 4. The
    // stabilization window keeps the highest recommendation of the last window
    // (horizontal.go stabilizeRecommendation): with 0 s the HPA is at 4 two minutes later, with
    // 5 min still at 8.
    long drop = Duration.ofMinutes(10).toMillis();
    Duration at = Duration.ofMinutes(12);
    long sync = PodAutoscaling.DEFAULT_SYNC_MILLIS;
    double tol = PodAutoscaling.DEFAULT_TOLERANCE;
    assertEquals(4, replicasUnder(new PodAutoscaling(4, 16, 60, sync, tol, 0), 3.0, drop, at));
    assertEquals(
        8, replicasUnder(new PodAutoscaling(4, 16, 60, sync, tol, 300_000), 3.0, drop, at));
  }

  @Test
  void priorityLimitsAndBudgetReachThePods() {
    PodDisruptionBudget pdb = PodDisruptionBudget.minAvailable("3");
    DeploymentSpec spec =
        DeploymentSpec.builder()
            .priority(1000)
            .limits(Resources.of(500, 1024))
            .disruptionBudget(pdb)
            .build();
    KuspPlatform p =
        platformAt(oneService(4).deployment("web", spec).build(), Duration.ofMinutes(5));
    assertEquals(spec, p.config().deployment("web"));
    List<Pod> pods = p.pods("web");
    assertEquals(4, pods.size());
    for (Pod pod : pods) {
      assertEquals(1000, pod.priority());
      // Limits equal to requests for CPU and memory: Guaranteed (k/k pkg/apis/core/v1/helper/qos
      // GetPodQOS).
      assertEquals(QosClass.GUARANTEED, pod.qosClass());
    }
    // The default: priority 0, requests without limits: Burstable.
    for (Pod pod : platformAt(oneService(4).build(), Duration.ofMinutes(5)).pods("web")) {
      assertEquals(0, pod.priority());
      assertEquals(QosClass.BURSTABLE, pod.qosClass());
    }
  }

  @Test
  void anUnreachableTolerationOfZeroEvictsAtTaintTime() {
    Scenario s =
        oneService(4)
            .deployment(
                "web",
                DeploymentSpec.builder()
                    .tolerations(List.of(Toleration.noExecute(Toleration.UNREACHABLE, 0L)))
                    .build())
            .build();
    // Default: the DefaultTolerationSeconds admission's 300 s
    // (defaulttolerationseconds/admission.go).
    assertEquals(0, evictionDelay(s));
    assertEquals(300_000, evictionDelay(oneService(4).build()));
  }

  /** Taint to last eviction on a crashed node that held a web pod. */
  private static long evictionDelay(Scenario s) {
    Simulation sim = new Simulation();
    KuspPlatform p = (KuspPlatform) KUSP.create(s, sim, RandomStreams.of(s.seed(), 0));
    s.workload().services().forEach(p::deploy);
    sim.runUntil(Duration.ofMinutes(5).toMillis());
    String node = p.pods("web").get(0).nodeName();
    p.crashNode(node);
    sim.runUntil(Duration.ofMinutes(20).toMillis());
    NodeEviction e =
        p.evictions().stream().filter(x -> x.node().equals(node)).findFirst().orElseThrow();
    assertTrue(e.taintedAt() >= 0 && e.evictedAt() >= 0, e.toString());
    return e.evictedAt() - e.taintedAt();
  }

  @Test
  void aSpecForAServiceTheWorkloadLacksIsAnErrorNamingIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> oneService(4).deployment("wbe", DeploymentSpec.DEFAULT).build());
    assertTrue(e.getMessage().contains("'wbe'"), e.getMessage());
    IllegalArgumentException viaConfig =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                oneService(4)
                    .kusp(KuspConfig.builder().deployment("api", DeploymentSpec.DEFAULT).build())
                    .build());
    assertTrue(viaConfig.getMessage().contains("'api'"), viaConfig.getMessage());
  }

  @Test
  void limitsBelowTheRequestAreRefusedWhenTheScenarioIsBuilt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                oneService(4)
                    .deployment(
                        "web", DeploymentSpec.builder().limits(Resources.of(250, 0)).build())
                    .build());
    assertTrue(e.getMessage().contains("'web'"), e.getMessage());
  }

  @Test
  void theBuilderAddsToTheConfiguredSpecsAndReplacesPerService() {
    DeploymentSpec recreate = DeploymentSpec.builder().recreate().build();
    DeploymentSpec priority = DeploymentSpec.builder().priority(5).build();
    Scenario s =
        Scenario.builder("two")
            .service(web(2))
            .service(Service.builder("api").instances(2).build())
            .kusp(
                KuspConfig.builder()
                    .initialNodes(2)
                    .deployment("web", priority)
                    .deployment("api", priority)
                    .build())
            .deployment("web", recreate)
            .build();
    assertEquals(recreate, s.kusp().deployment("web"));
    assertEquals(priority, s.kusp().deployment("api"));
    // Copies keep the specs.
    assertEquals(s.kusp().deployments(), s.kusp().withInitialNodes(5).deployments());
  }
}
