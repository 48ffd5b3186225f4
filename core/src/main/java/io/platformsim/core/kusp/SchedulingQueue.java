package io.platformsim.core.kusp;

import io.platformsim.scheduler.queue.QueueName;
import io.platformsim.scheduler.queue.QueuedPodInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The scheduler's queue: the {@code scheduler} module's {@link
 * io.platformsim.scheduler.queue.SchedulingQueue} (k/k
 * pkg/scheduler/internal/queue/scheduling_queue.go {@code PriorityQueue}, v1.31) on the simulation
 * clock. activeQ in PrioritySort order (higher priority first, then the earlier timestamp, i.e.
 * when the pod was added or last failed: k/k
 * pkg/scheduler/framework/plugins/queuesort/priority_sort.go {@code Less}); podBackoffQ, where a
 * pod that failed {@code n} attempts waits 1 s doubled per attempt up to 10 s ({@code
 * calculateBackoffDuration}; podInitialBackoffSeconds 1, podMaxBackoffSeconds 10 in k/k
 * pkg/scheduler/apis/config/v1/defaults.go); unschedulablePods, left on cluster events ({@code
 * MoveAllToActiveOrBackoffQueue}: to podBackoffQ while backing off, else activeQ) or after 5 min
 * ({@code flushUnschedulablePodsLeftover}, DefaultPodMaxInUnschedulablePodsDuration). With queueing
 * hints off (the v1.31 default), a pod that fails goes to unschedulablePods, or to podBackoffQ when
 * a cluster event came during its cycle. Each move into activeQ wakes the {@link SchedulingCycle}.
 *
 * <p>Cluster events: a node joined moves every unschedulable pod (every filter registers NodeAdd);
 * an assigned pod was deleted moves the pods it may help (see {@link #retryAfterRemoval}). Timers
 * run only while a pod is held: one event at the first backoff expiry (upstream flushes podBackoffQ
 * every 1 s, so a pod leaves it up to 1 s later there) and one every 30 s while a pod is
 * unschedulable ({@code PriorityQueue.Run}). The 30 s flush pauses when it finds no other event
 * pending: nothing can then change the cluster, so a retry could only fail again, and a cluster
 * whose only work is a pod that never fits still runs dry (the next failure or move resumes it).
 * The queue's record of a pod exists only while the pod is held.
 */
final class SchedulingQueue {
  // adds after which an emptied queue is made afresh
  private static final int SHRINK_AFTER_ADDS = 4096;

  private final Cluster c;
  private io.platformsim.scheduler.queue.SchedulingQueue<Pod> q = fresh();
  // pods added since q was made: its map and heaps keep the capacity of its fullest moment
  private int addedSinceFresh;
  // The resource-only pods that went to unschedulablePods, by CPU request (a removal looks only
  // at those whose CPU fits what it freed); a pod that left it is dropped when next met.
  private final TreeSet<Pod> waitingByCpu =
      new TreeSet<>(
          Comparator.comparingLong((Pod p) -> p.request().milliCpu()).thenComparingInt(p -> p.seq));
  // pods with spread or anti-affinity constraints that went to unschedulablePods since it was last
  // empty
  private int constrainedWaiting;
  private long flushTimer = -1;
  private long flushAt = Long.MAX_VALUE;
  private long leftoverTimer = -1;

  SchedulingQueue(Cluster c) {
    this.c = c;
  }

  private static io.platformsim.scheduler.queue.SchedulingQueue<Pod> fresh() {
    return io.platformsim.scheduler.queue.SchedulingQueue.withDefaults(Pod::priority);
  }

  // Nothing held: the index empties, and after many adds (a Deployment's first pods all queue at
  // once) a new queue drops the grown capacity, since no cycle number, sequence or move request
  // matters any more.
  private void shrinkIfEmpty() {
    if (q.size() > 0) {
      return;
    }
    waitingByCpu.clear();
    constrainedWaiting = 0;
    if (addedSinceFresh > SHRINK_AFTER_ADDS) {
      q = fresh();
      addedSinceFresh = 0;
    }
  }

  /**
   * A new pod, or one whose nomination ended: into activeQ (upstream {@code Add}), waking the
   * cycle.
   */
  void enqueue(Pod p) {
    q.add(p, c.sim.now());
    addedSinceFresh++;
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
   * The in-flight {@code p} failed the attempt of {@code cycle} (upstream {@code
   * AddUnschedulableIfNotPresent}): podBackoffQ if a cluster event came since the cycle began, else
   * unschedulablePods.
   */
  void failed(Pod p, long cycle) {
    if (q.addUnschedulableIfNotPresent(p, cycle, c.sim.now()) == QueueName.UNSCHEDULABLE) {
      if (constrained(p)) {
        constrainedWaiting++;
      } else {
        waitingByCpu.add(p);
      }
    }
    armTimers();
  }

  /**
   * The in-flight {@code p} leaves the queue: bound, nominated to a node, or deleted (upstream
   * {@code Done}).
   */
  void done(Pod p) {
    q.done(p);
    if (!waitingByCpu.isEmpty()) {
      waitingByCpu.remove(p);
    }
    shrinkIfEmpty();
  }

  /**
   * {@code p} was deleted: it leaves whichever queue holds it (upstream {@code Delete}); in flight,
   * at the cycle's end.
   */
  void delete(Pod p) {
    if (q.size() > 0) {
      q.delete(p);
      waitingByCpu.remove(p);
      shrinkIfEmpty();
    }
  }

  /**
   * The pods in unschedulablePods, in the order they went there (a fresh list): those the cluster
   * autoscaler tries to make room for. Pods backing off are left out: they are retried within 10 s.
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
   * help, and records the move request for the pod in flight.
   *
   * <p>Upstream's v1.31 default (queueing hints off) moves every pod a resource, spread or
   * anti-affinity filter rejected, lets all but the first that fits fail again and bounds the
   * retries by their backoff. Here pods with spread or anti-affinity constraints move as upstream;
   * a pod rejected on resources alone moves only if {@code n}'s free room is offered to it: the
   * pods whose request fits it, in PrioritySort order (priority, then the time of their last
   * failure), each taking its request off the room, while it lasts. The others fitted no node at
   * their last attempt, every node that freed room since offered it to them, and this removal freed
   * too little for them, so upstream's outcome is the same; what differs is that their failed
   * attempts (and the backoff those add) are not counted. Moving them all made one failed cycle
   * (O(nodes) each, with its diagnosis) per pending pod per removal, quadratic in a large release.
   */
  void retryAfterRemoval(Node n) {
    if (q.size() == 0) {
      return;
    }
    List<Pod> offered = List.of();
    if (Cluster.schedulable(n) && c.freePods(n) > 0 && !waitingByCpu.isEmpty()) {
      offered = offer(c.freeCpu(n), c.freeMemory(n), c.freePods(n));
    }
    if (constrainedWaiting > 0) {
      Set<Pod> o = offered.isEmpty() ? Set.of() : new HashSet<>(offered);
      move(p -> constrained(p) || o.contains(p));
      return;
    }
    // No constrained pod waits: move the offered pods one by one (upstream's per-pod requeue,
    // backoff honoured) instead of walking every unschedulable pod; the move request only
    // matters to a pod in flight.
    long now = c.sim.now();
    if (q.inFlightSize() > 0) {
      q.recordMoveRequest(now);
    }
    for (Pod p : offered) {
      q.update(p, now);
    }
    if (!offered.isEmpty()) {
      armTimers();
      c.scheduling.kick();
    }
  }

  // The resource-only unschedulable pods given n's free room, in PrioritySort order, while it
  // lasts.
  private List<Pod> offer(long freeCpu, long freeMem, long freePods) {
    List<Pod> fitting = null;
    for (Iterator<Pod> it = waitingByCpu.iterator(); it.hasNext(); ) {
      Pod p = it.next();
      if (p.request().milliCpu() > freeCpu) {
        break;
      }
      if (q.queueOf(p) != QueueName.UNSCHEDULABLE) {
        // moved since it failed (a node joined, the leftover flush): no longer waiting here
        it.remove();
        continue;
      }
      if (p.request().memoryMib() <= freeMem) {
        if (fitting == null) {
          fitting = new ArrayList<>();
        }
        fitting.add(p);
      }
    }
    if (fitting == null) {
      return List.of();
    }
    fitting.sort(
        Comparator.comparingInt((Pod p) -> -p.priority())
            .thenComparingLong(p -> q.info(p).timestampMillis())
            .thenComparingInt(p -> p.seq));
    List<Pod> offered = new ArrayList<>();
    for (Pod p : fitting) {
      if (Cluster.fitsRequest(p.request(), freeCpu, freeMem, freePods)) {
        offered.add(p);
        freeCpu -= p.request().milliCpu();
        freeMem -= p.request().memoryMib();
        freePods--;
      }
    }
    return offered;
  }

  private static boolean constrained(Pod p) {
    return !p.spec.antiAffinity().isEmpty() || !p.spec.spreadConstraints().isEmpty();
  }

  private void move(Predicate<Pod> helped) {
    if (q.size() == 0) {
      return;
    }
    int moved = q.moveAllToActiveOrBackoffQueue(helped, c.sim.now());
    if (q.unschedulableSize() == 0) {
      waitingByCpu.clear();
      constrainedWaiting = 0;
    }
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
      leftoverTimer =
          c.sim.schedule(
              io.platformsim.scheduler.queue.SchedulingQueue.FLUSH_UNSCHEDULABLE_PERIOD_MILLIS,
              this::flushLeftover);
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
      if (q.unschedulableSize() == 0) {
        waitingByCpu.clear();
        constrainedWaiting = 0;
      }
      c.scheduling.kick();
    }
    // Nothing else pending: no event can change the cluster, so a leftover retry could only fail
    // again. The flush pauses (the next failure or move re-arms it) and the simulation runs dry.
    if (c.sim.pending() > 0) {
      armTimers();
    }
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
    return "SchedulingQueue["
        + q.activeSize()
        + " active, "
        + q.backoffSize()
        + " backing off, "
        + q.unschedulableSize()
        + " unschedulable, "
        + q.inFlightSize()
        + " in flight]";
  }
}
