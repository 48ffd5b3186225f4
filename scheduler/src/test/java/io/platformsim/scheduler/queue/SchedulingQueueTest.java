package io.platformsim.scheduler.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The scheduling queue against upstream kubernetes/kubernetes v1.31
 * pkg/scheduler/internal/queue/scheduling_queue_test.go where the model has the concept, and
 * hand-derived cases for the rest.
 */
class SchedulingQueueTest {
  private static final long S = 1_000;

  /** Pods are strings "name:priority". */
  private static int priorityOf(String pod) {
    return Integer.parseInt(pod.substring(pod.indexOf(':') + 1));
  }

  private static SchedulingQueue<String> queue() {
    return SchedulingQueue.withDefaults(SchedulingQueueTest::priorityOf);
  }

  // TestPriorityQueue_calculateBackoffDuration: {initial, max, attempts, want}, durations in the
  // table's nanoseconds (the function is unit-free): "normal" wants 32 ns << 15 = 1048576,
  // "overflow_32bit" and "overflow_64bit" want the maximum
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "normal,         32, 1000000000,          16, 1048576",
    "overflow_32bit, 32, 2147483647,          32, 2147483647",
    "overflow_64bit, 32, 9223372036854775807, 64, 9223372036854775807",
  })
  void calculateBackoffDurationTable(String name, long initial, long max, int attempts, long want) {
    assertEquals(want, PodBackoff.calculateBackoffDuration(initial, max, attempts));
  }

  // TestBackOffFlow: the i-th failed attempt (1-based) backs off 1, 2, 4, 8, 10, 10, 10 s with the
  // default 1 s initial and 10 s maximum. Each case replays the test's loop up to its step: pop,
  // AddUnschedulableIfNotPresent(cycle i-1), MoveAllToActiveOrBackoffQueue, then the pod must be
  // in podBackoffQ with deadline - attempt start = wanted backoff, still there 1 ms later, and out
  // after the backoff.
  @ParameterizedTest(name = "attempt {0} backs off {1} s")
  @CsvSource({"1, 1", "2, 2", "3, 4", "4, 8", "5, 10", "6, 10", "7, 10"})
  void backOffFlow(int attempt, long wantSeconds) {
    SchedulingQueue<String> q = queue();
    String pod = "test-pod:0";
    long now = 0;
    q.add(pod, now);
    for (int i = 0; i < attempt; i++) {
      long timestamp = now;
      assertEquals(pod, q.pop());
      assertEquals(i + 1, q.info(pod).attempts());
      q.addUnschedulableIfNotPresent(pod, i, now);
      q.moveAllToActiveOrBackoffQueue(null, now);
      assertEquals(QueueName.BACKOFF, q.queueOf(pod));
      long backoff = q.nextBackoffExpiry() - timestamp;
      if (i == attempt - 1) {
        assertEquals(wantSeconds * S, backoff);
      }
      now += 1;
      q.flushBackoffQCompleted(now);
      assertEquals(QueueName.BACKOFF, q.queueOf(pod), "still backing off after an early flush");
      now += backoff;
      q.flushBackoffQCompleted(now);
      assertEquals(QueueName.ACTIVE, q.queueOf(pod), "moved out of podBackoffQ after the backoff");
    }
  }

  @Test
  void defaultsAreUpstreams() {
    // scheduling_queue.go DefaultPodInitialBackoffDuration, DefaultPodMaxBackoffDuration,
    // DefaultPodMaxInUnschedulablePodsDuration; PriorityQueue.Run flush periods
    assertEquals(1_000, PodBackoff.DEFAULT_INITIAL_MILLIS);
    assertEquals(10_000, PodBackoff.DEFAULT_MAX_MILLIS);
    assertEquals(300_000, SchedulingQueue.DEFAULT_POD_MAX_IN_UNSCHEDULABLE_PODS_MILLIS);
    assertEquals(1_000, SchedulingQueue.FLUSH_BACKOFF_Q_PERIOD_MILLIS);
    assertEquals(30_000, SchedulingQueue.FLUSH_UNSCHEDULABLE_PERIOD_MILLIS);
  }

  @Test
  void popsHighestPriorityThenEarliest() {
    // PrioritySort: higher priority first, then the earlier timestamp; equal both: first added.
    // "old" failed at 10 ms and keeps that timestamp when a move returns it at 50 ms, so it
    // pops before "mid" (added at 20 ms) although it entered activeQ later.
    SchedulingQueue<String> q = queue();
    q.add("old:5", 0);
    assertEquals("old:5", q.pop());
    q.addUnschedulableIfNotPresent("old:5", q.schedulingCycle(), 10);
    q.add("low:1", 15);
    q.add("mid:5", 20);
    q.add("mid-twin:5", 20);
    q.add("high:9", 30);
    q.moveAllToActiveOrBackoffQueue(null, 10 + S);
    assertEquals(QueueName.ACTIVE, q.queueOf("old:5"));
    List<String> order = new ArrayList<>();
    for (String p; (p = q.pop()) != null; ) {
      order.add(p);
    }
    assertEquals(List.of("high:9", "old:5", "mid:5", "mid-twin:5", "low:1"), order);
    assertEquals(6, q.schedulingCycle());
    assertEquals(5, q.inFlightSize());
  }

  @Test
  void failedPodParksUnlessAMoveRequestCameDuringItsCycle() {
    // addUnschedulableWithoutQueueingHint: moveRequestCycle >= podSchedulingCycle -> backoffQ
    SchedulingQueue<String> q = queue();
    q.add("a:0", 0);
    q.add("b:0", 0);
    assertEquals("a:0", q.pop());
    long cycleA = q.schedulingCycle();
    assertEquals(QueueName.UNSCHEDULABLE, q.addUnschedulableIfNotPresent("a:0", cycleA, 5));
    assertEquals("b:0", q.pop());
    long cycleB = q.schedulingCycle();
    // a node was added while b was being scheduled: a moves (backing off), and b's failure too
    assertEquals(1, q.moveAllToActiveOrBackoffQueue(null, 6));
    assertEquals(QueueName.BACKOFF, q.queueOf("a:0"));
    assertEquals(QueueName.BACKOFF, q.addUnschedulableIfNotPresent("b:0", cycleB, 7));
    assertEquals(0, q.unschedulableSize());
    assertEquals(2, q.backoffSize());
    // a failed at 5 with 1 attempt: expires at 5 + 1 s, before b (7 + 1 s)
    assertEquals(5 + S, q.nextBackoffExpiry());
    assertEquals(1, q.flushBackoffQCompleted(5 + S));
    assertEquals("a:0", q.peekActive());
  }

  @Test
  void aMoveRequestThatMovesNoPodStillSendsTheInFlightPodToBackoff() {
    // upstream MoveAllToActiveOrBackoffQueue sets moveRequestCycle even when no pod passes the
    // pre-check; recordMoveRequest is that call without the walk over unschedulablePods
    SchedulingQueue<String> q = queue();
    q.add("parked:0", 0);
    q.add("b:0", 0);
    assertEquals("parked:0", q.pop());
    assertEquals(
        QueueName.UNSCHEDULABLE,
        q.addUnschedulableIfNotPresent("parked:0", q.schedulingCycle(), 1));
    assertEquals("b:0", q.pop());
    long cycleB = q.schedulingCycle();
    q.recordMoveRequest(2);
    assertEquals(QueueName.UNSCHEDULABLE, q.queueOf("parked:0"), "no pod moved");
    assertEquals(QueueName.BACKOFF, q.addUnschedulableIfNotPresent("b:0", cycleB, 3));
    assertThrows(IllegalArgumentException.class, () -> q.recordMoveRequest(2), "time backwards");
  }

  @Test
  void moveHonoursThePreCheckAndTheBackoff() {
    SchedulingQueue<String> q = queue();
    for (String p : List.of("x:0", "y:0", "z:0")) {
      long t = p.equals("x:0") ? 0 : 1_000;
      q.add(p, t);
      assertEquals(p, q.pop());
      q.addUnschedulableIfNotPresent(p, q.schedulingCycle(), t);
    }
    // at 1.5 s: x (failed at 0, 1 s backoff) has expired, y (failed at 1 s) has not; z is not
    // helped
    assertEquals(2, q.moveAllToActiveOrBackoffQueue(p -> !p.equals("z:0"), 1_500));
    assertEquals(QueueName.ACTIVE, q.queueOf("x:0"));
    assertEquals(QueueName.BACKOFF, q.queueOf("y:0"));
    assertEquals(QueueName.UNSCHEDULABLE, q.queueOf("z:0"));
    assertEquals(List.of("z:0"), q.unschedulablePods());
  }

  @Test
  void leftoverFlushAfterFiveMinutes() {
    // flushUnschedulablePodsLeftover moves pods whose now - timestamp > 5 min
    SchedulingQueue<String> q = queue();
    q.add("p:0", 0);
    q.pop();
    q.addUnschedulableIfNotPresent("p:0", q.schedulingCycle(), 1_000);
    assertEquals(0, q.flushUnschedulablePodsLeftover(1_000 + 300_000));
    assertEquals(QueueName.UNSCHEDULABLE, q.queueOf("p:0"));
    assertEquals(1, q.flushUnschedulablePodsLeftover(1_000 + 300_001));
    assertEquals(QueueName.ACTIVE, q.queueOf("p:0"), "backoff (1 s) long over");
    assertEquals(1_000, q.info("p:0").timestampMillis(), "a move keeps the failure timestamp");
    assertEquals(0, q.info("p:0").initialAttemptMillis());
  }

  @Test
  void doneForgetsOnlyInFlightPods() {
    SchedulingQueue<String> q = queue();
    q.add("p:0", 0);
    assertFalse(q.done("p:0"));
    assertEquals("p:0", q.pop());
    assertTrue(q.done("p:0"));
    assertEquals(QueueName.ABSENT, q.queueOf("p:0"));
    assertNull(q.info("p:0"));
    assertEquals(0, q.size());
    assertThrows(IllegalStateException.class, () -> q.addUnschedulableIfNotPresent("p:0", 1, 1));
  }

  @Test
  void deleteUpdateActivate() {
    SchedulingQueue<String> q = queue();
    q.add("a:0", 0);
    q.add("b:0", 0);
    assertTrue(q.delete("a:0"));
    assertFalse(q.delete("a:0"));
    assertEquals("b:0", q.pop());
    assertFalse(q.delete("b:0"), "in flight: stays until done");
    q.addUnschedulableIfNotPresent("b:0", 1, 10);
    // still backing off at 20 ms: an update sends it to podBackoffQ, activate skips the rest
    assertEquals(QueueName.BACKOFF, q.update("b:0", 20));
    assertTrue(q.activate("b:0", 30));
    assertEquals(QueueName.ACTIVE, q.queueOf("b:0"));
    assertEquals(QueueName.ACTIVE, q.update("new:3", 40));
    assertEquals("new:3", q.peekActive());
  }

  @Test
  void timeMustNotGoBackwards() {
    SchedulingQueue<String> q = queue();
    q.add("a:0", 10);
    assertThrows(IllegalArgumentException.class, () -> q.add("b:0", 9));
    assertThrows(
        IllegalStateException.class,
        () -> {
          q.pop();
          q.add("a:0", 11);
        });
  }
}
