package io.platformsim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventQueueTest {

  @Test
  void pollsInTimeOrderThenInsertionOrder() {
    EventQueue q = new EventQueue(2); // tiny, so the test also exercises growth
    long a = q.add(30);
    long b = q.add(10);
    long c = q.add(20);
    long d = q.add(10);
    long e = q.add(10);
    List<Long> order = new ArrayList<>();
    while (!q.isEmpty()) {
      order.add(q.poll());
    }
    // times 10,10,10 in insertion order b,d,e; then 20 (c), then 30 (a)
    assertEquals(List.of(b, d, e, c, a), order);
  }

  @Test
  void handlesAreNeverZeroAndStaleHandlesDoNotCancelRecycledSlots() {
    EventQueue q = new EventQueue();
    long first = q.add(5);
    assertNotEquals(EventQueue.NO_EVENT, first);
    assertEquals(first, q.poll());
    long second = q.add(7); // recycles the slot of `first`
    assertEquals(EventQueue.slotOf(first), EventQueue.slotOf(second));
    assertNotEquals(first, second);
    assertFalse(q.cancel(first), "a fired event's handle must not cancel the slot's new event");
    assertTrue(q.isPending(second));
    assertEquals(7, q.timeOf(second));
    assertTrue(q.cancel(second));
    assertFalse(q.cancel(second), "cancelling twice is a harmless false");
    assertFalse(q.cancel(EventQueue.NO_EVENT));
    assertTrue(q.isEmpty());
  }

  @Test
  void cancelInTheMiddleKeepsTheHeapOrdered() {
    EventQueue q = new EventQueue();
    long[] h = new long[50];
    for (int i = 0; i < 50; i++) {
      h[i] = q.add((i * 37L) % 50); // a permutation of 0..49
    }
    for (int i = 0; i < 50; i += 3) {
      assertTrue(q.cancel(h[i]));
    }
    long previous = Long.MIN_VALUE;
    int polled = 0;
    while (!q.isEmpty()) {
      long t = q.peekTime();
      assertTrue(t >= previous);
      previous = t;
      q.poll();
      polled++;
    }
    assertEquals(50 - 17, polled); // 17 indices 0,3,...,48 were cancelled
  }

  @Test
  void emptyQueueAnswers() {
    EventQueue q = new EventQueue();
    assertEquals(Long.MAX_VALUE, q.peekTime());
    assertEquals(EventQueue.NO_EVENT, q.peekHandle());
    assertThrows(IllegalStateException.class, q::poll);
    var e = assertThrows(IllegalArgumentException.class, () -> new EventQueue(0));
    assertTrue(e.getMessage().contains("initialCapacity") && e.getMessage().contains("0"));
  }

  @Test
  void clearMakesEveryHandleStale() {
    EventQueue q = new EventQueue();
    long a = q.add(1);
    long b = q.add(2);
    q.clear();
    assertTrue(q.isEmpty());
    assertFalse(q.isPending(a));
    assertFalse(q.cancel(b));
    long c = q.add(3);
    assertEquals(c, q.peekHandle());
  }
}
