package io.platformsim.core.engine;

import java.util.Arrays;

/**
 * The engine's pending-event set: a priority queue of event times, ordered by time and then by
 * insertion order, with cancellable primitive handles. It is the hot loop of every simulation, so
 * it is built on primitive arrays and allocates nothing per event once it has grown to its working
 * size.
 *
 * <h2>Layout</h2>
 *
 * An indexed 4-ary min-heap over three parallel arrays indexed by heap position ({@code times},
 * {@code sequences}, {@code slots}) plus two arrays indexed by slot ({@code positions} — where the
 * slot's event sits in the heap, so a cancel finds it without scanning — and {@code generations}).
 * A 4-ary heap is half as deep as a binary one and its four children sit next to each other in
 * memory, which pays off once the heap no longer fits in cache. Keys are compared as the pair
 * (time, sequence); the sequence is a counter stamped on every insertion, which makes the order
 * total and gives first-in-first-out among events at the same time.
 *
 * <h2>Handles</h2>
 *
 * {@link #add(long)} returns a {@code long} handle: the slot in the low 32 bits and the slot's
 * generation in the high 32 bits. A slot is recycled through a free list once its event is polled
 * or cancelled, and recycling bumps its generation, so a stale handle never matches a recycled
 * slot: cancelling an event that already fired or was already cancelled is a harmless {@code
 * false}, never the cancellation of someone else's event. (Generations wrap after 2³² reuses of one
 * slot; a handle kept that long could in principle alias.) A handle is never {@code 0}, so {@code
 * 0} can serve callers as "no event" ({@link #NO_EVENT}).
 *
 * <p>Callers attach data to an event by slot ({@link #slotOf(long)}) in arrays of their own, as
 * {@link Simulation} does; slots are dense in {@code [0, slotCapacity())}. After {@link #poll()}
 * the polled slot stays untouched until the next {@link #add(long)}, so read your data first.
 *
 * <p>Costs: {@code add}, {@code poll} and {@code cancel} O(log n); {@code peek*}, {@code isPending}
 * and {@code timeOf} O(1). Not thread-safe; one queue belongs to one simulation.
 */
public final class EventQueue {

  /** A value no handle ever takes; callers may use it for "no event scheduled". */
  public static final long NO_EVENT = 0L;

  private static final int DEFAULT_CAPACITY = 64;
  private static final int NOT_QUEUED = -1;
  private static final long SLOT_MASK = 0xFFFF_FFFFL;

  // Indexed by heap position.
  private long[] times;
  private long[] sequences;
  private int[] slots;
  // Indexed by slot.
  private int[] positions;
  private int[] generations;
  // Recycled slots, used as a stack (LIFO keeps recently used slots, and their cache lines, hot).
  private int[] freeSlots;
  private int freeCount;
  private int slotsCreated;

  private int size;
  private long nextSequence;
  private final int initialCapacity;
  // Generation given to a slot when it is created, and the largest generation ever given: after
  // trimIfEmpty() slots are created anew above every generation an old handle can carry.
  private int freshGeneration = 1;
  private int maxGeneration = 1;

  /** An empty queue with a small initial capacity that grows as needed. */
  public EventQueue() {
    this(DEFAULT_CAPACITY);
  }

  /**
   * An empty queue sized for {@code initialCapacity} pending events before it first grows.
   *
   * @throws IllegalArgumentException if {@code initialCapacity} is below 1
   */
  public EventQueue(int initialCapacity) {
    if (initialCapacity < 1) {
      throw new IllegalArgumentException(
          "initialCapacity must be at least 1, was " + initialCapacity);
    }
    this.initialCapacity = initialCapacity;
    allocate(initialCapacity);
  }

  private void allocate(int initialCapacity) {
    times = new long[initialCapacity];
    sequences = new long[initialCapacity];
    slots = new int[initialCapacity];
    positions = new int[initialCapacity];
    generations = new int[initialCapacity];
    freeSlots = new int[initialCapacity];
  }

