package io.platformsim.core.kusp;

/** The life of a KuSP node as the control plane sees it. */
public enum NodeState {
  /** The instance is requested and booting; the node is not registered yet (billed). */
  PROVISIONING,
  /** Registered and Ready: the scheduler may place pods on it (billed). */
  READY,
  /**
   * Ready Unknown: the node lifecycle controller has not seen it renew its lease for the monitor
   * grace period; cordoned, then tainted NoExecute (billed while the instance exists).
   */
  NOT_READY,
  /** Cordoned and being drained by the cluster autoscaler (billed). */
  DRAINING,
  /** The instance is gone (crashed or scaled down); not billed. */
  GONE
}
