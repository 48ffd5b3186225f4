package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.Resources;
import io.platformsim.scheduler.queue.QueueName;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link SchedulingQueue} on the simulation clock, on a cluster without nodes (so every attempt
 * fails): PrioritySort order (k/k pkg/scheduler/framework/plugins/queuesort/priority_sort.go {@code
 * Less}: higher priority first, then the earlier queued), the per-attempt backoff of 1 s doubling
 * to 10 s (k/k pkg/scheduler/internal/queue/scheduling_queue.go {@code calculateBackoffDuration};
 * podInitialBackoffSeconds 1, podMaxBackoffSeconds 10 in pkg/scheduler/apis/config/v1/defaults.go)
 * and the 5-minute leftover flush run every 30 s ({@code flushUnschedulablePodsLeftover},
 * DefaultPodMaxInUnschedulablePodsDuration).
 */
class SchedulingQueueTest {

  private final Simulation sim = new Simulation();
  private final Cluster c =
      new Cluster(sim, RandomStreams.of(3, 0), KuspConfig.builder().daemonSets().build());
  private final ImageDescription image = ImageDescription.named("web:1");

  private Pod pod(String id, int priority) {
    return c.pods.create(id, "web", 1, false, image, Resources.of(100, 128), priority, false, null);
  }

  /** The first pod enqueued goes straight into the (then idle) scheduling cycle; the rest wait. */
  private void occupyTheCycle() {
    c.queue.enqueue(pod("first", 0));
    assertTrue(c.queue.isEmpty(), "the idle cycle took the first pod");
  }

  @Test
  void higherPriorityFirstThenArrivalOrder() {
    occupyTheCycle();
    c.queue.enqueue(pod("low-1", 0));
    c.queue.enqueue(pod("high-1", 10));
    c.queue.enqueue(pod("low-2", 0));
    c.queue.enqueue(pod("high-2", 10));
    c.queue.enqueue(pod("negative", -5));
    c.queue.enqueue(pod("highest", 1_000_000));
    List<String> order = new ArrayList<>();
    for (Pod p = c.queue.pop(); p != null; p = c.queue.pop()) {
      order.add(p.id());
    }
    assertEquals(List.of("highest", "high-1", "high-2", "low-1", "low-2", "negative"), order);
  }

  @Test
  void aDeletedPodLeavesTheQueue() {
    occupyTheCycle();
    Pod a = pod("a", 0);
    Pod b = pod("b", 0);
    c.queue.enqueue(a);
    c.queue.enqueue(b);
    c.queue.delete(a);
    c.queue.delete(a);
    assertEquals(b, c.queue.pop());
    assertTrue(c.queue.isEmpty());
  }

  @Test
  void withoutAClusterEventAFailedPodWaitsForTheLeftoverFlush() {
    Pod p = pod("p", 0);
    // something else going on in the simulation (the flush pauses when nothing is)
    sim.scheduleAt(3_600_000, () -> {});
    c.queue.enqueue(p);
    sim.runUntil(0);
    // failed at 0 ms, attempt 1: unschedulable, the queue's only timer the 30 s leftover flush
    assertEquals(QueueName.UNSCHEDULABLE, c.queue.info(p).queue());
    assertEquals(List.of(p), c.queue.unschedulable());
    assertEquals(2, sim.pending());
    // flushes at 30 s, 60 s, ..., 300 s move nothing (now − timestamp must exceed 300 000 ms);
    // the one at 330 s moves it to activeQ (its 1 s backoff long over) and it fails again.
    sim.runUntil(329_999);
    assertEquals(1, c.queue.info(p).attempts());
    sim.runUntil(330_000);
    assertEquals(2, c.queue.info(p).attempts());
    assertEquals(330_000, c.queue.info(p).timestampMillis());
    assertEquals(QueueName.UNSCHEDULABLE, c.queue.info(p).queue());
  }

  @Test
  void aPodThatFailsThreeTimesIsRetriedOneTwoAndFourSecondsAfterEachFailure() {
    Pod p = pod("p", 0);
    c.queue.enqueue(p);
    // Attempt 1 fails at 0 ms. A move request (a node joined, here with no room) half a second
    // after each failure sends the pod to podBackoffQ until failure + 1 s, + 2 s, + 4 s.
    long failure = 0;
    long[] backoff = {1_000, 2_000, 4_000};
    for (int attempt = 1; attempt <= 3; attempt++) {
      sim.runUntil(failure + 500);
      assertEquals(attempt, c.queue.info(p).attempts());
      assertEquals(failure, c.queue.info(p).timestampMillis());
      c.queue.retryUnschedulable();
      assertEquals(QueueName.BACKOFF, c.queue.info(p).queue());
      sim.runUntil(failure + backoff[attempt - 1] - 1);
      assertEquals(attempt, c.queue.info(p).attempts(), "still backing off");
      sim.runUntil(failure + backoff[attempt - 1]);
      assertEquals(attempt + 1, c.queue.info(p).attempts(), "retried when the backoff ended");
      failure += backoff[attempt - 1];
    }
    assertEquals(7_000, failure);
    assertEquals(QueueName.UNSCHEDULABLE, c.queue.info(p).queue());
  }

  @Test
  void aClusterEventDuringTheAttemptSendsThePodToBackoffNotUnschedulable() {
    Pod p = pod("p", 0);
    c.queue.enqueue(p);
    // p is in flight (its cycle is the event at 0 ms); a node event arrives first
    assertEquals(QueueName.IN_FLIGHT, c.queue.info(p).queue());
    c.queue.retryUnschedulable();
    sim.runUntil(0);
    assertEquals(QueueName.BACKOFF, c.queue.info(p).queue());
    sim.runUntil(1_000);
    assertEquals(2, c.queue.info(p).attempts());
  }

  @Test
  void aStuckPodDoesNotKeepAnOtherwiseIdleSimulationRunning() {
    Pod p = pod("p", 0);
    c.queue.enqueue(p);
    // fails at 0 ms; the flush at 30 s finds nothing else pending: no event can help the pod, so
    // the flush pauses and the simulation runs dry with the pod still unschedulable
    sim.run();
    assertEquals(30_000, sim.now());
    assertEquals(QueueName.UNSCHEDULABLE, c.queue.info(p).queue());
    // a cluster event resumes it: the pod is retried and fails again, the flush re-armed
    c.queue.retryUnschedulable();
    sim.runUntil(30_000);
    assertEquals(2, c.queue.info(p).attempts());
    assertEquals(1, sim.pending());
  }

  @Test
  void aPodDeletedWhileUnschedulableLeavesNoTimerBehind() {
    Pod p = pod("p", 0);
    c.queue.enqueue(p);
    sim.runUntil(0);
    c.kubelet.deletePod(p, PodPhase.FAILED);
    assertNull(c.queue.info(p));
    // the 30 s flush fires once more, finds nothing held and does not come back
    sim.run();
    assertEquals(30_000, sim.now());
  }
}
