package io.platformsim.core.kusp;

import io.platformsim.identity.PodCredentials;
import io.platformsim.identity.ipam.ExhaustionReason;
import java.util.ArrayList;
import java.util.List;

/**
 * A pod's identity as its kubelet obtains it from the cluster's identity layer: an address (the
 * CNI's ADD at sandbox creation), a certificate and a service-account token (mounted volumes),
 * renewed while the pod lives if the configuration says so, and returned when it goes. A pod
 * without an address waits (FailedCreatePodSandBox) until one is released on its node or, for a
 * full subnet, anywhere. DaemonSet pods use the host network and the node's identity.
 */
final class PodIdentity {
  private final Cluster c;
  private final List<Pod> awaitingAddress = new ArrayList<>();
  private int podsEverWithoutAddress;
  private int podsDelayedByCredentials;

  PodIdentity(Cluster c) {
    this.c = c;
  }

  /**
   * Gives {@code p} its address and credentials unless it has them (or is a DaemonSet pod); returns
   * whether it may go on to pull and start. The container cannot start before both credentials are
   * issued: a saturated authority delays it (the pod's credentials-ready time).
   */
  boolean admit(Pod p) {
    Node n = p.node;
    if (p.daemon() || p.hasIdentity()) {
      return true;
    }
    if (!n.addressed) {
      awaitAddress(p, "node has no pod addresses");
      return false;
    }
    PodCredentials cred = c.identity.podStarting(n.name, p.id(), p.service(), c.sim.now());
    if (!cred.isGranted()) {
      awaitAddress(p, String.valueOf(cred.address().reason()));
      return false;
    }
    p.setHasIdentity(true);
    p.credentialsReadyAt(cred.readyAtMillis());
    if (p.credentialsReadyAt() > c.sim.now()) {
      podsDelayedByCredentials++;
    }
    if (c.config.identity().renewCredentials()) {
      p.certificateRenewal(
          c.sim.scheduleAt(cred.certificate().renewAtMillis(), () -> renewCertificate(p)));
      p.tokenRenewal(c.sim.scheduleAt(cred.token().renewAtMillis(), () -> renewToken(p)));
    }
    return true;
  }

  private void renewCertificate(Pod p) {
    p.certificateRenewal(-1);
    if (p.hasIdentity()) {
      long at = c.identity.renewCertificate(p.id(), c.sim.now()).renewAtMillis();
      p.certificateRenewal(c.sim.scheduleAt(at, () -> renewCertificate(p)));
    }
  }

  private void renewToken(Pod p) {
    p.tokenRenewal(-1);
    if (p.hasIdentity()) {
      long at = c.identity.renewToken(p.id(), c.sim.now()).renewAtMillis();
      p.tokenRenewal(c.sim.scheduleAt(at, () -> renewToken(p)));
    }
  }

  private void awaitAddress(Pod p, String reason) {
    // Upstream's event: FailedCreatePodSandBox "failed to assign an IP address to container".
    p.waitingReason = "FailedCreatePodSandBox: " + reason;
    if (!p.awaitingAddress()) {
      p.setAwaitingAddress(true);
      awaitingAddress.add(p);
    }
    if (!p.everAwaitedAddress()) {
      p.setEverAwaitedAddress(true);
      podsEverWithoutAddress++;
    }
  }

  /** Returns the pod's address and credentials; true if it held any. */
  boolean release(Pod p) {
    if (p.awaitingAddress()) {
      p.setAwaitingAddress(false);
      awaitingAddress.remove(p);
    }
    if (!p.hasIdentity()) {
      return false;
    }
    p.setHasIdentity(false);
    p.certificateRenewal(c.cancelled(p.certificateRenewal()));
    p.tokenRenewal(c.cancelled(p.tokenRenewal()));
    c.identity.podStopped(p.id());
    return true;
  }

  /**
   * An address was released on {@code n}: the oldest pod waiting on that node retries (an address
   * per node range or ENI limit), else the oldest waiting for a full subnet anywhere.
   */
  void retryAddress(Node n) {
    if (awaitingAddress.isEmpty()) {
      return;
    }
    Pod next = null;
    for (Pod q : awaitingAddress) {
      if (q.node == n) {
        next = q;
        break;
      }
    }
    if (next == null) {
      for (Pod q : awaitingAddress) {
        if (q.waitingReason.endsWith(ExhaustionReason.SUBNET_FULL.name())) {
          next = q;
          break;
        }
      }
    }
    if (next == null
        || next.terminating()
        || next.gone()
        || next.node == null
        || next.node.removing
        || next.node.state == NodeState.GONE
        || !next.node.responsive) {
      return;
    }
    Pod q = next;
    q.setAwaitingAddress(false);
    awaitingAddress.remove(q);
    c.kubelet.startPod(q);
  }

  /** Pods that waited at least once for an address. */
  int everWithoutAddress() {
    return podsEverWithoutAddress;
  }

  /** Pods waiting for an address now. */
  int withoutAddressNow() {
    return awaitingAddress.size();
  }

  /** Pods whose container start waited for a credential from a saturated issuer. */
  int delayedByCredentials() {
    return podsDelayedByCredentials;
  }

  @Override
  public String toString() {
    return "PodIdentity[" + awaitingAddress.size() + " awaiting an address]";
  }
}
