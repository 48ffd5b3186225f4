package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import io.platformsim.scheduler.queue.QueueName;
import org.junit.jupiter.api.Test;

/**
 * {@link Preemption} on hand-filled nodes (no DaemonSets, pods bound directly, nothing started, so
 * a victim is gone as soon as it is deleted and the preemptor binds to its nominated node): which
 * node it picks (k/k pkg/scheduler/framework/preemption/preemption.go {@code
 * pickOneNodeForPreemption}: lowest highest-victim priority, then smallest priority sum) and which
 * pods it reprieves (k/k pkg/scheduler/framework/plugins/defaultpreemption/ default_preemption.go
 * {@code SelectVictimsOnNode}: lower-priority pods are removed, then added back highest priority
 * first while the preemptor still fits), how PodDisruptionBudgets steer it
 * (pickOneNodeForPreemption's first criterion: fewest budget violations) and how the pods already
 * nominated count in the dry run (RunFilterPluginsWithNominatedPods).
 */
class PreemptionTest {

  private final Cluster c =
      new Cluster(
          new Simulation(), RandomStreams.of(5, 0), KuspConfig.builder().daemonSets().build());
  private final long cpu = c.config.allocatable().milliCpu();
  private int seq;

  private Node node() {
    Node n = c.nodeLifecycle.newNode(0);
    c.nodeLifecycle.join(n);
    return n;
  }

  private Pod pod(int priority, long milliCpu) {
    c.preemption.deploymentAdded(priority);
    return c.pods.create(
        "p-" + (++seq),
        "svc" + priority,
        1,
        false,
        ImageDescription.named("img:1"),
        Resources.of(milliCpu, 64),
        priority,
        false,
        null);
  }

  private Pod on(Node n, int priority, long milliCpu) {
    Pod p = pod(priority, milliCpu);
    c.scheduling.bind(p, n);
    return p;
  }

  @Test
  void theNodeWhoseHighestVictimHasTheLowestPriorityIsChosen() {
    Node a = node();
    Node b = node();
    Pod b1 = on(b, 5, cpu / 2);
    Pod b2 = on(b, 5, cpu / 2);
    Pod a1 = on(a, 0, cpu / 2);
    Pod a2 = on(a, 0, cpu / 2);
    Pod preemptor = pod(10, cpu / 2);
    assertTrue(c.preemption.preempt(preemptor));
    // The victims never started, so they are gone at once and the nominated preemptor binds.
    assertSame(a, preemptor.node);
    assertNull(preemptor.nominated());
    assertTrue(a.nominated.isEmpty());
    // One victim is enough on a; removing both and adding back the older one first, the newer goes.
    assertFalse(a1.terminating() || a1.gone());
    assertTrue(a2.gone());
    assertFalse(b1.terminating() || b2.terminating());
    assertEquals(1, c.preemption.count());
  }

  @Test
  void withEqualHighestVictimsTheSmallerPrioritySumWins() {
    Node a = node();
    Node b = node();
    on(a, 3, cpu / 2);
    on(a, 3, cpu / 2);
    Pod b1 = on(b, 3, cpu / 2);
    Pod b2 = on(b, 0, cpu / 2);
    Pod preemptor = pod(10, cpu);
    assertTrue(c.preemption.preempt(preemptor));
    assertSame(b, preemptor.node);
    assertTrue(b1.gone() && b2.gone());
    assertEquals(2, c.preemption.count());
  }

  @Test
  void higherPriorityLowerPodsAreReprievedFirstWhileThePreemptorStillFits() {
    Node a = node();
    Pod keep = on(a, 1, cpu / 2);
    Pod v1 = on(a, 0, cpu / 4);
    Pod v2 = on(a, 0, cpu / 4);
    Pod preemptor = pod(10, cpu / 2);
    assertTrue(c.preemption.preempt(preemptor));
    assertFalse(keep.terminating());
    assertTrue(v1.gone() && v2.gone());
  }

  @Test
  void noPreemptionWithoutLowerPriorityPodsOrWhenEvictingAllWouldNotHelp() {
    Node a = node();
    on(a, 10, cpu);
    Pod equal = pod(10, 100);
    assertFalse(c.preemption.preempt(equal));
    assertNull(equal.nominated());
    Node b = node();
    on(b, 0, cpu / 2);
    on(b, 20, cpu / 2);
    // b's only lower pod frees half a node; the preemptor needs all of it.
    Pod big = pod(10, cpu);
    assertFalse(c.preemption.preempt(big));
    assertEquals(0, c.preemption.count());
  }

  // A Deployment of one ReplicaSet with pods requesting a whole node, registered on the cluster.
  private Deployment deployment(String name, int priority, int replicas, PodDisruptionBudget pdb) {
    Service s = Service.builder(name).instances(replicas).request(Resources.of(cpu, 64)).build();
    Deployment d =
        new Deployment(
            s, DeploymentSpec.builder().priority(priority).disruptionBudget(pdb).build());
    ReplicaSet rs = new ReplicaSet(d, 1, "1", s.image(), 0.0, 0);
    d.sets.add(rs);
    d.current = rs;
    c.deployments.put(name, d);
    c.preemption.deploymentAdded(priority);
    return d;
  }

