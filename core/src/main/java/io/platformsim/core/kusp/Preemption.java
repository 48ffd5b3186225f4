package io.platformsim.core.kusp;

import io.platformsim.scheduler.placement.Policies;
import io.platformsim.scheduler.pod.LabelSelector;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.preemption.DisruptionBudget;
import io.platformsim.scheduler.preemption.PreemptionPlan;
import io.platformsim.scheduler.preemption.Preemptor;
import java.util.ArrayList;
import java.util.List;

/**
 * PostFilter for a pod that fits no node: the {@code scheduler} module's {@link Preemptor}
 * (DefaultPreemption, k/k pkg/scheduler/framework/preemption/preemption.go and
 * pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go, v1.31: every filter of
 * the scheduler's profile re-checked with the lower-priority pods removed, victims reprieved
 * highest priority first with PodDisruptionBudget violations minimised, {@code
 * pickOneNodeForPreemption} order), and what the scheduler does around it ({@code
 * Evaluator.prepareCandidate}): lower-priority pods nominated to the chosen node lose their
 * nomination and are queued again, the victims are deleted with their graceful termination, and the
 * pod is nominated to the node ({@code status.nominatedNodeName}) and binds there as soon as its
 * request fits what is free.
 *
 * <p>As {@code RunFilterPluginsWithNominatedPods} does, the dry run counts the pods nominated with
 * at least the preemptor's priority as if bound to their nodes. Budgets come from each Deployment's
 * {@link PodDisruptionBudget} (selector {@code app=<service>}), computed at the attempt.
 * Simplifications: a nominated pod waits on its node rather than in the queue (upstream retries it
 * there, trying the nominated node first), so {@code PodEligibleToPreemptOthers} never finds it
 * preempting again; the bind checks resources only; the scheduling cycle itself does not reserve
 * room for nominated pods.
 *
 * <p>Cost: nothing when no Deployment has a priority below the pod's (DaemonSet pods are
 * system-node-critical, above every user priority), checked in O(1); otherwise one dry run per node
 * until {@link Preemptor#numCandidates} candidates are found.
 */
final class Preemption {
  private final Cluster c;
  private final Preemptor preemptor;
  // Deployments are never removed, so the lowest priority only falls: preempt() checks it in O(1).
  private int minDeploymentPriority = Integer.MAX_VALUE;
  private int preemptions;

  Preemption(Cluster c) {
    this.c = c;
    this.preemptor = new Preemptor(c.table, Policies.profile(c.config.schedulerProfile()));
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
   * Plans preemption for the unbound {@code p}; if a node is found, nominates {@code p} to it and
   * deletes the victims.
   *
   * @return whether {@code p} was nominated (it may already be bound, if its victims were gone at
   *     once)
   */
  boolean preempt(Pod p) {
    if (minDeploymentPriority >= p.priority()) {
      return false;
    }
    List<Pod> reserved = reserveNominated(p);
    PreemptionPlan plan;
    try {
      plan = preemptor.plan(p.spec, budgets());
    } finally {
      for (Pod q : reserved) {
        c.table.unbind(q.id());
      }
    }
    if (!plan.isPossible()) {
      return false;
    }
    Node n = c.nodesByIndex.get(plan.node());
    if (!Cluster.schedulable(n)) {
      // the table's filters passed a node that is not Ready (NotReady not yet reflected there)
      return false;
    }
    List<Pod> victims = new ArrayList<>(plan.victims().size());
    for (PodSpec v : plan.victims()) {
      victims.add(podOn(n, v));
    }
    // prepareCandidate: lower-priority pods nominated to the node may no longer fit there
    for (Pod q : new ArrayList<>(n.nominated)) {
      if (q.priority() < p.priority()) {
        n.nominated.remove(q);
        q.nominated(null);
        c.queue.enqueue(q);
      }
    }
    p.nominated(n);
    n.nominated.add(p);
    for (Pod v : victims) {
      if (!v.terminating()) {
        preemptions++;
        c.kubelet.deletePod(v, PodPhase.FAILED);
      }
    }
    // victims that never started are gone already; those terminating bind p when they finish
    c.scheduling.bindNominated(n);
    return true;
  }

  // The pods nominated with at least p's priority, bound for the dry run to their (schedulable)
  // nodes.
  private List<Pod> reserveNominated(Pod p) {
    List<Pod> reserved = new ArrayList<>();
    for (Node n : c.nodes) {
      if (n.nominated.isEmpty() || !Cluster.schedulable(n)) {
        continue;
      }
      for (Pod q : n.nominated) {
        if (q.priority() >= p.priority() && !q.gone() && !q.terminating()) {
          c.table.bind(q.spec, n.index);
          reserved.add(q);
        }
      }
    }
    return reserved;
  }

  // status.disruptionsAllowed of each Deployment's budget now (k/k
  // pkg/controller/disruption/disruption.go)
  private List<DisruptionBudget> budgets() {
    List<DisruptionBudget> out = new ArrayList<>();
    for (Deployment d : c.deployments.values()) {
      PodDisruptionBudget pdb = d.spec.disruptionBudget();
      if (pdb == null) {
        continue;
      }
      int matching = 0;
      int healthy = 0;
      for (ReplicaSet rs : d.sets) {
        // rs.pods holds the pods not being deleted; the terminating ones still match the selector
        matching += rs.pods.size() + rs.terminating;
        for (Pod q : rs.pods) {
          if (q.ready()) {
            healthy++;
          }
        }
      }
      String service = d.service.name();
      out.add(
          new DisruptionBudget(
              service,
              LabelSelector.matchLabels("app", service),
              pdb.disruptionsAllowed(d.replicas, matching, healthy)));
    }
    return out;
  }

  private static Pod podOn(Node n, PodSpec spec) {
    for (Pod q : n.pods) {
      if (q.spec == spec) {
        return q;
      }
    }
    throw new IllegalStateException("preemption victim " + spec.id() + " is not on " + n.name);
  }

  @Override
  public String toString() {
    return "Preemption[" + preemptions + " victims so far]";
  }
}
