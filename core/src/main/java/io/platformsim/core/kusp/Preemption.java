package io.platformsim.core.kusp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * DefaultPreemption on resources only (k/k pkg/scheduler/framework/preemption/preemption.go,
 * simplified, because the {@code scheduler} module does not offer preemption): a schedulable node
 * is a candidate if evicting all its lower-priority pods would make the pod fit on CPU, memory
 * and pod count; victims are then reprieved highest priority first while the pod still fits
 * (k/k pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go
 * {@code SelectVictimsOnNode}); the node with the lowest highest-victim priority, then the
 * smallest priority sum, then the fewest victims, then the first, wins (k/k preemption.go
 * {@code pickOneNodeForPreemption}). Victims get their graceful termination; the preemptor is
 * nominated to the node and binds there when they are gone. No PodDisruptionBudgets, no affinity
 * re-check.
 */
final class Preemption {
  private final Cluster c;
  // Deployments are never removed, so the lowest priority only falls: preempt() checks it in O(1).
  private int minDeploymentPriority = Integer.MAX_VALUE;
  private int preemptions;

  Preemption(Cluster c) {
    this.c = c;
  }

  /** A Deployment with pods of {@code priority} was added. */
  void deploymentAdded(int priority) {
    minDeploymentPriority = Math.min(minDeploymentPriority, priority);
  }

  /** Pods deleted as preemption victims so far. */
  int count() {
    return preemptions;
  }

  /**
   * Chooses a node and victims for {@code p}, nominates {@code p} to the node and deletes the
   * victims.
   *
   * @return whether victims were chosen
   */
  boolean preempt(Pod p) {
    if (minDeploymentPriority >= p.priority()) {
      return false;
    }
    Node best = null;
    List<Pod> bestVictims = null;
    long bestHigh = Long.MAX_VALUE;
    long bestSum = Long.MAX_VALUE;
    for (Node n : c.nodes) {
      if (!Cluster.schedulable(n)) {
        continue;
      }
      List<Pod> lower = new ArrayList<>();
      for (Pod q : n.pods) {
        if (q.terminating()) {
          // Already going: its resources come back without another victim.
          continue;
        }
        if (q.priority() < p.priority() && !q.daemon()) {
          lower.add(q);
        }
      }
      long cpu = c.freeCpu(n);
      long mem = c.freeMemory(n);
      long cnt = c.freePods(n);
      for (Pod q : lower) {
        cpu += q.request().milliCpu();
        mem += q.request().memoryMib();
        cnt++;
      }
      if (lower.isEmpty() || !Cluster.fitsRequest(p.request(), cpu, mem, cnt)) {
        continue;
      }
      lower.sort(Comparator.comparingInt((Pod q) -> -q.priority()).thenComparingLong(q -> q.seq));
      List<Pod> victims = new ArrayList<>();
      for (Pod q : lower) {
        long c2 = cpu - q.request().milliCpu();
        long m2 = mem - q.request().memoryMib();
        if (Cluster.fitsRequest(p.request(), c2, m2, cnt - 1)) {
          cpu = c2;
          mem = m2;
          cnt--;
        } else {
          victims.add(q);
        }
      }
      long high = Long.MIN_VALUE;
      long sum = 0;
      for (Pod q : victims) {
        high = Math.max(high, q.priority());
        sum += (long) q.priority() + (1L << 31);
      }
      if (best == null || high < bestHigh || (high == bestHigh && (sum < bestSum
          || (sum == bestSum && victims.size() < bestVictims.size())))) {
        best = n;
        bestVictims = victims;
        bestHigh = high;
        bestSum = sum;
      }
    }
    if (best == null || bestVictims.isEmpty()) {
      return false;
    }
    // nominatedNodeName: the preemptor binds there as soon as the victims are gone, before any
    // lower-priority pod can take the space (schedule_one.go / preemption.go).
    p.nominated(best);
    best.nominated.add(p);
    for (Pod v : bestVictims) {
      preemptions++;
      c.kubelet.deletePod(v, PodPhase.FAILED);
    }
    return true;
  }

  @Override
  public String toString() {
    return "Preemption[" + preemptions + " victims so far]";
  }
}
