/**
 * IP address management: IPv4 CIDR blocks, subnets per zone, networks (a VPC with its subnets),
 * address pools with lowest-free allocation, one address per machine ({@link
 * io.platformsim.identity.ipam.MachineAddressing}), and pod addressing for Kubernetes either as an
 * overlay with a pod range per node ({@link io.platformsim.identity.ipam.OverlayAddressing}) or
 * VPC-native with per-instance ENI limits and warm pools ({@link
 * io.platformsim.identity.ipam.VpcNativeAddressing}). Running out of addresses is a result ({@link
 * io.platformsim.identity.ipam.Allocation} with an {@link
 * io.platformsim.identity.ipam.ExhaustionReason}), recorded and counted, never an exception.
 *
 * <p>Addresses are IPv4 only and travel as {@code long} values in [0, 2<sup>32</sup>) so the hot
 * paths need no objects; {@link io.platformsim.identity.ipam.Ipv4} formats them. Time is a plain
 * {@code long} millisecond parameter. Depends on the JDK and Guava only; must not depend on the
 * other identity sub-packages, on {@code io.platformsim.core} or on the scheduler.
 */
package io.platformsim.identity.ipam;
