package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.kusp.ClusterAutoscaling;
import io.platformsim.core.kusp.KuspPlatform;
import io.platformsim.core.kusp.Pod;
import io.platformsim.core.kusp.PodStartup;
import io.platformsim.core.workload.Service;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/**
 * Each group of the {@code kusp} section's node and control-plane fields moves the figure it
 * should, on clusters small enough to derive the expected value by hand. The generic node type is 4
 * CPU / 16 Gi (16 384 MiB), 110 pods ({@code NodeType.GENERIC}); the default DaemonSets request
 * 300m / 392 Mi per node and the default hard eviction threshold is 100 Mi ({@code
 * KuspConfig.Builder}).
 */
class KuspSectionEffectTest {

  /** {@code instances} of 1 core / 1 GiB, named web, with {@code extra} lines of the service. */
  private static String web(int instances, String extra) {
    return """
        name: effect
        replications: 1
        horizon: 30m
        services:
          - name: web
            instances: %d
            request: {cpu: 1, memory: 1Gi}
            usage: {cpu: 250m, memory: 512Mi}
        %s"""
        .formatted(instances, extra);
  }

  private static Scenario parse(String yaml) {
    return ScenarioFile.parse(yaml, "effect.yaml");
  }

  /** A KuSP platform on the file's configuration, its services deployed, run to {@code until}. */
  private static KuspPlatform run(String yaml, long until) {
    Scenario s = parse(yaml);
    Simulation sim = new Simulation();
    KuspPlatform p = new KuspPlatform(sim, RandomStreams.of(s.seed(), 0), s.kusp());
    for (Service svc : s.workload().services()) {
      p.deploy(svc, s.kusp().deployment(svc.name()));
    }
    sim.runUntil(until);
    return p;
  }

  /** The largest {@code phase} over the start-ups of {@code service}'s pods. */
  private static long maxPhase(KuspPlatform p, String service, ToLongFunction<PodStartup> phase) {
    return p.startups().stream()
        .filter(s -> s.pod().startsWith(service + "-"))
        .mapToLong(phase)
        .max()
        .orElseThrow();
  }

  private static double kuspFigure(String yaml, Figure f) {
    return Comparison.run(parse(yaml)).kusp().mean(f);
  }

  // --- reserved and daemonSets: what a node keeps for itself --------------------------------

  @Test
  void kubeReservedCpuAddsNodesToTheSizedCluster() {
    // 10 pods of 1 CPU. Scenario.nodesFor: ceil(1.1 x pods' CPU / CPU left for pods).
    // Default: 4000m - 300m DaemonSets = 3700m, 10000 / 3700 = 2.70, x 1.1 = 2.97: 3 nodes.
    // kube-reserved 1 CPU: 2700m, 10000 / 2700 = 3.70, x 1.1 = 4.07: 5 nodes.
    assertEquals(3, parse(web(10, "")).kusp().initialNodes());
    assertEquals(5, parse(web(10, "kusp:\n  reserved: {kube: {cpu: 1}}\n")).kusp().initialNodes());
  }

  @Test
  void aLargerEvictionThresholdLeavesLessMemoryAndAddsNodes() {
    // 20 pods of 250m / 3 Gi: 61 440 MiB, memory-bound. Memory left for pods:
    // default 16 384 - 100 - 392 = 15 892, 61 440 / 15 892 = 3.87, x 1.1 = 4.25: 5 nodes;
    // evictionHard 4 Gi: 16 384 - 4 096 - 392 = 11 896, 5.16 x 1.1 = 5.68: 6 nodes.
    String yaml =
        """
        services:
          - name: cache
            instances: 20
            request: {cpu: 250m, memory: 3Gi}
            usage: {cpu: 100m, memory: 2Gi}
        kusp:
          reserved: {evictionHard: %s}
        """;
    Scenario dflt = parse(yaml.formatted("100Mi"));
    Scenario large = parse(yaml.formatted("4Gi"));
    assertEquals(16_384 - 100, dflt.kusp().allocatable().memoryMib());
    assertEquals(16_384 - 4_096, large.kusp().allocatable().memoryMib());
    assertEquals(5, dflt.kusp().initialNodes());
    assertEquals(6, large.kusp().initialNodes());
  }

