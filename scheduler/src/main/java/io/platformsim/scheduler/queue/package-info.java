/**
 * The kube-scheduler scheduling queue (upstream {@code
 * pkg/scheduler/internal/queue/scheduling_queue.go}, v1.31): {@link
 * io.platformsim.scheduler.queue.SchedulingQueue} with its activeQ, podBackoffQ and
 * unschedulablePods, the per-attempt backoff, the leftover flush and the move on cluster events.
 * Generic over the caller's pod handle; time is an explicit {@code long} of milliseconds.
 *
 * <p>Depends on the JDK only: no other scheduler package, no simulation clock, and never {@code
 * io.platformsim.core}.
 */
package io.platformsim.scheduler.queue;
