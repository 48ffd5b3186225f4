package io.platformsim.scheduler.queue;

import java.util.Arrays;

/**
 * A binary min-heap of {@link QueuedPod}s that records each pod's slot, so removal and re-ordering
 * of any pod are O(log n) (upstream {@code pkg/scheduler/internal/heap}, keyed by pod). The order
 * is fixed at construction: {@link #ACTIVE_ORDER} is upstream queuesort PrioritySort ({@code
 * pkg/scheduler/framework/plugins/queuesort/priority_sort.go} {@code Less}: higher priority first,
 * then earlier timestamp), {@link #BACKOFF_ORDER} is {@code podsCompareBackoffCompleted} (earlier
 * backoff expiry first); both break remaining ties by enqueue sequence, so equal keys pop first in,
 * first out.
 */
final class PodHeap<K> {
  static final int ACTIVE_ORDER = 0;
  static final int BACKOFF_ORDER = 1;

  private final int order;
  private QueuedPod<K>[] slots;
  private int size;

  @SuppressWarnings("unchecked")
  PodHeap(int order) {
    this.order = order;
    this.slots = (QueuedPod<K>[]) new QueuedPod[16];
  }

  int size() {
    return size;
  }

  QueuedPod<K> peek() {
    return size == 0 ? null : slots[0];
  }

  QueuedPod<K> at(int i) {
    return slots[i];
  }

  void add(QueuedPod<K> p) {
    if (size == slots.length) {
      slots = Arrays.copyOf(slots, size * 2);
    }
    slots[size] = p;
    p.heapIndex = size;
    size++;
    up(p.heapIndex);
  }

  QueuedPod<K> poll() {
    QueuedPod<K> top = slots[0];
    remove(top);
    return top;
  }

  void remove(QueuedPod<K> p) {
    int i = p.heapIndex;
    int last = --size;
    if (i != last) {
      QueuedPod<K> moved = slots[last];
      slots[i] = moved;
      moved.heapIndex = i;
      slots[last] = null;
      if (!up(i)) {
        down(i);
      }
    } else {
      slots[last] = null;
    }
    p.heapIndex = -1;
  }

  /** Restores the order after {@code p}'s key changed. */
  void fix(QueuedPod<K> p) {
    if (!up(p.heapIndex)) {
      down(p.heapIndex);
    }
  }

  private boolean less(QueuedPod<K> a, QueuedPod<K> b) {
    if (order == ACTIVE_ORDER) {
      if (a.priority != b.priority) {
        return a.priority > b.priority;
      }
      if (a.timestamp != b.timestamp) {
        return a.timestamp < b.timestamp;
      }
    } else if (a.backoffExpiry != b.backoffExpiry) {
      return a.backoffExpiry < b.backoffExpiry;
    }
    return a.sequence < b.sequence;
  }

  private boolean up(int i) {
    QueuedPod<K> p = slots[i];
    int start = i;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      QueuedPod<K> q = slots[parent];
      if (!less(p, q)) {
        break;
      }
      slots[i] = q;
      q.heapIndex = i;
      i = parent;
    }
    slots[i] = p;
    p.heapIndex = i;
    return i != start;
  }

  private void down(int i) {
    QueuedPod<K> p = slots[i];
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && less(slots[right], slots[child])) {
        child = right;
      }
      if (!less(slots[child], p)) {
        break;
      }
      slots[i] = slots[child];
      slots[i].heapIndex = i;
      i = child;
    }
    slots[i] = p;
    p.heapIndex = i;
  }
}