  // A Ready pod of d bound to n.
  private Pod readyPod(Deployment d, Node n) {
    ReplicaSet rs = d.current;
    Pod p =
        c.pods.create(
            rs.podName(++rs.podCounter),
            d.service.name(),
            1,
            false,
            rs.image,
            d.service.request(),
            d.spec.priority(),
            false,
            d);
    p.owner = rs;
    rs.pods.add(p);
    c.scheduling.bind(p, n);
    p.setReady(true);
    return p;
  }

  @Test
  void withoutBudgetsTheNodeOfTheLatestBoundVictimIsChosen() {
    // Control for the next test: two nodes, each full with one priority-0 pod; every criterion
    // ties but the last, the node whose victim started last (pickOneNodeForPreemption), so b.
    Node a = node();
    Node b = node();
    Pod spare = readyPod(deployment("spare", 0, 1, null), a);
    Pod guarded = readyPod(deployment("guarded", 0, 1, null), b);
    Pod preemptor = pod(10, cpu);
    assertTrue(c.preemption.preempt(preemptor));
    assertSame(b, preemptor.node);
    assertTrue(guarded.gone());
    assertFalse(spare.terminating());
  }

  @Test
  void thePodWhoseBudgetStillAllowsADisruptionIsPreemptedRatherThanOneWhoseBudgetDoesNot() {
    // Same cluster with budgets (disruption.go): guarded, minAvailable 1 of 1 Ready pod:
    // desiredHealthy 1, disruptionsAllowed 1 − 1 = 0; spare, maxUnavailable 1 of scale 1:
    // desiredHealthy 0, disruptionsAllowed 1 − 0 = 1. Evicting guarded's pod would violate its
    // budget, spare's would not: the node with fewer violations, a, wins.
    Node a = node();
    Node b = node();
    Pod spare = readyPod(deployment("spare", 0, 1, PodDisruptionBudget.maxUnavailable("1")), a);
    Pod guarded = readyPod(deployment("guarded", 0, 1, PodDisruptionBudget.minAvailable("1")), b);
    Pod preemptor = pod(10, cpu);
    assertTrue(c.preemption.preempt(preemptor));
    assertSame(a, preemptor.node);
    assertTrue(spare.gone());
    assertFalse(guarded.terminating());
    assertEquals(1, c.preemption.count());
  }

  @Test
  void aBudgetIsViolatedWhenNoOtherNodeCanHelp() {
    // Budgets are best effort (SelectVictimsOnNode): with guarded's the only node, its pod goes.
    Node b = node();
    Pod guarded = readyPod(deployment("guarded", 0, 1, PodDisruptionBudget.minAvailable("1")), b);
    Pod preemptor = pod(10, cpu);
    assertTrue(c.preemption.preempt(preemptor));
    assertSame(b, preemptor.node);
    assertTrue(guarded.gone());
  }

  @Test
  void aPodNominatedToANodeKeepsItsRoomFromAPreemptorOfNoHigherPriority() {
    // a's and b's pods are running, so a victim terminates gracefully (an event, not at once) and
    // the first preemptor waits nominated to a (a's victim was bound last, see above). The second,
    // of the same priority, counts the first as bound to a (RunFilterPluginsWithNominatedPods):
    // evicting a's pod would not make room for both, so it goes to b.
    Node a = node();
    Node b = node();
    Pod b1 = on(b, 0, cpu);
    Pod a1 = on(a, 0, cpu);
    a1.containerState(ContainerState.RUNNING);
    b1.containerState(ContainerState.RUNNING);
    Pod first = pod(10, cpu);
    assertTrue(c.preemption.preempt(first));
    assertSame(a, first.nominated());
    assertTrue(a1.terminating());
    Pod second = pod(10, cpu);
    assertTrue(c.preemption.preempt(second));
    assertSame(b, second.nominated());
    assertTrue(b1.terminating());
    assertEquals(2, c.preemption.count());
  }

  @Test
  void aHigherPriorityPreemptorTakesTheNodeOfALowerNominatedPodWhichIsQueuedAgain() {
    // prepareCandidate: pods of lower priority nominated to the chosen node lose the nomination.
    // Only a can help the 20: b's pod is of priority 30.
    Node a = node();
    Node b = node();
    on(b, 30, cpu);
    Pod a1 = on(a, 0, cpu);
    a1.containerState(ContainerState.RUNNING);
    Pod low = pod(10, cpu);
    assertTrue(c.preemption.preempt(low));
    assertSame(a, low.nominated());
    Pod high = pod(20, cpu);
    assertTrue(c.preemption.preempt(high));
    assertSame(a, high.nominated());
    assertNull(low.nominated());
    // back in the queue, where the idle scheduling cycle took it at once
    assertEquals(QueueName.IN_FLIGHT, c.queue.info(low).queue());
    // a1 was already terminating: no second deletion counted
    assertEquals(1, c.preemption.count());
  }
}
