package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.platform.Failure;
import io.platformsim.core.platform.PlatformMetrics;
import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.ImageLayer;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** End-to-end behaviours of the KuSP model, each expected value derived in the comments. */
class KuspBehaviourTest {

  static final ImageDescription IMG = KuspDeterministicTest.WEB_V1;

  static KuspPlatform cluster(KuspConfig.Builder b) {
    // Certificates at once (see KuspDeterministicTest.INSTANT_IDENTITY).
    return new KuspPlatform(
        BoundedSimulation.create(),
        RandomStreams.of(11, 0),
        b.identity(KuspDeterministicTest.INSTANT_IDENTITY).build());
  }

  static Service svc(String name, int replicas, Resources request, long startupMillis) {
    return Service.builder(name)
        .instances(replicas)
        .request(request)
        .usage(Resources.of(request.milliCpu() / 2, request.memoryMib() / 2))
        .image(ImageDescription.of(name + ":1", IMG.layers().toArray(new ImageLayer[0])))
        .startup(Duration.ofMillis(startupMillis))
        .healthCheck(Duration.ZERO)
        .build();
  }

  @Test
  void aPodThatFitsNowhereStaysPendingWithItsReasonUntilANodeJoins() {
    // One node: allocatable 4000m − 300m of DaemonSets = 3700m for pods; two pods of 3000m.
    // Cluster autoscaler: first scan at 10 s sees the unschedulable pod, provisions a node that
    // joins 60 s later, at 70 s, when the pod is retried and bound.
    KuspPlatform k =
        cluster(
            KuspConfig.builder()
                .initialNodes(1)
                .preloadedImages(IMG)
                .nodeProvisioning(DurationDistribution.fixed(60_000))
                .clusterAutoscaling(ClusterAutoscaling.between(1, 3)));
    k.deploy(svc("big", 2, Resources.of(3000, 1024), 0));
    k.simulation().runUntil(5_000);
    KuspMetrics m = k.kuspMetrics();
    assertEquals(1, m.unschedulableNow().size());
    String message = m.unschedulableNow().values().iterator().next();
    assertTrue(message.startsWith("0/1 nodes are available"), message);
    assertTrue(message.contains("Insufficient cpu"), message);
    assertEquals(1, m.podsEverUnschedulable());
    assertEquals(1, (int) m.podsNow().get(PodPhase.PENDING));
    k.simulation().runUntil(100_000);
    Pod second = k.pods("big").stream().filter(p -> p.scheduledAt() > 0).findFirst().orElseThrow();
    assertEquals(70_000, second.scheduledAt());
    assertEquals(2, k.available("big"));
    assertTrue(k.kuspMetrics().unschedulableNow().isEmpty());
  }

  @Test
  void aRemovalRequeuesOnlyTheWaitingPodsItsFreedRoomCanHold() {
    // One node: 3700m for pods. "a" takes 3 × 1000m (700m left), so each of b's 4 pods of 1000m
    // fails once: 4 failed attempts. Scaling a to 2 frees 1000m (1700m free): one b pod fits and
    // only that one is moved back, so no attempt fails (upstream would move all four and fail
    // three). Scaling a to 0 removes both a pods at the same instant: the first removal leaves
    // 1700m free and moves one pod, the second 2700m and moves two (the first is not bound yet),
    // so the third pod moved fails once: 5 failed attempts, 3 b pods running, 1 waiting.
    // Each step runs one minute: b's progress-deadline check (601 s) keeps the simulation busy,
    // and the scheduling queue's 5-minute leftover flush would then retry every waiting pod.
    KuspPlatform k = cluster(KuspConfig.builder().initialNodes(1).preloadedImages(IMG));
    k.deploy(svc("a", 3, Resources.of(1000, 512), 0));
    k.simulation().run();
    k.deploy(svc("b", 4, Resources.of(1000, 512), 0));
    runOneMinute(k);
    assertEquals(4, k.kuspMetrics().unschedulableReasons().get("Insufficient cpu"));
    assertEquals(0, k.available("b"));
    k.scale("a", 2);
    runOneMinute(k);
    assertEquals(1, k.available("b"));
    assertEquals(3, k.kuspMetrics().unschedulableNow().size());
    assertEquals(4, k.kuspMetrics().unschedulableReasons().get("Insufficient cpu"));
    k.scale("a", 0);
    runOneMinute(k);
    assertEquals(3, k.available("b"));
    assertEquals(1, k.kuspMetrics().unschedulableNow().size());
    assertEquals(5, k.kuspMetrics().unschedulableReasons().get("Insufficient cpu"));
  }

