package io.platformsim.core.kusp;

import io.platformsim.core.engine.DurationSampler;
import io.platformsim.scheduler.placement.FastScheduler;
import io.platformsim.scheduler.placement.Placement;
import io.platformsim.scheduler.placement.Policies;
import io.platformsim.scheduler.placement.Scheduler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.TreeMap;

/**
 * The scheduling cycle (k/k pkg/scheduler/schedule_one.go {@code scheduleOne}): one pod at a time
 * is popped from the {@link SchedulingQueue}'s activeQ, the cycle takes the configured latency and
 * asks the {@code scheduler} module's {@link FastScheduler}. A placed pod leaves the queue ({@code
 * Done}), is bound and handed to the kubelet. An unplaced one records the scheduler's reasons and
 * runs PostFilter, {@link Preemption}: if it is nominated to a node it leaves the queue and waits
 * there; otherwise it goes back through the failure handler ({@code AddUnschedulableIfNotPresent}
 * with the cycle it was popped in), to unschedulablePods or, if a cluster event came meanwhile,
 * podBackoffQ. Nominated pods bind when their node has room for their request (resources only, not
 * the other filters). A pod deleted while in flight leaves the queue when its cycle ends.
 */
final class SchedulingCycle {
  private final Cluster c;
  private final Scheduler scheduler;
  private final DurationSampler latency;
  private final TreeMap<String, Integer> unschedulableReasons = new TreeMap<>();
  private boolean busy;
  private int everUnschedulable;

  SchedulingCycle(Cluster c, long schedulerSeed, DurationSampler latency) {
    this.c = c;
    this.scheduler =
        new FastScheduler(
            c.table,
            Policies.profile(c.config.schedulerProfile()),
            c.config.nodeSampling(),
            schedulerSeed);
    this.latency = latency;
  }

  /** Starts a cycle for the first pod of activeQ unless one is running. */
  void kick() {
    if (busy) {
      return;
    }
    Pod p = c.queue.pop();
    if (p == null) {
      return;
    }
    long cycle = c.queue.schedulingCycle();
    busy = true;
    c.sim.schedule(latency.next(), () -> scheduleOne(p, cycle));
  }

  private void scheduleOne(Pod p, long cycle) {
    busy = false;
    if (p.terminating() || p.gone()) {
      c.queue.done(p);
    } else {
      Placement placement = scheduler.place(p.spec);
      if (placement.isScheduled()) {
        c.queue.done(p);
        Node n = c.nodesByIndex.get(placement.node());
        p.unschedulableMessage(null);
        bind(p, n);
        c.kubelet.startPod(p);
      } else {
        if (p.unschedulableMessage() == null) {
          everUnschedulable++;
        }
        p.unschedulableMessage(placement.message());
        p.waitingReason = "Unschedulable";
        placement.reasons().forEach((r, n) -> unschedulableReasons.merge(r, 1, Integer::sum));
        // PostFilter (DefaultPreemption); a nominated pod waits on its node, not in the queue
        if (c.preemption.preempt(p)) {
          c.queue.done(p);
        } else {
          c.queue.failed(p, cycle);
        }
      }
    }
    kick();
  }

  /**
   * Binds {@code p} to {@code n}: in the scheduler's table (the ledger of requests) and on the
   * node.
   */
  void bind(Pod p, Node n) {
    c.table.bind(p.spec, n.index);
    p.node = n;
    p.scheduledAt(c.sim.now());
    n.pods.add(p);
    n.unneededSince = -1;
    if (!p.daemon()) {
      c.recorder.allocated(p, 1);
    }
    c.stranded.update(n);
  }

  /** Binds the pods nominated to {@code n} by preemption that fit now, highest priority first. */
  void bindNominated(Node n) {
    if (n.nominated.isEmpty()) {
      return;
    }
    n.nominated.sort(
        Comparator.comparingInt((Pod q) -> -q.priority()).thenComparingLong(q -> q.seq));
    for (Pod q : new ArrayList<>(n.nominated)) {
      if (q.gone() || q.terminating()) {
        n.nominated.remove(q);
        continue;
      }
      if (!Cluster.schedulable(n)) {
        // The node went away: schedule the pod afresh.
        n.nominated.remove(q);
        q.nominated(null);
        c.queue.enqueue(q);
        continue;
      }
      if (c.fitsFree(q.request(), n)) {
        n.nominated.remove(q);
        q.nominated(null);
        q.unschedulableMessage(null);
        bind(q, n);
        c.kubelet.startPod(q);
      }
    }
  }

  /** Scheduler failure reasons, each counted once per failed cycle that gave it (a live view). */
  TreeMap<String, Integer> unschedulableReasons() {
    return unschedulableReasons;
  }

  /** Pods that failed a scheduling cycle at least once. */
  int everUnschedulable() {
    return everUnschedulable;
  }

  @Override
  public String toString() {
    return "SchedulingCycle["
        + (busy ? "busy" : "idle")
        + ", "
        + everUnschedulable
        + " pods ever unschedulable]";
  }
}
