package io.platformsim.core.kusp;

import io.platformsim.core.workload.Resources;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster autoscaler ({@link ClusterAutoscaling}), scanning every {@code scanInterval}: with
 * unschedulable pods it packs them first-fit onto the nodes being provisioned, then onto new ones,
 * and requests that many nodes, up to {@code maxNodes} (kubernetes/autoscaler
 * {@code cluster-autoscaler/estimator/binpacking_estimator.go}, on CPU, memory and pod count
 * only); otherwise, {@code delayAfterAdd} after a scale-up, it drains one Ready node whose
 * requests stayed below the utilization threshold ({@code core/scaledown/eligibility/eligibility.go})
 * for {@code unneeded} ({@code core/scaledown/unneeded/nodes.go}) and whose application pods fit
 * first-fit on the other schedulable nodes. Simplified: no PodDisruptionBudgets, one node per scan.
 */
final class ClusterAutoscaler {
  private final Cluster c;
  private long lastScaleUp = Long.MIN_VALUE / 2;

  ClusterAutoscaler(Cluster c) {
    this.c = c;
  }

  /** Starts the scan loop (once, when the configuration has a cluster autoscaler). */
  void start() {
    c.sim.schedule(c.config.clusterAutoscaling().scanIntervalMillis(), this::scan);
  }

  private void scan() {
    ClusterAutoscaling ca = c.config.clusterAutoscaling();
    long now = c.sim.now();
    int live = 0;
    List<Node> upcoming = new ArrayList<>();
    for (Node n : c.nodes) {
      if (n.state != NodeState.GONE) {
        live++;
      }
      if (n.state == NodeState.PROVISIONING) {
        upcoming.add(n);
      }
    }
    // Scale up: pack the unschedulable pods first-fit onto upcoming nodes, then onto new ones.
    List<Pod> waiting = new ArrayList<>();
    for (Pod p : c.queue.unschedulable()) {
      if (!p.daemon() && p.request().fitsIn(c.config.allocatableForPods())) {
        waiting.add(p);
      }
    }
    if (!waiting.isEmpty()) {
      int add = Math.min(newNodesFor(waiting, upcoming.size()), ca.maxNodes() - live);
      for (int i = 0; i < add; i++) {
        c.nodeLifecycle.provisionNode();
      }
      if (add > 0) {
        lastScaleUp = now;
      }
    } else if (now - lastScaleUp >= ca.delayAfterAddMillis()) {
      // Scale down one node at a time: utilization = max(cpu, memory) requests ÷ allocatable.
      for (Node n : c.nodes) {
        if (n.state != NodeState.READY || !n.responsive) {
          continue;
        }
        double util = Math.max(n.requestedMilliCpu() / (double) c.allocatable.milliCpu(),
            n.requestedMemoryMib() / (double) c.allocatable.memoryMib());
        if (util >= ca.utilizationThreshold()) {
          n.unneededSince = -1;
          continue;
        }
        if (n.unneededSince < 0) {
          n.unneededSince = now;
        }
        if (now - n.unneededSince >= ca.unneededMillis() && live > ca.minNodes() && podsFitElsewhere(n)) {
          drain(n);
          break;
        }
      }
    }
    c.sim.schedule(ca.scanIntervalMillis(), this::scan);
  }

  /**
   * New nodes needed for {@code waiting}, packed first-fit onto {@code upcoming} empty nodes
   * first, each with the room a node has for pods (allocatable minus DaemonSets).
   */
  private int newNodesFor(List<Pod> waiting, int upcoming) {
    Resources forPods = c.config.allocatableForPods();
    int podSlots = c.config.nodeType().maxPods() - c.config.daemonSets().size();
    List<long[]> bins = new ArrayList<>();
    for (int i = 0; i < upcoming; i++) {
      bins.add(new long[] {forPods.milliCpu(), forPods.memoryMib(), podSlots});
    }
    int fresh = 0;
    for (Pod p : waiting) {
      if (!placeFirstFit(p.request(), bins)) {
        bins.add(new long[] {forPods.milliCpu() - p.request().milliCpu(), forPods.memoryMib() - p.request().memoryMib(),
            podSlots - 1});
        fresh++;
      }
    }
    return fresh;
  }

  /** Takes {@code request} from the first bin (free CPU, memory, pod slots) it fits; false if none. */
  private static boolean placeFirstFit(Resources request, List<long[]> bins) {
    for (long[] b : bins) {
      if (Cluster.fitsRequest(request, b[0], b[1], b[2])) {
        b[0] -= request.milliCpu();
        b[1] -= request.memoryMib();
        b[2]--;
        return true;
      }
    }
    return false;
  }

  /** Whether the application pods of {@code drained} fit first-fit on the other schedulable nodes. */
  private boolean podsFitElsewhere(Node drained) {
    List<long[]> free = new ArrayList<>();
    for (Node n : c.nodes) {
      if (n != drained && Cluster.schedulable(n)) {
        free.add(new long[] {c.freeCpu(n), c.freeMemory(n), c.freePods(n)});
      }
    }
    for (Pod p : drained.pods) {
      if (p.daemon()) {
        continue;
      }
      if (!placeFirstFit(p.request(), free)) {
        return false;
      }
    }
    return true;
  }

  /** Cordons {@code n} and deletes its application pods; the node goes when they are gone. */
  private void drain(Node n) {
    c.recorder.setNodeState(n, NodeState.DRAINING);
    c.nodeLifecycle.block(n);
    c.stranded.update(n);
    boolean any = false;
    for (Pod p : new ArrayList<>(n.pods)) {
      if (!p.daemon()) {
        any = true;
        c.kubelet.deletePod(p, PodPhase.SUCCEEDED);
      }
    }
    if (!any && n.state == NodeState.DRAINING) {
      c.nodeLifecycle.removeNode(n);
    }
  }

  @Override
  public String toString() {
    return "ClusterAutoscaler[last scale-up at " + (lastScaleUp < 0 ? "never" : lastScaleUp + " ms") + "]";
  }
}