  @Test
  void daemonSetsTakePodRoomOnEveryNode() {
    // One node, no autoscaler, 10 pods of 1 CPU wanted; a node holds floor(CPU left / 1000m):
    // no DaemonSets 4000m: 4; the default three 3700m: 3; one of 1500m, 2500m: 2.
    String base = web(10, "kusp:\n  initialNodes: 1\n  autoscaler: false\n");
    assertEquals(4, run(base + "  daemonSets: []\n", 600_000).available("web"));
    assertEquals(3, run(base, 600_000).available("web"));
    assertEquals(
        2, run(base + "  daemonSets: [{name: agent, cpu: 1500m}]\n", 600_000).available("web"));
  }

  @Test
  void reservedCpuTakesPodRoomOnARunningCluster() {
    // As above with the default DaemonSets (300m): system-reserved 800m leaves 2900m, 2 pods.
    String base = web(10, "kusp:\n  initialNodes: 1\n  autoscaler: false\n");
    assertEquals(2, run(base + "  reserved: {system: {cpu: 800m}}\n", 600_000).available("web"));
  }

  // --- nodeProvisioning -----------------------------------------------------------------------

  @Test
  void slowerProvisioningDelaysTheScaleUpByTheDifference() {
    // 6 pods of 1 CPU on 1 node without DaemonSets (4 fit): 2 wait for the cluster autoscaler's
    // new node, which joins the provisioning time after its scan. The waiting pods' scheduling
    // phase grows by the provisioning difference, 5 min - 1 min = 240 s, give or take the
    // scheduler's back-off of an unschedulable pod (at most podMaxBackoffSeconds 10 s, k/k
    // pkg/scheduler/apis/config/v1/defaults.go).
    String yaml =
        web(
            6,
            "kusp:\n  initialNodes: 1\n  autoscaler: {min: 1, max: 3}\n  daemonSets: []\n"
                + "  nodeProvisioning: %s\n");
    long fast = maxPhase(run(yaml.formatted("1m"), 900_000), "web", PodStartup::scheduling);
    long slow = maxPhase(run(yaml.formatted("5m"), 900_000), "web", PodStartup::scheduling);
    assertTrue(fast >= 60_000, "fast " + fast);
    assertTrue(Math.abs(slow - fast - 240_000) <= 10_000, "fast " + fast + ", slow " + slow);
  }

  // --- autoscaler flags -------------------------------------------------------------------------

  @Test
  void theAutoscalerFlagsAreReadAndAScanIntervalDelaysTheScaleUp() {
    String flags =
        web(
            6,
            "kusp:\n  initialNodes: 1\n  daemonSets: []\n  nodeProvisioning: 1m\n"
                + "  autoscaler: {min: 1, max: 3, scanInterval: %s, scaleDownDelayAfterAdd: 5m,"
                + " scaleDownUtilizationThreshold: 0.7}\n");
    assertEquals(
        new ClusterAutoscaling(1, 3, 130_000, 600_000, 300_000, 0.7),
        ScenarioFile.parse(flags.formatted("130s"), "ca.yaml").kusp().clusterAutoscaling());
    // As above, 2 of the 6 pods wait for a new node. The autoscaler scans every scanInterval
    // from the start and scales up at its first scan: the one node is not yet a stable template
    // (Ready for a minute, upstream isNodeGoodTemplateCandidate), so the pool's node type is the
    // template (upstream falls back to the cloud provider's template node). The new node joins
    // 1 min later: the waiting pods wait 10 s + 60 s with 10 s scans and 130 s + 60 s with 130 s
    // scans, 120 s longer, give or take the scheduler's back-off (at most 10 s).
    long fast = maxPhase(run(flags.formatted("10s"), 900_000), "web", PodStartup::scheduling);
    long slow = maxPhase(run(flags.formatted("130s"), 900_000), "web", PodStartup::scheduling);
    assertTrue(Math.abs(slow - fast - 120_000) <= 10_000, "fast " + fast + ", slow " + slow);
  }

