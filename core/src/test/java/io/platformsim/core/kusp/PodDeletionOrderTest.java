package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.Resources;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ReplicaSet's victim order, rule by rule (controller_utils.go ActivePodsWithRanks.Less). */
class PodDeletionOrderTest {

  private static final NodePool POOL =
      NodePool.of(
          "p",
          new NodeType("t", io.platformsim.core.workload.Resources.ofCores(4, 16), 1_000, 0, 110),
          0,
          0,
          1);
  private static final Node NODE_A = new Node("a", "z", POOL, 0, 0, null);
  private static final Node NODE_B = new Node("b", "z", POOL, 0, 0, null);
  private long seq;

  private Pod pod(
      String id,
      Node node,
      PodPhase phase,
      boolean ready,
      long readyAt,
      int restarts,
      long createdAt) {
    Pod p =
        new Pod(
            ++seq,
            id,
            "web",
            1,
            false,
            ImageDescription.named("web:1"),
            Resources.of(100, 100),
            QosClass.BURSTABLE,
            0,
            false,
            createdAt);
    p.node = node;
    p.phase(phase);
    p.setReady(ready);
    p.readyAt(readyAt);
    for (int i = 0; i < restarts; i++) {
      p.restarted();
    }
    return p;
  }

  private static List<String> order(List<Pod> pods, long now) {
    return PodDeletionOrder.choose(pods, pods.size(), now).stream().map(Pod::id).toList();
  }

  @Test
  void unassignedThenPendingThenNotReadyThenReady() {
    Pod ready = pod("ready", NODE_A, PodPhase.RUNNING, true, 0, 0, 0);
    Pod notReady = pod("not-ready", NODE_B, PodPhase.RUNNING, false, -1, 0, 0);
    Pod pending = pod("pending", NODE_A, PodPhase.PENDING, false, -1, 0, 0);
    Pod unassigned = pod("unassigned", null, PodPhase.PENDING, false, -1, 0, 0);
    // Rules 1–3. ready and pending share node a (rank 2) but rules 1–3 come first.
    assertEquals(
        List.of("unassigned", "pending", "not-ready", "ready"),
        order(List.of(ready, notReady, pending, unassigned), 100_000));
  }

  @Test
  void doubledUpNodeFirstThenShorterReadyThenMoreRestartsThenNewer() {
    // Rule 5: two pods on node a, one on b: a's pods go first.
    Pod a1 = pod("a1", NODE_A, PodPhase.RUNNING, true, 0, 0, 0);
    Pod a2 = pod("a2", NODE_A, PodPhase.RUNNING, true, 0, 0, 0);
    Pod b1 = pod("b1", NODE_B, PodPhase.RUNNING, true, 0, 0, 0);
    assertEquals("b1", order(List.of(b1, a1, a2), 1_000_000).get(2));
    // Rule 6: ready for 10 s (bucket ⌊log2 10⌋ = 3) before ready for 1000 s (bucket 9).
    Pod young = pod("young", NODE_A, PodPhase.RUNNING, true, 990_000, 0, 0);
    Pod old = pod("old", NODE_B, PodPhase.RUNNING, true, 0, 0, 0);
    Pod young2 = pod("young2", NODE_B, PodPhase.RUNNING, true, 0, 0, 0);
    assertEquals(List.of("young", "old"), order(List.of(old, young), 1_000_000));
    // Same bucket (ready 1000 s and 600 s: both ⌊log2⌋ = 9): rule 7, more restarts first.
    Pod crashy = pod("crashy", NODE_A, PodPhase.RUNNING, true, 400_000, 3, 0);
    assertEquals(List.of("crashy", "young2"), order(List.of(young2, crashy), 1_000_000));
    // Rule 8: same everything but age: the newer (created later) first.
    Pod older = pod("older", NODE_A, PodPhase.RUNNING, false, -1, 0, 0);
    Pod newer = pod("newer", NODE_B, PodPhase.RUNNING, false, -1, 0, 900_000);
    assertEquals(List.of("newer", "older"), order(List.of(older, newer), 1_000_000));
  }

  @Test
  void logBuckets() {
    assertEquals(0, PodDeletionOrder.logBucket(1_999));
    assertEquals(1, PodDeletionOrder.logBucket(2_000));
    assertEquals(3, PodDeletionOrder.logBucket(10_000));
    assertEquals(9, PodDeletionOrder.logBucket(1_000_000));
  }
}
