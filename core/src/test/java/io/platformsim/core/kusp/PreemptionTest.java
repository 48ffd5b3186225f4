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
import org.junit.jupiter.api.Test;

/**
 * {@link Preemption} on hand-filled nodes (no DaemonSets, pods bound directly, nothing started,
 * so a victim is gone as soon as it is deleted and the preemptor binds to its nominated node):
 * which node it picks (k/k pkg/scheduler/framework/preemption/preemption.go
 * {@code pickOneNodeForPreemption}: lowest highest-victim priority, then smallest priority sum)
 * and which pods it reprieves (k/k pkg/scheduler/framework/plugins/defaultpreemption/
 * default_preemption.go {@code SelectVictimsOnNode}: lower-priority pods are removed, then added
 * back highest priority first while the preemptor still fits).
 */
class PreemptionTest {

  private final Cluster c = new Cluster(new Simulation(), RandomStreams.of(5, 0),
      KuspConfig.builder().daemonSets().build());
  private final long cpu = c.allocatable.milliCpu();
  private int seq;

  private Node node() {
    Node n = c.nodeLifecycle.newNode();
    c.nodeLifecycle.join(n);
    return n;
  }

  private Pod pod(int priority, long milliCpu) {
    c.preemption.deploymentAdded(priority);
    return c.pods.create("p-" + (++seq), "svc" + priority, 1, false, ImageDescription.named("img:1"),
        Resources.of(milliCpu, 64), priority, false, null);
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
}
