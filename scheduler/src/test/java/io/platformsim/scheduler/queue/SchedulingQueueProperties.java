package io.platformsim.scheduler.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Invariants of the scheduling queue under random operation sequences. */
class SchedulingQueueProperties {
  private static final int PODS = 12;

  private static int priorityOf(Integer pod) {
    return pod % 4;
  }

  /**
   * Whatever the calls, every pod is in exactly one of activeQ, podBackoffQ, unschedulablePods, in
   * flight, or none, and the counts agree with where each pod says it is.
   */
  @Property(tries = 300)
  void everyPodIsInExactlyOnePlace(
      @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 8 * PODS - 1) Integer> ops) {
    SchedulingQueue<Integer> q =
        SchedulingQueue.withDefaults(SchedulingQueueProperties::priorityOf);
    long now = 0;
    Map<Integer, Long> cycleOf = new HashMap<>();
    for (int op : ops) {
      int pod = op % PODS;
      now += 137 * (op % 5);
      switch (op / PODS) {
        case 0, 1 -> {
          if (q.queueOf(pod) != QueueName.IN_FLIGHT) {
            q.add(pod, now);
          }
        }
        case 2 -> {
          Integer p = q.pop();
          if (p != null) {
            cycleOf.put(p, q.schedulingCycle());
          }
        }
        case 3 -> {
          if (q.queueOf(pod) == QueueName.IN_FLIGHT) {
            q.addUnschedulableIfNotPresent(pod, cycleOf.get(pod), now);
          } else {
            q.done(pod);
          }
        }
        case 4 -> q.moveAllToActiveOrBackoffQueue(p -> p % 2 == op % 2, now);
        case 5 -> q.flushBackoffQCompleted(now);
        case 6 -> q.flushUnschedulablePodsLeftover(now + 200_000);
        default -> {
          if (op % 3 == 0) {
            q.delete(pod);
          } else if (op % 3 == 1) {
            q.activate(pod, now);
          } else if (q.queueOf(pod) != QueueName.IN_FLIGHT) {
            q.update(pod, now);
          }
        }
      }
      if (op / PODS == 6) {
        now += 200_000;
      }
      Map<Integer, Integer> seen = new HashMap<>();
      for (Integer p : q.pendingPods()) {
        seen.merge(p, 1, Integer::sum);
      }
      int active = 0, backoff = 0, unschedulable = 0, inFlight = 0;
      for (int p = 0; p < PODS; p++) {
        QueueName where = q.queueOf(p);
        boolean queued =
            where == QueueName.ACTIVE
                || where == QueueName.BACKOFF
                || where == QueueName.UNSCHEDULABLE;
        assertEquals(queued ? 1 : 0, seen.getOrDefault(p, 0), "pod " + p + " in " + where);
        active += where == QueueName.ACTIVE ? 1 : 0;
        backoff += where == QueueName.BACKOFF ? 1 : 0;
        unschedulable += where == QueueName.UNSCHEDULABLE ? 1 : 0;
        inFlight += where == QueueName.IN_FLIGHT ? 1 : 0;
      }
      assertEquals(active, q.activeSize());
      assertEquals(backoff, q.backoffSize());
      assertEquals(unschedulable, q.unschedulableSize());
      assertEquals(inFlight, q.inFlightSize());
      assertEquals(active + backoff + unschedulable + inFlight, q.size());
      assertTrue(q.nextBackoffExpiry() == Long.MAX_VALUE || backoff > 0);
    }
  }

  private record Added(int pod, int priority, long time, int order) {}

  /** Pops come out by priority (highest first), then by add time, then by add order. */
  @Property(tries = 300)
  void popOrderIsPriorityThenTime(
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 999) Integer> draws) {
    SchedulingQueue<Integer> q = SchedulingQueue.withDefaults(p -> p % 7);
    List<Added> added = new ArrayList<>();
    long now = 0;
    for (int i = 0; i < draws.size(); i++) {
      int pod = i * 7 + draws.get(i) % 7;
      now += draws.get(i) % 3;
      q.add(pod, now);
      added.add(new Added(pod, pod % 7, now, i));
    }
    added.sort(
        Comparator.comparingInt((Added a) -> -a.priority())
            .thenComparingLong(Added::time)
            .thenComparingInt(Added::order));
    List<Integer> popped = new ArrayList<>();
    for (Integer p; (p = q.pop()) != null; ) {
      popped.add(p);
    }
    assertEquals(added.stream().map(Added::pod).toList(), popped);
  }
}
