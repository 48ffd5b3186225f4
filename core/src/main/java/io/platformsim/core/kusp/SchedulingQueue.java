package io.platformsim.core.kusp;

import io.platformsim.scheduler.queue.PodBackoff;
import io.platformsim.scheduler.queue.QueuedPodInfo;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The scheduler's queue: the {@code scheduler} module's
 * {@link io.platformsim.scheduler.queue.SchedulingQueue} (k/k
 * pkg/scheduler/internal/queue/scheduling_queue.go {@code PriorityQueue}, v1.31) on the
 * simulation clock. activeQ in PrioritySort order (higher priority first, then the earlier
 * queued: k/k pkg/scheduler/framework/plugins/queuesort/priority_sort.go {@code Less});
 * podBackoffQ, where a pod that failed {@code n} attempts waits 1 s doubled per attempt up to
 * 10 s ({@code calculateBackoffDuration}; podInitialBackoffSeconds 1, podMaxBackoffSeconds 10 in
 * k/k pkg/scheduler/apis/config/v1/defaults.go); unschedulablePods, left on cluster events
 * ({@code MoveAllToActiveOrBackoffQueue}) or after 5 min ({@code flushUnschedulablePodsLeftover},
 * DefaultPodMaxInUnschedulablePodsDuration). With queueing hints off (the v1.31 default), a pod
 * that fails goes to unschedulablePods, or to podBackoffQ when a cluster event came during its
 * cycle. Each move into activeQ wakes the {@link SchedulingCycle}.
 *
 * <p>Cluster events: a node joined moves every unschedulable pod (every filter registers
 * NodeAdd); an assigned pod was deleted moves the pods it may help (see
 * {@link #retryAfterRemoval}). Timers run only while a pod is held: one event at the first
 * backoff expiry (upstream flushes podBackoffQ every 1 s, so a pod leaves it up to 1 s later
 * there) and one every 30 s while a pod is unschedulable ({@code PriorityQueue.Run}); an idle
 * cluster schedules none, so its simulation runs dry. The queue's record of a pod exists only
 * while the pod is held.
 */
final class SchedulingQueue {
  private final Cluster c;
  private final io.platformsim.scheduler.queue.SchedulingQueue<Pod> q =
      io.platformsim.scheduler.queue.SchedulingQueue.withDefaults(Pod::priority);
  private long flushTimer = -1;
  private long flushAt = Long.MAX_VALUE;
  private long leftoverTimer = -1;

  SchedulingQueue(Cluster c) {
    this.c = c;
  }

  /** The backoff of a pod that failed (the upstream defaults). */
  PodBackoff backoff() {
    return q.backoff();
  }

  /** A new pod, or one whose nomination ended: into activeQ (upstream {@code Add}), waking the cycle. */
  void enqueue(Pod p) {
    q.add(p, c.sim.now());
    c.scheduling.kick();
  }

  /** The first pod of activeQ, now in flight, or null when activeQ is empty. */
  Pod pop() {
    return q.pop();
  }

  /** The scheduling cycle of the pod {@link #pop} returned last. */
  long schedulingCycle() {
    return q.schedulingCycle();
  }

  /** What the queue holds of {@code p}, or null when it holds nothing. */
  QueuedPodInfo<Pod> info(Pod p) {
    return q.info(p);
  }

  boolean isEmpty() {
    return q.activeSize() == 0;
  }

  /**
   * The in-flight {@code p} failed the attempt of {@code cycle} (upstream
   * {@code AddUnschedulableIfNotPresent}): podBackoffQ if a cluster event came since the cycle
   * began, else unschedulablePods.
   */
  void failed(Pod p, long cycle) {
    q.addUnschedulableIfNotPresent(p, cycle, c.sim.now());
    armTimers();
  }

  /** The in-flight {@code p} leaves the queue: bound, nominated to a node, or deleted (upstream {@code Done}). */
  void done(Pod p) {
    q.done(p);
  }

  /** {@code p} was deleted: it leaves whichever queue holds it (upstream {@code Delete}); in flight, at the cycle's end. */
  void delete(Pod p) {
    if (q.size() > 0) {
      q.delete(p);
    }
  }

  /**
   * The pods in unschedulablePods, in the order they went there (a fresh list): those the cluster
   * autoscaler tries to make room for. Pods backing off are left out: they are retried within
   * 10 s.
   */
  List<Pod> unschedulable() {
    return q.unschedulablePods();
  }

  /** A node joined: every unschedulable pod moves (NodeAdd is registered by every filter). */
  void retryUnschedulable() {
    move(null);
  }

  /**
   * An assigned pod left {@code n} (event AssignedPodDelete): moves the unschedulable pods it may
   * help. Upstream's v1.31 default (queueing hints off) moves every pod a resource, spread or
   * anti-affinity filter rejected; here a pod rejected on resources alone moves only if its
   * request fits what is now free on {@code n} (the NodeResourcesFit queueing hint, k/k
   * pkg/scheduler/framework/plugins/noderesources/fit.go {@code isSchedulableAfterPodChange},
   * made exact for this event: the pod fitted no node at its last attempt, every node that
   * freed room since moved it, so only {@code n} can now take it), and pods with spread or
   * anti-affinity constraints always move. Either way the move request is recorded for the pod
   * in flight.
   */
  void retryAfterRemoval(Node n) {
    if (!Cluster.schedulable(n) || c.freePods(n) <= 0) {
      move(SchedulingQueue::constrained);
      return;
    }
    long freeCpu = c.freeCpu(n);
    long freeMem = c.freeMemory(n);
    move(p -> constrained(p) || Cluster.fitsRequest(p.request(), freeCpu, freeMem, 1));
  }

  private static boolean constrained(Pod p) {
    return !p.spec.antiAffinity().isEmpty() || !p.spec.spreadConstraints().isEmpty();
  }

  private void move(Predicate<Pod> helped) {
    if (q.size() == 0) {
      return;
    }
    int moved = q.moveAllToActiveOrBackoffQueue(helped, c.sim.now());
    if (moved > 0) {
      armTimers();
      c.scheduling.kick();
    }
  }

  // One event at the first backoff expiry; one every 30 s while a pod is unschedulable.
  private void armTimers() {
    long next = q.nextBackoffExpiry();
    if (next != Long.MAX_VALUE && (flushTimer < 0 || next < flushAt)) {
      flushTimer = c.cancelled(flushTimer);
      flushAt = Math.max(next, c.sim.now());
      flushTimer = c.sim.scheduleAt(flushAt, this::flushBackoff);
    }
    if (q.unschedulableSize() > 0 && leftoverTimer < 0) {
      leftoverTimer = c.sim.schedule(
          io.platformsim.scheduler.queue.SchedulingQueue.FLUSH_UNSCHEDULABLE_PERIOD_MILLIS, this::flushLeftover);
    }
  }

  private void flushBackoff() {
    flushTimer = -1;
    flushAt = Long.MAX_VALUE;
    if (q.flushBackoffQCompleted(c.sim.now()) > 0) {
      c.scheduling.kick();
    }
    armTimers();
  }

  private void flushLeftover() {
    leftoverTimer = -1;
    if (q.flushUnschedulablePodsLeftover(c.sim.now()) > 0) {
      c.scheduling.kick();
    }
    armTimers();
  }

  /** Queued pods that failed an attempt, with the scheduler's last message, by pod name. */
  TreeMap<String, String> unschedulableMessages() {
    TreeMap<String, String> out = new TreeMap<>();
    for (Pod p : q.pendingPods()) {
      if (p.unschedulableMessage() != null) {
        out.put(p.id(), p.unschedulableMessage());
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "SchedulingQueue[" + q.activeSize() + " active, " + q.backoffSize() + " backing off, " + q.unschedulableSize()
        + " unschedulable, " + q.inFlightSize() + " in flight]";
  }
}