  /** The slot a handle refers to: an index into the caller's per-event data arrays. */
  public static int slotOf(long handle) {
    return (int) (handle & SLOT_MASK);
  }

  /** Number of pending events. */
  public int size() {
    return size;
  }

  /** Whether no event is pending. */
  public boolean isEmpty() {
    return size == 0;
  }

  /**
   * Exclusive upper bound of the slots handed out so far; per-slot data arrays of the caller need
   * this length.
   */
  public int slotCapacity() {
    return positions.length;
  }

  /**
   * Adds an event at {@code time} and returns its handle. Among events with equal times, the one
   * added first is polled first. Any {@code long} is a valid time; the queue does not know the
   * simulation clock (the {@link Simulation} rejects times in the past).
   */
  public long add(long time) {
    if (size == times.length) {
      grow();
    }
    int slot = freeCount > 0 ? freeSlots[--freeCount] : newSlot();
    siftUp(size++, time, nextSequence++, slot);
    return ((long) generations[slot] << 32) | slot;
  }

  /** The earliest pending event's time; {@link Long#MAX_VALUE} if the queue is empty. */
  public long peekTime() {
    return size == 0 ? Long.MAX_VALUE : times[0];
  }

  /** The earliest pending event's handle; {@link #NO_EVENT} if the queue is empty. */
  public long peekHandle() {
    if (size == 0) {
      return NO_EVENT;
    }
    int slot = slots[0];
    return ((long) generations[slot] << 32) | slot;
  }

  /**
   * Removes the earliest pending event (by time, then insertion order) and returns its handle,
   * which is no longer pending afterwards. Read its time with {@link #peekTime()} first.
   *
   * @throws IllegalStateException if the queue is empty
   */
  public long poll() {
    if (size == 0) {
      throw new IllegalStateException("poll() on an empty event queue");
    }
    int slot = slots[0];
    long handle = ((long) generations[slot] << 32) | slot;
    int last = --size;
    if (last > 0) {
      siftDown(0, times[last], sequences[last], slots[last]);
    }
    release(slot);
    return handle;
  }

  /**
   * Cancels a pending event. Returns {@code true} if it was pending and is now removed, {@code
   * false} if the handle is stale (the event already fired or was cancelled) or is {@link
   * #NO_EVENT}. Never disturbs any other event of this queue. (A handle issued by another queue is
   * meaningless here.)
   */
  public boolean cancel(long handle) {
    int slot = slotOf(handle);
    if (!isLive(handle, slot)) {
      return false;
    }
    int pos = positions[slot];
    int last = --size;
    if (pos != last) {
      long t = times[last];
      long s = sequences[last];
      int sl = slots[last];
      // The moved element may belong above or below the hole; only one of the sifts moves it.
      if (pos > 0 && less(t, s, times[(pos - 1) >> 2], sequences[(pos - 1) >> 2])) {
        siftUp(pos, t, s, sl);
      } else {
        siftDown(pos, t, s, sl);
      }
    }
    release(slot);
    return true;
  }

  /** Whether the handle's event is still pending. */
  public boolean isPending(long handle) {
    return isLive(handle, slotOf(handle));
  }

  /**
   * The time of a pending event.
   *
   * @throws IllegalArgumentException if the handle's event is not pending
   */
  public long timeOf(long handle) {
    int slot = slotOf(handle);
    if (!isLive(handle, slot)) {
      throw new IllegalArgumentException(
          "handle " + Long.toHexString(handle) + " is not a pending event");
    }
    return times[positions[slot]];
  }

  /**
   * If no event is pending, shrinks the queue back to its initial capacity (a drained queue that
   * once held a million events gives back their arrays) and returns {@code true}; otherwise changes
   * nothing and returns {@code false}. Handles issued before stay stale: slots created afterwards
   * start at a generation above every generation handed out so far. Insertion order among equal
   * times is kept across the trim.
   */
  public boolean trimIfEmpty() {
    if (size != 0 || times.length == initialCapacity) {
      return false;
    }
    int next = maxGeneration + 1;
    freshGeneration = next == 0 ? 1 : next; // 0 would allow the handle 0 == NO_EVENT
    maxGeneration = freshGeneration;
    slotsCreated = 0;
    freeCount = 0;
    allocate(initialCapacity);
    return true;
  }

