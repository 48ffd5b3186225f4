package io.platformsim.core.kusp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The scheduler's queue (k/k pkg/scheduler/internal/queue/scheduling_queue.go): the active queue
 * in PrioritySort order (higher priority first, then arrival: k/k
 * pkg/scheduler/framework/plugins/queuesort/priority_sort.go {@code Less}) and the unschedulable
 * pods, moved back to the active queue on cluster events only (a node joined, a pod went away),
 * never on a timer. Each enqueue wakes the {@link SchedulingCycle}.
 */
final class SchedulingQueue {
  private final Cluster c;
  private final TreeSet<Pod> activeQueue = new TreeSet<>(
      Comparator.comparingInt((Pod p) -> -p.priority()).thenComparingLong(p -> p.queueSeq()));
  private final Map<String, Pod> unschedulable = new LinkedHashMap<>();
  // The unschedulable pods constrained by resources alone, by CPU request: a removal looks only
  // at those whose CPU fits what it freed (retryAfterRemoval).
  private final TreeSet<Pod> waitingByCpu = new TreeSet<>(
      Comparator.comparingLong((Pod p) -> p.request().milliCpu()).thenComparingLong(p -> p.seq));
  private long queueSeq;

  SchedulingQueue(Cluster c) {
    this.c = c;
  }

  /** Adds {@code p} to the active queue, behind the pods of its priority queued before it. */
  void enqueue(Pod p) {
    p.queueSeq(++queueSeq);
    p.setInQueue(true);
    activeQueue.add(p);
    c.scheduling.kick();
  }

  /** The first pod of the active queue, taken out of it, or null when it is empty. */
  Pod pop() {
    Pod p = activeQueue.pollFirst();
    if (p != null) {
      p.setInQueue(false);
    }
    return p;
  }

  boolean isEmpty() {
    return activeQueue.isEmpty();
  }

  /** Takes {@code p} out of the active queue if it is there. */
  void dequeue(Pod p) {
    if (p.inQueue()) {
      activeQueue.remove(p);
      p.setInQueue(false);
    }
  }

  /** The unschedulable pods, in the order they were parked (a live view). */
  Collection<Pod> unschedulable() {
    return unschedulable.values();
  }

  /** Parks {@code p} among the unschedulable pods until a cluster event may help it. */
  void park(Pod p) {
    unschedulable.put(p.id(), p);
    if (!constrained(p)) {
      waitingByCpu.add(p);
    }
  }

  /** Takes {@code p} out of the unschedulable pods if it is there. */
  void unpark(Pod p) {
    if (unschedulable.remove(p.id()) != null && !constrained(p)) {
      waitingByCpu.remove(p);
    }
  }

  private static boolean constrained(Pod p) {
    return !p.spec.antiAffinity().isEmpty() || !p.spec.spreadConstraints().isEmpty();
  }

  /** Moves every unschedulable pod back to the active queue: the cluster changed (a node joined). */
  void retryUnschedulable() {
    if (unschedulable.isEmpty()) {
      return;
    }
    List<Pod> waiting = new ArrayList<>(unschedulable.values());
    unschedulable.clear();
    waitingByCpu.clear();
    for (Pod p : waiting) {
      enqueue(p);
    }
  }

  /**
   * A pod left {@code n}: moves back only the unschedulable pods this could help, like the
   * NodeResourcesFit queueing hint (k/k pkg/scheduler/framework/plugins/noderesources/fit.go
   * isSchedulableAfterPodEvent): pods whose request fits what is now free on {@code n}, and pods
   * with spread or anti-affinity constraints, which a removal elsewhere can also unblock.
   *
   * <p>Unlike upstream, which moves every pod the hint admits and lets all but the first fail
   * again (its backoff of 1 s to 10 s then bounds the retries), the pods admitted on resources
   * alone are offered {@code n}'s free space in queue order and moved only while it lasts. The
   * others could not fit anywhere at their last attempt and this removal freed room for none of
   * them, so the outcome is the one upstream reaches, without a failed cycle (O(nodes) each) per
   * pod per removal, which made a large release quadratic in the fleet.
   */
  void retryAfterRemoval(Node n) {
    if (unschedulable.isEmpty()) {
      return;
    }
    long freeCpu = c.freeCpu(n);
    long freeMem = c.freeMemory(n);
    long freePods = c.freePods(n);
    List<Pod> helped = new ArrayList<>();
    if (waitingByCpu.size() < unschedulable.size()) {
      for (Pod p : unschedulable.values()) {
        if (constrained(p)) {
          helped.add(p);
        }
      }
    }
    if (Cluster.schedulable(n) && freePods > 0 && !waitingByCpu.isEmpty()
        && waitingByCpu.first().request().milliCpu() <= freeCpu) {
      List<Pod> fitting = new ArrayList<>();
      for (Pod p : waitingByCpu) {
        if (p.request().milliCpu() > freeCpu) {
          break;
        }
        if (p.request().memoryMib() <= freeMem) {
          fitting.add(p);
        }
      }
      fitting.sort(activeQueue.comparator());
      for (Pod p : fitting) {
        if (Cluster.fitsRequest(p.request(), freeCpu, freeMem, freePods)) {
          helped.add(p);
          freeCpu -= p.request().milliCpu();
          freeMem -= p.request().memoryMib();
          freePods--;
        }
      }
    }
    for (Pod p : helped) {
      unpark(p);
      enqueue(p);
    }
  }

  /** Pending pods with the scheduler's last message, by pod name: the parked ones and queued ones that failed before. */
  TreeMap<String, String> unschedulableMessages() {
    TreeMap<String, String> out = new TreeMap<>();
    for (Pod p : unschedulable.values()) {
      out.put(p.id(), p.unschedulableMessage());
    }
    for (Pod p : activeQueue) {
      if (p.unschedulableMessage() != null) {
        out.put(p.id(), p.unschedulableMessage());
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "SchedulingQueue[" + activeQueue.size() + " active, " + unschedulable.size() + " unschedulable]";
  }
}
