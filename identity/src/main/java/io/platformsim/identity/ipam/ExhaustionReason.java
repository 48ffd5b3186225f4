package io.platformsim.identity.ipam;

/** Why an address could not be handed out. */
public enum ExhaustionReason {
  /** Every usable address of the eligible subnets is taken (machines, nodes or VPC-native pods). */
  SUBNET_FULL,
  /** Overlay: the node's pod range has no free address. */
  NODE_RANGE_FULL,
  /** Overlay: the cluster CIDR has no free per-node range for a new node. */
  CLUSTER_CIDR_FULL,
  /**
   * VPC-native: the instance type's ENIs × (addresses per ENI − 1) pod addresses are all in use.
   */
  INSTANCE_ADDRESS_LIMIT
}