  private static void runOneMinute(KuspPlatform k) {
    k.simulation().runUntil(k.simulation().now() + 60_000);
  }

  @Test
  void withoutCapacityThePodStaysPendingForever() {
    KuspPlatform k = cluster(KuspConfig.builder().initialNodes(1).preloadedImages(IMG));
    k.deploy(svc("big", 2, Resources.of(3000, 1024), 0));
    k.simulation().run();
    assertEquals(1, k.available("big"));
    assertEquals(1, k.kuspMetrics().unschedulableNow().size());
    assertTrue(k.kuspMetrics().unschedulableReasons().containsKey("Insufficient cpu"));
  }

  @Test
  void badInputNamesTheField() {
    KuspPlatform k = cluster(KuspConfig.builder().initialNodes(1));
    IllegalArgumentException tooBig =
        assertThrows(
            IllegalArgumentException.class,
            () -> k.deploy(svc("huge", 1, Resources.of(64_000, 1024), 0)));
    assertTrue(tooBig.getMessage().contains("exceeds every node type"), tooBig.getMessage());
    k.deploy(svc("web", 1, Resources.of(100, 128), 0));
    assertThrows(
        IllegalArgumentException.class, () -> k.deploy(svc("web", 1, Resources.of(100, 128), 0)));
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> k.apply(Release.app("nope", "2")));
    assertTrue(unknown.getMessage().contains("'nope'"), unknown.getMessage());
    IllegalArgumentException image =
        assertThrows(IllegalArgumentException.class, () -> k.image("web", "9"));
    assertTrue(
        image.getMessage().contains("unknown image") && image.getMessage().contains("'9'"),
        image.getMessage());
    assertThrows(IllegalArgumentException.class, () -> k.publishImage("nope", "2", IMG));
    assertThrows(IllegalArgumentException.class, () -> k.crashNode("node-99"));
    assertThrows(IllegalArgumentException.class, () -> k.crashZone("zone-z"));
    assertThrows(IllegalArgumentException.class, () -> k.inject(Failure.machineCrash("web", 5)));
    IllegalArgumentException limits =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                k.deploy(
                    svc("lim", 1, Resources.of(1000, 128), 0),
                    DeploymentSpec.builder().limits("500m", "1Gi").build()));
    assertTrue(limits.getMessage().contains("limits.cpu"), limits.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> KuspConfig.builder().schedulerProfile("no-such-profile").build());
  }

  @Test
  void recreateWaitsForOldPodsToExitThenStartsTheNewOnes() {
    // Old pods get SIGTERM at 0 and exit after their 5 s shutdown; new pods are created at 5 s
    // and available 1 s (start) + 5 s (readiness delay) later: 11 s.
    KuspPlatform k =
        cluster(
            KuspConfig.builder()
                .initialNodes(2)
                .preloadedImages(IMG, KuspDeterministicTest.WEB_V2));
    k.deploy(
        svc("web", 4, Resources.of(200, 256), 1000),
        DeploymentSpec.builder()
            .recreate()
            .readiness(Probe.withInitialDelaySeconds(5))
            .shutdownMillis(5_000)
            .build());
    k.simulation().run();
    long start = k.simulation().now();
    k.publishImage("web", "2", KuspDeterministicTest.WEB_V2);
    k.apply(Release.app("web", "2"));
    k.simulation().run();
    RolloutRecord r = k.rollouts().get(0);
    assertEquals(11_000, r.durationMillis());
    assertEquals("Recreate", r.strategy());
    assertEquals(4, r.maxOutOfService());
    assertEquals(
        List.of(new ReplicaSetStep(start, 0, 0), new ReplicaSetStep(start + 5_000, 4, 0)),
        k.replicaSetSteps("web", start));
  }

  @Test
  void terminationIsCappedAtTheGracePeriod() {
    // The application would take 60 s to exit; SIGKILL at terminationGracePeriodSeconds 30 s,
    // then the new pods take 6 s: 36 s.
    KuspPlatform k =
        cluster(
            KuspConfig.builder()
                .initialNodes(2)
                .preloadedImages(IMG, KuspDeterministicTest.WEB_V2));
    k.deploy(
        svc("web", 2, Resources.of(200, 256), 1000),
        DeploymentSpec.builder()
            .recreate()
            .readiness(Probe.withInitialDelaySeconds(5))
            .shutdownMillis(60_000)
            .build());
    k.simulation().run();
    k.publishImage("web", "2", KuspDeterministicTest.WEB_V2);
    k.apply(Release.app("web", "2"));
    k.simulation().run();
    assertEquals(36_000, k.rollouts().get(0).durationMillis());
  }

  @Test
  void serializedPullsQueueAndParallelPullsDoNot() {
    // Two services with disjoint 170 MB images on one node at 10 MB/s: serialized, the second
    // pull waits 17 s then takes 17 s (34 s after bind); in parallel both take 17 s.
    ImageDescription a = ImageDescription.of("a:1", new ImageLayer("a1", 170_000_000));
    ImageDescription b = ImageDescription.of("b:1", new ImageLayer("b1", 170_000_000));
    for (int parallel : new int[] {1, 0}) {
      KuspPlatform k =
          cluster(
              KuspConfig.builder()
                  .initialNodes(1)
                  .nodeBandwidth(10_000_000)
                  .maxParallelImagePulls(parallel));
      k.deploy(
          Service.builder("a")
              .request(Resources.of(100, 128))
              .image(a)
              .startup(Duration.ZERO)
              .healthCheck(Duration.ZERO)
              .build());
      k.deploy(
          Service.builder("b")
              .request(Resources.of(100, 128))
              .image(b)
              .startup(Duration.ZERO)
              .healthCheck(Duration.ZERO)
              .build());
      k.simulation().run();
      List<PodStartup> s = k.startups();
      assertEquals(17_000, s.get(0).pull());
      assertEquals(
          parallel == 1 ? 34_000 : 17_000, s.get(1).pull(), "maxParallelImagePulls " + parallel);
    }
  }

  @Test
  void pullPolicyNeverWaitsForAMissingImage() {
    KuspPlatform k = cluster(KuspConfig.builder().initialNodes(1));
    k.deploy(
        svc("web", 1, Resources.of(100, 128), 0),
        DeploymentSpec.builder().pullPolicy(PullPolicy.NEVER).build());
    k.simulation().run();
    Pod p = k.pods("web").get(0);
    assertEquals(PodPhase.PENDING, p.phase());
    assertEquals("ErrImageNeverPull", p.waitingReason());
    assertEquals(0, k.available("web"));
  }

  @Test
  void baseImageReleaseRepullsTheBaseLayersButNotTheAppLayer() {
    // Default derivation: a BASE_IMAGE release replaces every layer but the last (app) one:
    // 50 + 100 MB new at 10 MB/s = 15 s; an APP release replaces the 20 MB app layer: 2 s.
    KuspPlatform k = cluster(KuspConfig.builder().initialNodes(1).nodeBandwidth(10_000_000));
    k.deploy(svc("web", 1, Resources.of(100, 128), 0));
    k.simulation().run();
    k.apply(Release.baseImage("web", "os-2"));
    k.simulation().run();
    k.apply(Release.app("web", "3"));
    k.simulation().run();
    List<PodStartup> s = k.startups();
    assertEquals(17_000, s.get(0).pull());
    assertEquals(15_000, s.get(1).pull());
    assertEquals(2_000, s.get(2).pull());
    // Only the one node: an image change on KuSP does not replace nodes.
    assertEquals(1, k.nodes().size());
  }

  @Test
  void aBrokenReleaseNeverCompletesAndExceedsItsProgressDeadline() {
    // Every new pod fails its checks: never Ready; the liveness probe (defaults: failure at
    // 0 + 2 × 10 = 20 s after start) restarts it. Old pods keep 10 − ⌊2.5⌋ = 8 available.
    KuspPlatform k =
        cluster(
            KuspConfig.builder()
                .initialNodes(3)
                .preloadedImages(IMG, KuspDeterministicTest.WEB_V2));
    k.deploy(
        svc("web", 10, Resources.of(200, 256), 0),
        DeploymentSpec.builder().liveness(Probe.DEFAULT).build());
    k.simulation().run();
    long start = k.simulation().now();
    k.publishImage("web", "2", KuspDeterministicTest.WEB_V2);
    k.apply(Release.app("web", "2").failingHealthCheck(1.0));
    k.simulation().runUntil(start + 599_000);
    assertFalse(k.progressDeadlineExceeded("web"));
    k.simulation().runUntil(start + 700_000);
    assertTrue(k.progressDeadlineExceeded("web"));
    assertEquals(RolloutRecord.Outcome.IN_PROGRESS, k.rollouts().get(0).outcome());
    assertEquals(8, k.available("web"));
    assertTrue(k.kuspMetrics().containerRestarts() > 0);
    // No rollback upstream: new 5 (surge) / old 8 stay.
    assertEquals(new ReplicaSetStep(start, 5, 8), k.replicaSetSteps("web", start).get(0));
  }

  @Test
  void aHigherPriorityPodPreemptsLowerPriorityOnes() {
    // One node with 3700m for pods: "batch" fills it with 3 × 1200m at priority 0; "critical"
    // (2000m, priority 1000) preempts: victims are reprieved highest-priority/oldest first while
    // it still fits, so 2 of the 3 batch pods go; it binds once they are gone.
    KuspPlatform k = cluster(KuspConfig.builder().initialNodes(1).preloadedImages(IMG));
    k.deploy(svc("batch", 3, Resources.of(1200, 256), 0));
    k.simulation().run();
    assertEquals(3, k.available("batch"));
    k.deploy(
        svc("critical", 1, Resources.of(2000, 256), 0),
        DeploymentSpec.builder().priority(1000).build());
    k.simulation().run();
    assertEquals(1, k.available("critical"));
    assertEquals(2, k.kuspMetrics().preemptions());
    assertEquals(1, k.available("batch"));
    // The replacement batch pods do not fit and stay Pending with their reason.
    assertEquals(2, k.kuspMetrics().unschedulableNow().size());
  }

  @Test
  void horizontalPodAutoscalerScalesUpAndStabilizesScaleDown() {
    // Request 1000m, usage 500m per wanted instance, 2 instances; target 50%.
    // t=20 s: load 2 → demand 2000m over 2 pods = 100% → at the 30 s sync ceil(2 × 100/50) = 4.
    // With 4 pods: 50%, stable (recommendation 4 each sync). t=100 s: load 1 → 25% → the
    // recommendation is 2, but the largest in the last 300 s is 4 until the one at 90 s falls out:
    // scale down at the first sync after 390 s, 405 s.
    KuspPlatform k = cluster(KuspConfig.builder().initialNodes(2).preloadedImages(IMG));
    Service s =
        Service.builder("api")
            .instances(2)
            .request(Resources.of(1000, 512))
            .usage(Resources.of(500, 256))
            .image(ImageDescription.of("api:1", IMG.layers().toArray(new ImageLayer[0])))
            .startup(Duration.ZERO)
            .healthCheck(Duration.ZERO)
            .build();
    k.deploy(s, DeploymentSpec.builder().autoscaling(PodAutoscaling.cpu(1, 10, 50)).build());
    k.followLoad(
        "api", io.platformsim.core.workload.LoadCurve.constant(1).then(20_000, 2).then(100_000, 1));
    k.simulation().runUntil(29_999);
    assertEquals(2, k.replicas("api"));
    k.simulation().runUntil(30_000);
    assertEquals(4, k.replicas("api"));
    k.simulation().runUntil(404_999);
    assertEquals(4, k.replicas("api"));
    k.simulation().runUntil(405_000);
    assertEquals(2, k.replicas("api"));
  }

  @Test
  void clusterAutoscalerRemovesUnderusedNodesAfterTenMinutes() {
    // Three nodes, one small pod: every node is below 50% from the first scan at 10 s; after the
    // 10 min unneeded time (at 610 s) one node is drained per scan down to minNodes 1.
    KuspPlatform k =
        cluster(
            KuspConfig.builder()
                .initialNodes(3)
                .preloadedImages(IMG)
                .clusterAutoscaling(ClusterAutoscaling.between(1, 5)));
    k.deploy(svc("web", 1, Resources.of(200, 256), 0));
    k.simulation().runUntil(609_999);
    assertEquals(3, (int) k.kuspMetrics().nodesNow().get(NodeState.READY));
    k.simulation().runUntil(700_000);
    KuspMetrics m = k.kuspMetrics();
    assertEquals(1, (int) m.nodesNow().get(NodeState.READY));
    assertEquals(2, (int) m.nodesNow().get(NodeState.GONE));
    assertEquals(1, k.available("web"));
    // Billing follows the nodes: 3 until 610 s, 2 until 620 s, then 1.
    assertEquals(3, m.platform().peakMachines());
    double expectedAverage = (3 * 610_000.0 + 2 * 10_000.0 + 1 * 80_000.0) / 700_000.0;
    assertEquals(expectedAverage, m.platform().averageMachines(), 1e-9);
  }

  @Test
  void costAndAllocationAreTimeWeighted() {
    // 3 nodes of 4 cores at $0.192/h for one hour = $0.576; 3 pods of 1000m bound at 0 over
    // 3 × 4000m billed = 25% CPU allocation; DaemonSets count as neither allocated nor used.
    KuspPlatform k = cluster(KuspConfig.builder().initialNodes(3).preloadedImages(IMG));
    k.deploy(svc("web", 3, Resources.of(1000, 1024), 0));
    k.simulation().runUntil(3_600_000);
    PlatformMetrics m = k.metrics();
    assertEquals(0.576, m.costUsd(), 1e-9);
    assertEquals(3.0, m.averageMachines(), 1e-12);
    assertEquals(3, m.peakMachines());
    assertEquals(0.25, m.cpuAllocation(), 1e-12);
    assertEquals(3 * 1024 / (3.0 * 16 * 1024), m.memoryAllocation(), 1e-12);
    // Usage: 3 × 500m ÷ 12 000m.
    assertEquals(1500 / 12_000.0, m.cpuUsage(), 1e-12);
  }

  @Test
  void strandedCpuWhenMemoryIsFull() {
    // Memory-heavy pods: 15 000 MiB each; a node has 16 384 − 100 − 392 (DaemonSets) = 15 892 MiB
    // for pods, so one pod per node and 892 MiB left, less than any pod needs: the node's free CPU
    // 4000 − 300 − 100 = 3600m is stranded, 90% of its 4000m, from time 0.
    KuspPlatform k = cluster(KuspConfig.builder().initialNodes(2).preloadedImages(IMG));
    k.deploy(svc("mem", 2, Resources.of(100, 15_000), 0));
    k.simulation().runUntil(1_000_000);
    assertEquals(0.9, k.kuspMetrics().strandedCpu(), 1e-12);
    assertEquals(0.0, k.kuspMetrics().strandedMemory(), 1e-12);
  }

  @Test
  void injectedCrashAndZoneOutageAreRecovered() {
    KuspPlatform k =
        cluster(
            KuspConfig.builder()
                .initialNodes(3)
                .preloadedImages(IMG)
                .nodeProvisioning(DurationDistribution.fixed(60_000)));
    k.deploy(svc("web", 3, Resources.of(200, 256), 0), DeploymentSpec.builder().build());
    k.simulation().run();
    k.inject(Failure.machineCrash("web", 1));
    k.simulation().run();
    assertEquals(1, k.evictions().size());
    assertEquals(3, k.available("web"));
    k.crashZone("zone-a");
    k.simulation().run();
    assertEquals(3, k.available("web"));
    for (Node n : k.nodes()) {
      if (n.state() != NodeState.GONE) {
        assertNotEquals("zone-a", n.zone(), n.toString());
      }
    }
    assertTrue(k.metrics().failuresRecovered() >= 2);
  }

  @Test
  void podsCarryQosAndPriority() {
    KuspPlatform k = cluster(KuspConfig.builder().initialNodes(1).preloadedImages(IMG));
    k.deploy(
        svc("g", 1, Resources.of(500, 512), 0),
        DeploymentSpec.builder().limits("500m", "512Mi").priority(7).build());
    k.deploy(svc("b", 1, Resources.of(500, 512), 0));
    k.simulation().run();
    Pod g = k.pods("g").get(0);
    assertEquals(QosClass.GUARANTEED, g.qosClass());
    assertEquals(7, g.priority());
    assertEquals(QosClass.BURSTABLE, k.pods("b").get(0).qosClass());
    // DaemonSet pods run on every node at system-node-critical priority 2 000 001 000.
    assertTrue(k.pods().stream().filter(Pod::daemon).allMatch(p -> p.priority() == 2_000_001_000));
    assertEquals(3, k.pods().stream().filter(Pod::daemon).count());
  }

  @Test
  void theIpLimitCapsPodsPerNode() {
    // A t3.medium-like pod limit of 17 (eni-max-pods: 3 × (6 − 1) + 2): 3 DaemonSet pods leave
    // 14 for the service; the 15th is unschedulable with "Too many pods" (fitsRequest).
    KuspPlatform k =
        cluster(
            KuspConfig.builder()
                .initialNodes(1)
                .preloadedImages(IMG)
                .nodeType(NodeType.GENERIC.withMaxPods(17)));
    k.deploy(svc("tiny", 15, Resources.of(10, 16), 0));
    k.simulation().run();
    assertEquals(14, k.available("tiny"));
    String message = k.kuspMetrics().unschedulableNow().values().iterator().next();
    assertTrue(message.contains("Too many pods"), message);
  }

  @Test
  void minReadySecondsDelaysEveryWave() {
    // The 10-replica case of KuspDeterministicTest with minReadySeconds 10: a new pod is Ready
    // 6 s after creation and available 10 s later, 16 s; the same steps happen at 0, 16 and 32 s.
    KuspPlatform k =
        KuspDeterministicTest.cluster(
            5,
            KuspConfig.builder()
                .preloadedImages(KuspDeterministicTest.WEB_V1, KuspDeterministicTest.WEB_V2));
    k.deploy(
        KuspDeterministicTest.web(10, 1000, 0),
        DeploymentSpec.builder()
            .readiness(Probe.withInitialDelaySeconds(5))
            .minReadySeconds(10)
            .build());
    k.simulation().run();
    long start = k.simulation().now();
    k.publishImage("web", "2", KuspDeterministicTest.WEB_V2);
    k.apply(Release.app("web", "2"));
    k.simulation().run();
    assertEquals(32_000, k.rollouts().get(0).durationMillis());
    assertEquals(
        List.of(
            new ReplicaSetStep(start, 5, 8),
            new ReplicaSetStep(start + 16_000, 10, 3),
            new ReplicaSetStep(start + 32_000, 10, 0)),
        k.replicaSetSteps("web", start));
  }

  @Test
  void startupProbeGatesReadiness() {
    // Healthy 12 s after start. Startup probe (defaults: 0 s delay, every 10 s) passes at 20 s;
    // the readiness probe (every 10 s from 0) then passes at its 20 s tick: Ready 20 s after start.
    KuspPlatform k = cluster(KuspConfig.builder().initialNodes(1).preloadedImages(IMG));
    Service s =
        Service.builder("slow")
            .request(Resources.of(100, 128))
            .image(ImageDescription.of("slow:1", IMG.layers().toArray(new ImageLayer[0])))
            .startup(Duration.ZERO)
            .healthCheck(Duration.ofSeconds(12))
            .build();
    k.deploy(s, DeploymentSpec.builder().startup(Probe.DEFAULT).liveness(Probe.DEFAULT).build());
    k.simulation().run();
    assertEquals(20_000, k.startups().get(0).readiness());
    assertEquals(0, k.kuspMetrics().containerRestarts());
  }

  @Test
  void timelineOfNodesAndPodsByState() {
    // One initial node (Ready at 0 with its 3 DaemonSet pods Running) and 2 pods created and
    // bound at 0 that run 1 s later: at 0 s 2 Pending + 3 Running; at 1 s 5 Running.
    KuspPlatform k = cluster(KuspConfig.builder().initialNodes(1).preloadedImages(IMG));
    k.deploy(svc("web", 2, Resources.of(100, 128), 1000));
    k.simulation().run();
    List<ClusterSample> t = k.stateTimeline();
    assertEquals(2, t.size());
    assertEquals(0, t.get(0).atMillis());
    assertEquals(1, (int) t.get(0).nodes().get(NodeState.READY));
    assertEquals(2, (int) t.get(0).pods().get(PodPhase.PENDING));
    assertEquals(3, (int) t.get(0).pods().get(PodPhase.RUNNING));
    assertEquals(1_000, t.get(1).atMillis());
    assertEquals(0, (int) t.get(1).pods().get(PodPhase.PENDING));
    assertEquals(5, (int) t.get(1).pods().get(PodPhase.RUNNING));
    // Time-weighted over [0, 2 s]: Pending 2 pods for 1 s of 2 s = 1.0.
    k.simulation().runUntil(2_000);
    assertEquals(1.0, k.kuspMetrics().podsAverage().get(PodPhase.PENDING), 1e-12);
  }

  @Test
  void imageGarbageCollectionRunsOnTheFiveMinuteTickAboveEightyFivePercent() {
    // A 200 MB image disk; v1 (170 MB) at 0; v2 adds its 20 MB app layer at 300 s: 190 MB = 95%
    // > 85%. The old pod stops at 300 s; the kubelet's next 5-min GC tick after joining at 0 is
    // 600 s: the unused app-1 layer (20 MB, older than 2 min) goes, leaving 170 MB = 85%, and no
    // other layer is unused.
    KuspPlatform k =
        cluster(
            KuspConfig.builder()
                .initialNodes(1)
                .nodeType(
                    new NodeType("small-disk", Resources.ofCores(4, 16), 200_000_000L, 0.1, 110)));
    k.deploy(svc("web", 1, Resources.of(100, 128), 0));
    k.simulation()
        .schedule(
            300_000,
            () -> {
              k.publishImage("web", "2", KuspDeterministicTest.WEB_V2);
              k.apply(Release.app("web", "2"));
            });
    k.simulation().runUntil(599_999);
    ImageCache cache = k.nodes().get(0).imageCache();
    assertEquals(190_000_000L, cache.usedBytes());
    k.simulation().runUntil(600_000);
    assertEquals(170_000_000L, cache.usedBytes());
    assertFalse(cache.hasLayer("sha256:app-1"));
    assertEquals(20_000_000L, k.kuspMetrics().imageBytesCollected());
    k.simulation().run();
  }

  @Test
  void aReleaseDuringARolloutSupersedesIt() {
    KuspPlatform k = cluster(KuspConfig.builder().initialNodes(3).preloadedImages(IMG));
    k.deploy(
        svc("web", 8, Resources.of(200, 256), 1000),
        DeploymentSpec.builder().readiness(Probe.withInitialDelaySeconds(5)).build());
    k.simulation().run();
    k.apply(Release.app("web", "2"));
    k.simulation().runUntil(k.simulation().now() + 3_000);
    k.apply(Release.app("web", "3"));
    k.simulation().run();
    List<RolloutRecord> r = k.rollouts();
    assertEquals(RolloutRecord.Outcome.IN_PROGRESS, r.get(0).outcome());
    assertEquals(RolloutRecord.Outcome.COMPLETED, r.get(1).outcome());
    assertEquals(8, k.available("web"));
    assertTrue(k.pods("web").stream().allMatch(p -> p.revision() == 3), k.pods("web").toString());
    ReplicaSetStep last = k.replicaSetSteps("web").get(k.replicaSetSteps("web").size() - 1);
    assertEquals(new ReplicaSetStep(last.atMillis(), 8, 0), last);
  }
}
