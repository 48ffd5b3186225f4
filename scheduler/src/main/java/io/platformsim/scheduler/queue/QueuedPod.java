package io.platformsim.scheduler.queue;

/**
 * The queue's mutable record of one pod (upstream {@code framework.QueuedPodInfo}): made once when
 * the pod enters the queue and reused while it moves between the sub-queues, so a move allocates
 * nothing. {@code heapIndex} is its slot in activeQ or podBackoffQ; {@code prev}/{@code next} link
 * it into unschedulablePods.
 */
final class QueuedPod<K> {
  final K pod;
  int priority;
  long timestamp;
  long initialAttempt = -1;
  int attempts;
  // enqueue order into activeQ or podBackoffQ: the deterministic tie-break of both heaps
  long sequence;
  // cached when the pod enters podBackoffQ (timestamp and attempts cannot change while there)
  long backoffExpiry;
  QueueName queue = QueueName.ABSENT;
  int heapIndex = -1;
  QueuedPod<K> prev;
  QueuedPod<K> next;

  QueuedPod(K pod) {
    this.pod = pod;
  }

  QueuedPodInfo<K> info() {
    return new QueuedPodInfo<>(pod, queue, priority, timestamp, initialAttempt, attempts);
  }

  @Override
  public String toString() {
    return info().toString();
  }
}
