package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.kusp.deployment.RolloutBounds;
import io.platformsim.core.platform.Failure;
import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.ImageLayer;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import java.time.Duration;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Invariants of the KuSP model over random clusters, workloads and events. */
class KuspPropertiesTest {

  private static Service service(
      String name, int replicas, long cpu, long mem, long startup, long health) {
    return Service.builder(name)
        .instances(replicas)
        .request(Resources.of(cpu, mem))
        .usage(Resources.of(cpu / 2, mem / 2))
        .image(
            ImageDescription.of(
                name + ":1",
                new ImageLayer("base", 50_000_000),
                new ImageLayer(name + "-app", 10_000_000)))
        .startup(Duration.ofMillis(startup))
        .healthCheck(Duration.ofMillis(health))
        .build();
  }

  private static void checkInvariants(KuspPlatform k) {
    int live = k.pods().size();
    int counted = 0;
    Map<PodPhase, Integer> byPhase = k.podsByPhase();
    for (int c : byPhase.values()) {
      counted += c;
    }
    assertEquals(live, counted, "every live pod in exactly one phase");
    for (PodPhase phase : PodPhase.values()) {
      long n = k.pods().stream().filter(p -> p.phase() == phase).count();
      assertEquals(n, (long) byPhase.get(phase), "pods in " + phase);
    }
    java.util.List<ClusterSample> timeline = k.stateTimeline();
    for (int i = 1; i < timeline.size(); i++) {
      assertTrue(
          timeline.get(i).atMillis() > timeline.get(i - 1).atMillis(), "timeline goes forward");
    }
    if (!timeline.isEmpty()) {
      assertEquals(
          byPhase, timeline.get(timeline.size() - 1).pods(), "last sample is the current state");
    }
    Resources alloc = k.config().allocatable();
    for (Node n : k.nodes()) {
      assertTrue(n.requestedMilliCpu() <= alloc.milliCpu(), n.toString());
      assertTrue(n.requestedMemoryMib() <= alloc.memoryMib(), n.toString());
      assertTrue(n.pods().size() <= k.config().nodeType().maxPods(), n.toString());
      long cpu = 0;
      long mem = 0;
      for (Pod p : n.pods()) {
        assertEquals(n.name(), p.nodeName());
        cpu += p.request().milliCpu();
        mem += p.request().memoryMib();
      }
      // The scheduler's table, the one ledger of requests, agrees with the pods bound to the node.
      assertEquals(cpu, n.requestedMilliCpu(), n.toString());
      assertEquals(mem, n.requestedMemoryMib(), n.toString());
      if (n.state() == NodeState.GONE) {
        assertEquals(0, n.requestedMilliCpu(), n.toString());
      }
    }
  }

  @Property(tries = 40)
  void everyPodInOnePhaseAndNoNodeOverAllocatable(
      @ForAll @IntRange(min = 1, max = 4) int nodes,
      @ForAll @IntRange(min = 1, max = 12) int replicasA,
      @ForAll @IntRange(min = 1, max = 8) int replicasB,
      @ForAll @LongRange(min = 100, max = 2500) long cpu,
      @ForAll @LongRange(min = 128, max = 6000) long mem,
      @ForAll @IntRange(min = 0, max = 100) int priorityB,
      @ForAll boolean crash,
      @ForAll long seed) {
    KuspPlatform k =
        new KuspPlatform(
            new Simulation(),
            RandomStreams.of(seed, 0),
            KuspConfig.builder()
                .initialNodes(nodes)
                .nodeProvisioning(DurationDistribution.uniform(30_000, 90_000))
                .schedulingLatency(DurationDistribution.uniform(0, 50))
                .build());
    k.deploy(service("a", replicasA, cpu, mem, 2_000, 3_000));
    k.deploy(
        service("b", replicasB, cpu / 2 + 50, mem / 2 + 64, 1_000, 0),
        DeploymentSpec.builder().priority(priorityB).shutdownMillis(4_000).build());
    Simulation sim = k.simulation();
    sim.schedule(60_000, () -> k.apply(Release.app("a", "2")));
    sim.schedule(90_000, () -> k.scale("b", Math.max(1, replicasB / 2)));
    if (crash) {
      sim.schedule(
          45_000,
          () -> {
            if (!k.pods("a").isEmpty()
                && k.pods("a").stream().anyMatch(p -> p.nodeName() != null)) {
              k.inject(Failure.machineCrash("a", 1));
            }
          });
    }
    for (long t = 0; t <= 900_000; t += 7_000) {
      sim.runUntil(t);
      checkInvariants(k);
    }
  }

