package io.platformsim.scheduler.queue;

import java.util.List;

/**
 * unschedulablePods (upstream {@code UnschedulablePods} in scheduling_queue.go): the pods that
 * failed an attempt and wait for a cluster event, as an intrusive list through {@link
 * QueuedPod#prev}/{@link QueuedPod#next} in arrival order (upstream keeps a map and visits it in
 * random order; arrival order keeps the simulation deterministic). Adding and removing allocate
 * nothing.
 */
final class UnschedulablePods<K> {
  private QueuedPod<K> head;
  private QueuedPod<K> tail;
  private int size;

  int size() {
    return size;
  }

  /** The pod that arrived first, or {@code null}; follow {@link QueuedPod#next} for the rest. */
  QueuedPod<K> head() {
    return head;
  }

  void add(QueuedPod<K> p) {
    p.queue = QueueName.UNSCHEDULABLE;
    p.prev = tail;
    p.next = null;
    if (tail == null) {
      head = p;
    } else {
      tail.next = p;
    }
    tail = p;
    size++;
  }

  void remove(QueuedPod<K> p) {
    if (p.prev == null) {
      head = p.next;
    } else {
      p.prev.next = p.next;
    }
    if (p.next == null) {
      tail = p.prev;
    } else {
      p.next.prev = p.prev;
    }
    p.prev = null;
    p.next = null;
    p.queue = QueueName.ABSENT;
    size--;
  }

  void addPodsTo(List<K> out) {
    for (QueuedPod<K> p = head; p != null; p = p.next) {
      out.add(p.pod);
    }
  }
}
