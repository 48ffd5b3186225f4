package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Invariants of scheduling through the queue, backoff and preemption over random clusters: once the
 * simulation runs dry (it must), no pod is lost (each pending pod is held by the queue or nominated
 * to a node), the queue holds no bound pod, and a pod left unschedulable fits on no node (the
 * removal hint missed no pod that could have been placed).
 */
class SchedulingQueueProperties {

  @Property(tries = 60)
  void noPendingPodIsLostAndNoneLeftUnschedulableFits(
      @ForAll @IntRange(min = 1, max = 3) int nodes,
      @ForAll @IntRange(min = 1, max = 10) int replicasA,
      @ForAll @IntRange(min = 1, max = 10) int replicasB,
      @ForAll @LongRange(min = 200, max = 3_000) long cpuA,
      @ForAll @LongRange(min = 200, max = 3_000) long cpuB,
      @ForAll @IntRange(min = 0, max = 3) int priorityB,
      @ForAll boolean budget,
      @ForAll long seed) {
    Simulation sim = new Simulation();
    Cluster c =
        new Cluster(
            sim,
            RandomStreams.of(seed, 0),
            KuspConfig.builder()
                .daemonSets()
                .schedulingLatency(DurationDistribution.uniform(0, 50))
                .build());
    for (int i = 0; i < nodes; i++) {
      c.nodeLifecycle.join(c.nodeLifecycle.newNode(0));
    }
    c.deploymentController.create(
        service("a", replicasA, cpuA),
        DeploymentSpec.builder()
            .shutdownMillis(3_000)
            .disruptionBudget(budget ? PodDisruptionBudget.minAvailable("50%") : null)
            .build());
    c.deploymentController.create(
        service("b", replicasB, cpuB), DeploymentSpec.builder().priority(priorityB).build());
    sim.schedule(20_000, () -> c.deploymentController.rollOut(Release.app("a", "2")));
    sim.run();
    for (Pod p : c.pods.all()) {
      if (p.node != null) {
        assertNull(c.queue.info(p), "bound and still queued: " + p);
        continue;
      }
      assertTrue(
          c.queue.info(p) != null || p.nominated() != null,
          "pending, neither queued nor nominated: " + p);
    }
    for (Pod p : c.queue.unschedulable()) {
      for (Node n : c.nodes) {
        assertFalse(
            Cluster.schedulable(n) && c.fitsFree(p.request(), n),
            p + " left unschedulable though it fits " + n.name);
      }
    }
  }

  private static Service service(String name, int replicas, long cpu) {
    return Service.builder(name)
        .instances(replicas)
        .request(Resources.of(cpu, 256))
        .usage(Resources.of(cpu / 2, 128))
        .startup(java.time.Duration.ofMillis(2_000))
        .healthCheck(java.time.Duration.ofMillis(1_000))
        .build();
  }
}