  /**
   * With room for every surge pod, a rolling update never leaves fewer than {@code replicas −
   * maxUnavailable} pods available, checked after every event.
   */
  @Property(tries = 40)
  void availabilityNeverDropsBelowReplicasMinusMaxUnavailable(
      @ForAll @IntRange(min = 1, max = 20) int replicas,
      @ForAll @IntRange(min = 0, max = 100) int surgePct,
      @ForAll @IntRange(min = 0, max = 100) int unavailablePct,
      @ForAll @LongRange(min = 0, max = 20_000) long startup,
      @ForAll @LongRange(min = 0, max = 30_000) long health,
      @ForAll @IntRange(min = 0, max = 30) int minReadySeconds) {
    if (surgePct == 0 && unavailablePct == 0) {
      surgePct = 1;
    }
    KuspPlatform k =
        new KuspPlatform(
            new Simulation(), RandomStreams.of(3, 0), KuspConfig.builder().initialNodes(6).build());
    DeploymentSpec spec =
        DeploymentSpec.builder()
            .maxSurge(surgePct + "%")
            .maxUnavailable(unavailablePct + "%")
            .minReadySeconds(minReadySeconds)
            .build();
    k.deploy(service("web", replicas, 200, 256, startup, health), spec);
    Simulation sim = k.simulation();
    sim.run();
    assertEquals(replicas, k.available("web"));
    int floor = RolloutBounds.minAvailable(spec.rolloutSpec(replicas));
    k.apply(Release.app("web", "2"));
    while (sim.step()) {
      assertTrue(
          k.available("web") >= floor,
          "available " + k.available("web") + " < " + floor + " at " + sim.now());
    }
    assertEquals(replicas, k.available("web"));
    assertTrue(k.rollouts().get(0).maxOutOfService() <= replicas - floor);
  }

  /** Same seed ⇒ the same timeline, with random latencies, provisioning and a failure. */
  @Property(tries = 15)
  void sameSeedSameTimeline(@ForAll long seed, @ForAll @IntRange(min = 2, max = 10) int replicas) {
    assertEquals(timeline(seed, replicas), timeline(seed, replicas));
  }

  private static String timeline(long seed, int replicas) {
    KuspPlatform k =
        new KuspPlatform(
            new Simulation(),
            RandomStreams.of(seed, 1),
            KuspConfig.builder()
                .initialNodes(3)
                .nodeProvisioning(DurationDistribution.logNormal(60_000, 180_000))
                .schedulingLatency(DurationDistribution.exponentialWithMean(20))
                .clusterAutoscaling(ClusterAutoscaling.between(2, 6))
                .build());
    k.deploy(service("web", replicas, 900, 2048, 1_500, 4_000));
    k.simulation()
        .schedule(100_000, () -> k.apply(Release.app("web", "2").failingHealthCheck(0.3)));
    k.simulation().schedule(150_000, () -> k.inject(Failure.machineCrash("web", 1)));
    k.simulation().runUntil(1_500_000);
    return k.startups()
        + "|"
        + k.rollouts()
        + "|"
        + k.replicaSetSteps("web")
        + "|"
        + k.evictions()
        + "|"
        + k.pods()
        + "|"
        + k.kuspMetrics();
  }
}
