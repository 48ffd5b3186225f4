package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.workload.Resources;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * {@link KuspPlatform#retire}: the Deployment is deleted, its pods terminate, and the cluster
 * autoscaler removes the nodes they leave empty by its own scale-down rule. Each node has 4000m,
 * 3700m of it allocatable to pods after the DaemonSets (see KuspBehaviourTest); a pod of 3000m
 * fills a node alone, at 3000 / 3700 = 81% of its allocatable, above the 50% scale-down threshold,
 * while a node left with its DaemonSet pods only is under it.
 */
class KuspRetireTest {

  private static final long MIN = 60_000;
  private static final Resources BIG = Resources.of(3000, 1024);

  /** Four nodes for four one-pod-per-node pods; scale-down after 60 s unneeded, scan 10 s. */
  private static KuspPlatform cluster() {
    return new KuspPlatform(
        BoundedSimulation.create(),
        RandomStreams.of(5, 0),
        KuspConfig.builder()
            .initialNodes(4)
            .preloadedImages(KuspBehaviourTest.IMG)
            .nodeProvisioning(DurationDistribution.fixed(MIN))
            .identity(KuspDeterministicTest.INSTANT_IDENTITY)
            .clusterAutoscaling(new ClusterAutoscaling(1, 6, 10_000, MIN, MIN, 0.5))
            .build());
  }

  @Test
  void deletedDeploymentsPodsGoAndTheAutoscalerRemovesTheNodesTheyEmptied() {
    KuspPlatform k = cluster();
    k.deploy(KuspBehaviourTest.svc("a", 2, BIG, 0));
    k.deploy(KuspBehaviourTest.svc("b", 2, BIG, 0));
    k.simulation().runUntil(10 * MIN);
    assertEquals(2, k.available("a"));
    assertEquals(2, k.available("b"));
    assertEquals(4, k.billedNodesNow());

    long t0 = k.simulation().now();
    k.retire("a");
    assertEquals(0, k.inService("a"), "deleted pods are not Ready any more");
    assertEquals(2, k.inService("b"));
    // A node counts as unneeded from a scan after its pod left (not before t0) and is removed
    // only once unneeded for 60 s: still billed 59 s after the deletion.
    k.simulation().runUntil(t0 + MIN - 1_000);
    assertEquals(4, k.billedNodesNow(), "emptied nodes are billed until the autoscaler acts");
    assertEquals(0, podsOf(k, "a"), "pods of a terminated within the 30 s grace period");
    k.simulation().runUntil(t0 + 5 * MIN);
    assertEquals(2, k.billedNodesNow(), "4 nodes - the 2 that held a's pods");
    assertEquals(2, k.available("b"), "b untouched");
    assertEquals(2, k.replicas("b"));
  }

  @Test
  void afterRetireLoadIsIgnoredAndTheServiceMayBeDeployedAgain() {
    KuspPlatform k = cluster();
    k.deploy(KuspBehaviourTest.svc("a", 2, BIG, 0));
    k.deploy(KuspBehaviourTest.svc("b", 2, BIG, 0));
    k.simulation().runUntil(10 * MIN);
    k.retire("a");
    k.setLoad("a", 0); // ignored: a migration may zero the KuSP share of a rolled-back service
    assertEquals(OptionalDouble.empty(), k.scalingTarget("a"));
    assertTrue(k.recovered("a", 0));
    assertThrows(IllegalArgumentException.class, () -> k.setLoad("a", -1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> k.retire("a"));
    assertEquals("unknown service 'a'; deployed: [b]", e.getMessage());
    k.simulation().runUntil(20 * MIN); // a's two nodes removed (previous test)
    assertEquals(2, k.billedNodesNow());

    k.deploy(KuspBehaviourTest.svc("a", 2, BIG, 0)); // the retried wave: a new Deployment
    // Its two pods fit on no node: the autoscaler adds two, 60 s to provision.
    k.simulation().runUntil(25 * MIN);
    assertEquals(2, k.available("a"));
    assertEquals(4, k.billedNodesNow());
  }

  @Test
  void deletedDeploymentsAutoscalerStops() {
    // An HPA whose minimum (3) is above the Deployment's 2 replicas would bring it back to 3 at its
    // first sync (ReplicaNormalization.outOfBounds); once deleted, nothing scales it again.
    KuspPlatform k = cluster();
    k.deploy(
        KuspBehaviourTest.svc("a", 2, Resources.of(500, 256), 0),
        DeploymentSpec.builder().autoscaling(PodAutoscaling.cpu(3, 5, 50)).build());
    k.retire("a");
    k.simulation().runUntil(10 * MIN);
    assertEquals(0, podsOf(k, "a"));
  }

  private static long podsOf(KuspPlatform k, String service) {
    return k.pods().stream().filter(p -> p.service().equals(service)).count();
  }
}