  @Test
  void badAutoscalerFlagsNameFileLineFieldAndValue() {
    String base = web(2, "kusp:\n  autoscaler: {min: 1, max: 3, %s}\n");
    for (String[] bad :
        new String[][] {
          {"scanInterval: 0s", "kusp.autoscaler.scanInterval", "'0s'"},
          {
            "scaleDownUtilizationThreshold: 0",
            "kusp.autoscaler.scaleDownUtilizationThreshold",
            "0.0"
          },
          {
            "scaleDownUtilizationThreshold: 1.5",
            "kusp.autoscaler.scaleDownUtilizationThreshold",
            "1.5"
          },
          {"scaleDownDelayAfterAdd: soon", "kusp.autoscaler.scaleDownDelayAfterAdd", "'soon'"}
        }) {
      ScenarioFileException e =
          assertThrows(
              ScenarioFileException.class,
              () -> ScenarioFile.parse(base.formatted(bad[0]), "ca.yaml"));
      assertEquals("ca.yaml", e.file(), e.getMessage());
      assertTrue(e.line() > 0, e.getMessage());
      assertEquals(bad[1], e.field(), e.getMessage());
      assertTrue(e.problem().contains(bad[2]), e.getMessage());
    }
  }

  // --- imagePulls -----------------------------------------------------------------------------

  /** One node, no DaemonSets, services a and b of one pod each with their own 100 MB image. */
  private static String twoImages(String imagePulls) {
    String svc =
        """
          - name: %s
            instances: 1
            request: {cpu: 1, memory: 1Gi}
            usage: {cpu: 250m, memory: 512Mi}
            image: {reference: "%s:1", layers: [{digest: %s, size: 100MB}]}
        """;
    return "horizon: 30m\nservices:\n"
        + svc.formatted("a", "a", "sha-a")
        + svc.formatted("b", "b", "sha-b")
        + "kusp:\n  initialNodes: 1\n  autoscaler: false\n  daemonSets: []\n"
        + "  imagePulls: "
        + imagePulls
        + "\n";
  }

  @Test
  void thePullTakesTheImageOverTheSlowerOfNodeAndRegistry() {
    // ImagePuller: missing bytes / min(node, registry bandwidth). 100 MB at the default 100 MB/s
    // node bandwidth (registry 1 GB/s): 1 s; node 10 MB/s: 10 s; registry 5 MB/s: 20 s.
    assertEquals(1_000, maxPhase(run(twoImages("{}"), 600_000), "a", PodStartup::pull));
    assertEquals(
        10_000, maxPhase(run(twoImages("{nodeBandwidth: 10MB}"), 600_000), "a", PodStartup::pull));
    assertEquals(
        20_000,
        maxPhase(run(twoImages("{registryBandwidth: 5MB}"), 600_000), "a", PodStartup::pull));
  }

  @Test
  void lowerBandwidthSlowsARelease() {
    // One node keeps the 80 MB base layer; release 2 changes only the 20 MB app layer
    // (Deployment.derivedImage), so the one new pod pulls 20 MB: 0.2 s at 100 MB/s, 2 s at
    // 10 MB/s. Everything else equal, the rollout and the instance deploy take 1.8 s longer.
    String yaml =
        """
        name: effect
        replications: 1
        horizon: 30m
        services:
          - name: web
            instances: 1
            request: {cpu: 1, memory: 1Gi}
            usage: {cpu: 250m, memory: 512Mi}
            image: {reference: "web:1", layers: [{digest: base, size: 80MB}, {digest: app, size: 20MB}]}
        kusp:
          initialNodes: 1
          autoscaler: false
          imagePulls: {nodeBandwidth: %s}
        timeline:
          - at: 10m
            release: {service: web, version: "2"}
        """;
    ComparisonResult fast = Comparison.run(parse(yaml.formatted("100MB")));
    ComparisonResult slow = Comparison.run(parse(yaml.formatted("10MB")));
    for (Figure f : new Figure[] {Figure.APP_ROLLOUT_MAX, Figure.INSTANCE_DEPLOY_P50}) {
      assertEquals(1.8, slow.kusp().mean(f) - fast.kusp().mean(f), 1e-9, f.toString());
    }
  }

