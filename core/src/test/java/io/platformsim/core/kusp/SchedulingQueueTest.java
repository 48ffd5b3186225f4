package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.Resources;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link SchedulingQueue} on a cluster without nodes: PrioritySort order (k/k
 * pkg/scheduler/framework/plugins/queuesort/priority_sort.go {@code Less}: higher priority first,
 * then the earlier queued), and parking until a cluster event.
 */
class SchedulingQueueTest {

  private final Cluster c = new Cluster(new Simulation(), RandomStreams.of(3, 0), KuspConfig.builder().build());
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
      assertFalse(p.inQueue());
      order.add(p.id());
    }
    assertEquals(List.of("highest", "high-1", "high-2", "low-1", "low-2", "negative"), order);
  }

  @Test
  void aRequeuedPodGoesBehindThoseOfItsPriorityQueuedMeanwhile() {
    occupyTheCycle();
    Pod a = pod("a", 0);
    Pod b = pod("b", 0);
    c.queue.enqueue(a);
    c.queue.enqueue(b);
    assertEquals(a, c.queue.pop());
    c.queue.enqueue(a);
    assertEquals(b, c.queue.pop());
    assertEquals(a, c.queue.pop());
    assertNull(c.queue.pop());
  }

  @Test
  void dequeueTakesAPodOut() {
    occupyTheCycle();
    Pod a = pod("a", 0);
    Pod b = pod("b", 0);
    c.queue.enqueue(a);
    c.queue.enqueue(b);
    c.queue.dequeue(a);
    c.queue.dequeue(a);
    assertFalse(a.inQueue());
    assertEquals(b, c.queue.pop());
    assertTrue(c.queue.isEmpty());
  }

  @Test
  void parkedPodsWaitUntilTheClusterChangesThenReturnInPriorityOrder() {
    occupyTheCycle();
    Pod low = pod("low", 0);
    Pod high = pod("high", 10);
    c.queue.park(low);
    c.queue.park(high);
    assertTrue(c.queue.isEmpty());
    assertEquals(List.of(low, high), List.copyOf(c.queue.unschedulable()));
    c.queue.unpark(low);
    c.queue.park(low);
    c.queue.retryUnschedulable();
    assertTrue(c.queue.unschedulable().isEmpty());
    assertEquals(high, c.queue.pop());
    assertEquals(low, c.queue.pop());
  }
}