  /** Removes every pending event; all outstanding handles become stale. */
  public void clear() {
    for (int i = 0; i < size; i++) {
      release(slots[i]);
    }
    size = 0;
  }

  @Override
  public String toString() {
    return "EventQueue[size=" + size + ", next=" + (size == 0 ? "none" : times[0] + " ms") + "]";
  }

  private boolean isLive(long handle, int slot) {
    return slot < slotsCreated
        && generations[slot] == (int) (handle >>> 32)
        && positions[slot] != NOT_QUEUED;
  }

  private int newSlot() {
    int slot = slotsCreated++;
    generations[slot] = freshGeneration;
    return slot;
  }

  private void release(int slot) {
    positions[slot] = NOT_QUEUED;
    int g = generations[slot] + 1;
    g = g == 0 ? 1 : g; // 0 would allow the handle 0 == NO_EVENT
    generations[slot] = g;
    if (Integer.compareUnsigned(g, maxGeneration) > 0) {
      maxGeneration = g;
    }
    freeSlots[freeCount++] = slot;
  }

  private static boolean less(long t1, long s1, long t2, long s2) {
    return t1 < t2 || (t1 == t2 && s1 < s2);
  }

  /** Moves the hole at {@code pos} up until (t, s) fits, then places the element there. */
  private void siftUp(int pos, long t, long s, int slot) {
    long[] ts = times;
    long[] ss = sequences;
    int[] sls = slots;
    int[] ps = positions;
    while (pos > 0) {
      int parent = (pos - 1) >> 2;
      long pt = ts[parent];
      if (t > pt || (t == pt && s > ss[parent])) {
        break;
      }
      ts[pos] = pt;
      ss[pos] = ss[parent];
      int ps0 = sls[parent];
      sls[pos] = ps0;
      ps[ps0] = pos;
      pos = parent;
    }
    ts[pos] = t;
    ss[pos] = s;
    sls[pos] = slot;
    ps[slot] = pos;
  }

  /** Moves the hole at {@code pos} down until (t, s) fits, then places the element there. */
  private void siftDown(int pos, long t, long s, int slot) {
    long[] ts = times;
    long[] ss = sequences;
    int[] sls = slots;
    int[] ps = positions;
    int n = size;
    while (true) {
      int first = (pos << 2) + 1;
      if (first >= n) {
        break;
      }
      // Smallest of up to four children, comparing time first and the sequence only on ties.
      int best = first;
      long bt = ts[first];
      int end = Math.min(first + 4, n);
      for (int c = first + 1; c < end; c++) {
        long ct = ts[c];
        if (ct < bt || (ct == bt && ss[c] < ss[best])) {
          best = c;
          bt = ct;
        }
      }
      if (t < bt || (t == bt && s < ss[best])) {
        break;
      }
      ts[pos] = bt;
      ss[pos] = ss[best];
      int bs = sls[best];
      sls[pos] = bs;
      ps[bs] = pos;
      pos = best;
    }
    ts[pos] = t;
    ss[pos] = s;
    sls[pos] = slot;
    ps[slot] = pos;
  }

  private void grow() {
    int capacity = times.length;
    int newCapacity = capacity + Math.max(capacity, 16);
    if (newCapacity < 0) {
      newCapacity = Integer.MAX_VALUE - 8;
      if (newCapacity <= capacity) {
        throw new IllegalStateException("event queue is full at " + capacity + " events");
      }
    }
    times = Arrays.copyOf(times, newCapacity);
    sequences = Arrays.copyOf(sequences, newCapacity);
    slots = Arrays.copyOf(slots, newCapacity);
    positions = Arrays.copyOf(positions, newCapacity);
    generations = Arrays.copyOf(generations, newCapacity);
    freeSlots = Arrays.copyOf(freeSlots, newCapacity);
  }
}
