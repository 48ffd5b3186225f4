package io.platformsim.core.kusp;

/** The life of a KuSP node as the control plane sees it. */
public enum NodeState {
  /** The instance is requested and booting; the node is not registered yet (billed). */
  PROVISIONING,
  /** Registered and Ready: the scheduler may place pods on it (billed). */
  READY,
  /** Stopped posting status for longer than the monitor grace period (billed while the instance exists). */
  NOT_READY,
  /** Cordoned and being drained by the cluster autoscaler (billed). */
  DRAINING,
  /** The instance is gone (crashed or scaled down); not billed. */
  GONE
}
