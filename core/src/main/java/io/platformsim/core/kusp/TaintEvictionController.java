package io.platformsim.core.kusp;

import io.platformsim.core.kusp.nodelifecycle.NoExecuteTolerations;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The taint eviction controller (k/k v1.31 {@code pkg/controller/tainteviction/taint_eviction.go}),
 * for the NoExecute taints the {@link NodeLifecycleController} puts on unresponsive nodes: when a
 * node is tainted ({@code handleNodeUpdate}), each pod on it gets its deletion time ({@code
 * processPodOnNode}): now if no toleration matches the taint, never if every matching one is
 * forever, else now + the smallest matching {@code tolerationSeconds} ({@link
 * NoExecuteTolerations#evictionDelayMillis}). A pod's tolerations are its Deployment template's
 * plus the {@code DefaultTolerationSeconds} admission's ({@code
 * --default-not-ready-toleration-seconds} and {@code --default-unreachable-toleration-seconds},
 * both {@link KuspConfig#notReadyTolerationMillis()} in whole seconds, 300 s by default); DaemonSet
 * pods tolerate both taints forever (k/k pkg/controller/daemon/util/daemonset_util.go {@code
 * AddOrUpdateDaemonPodTolerations}). When the taint comes off, the deletions not yet done are
 * cancelled. Pods due at the same time are deleted by one event, so a node costs one event per
 * distinct toleration, not one per pod.
 */
final class TaintEvictionController {
  private final Cluster c;

  TaintEvictionController(Cluster c) {
    this.c = c;
  }

  /**
   * {@code n} was tainted {@code taintKey}:NoExecute now ({@code n.taintedAt}): schedules its pods'
   * deletions and returns how many deletion batches are due.
   */
  int nodeTainted(Node n, String taintKey) {
    long now = c.sim.now();
    Map<Long, List<Pod>> byDelay = new TreeMap<>();
    for (Pod p : n.pods) {
      if (!p.daemon() && !p.terminating()) {
        long delay = evictionDelayMillis(p, taintKey);
        if (delay >= 0) {
          byDelay.computeIfAbsent(delay, d -> new ArrayList<>()).add(p);
        }
      }
    }
    for (Map.Entry<Long, List<Pod>> e : byDelay.entrySet()) {
      List<Pod> due = e.getValue();
      c.sim.scheduleAt(now + e.getKey(), () -> evict(n, now, due));
    }
    return byDelay.size();
  }

  /** How long {@code p} stays on a node tainted {@code taintKey}:NoExecute, in ms; -1 for never. */
  long evictionDelayMillis(Pod p, String taintKey) {
    Deployment d = Cluster.deploymentOf(p);
    if (p.daemon() || d == null) {
      return -1;
    }
    long seconds = c.config.notReadyTolerationMillis() / 1000;
    return NoExecuteTolerations.evictionDelayMillis(
        NoExecuteTolerations.admit(d.spec.tolerations(), seconds, seconds), taintKey);
  }

  /**
   * Deletes the pods of one batch still on {@code n}; nothing if the node is gone or the taint of
   * {@code taintedAt} came off since (the deletions were cancelled).
   */
  private void evict(Node n, long taintedAt, List<Pod> due) {
    if (n.state == NodeState.GONE || n.taintedAt != taintedAt) {
      return;
    }
    int count = 0;
    for (Pod p : due) {
      if (p.gone() || p.terminating() || p.node != n) {
        continue;
      }
      Deployment d = Cluster.deploymentOf(p);
      if (d != null) {
        if (d.evictedAt == null) {
          d.evictedAt = new ArrayDeque<>();
        }
        d.evictedAt.add(c.sim.now());
      }
      c.kubelet.deletePod(p, PodPhase.FAILED);
      count++;
    }
    c.nodeLifecycle.podsEvicted(n, count);
  }

  @Override
  public String toString() {
    return "TaintEvictionController[default toleration "
        + c.config.notReadyTolerationMillis() / 1000
        + " s]";
  }
}
