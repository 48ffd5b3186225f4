package io.platformsim.scheduler.queue;

/**
 * Where a pod is in a {@link SchedulingQueue}: one of upstream's three queues ("Active", "Backoff",
 * "Unschedulable" in scheduling_queue.go), popped and not yet done ({@code inFlightPods}), or not
 * held at all.
 */
public enum QueueName {
  /** activeQ: waiting to be popped, highest priority first. */
  ACTIVE,
  /** podBackoffQ: waiting for its backoff to expire, earliest expiry first. */
  BACKOFF,
  /** unschedulablePods: waiting for a cluster event or the leftover flush. */
  UNSCHEDULABLE,
  /** Popped by {@link SchedulingQueue#pop} and not yet requeued or done. */
  IN_FLIGHT,
  /** Not held by the queue. */
  ABSENT
}