  @Test
  void serializedPullsMakeTheSecondImageWait() {
    // Two different 100 MB images at 10 MB/s on one node: serialized (maxParallel 1, upstream
    // serializeImagePulls true) the second pod waits for the first pull, 10 s + 10 s; unlimited
    // (0) or 2 at once, each pulls at once in 10 s (the model gives every pull the full
    // min(node, registry) bandwidth).
    for (String parallel : new String[] {"1", "0", "2"}) {
      KuspPlatform p =
          run(twoImages("{nodeBandwidth: 10MB, maxParallel: " + parallel + "}"), 600_000);
      long longest =
          Math.max(maxPhase(p, "a", PodStartup::pull), maxPhase(p, "b", PodStartup::pull));
      assertEquals(parallel.equals("1") ? 20_000 : 10_000, longest, "maxParallel " + parallel);
    }
  }

  @Test
  void aPreloadedImageNeedsNoPull() {
    // a's image is baked into the node image: no pull; b's still takes 100 MB / 10 MB/s.
    KuspPlatform p = run(twoImages("{nodeBandwidth: 10MB, preloaded: [a:1]}"), 600_000);
    assertEquals(0, maxPhase(p, "a", PodStartup::pull));
    assertEquals(10_000, maxPhase(p, "b", PodStartup::pull));
  }

  // --- scheduling -----------------------------------------------------------------------------

  @Test
  void schedulingLatencyQueuesThePodsOneCycleAfterAnother() {
    // One scheduling cycle at a time (SchedulingCycle, k/k schedule_one.go scheduleOne): 4 pods
    // created together at a fixed 2 s per cycle are bound at 2, 4, 6 and 8 s.
    String base = web(4, "kusp:\n  initialNodes: 2\n  autoscaler: false\n");
    assertEquals(0, maxPhase(run(base, 600_000), "web", PodStartup::scheduling));
    assertEquals(
        8_000,
        maxPhase(
            run(base + "  scheduling: {latency: 2s}\n", 600_000), "web", PodStartup::scheduling));
  }

  @Test
  void nodeSamplingSetsHowManyFeasibleNodesAreScored() {
    // No run: percentageOfNodesToScore only changes anything from 100 nodes up (k/k
    // schedule_one.go numFeasibleNodesToFind). For 1000 nodes: adaptive 50 - 1000/125 = 42%, 420;
    // 10% of 1000 = 100 (the floor, minFeasibleNodesToFind); 50% = 500.
    String base = web(2, "kusp:\n  scheduling: {nodeSampling: %s}\n");
    assertEquals(
        420, parse(base.formatted("adaptive")).kusp().nodeSampling().numFeasibleNodesToFind(1000));
    assertEquals(
        100, parse(base.formatted("10%")).kusp().nodeSampling().numFeasibleNodesToFind(1000));
    assertEquals(
        500, parse(base.formatted("50%")).kusp().nodeSampling().numFeasibleNodesToFind(1000));
  }

  // --- controlPlane ---------------------------------------------------------------------------

  /** 4 pods on 3 nodes with room to spare; one node running web crashes at 10 min. */
  private static String failure(String controlPlane) {
    return web(
        4,
        "kusp:\n  initialNodes: 3\n  autoscaler: false\n  controlPlane: "
            + controlPlane
            + "\ntimeline:\n  - at: 10m\n    failure: {service: web}\n");
  }

  @Test
  void graceAndTolerationMoveTheRecoveryByTheirDifference() {
    // Recovery = heartbeat silence until Ready Unknown (the grace period, on the 5 s monitor grid)
    // + one pass to taint + the NoExecute toleration until eviction + the replacement pods'
    // start. Changing the grace period by a multiple of the 5 s node-monitor-period, or the
    // toleration by whole seconds, shifts everything after it by exactly that much.
    double base = kuspFigure(failure("{}"), Figure.RECOVERY_SECONDS);
    double grace = kuspFigure(failure("{nodeMonitorGracePeriod: 100s}"), Figure.RECOVERY_SECONDS);
    double toleration = kuspFigure(failure("{notReadyToleration: 60s}"), Figure.RECOVERY_SECONDS);
    assertTrue(base > 40 + 300, "base " + base);
    assertEquals(60, grace - base, 1e-9);
    assertEquals(-240, toleration - base, 1e-9);
  }

