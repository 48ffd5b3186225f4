package io.platformsim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The queue against {@link PriorityQueue} as a model, under random add/poll/cancel/trim sequences.
 */
class EventQueueProperties {

  /** The model's entry: time, insertion number (the tie-breaker) and the queue's handle. */
  private record Entry(long time, long insertion, long handle) {}

  private static final Comparator<Entry> ORDER =
      Comparator.comparingLong(Entry::time).thenComparingLong(Entry::insertion);

  @Property(tries = 200)
  void behavesLikeAPriorityQueueOrderedByTimeThenInsertion(
      @ForAll @Size(min = 1, max = 400) List<@IntRange(min = 0, max = 999) Integer> ops,
      @ForAll @IntRange(min = 1, max = 50) int timeRange) {
    EventQueue queue = new EventQueue(1);
    PriorityQueue<Entry> model = new PriorityQueue<>(ORDER);
    List<Entry> issued = new ArrayList<>(); // every entry ever added, pending or not
    long insertion = 0;
    for (int op : ops) {
      if (op < 500) {
        // add; small time ranges force many ties
        long time = op % timeRange;
        long handle = queue.add(time);
        Entry e = new Entry(time, insertion++, handle);
        issued.add(e);
        model.add(e);
      } else if (op < 750) {
        if (model.isEmpty()) {
          assertEquals(0, queue.size());
          continue;
        }
        Entry expected = model.poll();
        assertEquals(expected.time(), queue.peekTime());
        assertEquals(expected.handle(), queue.poll());
      } else if (op >= 950) {
        // trim: only a drained queue shrinks, and then no handle issued before is pending
        boolean trimmed = queue.trimIfEmpty();
        if (!model.isEmpty()) {
          assertFalse(trimmed);
        }
        if (trimmed) {
          assertEquals(1, queue.slotCapacity());
          for (Entry e : issued) {
            assertFalse(queue.isPending(e.handle()));
          }
        }
      } else if (!issued.isEmpty()) {
        // cancel any handle ever issued: pending, fired or already cancelled
        Entry target = issued.get(op % issued.size());
        boolean expected = model.remove(target);
        assertEquals(expected, queue.cancel(target.handle()));
      }
      assertEquals(model.size(), queue.size());
      assertEquals(model.isEmpty() ? Long.MAX_VALUE : model.peek().time(), queue.peekTime());
      for (Entry e : issued) {
        // spot-check pending status of a few handles
        if (e.insertion() % 17 == 0) {
          assertEquals(model.contains(e), queue.isPending(e.handle()));
        }
      }
    }
    while (!model.isEmpty()) {
      assertEquals(model.poll().handle(), queue.poll());
    }
  }
}
