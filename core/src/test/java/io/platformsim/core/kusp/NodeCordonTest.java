package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.workload.Resources;
import org.junit.jupiter.api.Test;

/** A NotReady node is cordoned in the scheduler's table, and pods see upstream's reason for it. */
class NodeCordonTest {

  @Test
  void aNotReadyNodeIsRejectedAsUnschedulable() {
    // Two nodes; node-1 stops responding at 0 and is NotReady at 40 s (node-monitor-grace-period,
    // the kubelet's last heartbeat at join time 0). A pod too big for node-2 (3000m + 3000m >
    // 3700m) then finds node-1 cordoned and node-2 full: the two upstream reasons, one each.
    KuspPlatform k =
        KuspBehaviourTest.cluster(
            KuspConfig.builder().initialNodes(2).preloadedImages(KuspBehaviourTest.IMG));
    k.crashNode("node-1");
    k.simulation().runUntil(41_000);
    assertEquals(NodeState.NOT_READY, k.nodes().get(0).state());
    assertTrue(k.nodeTable().isUnschedulable(0));
    assertTrue(!k.nodeTable().isUnschedulable(1));
    k.deploy(KuspBehaviourTest.svc("big", 2, Resources.of(3000, 1024), 0));
    k.simulation().runUntil(42_000);
    assertEquals(1, k.available("big"), "one pod runs on node-2");
    assertEquals(
        1, k.pods("big").stream().filter(p -> p.scheduledAt() < 0).count(), "one pod waits");
    String message = k.kuspMetrics().unschedulableNow().values().iterator().next();
    // Upstream format (k/k pkg/scheduler/schedule_one.go FitError): "0/2 nodes are available: ...".
    assertTrue(message.startsWith("0/2 nodes are available"), message);
    assertTrue(message.contains("node(s) were unschedulable"), message);
    assertTrue(message.contains("Insufficient cpu"), message);
    assertTrue(k.kuspMetrics().unschedulableReasons().containsKey("node(s) were unschedulable"));
  }
}
