package io.platformsim.scheduler.queue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * The kube-scheduler PriorityQueue (upstream {@code
 * pkg/scheduler/internal/queue/scheduling_queue.go}, v1.31) over pod handles of type {@code K},
 * with time passed in as milliseconds.
 *
 * <p>Every held pod is in exactly one place ({@link QueueName}): <b>activeQ</b>, ordered by
 * priority (highest first) then by timestamp (earliest first), as the default queuesort plugin
 * PrioritySort orders it; <b>podBackoffQ</b>, ordered by backoff expiry; <b>unschedulablePods</b>,
 * in the order they arrived; or <b>in flight</b> between {@link #pop} and {@link
 * #addUnschedulableIfNotPresent}/{@link #done}. Ties are broken by enqueue order, so the same calls
 * give the same pops. A pod's priority is read through the function given at construction each time
 * it enters the queue ({@link #update} re-reads it).
 *
 * <p>Requeueing follows the v1.31 default, feature gate {@code SchedulerQueueingHints} off (turned
 * off by default by kubernetes/kubernetes PR #122289 for v1.29; KEP-4247 turns it on in v1.32),
 * i.e. {@code addUnschedulableWithoutQueueingHint}: a failed pod goes to unschedulablePods, or to
 * podBackoffQ when a move request ({@link #moveAllToActiveOrBackoffQueue}) arrived since its
 * scheduling cycle began ({@code moveRequestCycle >= podSchedulingCycle}). The caller's predicate
 * on a move plays the part of upstream's {@code PreEnqueueCheck}. Upstream runs {@link
 * #flushBackoffQCompleted} every {@value #FLUSH_BACKOFF_Q_PERIOD_MILLIS} ms and {@link
 * #flushUnschedulablePodsLeftover} every {@value #FLUSH_UNSCHEDULABLE_PERIOD_MILLIS} ms ({@code
 * PriorityQueue.Run}); here the caller schedules them, and {@link #nextBackoffExpiry()} tells when
 * the first backoff ends. Not modelled: PreEnqueue plugins and scheduling gates, the nominator,
 * per-plugin queueing hints.
 *
 * <p>Times passed in must never decrease. One record per held pod is made when it enters and
 * dropped when it leaves; moving between the queues allocates nothing beyond heap growth. Not
 * thread-safe.
 *
 * @param <K> the pod handle type; equal handles are the same pod
 */
public final class SchedulingQueue<K> {
  /** Upstream DefaultPodMaxInUnschedulablePodsDuration, 5 min (scheduling_queue.go). */
  public static final long DEFAULT_POD_MAX_IN_UNSCHEDULABLE_PODS_MILLIS = 5 * 60_000;

  /** Period of flushBackoffQCompleted in upstream {@code PriorityQueue.Run}: 1 s. */
  public static final long FLUSH_BACKOFF_Q_PERIOD_MILLIS = 1_000;

  /** Period of flushUnschedulablePodsLeftover in upstream {@code PriorityQueue.Run}: 30 s. */
  public static final long FLUSH_UNSCHEDULABLE_PERIOD_MILLIS = 30_000;

  private final ToIntFunction<? super K> priority;
  private final PodBackoff backoff;
  private final long maxInUnschedulable;
  private final Map<K, QueuedPod<K>> pods = new HashMap<>();
  private final PodHeap<K> activeQ = new PodHeap<>(PodHeap.ACTIVE_ORDER);
  private final PodHeap<K> backoffQ = new PodHeap<>(PodHeap.BACKOFF_ORDER);
  private final UnschedulablePods<K> unschedulable = new UnschedulablePods<>();
  private int inFlightCount;
  private long schedulingCycle;
  private long moveRequestCycle = -1;
  private long sequence;
  private long lastNow = Long.MIN_VALUE;

  private SchedulingQueue(
      ToIntFunction<? super K> priority, PodBackoff backoff, long maxInUnschedulable) {
    if (priority == null || backoff == null) {
      throw new IllegalArgumentException("priority function and backoff must be given");
    }
    if (maxInUnschedulable <= 0) {
      throw new IllegalArgumentException(
          "podMaxInUnschedulablePodsDuration must be > 0, was " + maxInUnschedulable + " ms");
    }
    this.priority = priority;
    this.backoff = backoff;
    this.maxInUnschedulable = maxInUnschedulable;
  }

  /**
   * A queue with the upstream defaults: backoff 1 s doubling to 10 s, leftover flush after 5 min.
   */
  public static <K> SchedulingQueue<K> withDefaults(ToIntFunction<? super K> priority) {
    return new SchedulingQueue<>(
        priority, PodBackoff.DEFAULT, DEFAULT_POD_MAX_IN_UNSCHEDULABLE_PODS_MILLIS);
  }

  /**
   * A queue with the given backoff and podMaxInUnschedulablePodsDuration (upstream options
   * WithPodInitialBackoffDuration, WithPodMaxBackoffDuration,
   * WithPodMaxInUnschedulablePodsDuration).
   *
   * @throws IllegalArgumentException unless {@code maxInUnschedulableMillis > 0}
   */
  public static <K> SchedulingQueue<K> of(
      ToIntFunction<? super K> priority, PodBackoff backoff, long maxInUnschedulableMillis) {
    return new SchedulingQueue<>(priority, backoff, maxInUnschedulableMillis);
  }

  /** The backoff. */
  public PodBackoff backoff() {
    return backoff;
  }

  // ------------------------------------------------------------------ upstream operations

  /**
   * Upstream {@code Add}: a new pod enters activeQ with timestamp {@code now} and no attempts. A
   * pod already queued is taken out and starts afresh, as upstream does (it logs an error).
   *
   * @throws IllegalStateException if the pod is in flight
   */
  public void add(K pod, long now) {
    tick(now);
    QueuedPod<K> p = pods.get(pod);
    if (p != null) {
      if (p.queue == QueueName.IN_FLIGHT) {
        throw new IllegalStateException(
            "add: pod " + pod + " is being scheduled (popped, not yet done)");
      }
      detach(p);
      pods.remove(pod);
    }
    p = new QueuedPod<>(pod);
    p.timestamp = now;
    pods.put(pod, p);
    toActive(p, now);
  }

  /**
   * Upstream {@code Pop}: takes the head of activeQ, counts an attempt and starts a scheduling
   * cycle; the pod is then in flight. Never blocks: {@code null} when activeQ is empty.
   */
  public K pop() {
    if (activeQ.size() == 0) {
      return null;
    }
    QueuedPod<K> p = activeQ.poll();
    p.queue = QueueName.IN_FLIGHT;
    p.attempts++;
    schedulingCycle++;
    inFlightCount++;
    return p.pod;
  }

  /** The head of activeQ without taking it, or {@code null}. */
  public K peekActive() {
    QueuedPod<K> p = activeQ.peek();
    return p == null ? null : p.pod;
  }

  /**
   * Upstream {@code SchedulingCycle}: the number of pops so far; read it right after {@link #pop}.
   */
  public long schedulingCycle() {
    return schedulingCycle;
  }

  /**
   * Upstream {@code AddUnschedulableIfNotPresent} with queueing hints off: the in-flight pod failed
   * its attempt of cycle {@code podSchedulingCycle}; its timestamp becomes {@code now} and it goes
   * to podBackoffQ if a move request came in since that cycle began, else to unschedulable. Like
   * upstream, this also ends the pod's flight ({@code defer p.done}).
   *
   * @return where the pod went
   * @throws IllegalStateException if the pod is not in flight (upstream: "already present in ...")
   */
  public QueueName addUnschedulableIfNotPresent(K pod, long podSchedulingCycle, long now) {
    tick(now);
    QueuedPod<K> p = pods.get(pod);
    if (p == null || p.queue != QueueName.IN_FLIGHT) {
      throw new IllegalStateException(
          "addUnschedulableIfNotPresent: pod "
              + pod
              + " is not in flight but in "
              + (p == null ? QueueName.ABSENT : p.queue));
    }
    inFlightCount--;
    p.timestamp = now;
    if (moveRequestCycle >= podSchedulingCycle) {
      toBackoff(p);
    } else {
      unschedulable.add(p);
    }
    return p.queue;
  }

  /**
   * Upstream {@code Done}: the in-flight pod's attempt is over for good (bound, or dropped by the
   * caller), so the queue forgets it. A pod that is queued again is left alone.
   *
   * @return whether an in-flight pod was forgotten
   */
  public boolean done(K pod) {
    QueuedPod<K> p = pods.get(pod);
    if (p == null || p.queue != QueueName.IN_FLIGHT) {
      return false;
    }
    inFlightCount--;
    p.queue = QueueName.ABSENT;
    pods.remove(pod);
    return true;
  }

  /**
   * Upstream {@code Delete}: removes a queued pod from whichever queue holds it. An in-flight pod
   * stays in flight until {@link #done} (upstream keeps it in {@code inFlightPods} too).
   *
   * @return whether a queued pod was removed
   */
  public boolean delete(K pod) {
    QueuedPod<K> p = pods.get(pod);
    if (p == null || p.queue == QueueName.IN_FLIGHT) {
      return false;
    }
    detach(p);
    pods.remove(pod);
    return true;
  }

  /**
   * Upstream {@code Update} with queueing hints off, for a pod whose spec changed in a way that may
   * make it schedulable: re-reads its priority; in activeQ or podBackoffQ it stays there
   * (re-ordered); in unschedulablePods it moves to podBackoffQ if still backing off, else to
   * activeQ; a pod the queue does not hold is {@link #add}ed. An in-flight pod is left alone.
   *
   * @return where the pod is now
   */
  public QueueName update(K pod, long now) {
    tick(now);
    QueuedPod<K> p = pods.get(pod);
    if (p == null) {
      add(pod, now);
      return QueueName.ACTIVE;
    }
    switch (p.queue) {
      case ACTIVE -> {
        p.priority = priority.applyAsInt(pod);
        activeQ.fix(p);
      }
      case BACKOFF -> p.priority = priority.applyAsInt(pod);
      case UNSCHEDULABLE -> {
        unschedulable.remove(p);
        requeue(p, now);
      }
      default -> {}
    }
    return p.queue;
  }

  /**
   * Upstream {@code Activate}: moves a pod from unschedulablePods or podBackoffQ straight to
   * activeQ, skipping any remaining backoff.
   *
   * @return whether the pod moved
   */
  public boolean activate(K pod, long now) {
    tick(now);
    QueuedPod<K> p = pods.get(pod);
    if (p == null || (p.queue != QueueName.UNSCHEDULABLE && p.queue != QueueName.BACKOFF)) {
      return false;
    }
    detach(p);
    toActive(p, now);
    return true;
  }

  /**
   * Upstream {@code MoveAllToActiveOrBackoffQueue} for a cluster event: every pod in
   * unschedulablePods that {@code preCheck} accepts (the event may help it; {@code null} accepts
   * all) moves, in arrival order, to podBackoffQ if its backoff has not expired at {@code now},
   * else to activeQ ({@code requeuePodViaQueueingHint} with queueAfterBackoff). Records the move
   * request for the pods now in flight ({@code moveRequestCycle = schedulingCycle}) even if no pod
   * moved, as upstream does.
   *
   * @return how many pods moved
   */
  public int moveAllToActiveOrBackoffQueue(Predicate<? super K> preCheck, long now) {
    tick(now);
    int moved = 0;
    QueuedPod<K> p = unschedulable.head();
    while (p != null) {
      QueuedPod<K> next = p.next;
      if (preCheck == null || preCheck.test(p.pod)) {
        unschedulable.remove(p);
        requeue(p, now);
        moved++;
      }
      p = next;
    }
    moveRequestCycle = schedulingCycle;
    return moved;
  }

  /**
   * A cluster event that moves no unschedulable pod: the same as {@link
   * #moveAllToActiveOrBackoffQueue} with a predicate that accepts none, without walking
   * unschedulablePods. It only records the move request, so a pod now in flight that fails goes to
   * podBackoffQ rather than unschedulablePods ({@code moveRequestCycle}).
   */
  public void recordMoveRequest(long now) {
    tick(now);
    moveRequestCycle = schedulingCycle;
  }

  /**
   * Upstream {@code flushBackoffQCompleted}: moves every pod whose backoff has expired at {@code
   * now} from podBackoffQ to activeQ, earliest expiry first.
   *
   * @return how many pods moved
   */
  public int flushBackoffQCompleted(long now) {
    tick(now);
    int moved = 0;
    while (backoffQ.size() > 0 && backoffQ.peek().backoffExpiry <= now) {
      QueuedPod<K> p = backoffQ.poll();
      toActive(p, now);
      moved++;
    }
    return moved;
  }

  /**
   * Upstream {@code flushUnschedulablePodsLeftover}: pods that have waited in unschedulablePods
   * longer than podMaxInUnschedulablePodsDuration ({@code now - timestamp > max}) move as in {@link
   * #moveAllToActiveOrBackoffQueue} (event UnschedulableTimeout). Since times never decrease,
   * unschedulablePods is in timestamp order and the scan stops at the first pod that has not waited
   * long enough.
   *
   * @return how many pods moved
   */
  public int flushUnschedulablePodsLeftover(long now) {
    tick(now);
    int moved = 0;
    QueuedPod<K> p = unschedulable.head();
    while (p != null && now - p.timestamp > maxInUnschedulable) {
      QueuedPod<K> next = p.next;
      unschedulable.remove(p);
      requeue(p, now);
      moved++;
      p = next;
    }
    if (moved > 0) {
      // movePodsToActiveOrBackoffQueue, reached only with pods to move
      moveRequestCycle = schedulingCycle;
    }
    return moved;
  }

  // ------------------------------------------------------------------ queries

  /** When the first backoff in podBackoffQ expires, or {@link Long#MAX_VALUE} if it is empty. */
  public long nextBackoffExpiry() {
    QueuedPod<K> p = backoffQ.peek();
    return p == null ? Long.MAX_VALUE : p.backoffExpiry;
  }

  /**
   * Upstream {@code isPodBackingoff}: whether the pod's backoff (timestamp + backoff for its
   * attempts) is after {@code now}.
   */
  public boolean isBackingOff(K pod, long now) {
    QueuedPod<K> p = pods.get(pod);
    return p != null && backoffExpiry(p) > now;
  }

  /** Where the pod is. */
  public QueueName queueOf(K pod) {
    QueuedPod<K> p = pods.get(pod);
    return p == null ? QueueName.ABSENT : p.queue;
  }

  /** What the queue knows about the pod, or {@code null} if it does not hold it. */
  public QueuedPodInfo<K> info(K pod) {
    QueuedPod<K> p = pods.get(pod);
    return p == null ? null : p.info();
  }

  /** Pods in activeQ. */
  public int activeSize() {
    return activeQ.size();
  }

  /** Pods in podBackoffQ. */
  public int backoffSize() {
    return backoffQ.size();
  }

  /** Pods in unschedulable. */
  public int unschedulableSize() {
    return unschedulable.size();
  }

  /** Pods popped and not yet requeued or done. */
  public int inFlightSize() {
    return inFlightCount;
  }

  /** Pods held, in flight included. */
  public int size() {
    return pods.size();
  }

  /** The pods in unschedulablePods, in arrival order (a fresh list). */
  public List<K> unschedulablePods() {
    List<K> out = new ArrayList<>(unschedulable.size());
    for (QueuedPod<K> p = unschedulable.head(); p != null; p = p.next) {
      out.add(p.pod);
    }
    return out;
  }

  /**
   * Upstream {@code PendingPods}: activeQ, then podBackoffQ (each in heap order, not pop order),
   * then unschedulablePods in arrival order (a fresh list).
   */
  public List<K> pendingPods() {
    List<K> out = new ArrayList<>(activeQ.size() + backoffQ.size() + unschedulable.size());
    for (int i = 0; i < activeQ.size(); i++) {
      out.add(activeQ.at(i).pod);
    }
    for (int i = 0; i < backoffQ.size(); i++) {
      out.add(backoffQ.at(i).pod);
    }
    unschedulable.addPodsTo(out);
    return out;
  }

  // ------------------------------------------------------------------ moves

  private void tick(long now) {
    if (now < lastNow) {
      throw new IllegalArgumentException(
          "time went backwards: " + now + " ms after " + lastNow + " ms");
    }
    lastNow = now;
  }

  private long backoffExpiry(QueuedPod<K> p) {
    return backoff.expiry(p.timestamp, p.attempts);
  }

  // requeuePodViaQueueingHint(queueAfterBackoff): backoffQ while backing off, else activeQ
  private void requeue(QueuedPod<K> p, long now) {
    if (backoffExpiry(p) > now) {
      toBackoff(p);
    } else {
      toActive(p, now);
    }
  }

  // addToActiveQ: the first entry stamps InitialAttemptTimestamp
  private void toActive(QueuedPod<K> p, long now) {
    if (p.initialAttempt < 0) {
      p.initialAttempt = now;
    }
    p.priority = priority.applyAsInt(p.pod);
    p.sequence = sequence++;
    p.queue = QueueName.ACTIVE;
    activeQ.add(p);
  }

  private void toBackoff(QueuedPod<K> p) {
    p.priority = priority.applyAsInt(p.pod);
    p.sequence = sequence++;
    p.backoffExpiry = backoffExpiry(p);
    p.queue = QueueName.BACKOFF;
    backoffQ.add(p);
  }

  private void detach(QueuedPod<K> p) {
    switch (p.queue) {
      case ACTIVE -> activeQ.remove(p);
      case BACKOFF -> backoffQ.remove(p);
      case UNSCHEDULABLE -> unschedulable.remove(p);
      default -> {}
    }
    p.queue = QueueName.ABSENT;
  }

  @Override
  public String toString() {
    return "SchedulingQueue[active "
        + activeQ.size()
        + ", backoff "
        + backoffQ.size()
        + ", unschedulable "
        + unschedulable.size()
        + ", in flight "
        + inFlightCount
        + ", cycle "
        + schedulingCycle
        + "]";
  }
}
