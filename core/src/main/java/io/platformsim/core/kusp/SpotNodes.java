package io.platformsim.core.kusp;

import io.platformsim.core.platform.CommonStreams;
import io.platformsim.core.platform.Pricing;
import java.util.ArrayList;

/**
 * Which nodes are spot and what happens when EC2 takes one back ({@link Pricing}). A requested node
 * is spot when the spot nodes not gone are below the cluster's share. A spot node gets its time to
 * interruption when it is requested, from the shared {@link CommonStreams#spotLifetimeMillis} (the
 * k-th spot node bought gets the k-th draw, as LeSP's k-th spot machine does), and it runs from the
 * join (memoryless, so counting from the join rather than the request changes nothing but the
 * minutes of provisioning).
 *
 * <p>At the interruption notice the AWS Node Termination Handler cordons the node and drains it
 * (aws/aws-node-termination-handler README: on a spot interruption notice it "begins a multi-step
 * cordon and drain process for the node"): here the node is cordoned in the scheduler's table and
 * its application pods deleted as the cluster autoscaler's drain deletes them, so their ReplicaSets
 * create replacements elsewhere; DaemonSet pods stay. Two minutes later ({@link
 * Pricing#SPOT_NOTICE_MILLIS}, AWS EC2 user guide "Spot Instance interruption notices") the
 * instance is gone: the node is removed with whatever still runs on it, and its node group requests
 * a replacement instance, as for a node emptied after a crash. A node that crashed, is gone, or is
 * being drained or removed by then is left alone.
 */
final class SpotNodes {
  private final Cluster c;
  private final Pricing pricing;
  private final CommonStreams common;
  private int live;
  private int liveSpot;
  private int interruptions;

  SpotNodes(Cluster c, Pricing pricing, CommonStreams common) {
    this.c = c;
    this.pricing = pricing;
    this.common = common;
  }

  /** {@code n} was requested: decides whether it is spot. */
  void requested(Node n) {
    n.spot = c.recorder.pricing().launchesSpot(live, liveSpot);
    live++;
    if (n.spot) {
      liveSpot++;
      if (pricing.interrupts()) {
        n.spotLifeMillis = common.spotLifetimeMillis(pricing);
      }
    }
  }

  /** {@code n} is gone. */
  void gone(Node n) {
    live--;
    if (n.spot) {
      liveSpot--;
    }
  }

  /** {@code n} joined: a spot node's interruption notice is scheduled. */
  void joined(Node n) {
    if (n.spotLifeMillis >= 0) {
      c.sim.schedule(n.spotLifeMillis, () -> notice(n));
    }
  }

  /** The two-minute notice: cordon and drain, then the instance goes. */
  private void notice(Node n) {
    // READY: not provisioning, gone or being drained by the cluster autoscaler already
    if (!NodeFailures.running(n) || n.removing || n.state != NodeState.READY) {
      return;
    }
    interruptions++;
    c.nodeLifecycle.block(n);
    c.stranded.update(n);
    for (Pod p : new ArrayList<>(n.pods)) {
      if (!p.daemon() && !p.terminating() && !p.gone()) {
        c.kubelet.deletePod(p, PodPhase.SUCCEEDED);
      }
    }
    c.sim.schedule(Pricing.SPOT_NOTICE_MILLIS, () -> reclaimed(n));
  }

  /**
   * EC2 takes the instance back; its node group (pool) replaces it, unless the cluster autoscaler
   * began draining it during the notice (it meant to shrink the group anyway).
   */
  private void reclaimed(Node n) {
    if (n.state == NodeState.GONE || n.removing) {
      return;
    }
    boolean replace = n.state != NodeState.DRAINING;
    c.nodeLifecycle.removeNode(n);
    if (replace) {
      c.nodeLifecycle.provisionNode(n.poolIndex); // its own pool replaces it
    }
  }

  /** Spot nodes given an interruption notice so far. */
  int interruptions() {
    return interruptions;
  }

  @Override
  public String toString() {
    return "SpotNodes["
        + liveSpot
        + " of "
        + live
        + " nodes spot, "
        + interruptions
        + " interrupted]";
  }
}