  @Test
  void aLongerHeartbeatPeriodCanLeaveAnOlderLastHeartbeat() {
    // Nodes join at 0 and renew every nodeStatusUpdate; the crash at 600 s leaves the last renewal
    // at floor(600 / period) x period (Node.lastHeartbeat): 600 s with 10 s, 595 s with 7 s. Both
    // are on the 5 s monitor grid, so the node goes Ready Unknown, and everything after, 5 s
    // sooner.
    double base = kuspFigure(failure("{}"), Figure.RECOVERY_SECONDS);
    double seven = kuspFigure(failure("{nodeStatusUpdate: 7s}"), Figure.RECOVERY_SECONDS);
    assertEquals(-5, seven - base, 1e-9);
  }

  @Test
  void controllerLatencyDelaysEachDeploymentSync() {
    // Recreate with one replica and an instant shutdown; each sync runs controllerLatency after it
    // is requested (DeploymentController.requestSync). Three syncs are in series: the release's
    // (scales the old ReplicaSet to 0), the next (old pod gone: scales the new one to 1, whose pod
    // is created at once), and the one after the new pod is available (it marks the rollout
    // complete, syncStatus). So 5 s of latency makes the rollout 3 x 5 s longer.
    String yaml =
        """
        name: effect
        replications: 1
        horizon: 30m
        services:
          - name: web
            instances: 1
            request: {cpu: 1, memory: 1Gi}
            usage: {cpu: 250m, memory: 512Mi}
            deployment: {strategy: Recreate}
        kusp:
          initialNodes: 1
          autoscaler: false
          controlPlane: {controllerLatency: %s}
        timeline:
          - at: 10m
            release: {service: web, version: "2"}
        """;
    double none = kuspFigure(yaml.formatted("0s"), Figure.APP_ROLLOUT_MAX);
    double five = kuspFigure(yaml.formatted("5s"), Figure.APP_ROLLOUT_MAX);
    assertEquals(15, five - none, 1e-9);
  }

  @Test
  void theTerminationGracePeriodCapsASlowShutdown() {
    // Recreate: the new pods start only once the old ones are gone. The application takes 60 s to
    // exit after SIGTERM, so it is killed at the grace period: 30 s, or 45 s.
    String yaml =
        """
        name: effect
        replications: 1
        horizon: 30m
        services:
          - name: web
            instances: 2
            request: {cpu: 1, memory: 1Gi}
            usage: {cpu: 250m, memory: 512Mi}
            deployment: {strategy: Recreate, shutdown: 60s}
        kusp:
          initialNodes: 2
          autoscaler: false
          controlPlane: {terminationGracePeriod: %s}
        timeline:
          - at: 10m
            release: {service: web, version: "2"}
        """;
    double dflt = kuspFigure(yaml.formatted("30s"), Figure.APP_ROLLOUT_MAX);
    double longer = kuspFigure(yaml.formatted("45s"), Figure.APP_ROLLOUT_MAX);
    assertEquals(15, longer - dflt, 1e-9);
  }

  @Test
  void theBackOffSetsHowOftenACrashingContainerRestarts() {
    // A container that exits at once (crashAfter 0s, startup 0s) restarts after each back-off:
    // delays 10, 20, 40, 80, 160, 300 s (CrashLoopBackOff), so its exits are at 0, 10, 30, 70,
    // 150 and 310 s: 6 restarts in the first 10 min. With {initial: 1s, max: 4s}: exits at 0, 1,
    // 3, then every 4 s from 7 s to 599 s (149 of them): 152.
    String yaml =
        """
        services:
          - name: web
            instances: 1
            request: {cpu: 1, memory: 1Gi}
            usage: {cpu: 250m, memory: 512Mi}
            startup: 0s
            deployment: {crashAfter: 0s}
        kusp:
          initialNodes: 1
          autoscaler: false
          controlPlane: %s
        """;
    Pod dflt = run(yaml.formatted("{}"), 600_000).pods("web").get(0);
    Pod fast =
        run(yaml.formatted("{crashLoopBackOff: {initial: 1s, max: 4s}}"), 600_000)
            .pods("web")
            .get(0);
    assertEquals(6, dflt.restarts());
    assertEquals(152, fast.restarts());
  }
}
