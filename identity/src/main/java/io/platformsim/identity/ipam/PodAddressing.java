package io.platformsim.identity.ipam;

import java.util.List;

/**
 * How a Kubernetes cluster gives pods addresses: {@link OverlayAddressing} (a pod range per node
 * carved from a cluster CIDR) or {@link VpcNativeAddressing} (pod addresses from the VPC subnets,
 * limited per instance type, with warm pools). A simulator calls it as nodes and pods come and go;
 * a refusal is an {@link Allocation} with a reason, recorded and counted, after which the caller
 * keeps the pod pending and retries after a release, or fails it.
 *
 * <p>Contract for every implementation: an address is held by at most one pod or node at a time; a
 * released address can be handed out again; removing a node frees everything it held.
 */
public interface PodAddressing {

  /**
   * Registers a node. Overlay: assigns its pod range ({@link Allocation#address()} is the range's
   * first address, or {@link ExhaustionReason#CLUSTER_CIDR_FULL}); VPC-native: its primary address
   * from a subnet in {@code zone} and its warm pool ({@link ExhaustionReason#SUBNET_FULL}).
   *
   * @param instanceType used by VPC-native for its ENI limits; ignored by the overlay
   * @param zone used by VPC-native to pick the subnet (null: any); ignored by the overlay
   * @throws IllegalArgumentException if the node is already registered or the type is unknown
   */
  Allocation addNode(String node, String instanceType, String zone, long atMillis);

  /**
   * An address for {@code pod} on {@code node}, or a refusal with its reason.
   *
   * @throws IllegalArgumentException if the node is not registered
   */
  Allocation allocatePod(String node, String pod, long atMillis);

  /**
   * Returns a pod's address.
   *
   * @throws IllegalArgumentException if the node is unknown or the address is not one of its pods'
   */
  void releasePod(String node, long address);

  /**
   * Unregisters a node, freeing its range or its primary, warm and pod addresses.
   *
   * @throws IllegalArgumentException if the node is not registered
   */
  void removeNode(String node);

  /** Pod addresses the node can hold at once (its range's usable size, or its ENI limit). */
  int podAddressLimit(String node);

  /** Addresses used, reserved and free, and refusals by reason. */
  AddressCounts counts();

  /** Every refused request, oldest first. */
  List<Exhaustion> exhaustions();
}
