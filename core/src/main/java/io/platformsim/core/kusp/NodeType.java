package io.platformsim.core.kusp;

import io.platformsim.core.workload.Resources;

/**
 * The generic instance type every KuSP node runs (one generic node image with a container runtime),
 * with its price and the kubelet's pod limit.
 *
 * @param name instance type name, e.g. {@code "m5.xlarge"}; not blank
 * @param capacity CPU and memory of the machine (node {@code status.capacity})
 * @param diskBytes image filesystem size in bytes (image cache and GC thresholds), &gt; 0
 * @param hourlyPriceUsd on-demand price per hour, at least 0
 * @param maxPods the kubelet's {@code maxPods}: 110 upstream (k/k {@code
 *     pkg/kubelet/apis/config/v1beta1/defaults.go}, v1.31) or the instance's IP limit with a VPC
 *     CNI (e.g. 58 for m5.xlarge: ENIs × (IPs per ENI − 1) + 2, awslabs/amazon-eks-ami
 *     eni-max-pods.txt)
 */
public record NodeType(
    String name, Resources capacity, long diskBytes, double hourlyPriceUsd, int maxPods) {

  /** The kubelet's default pod limit. */
  public static final int DEFAULT_MAX_PODS = 110;

  /** A 4-core, 16 GiB general-purpose node (m5.xlarge-like, $0.192/h), 100 GB disk, 110 pods. */
  public static final NodeType GENERIC =
      new NodeType(
          "generic-4x16", Resources.ofCores(4, 16), 100_000_000_000L, 0.192, DEFAULT_MAX_PODS);

  /** Validates the fields. */
  public NodeType {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("node type name must not be blank, was '" + name + "'");
    }
    if (capacity == null || capacity.milliCpu() == 0 || capacity.memoryMib() == 0) {
      throw new IllegalArgumentException(
          "node type '" + name + "' capacity must have CPU and memory, was " + capacity);
    }
    if (diskBytes <= 0) {
      throw new IllegalArgumentException(
          "node type '" + name + "' diskBytes must be > 0, was " + diskBytes);
    }
    if (!(hourlyPriceUsd >= 0) || Double.isInfinite(hourlyPriceUsd)) {
      throw new IllegalArgumentException(
          "node type '" + name + "' hourlyPriceUsd must be finite and >= 0, was " + hourlyPriceUsd);
    }
    if (maxPods < 1) {
      throw new IllegalArgumentException(
          "node type '" + name + "' maxPods must be >= 1, was " + maxPods);
    }
  }

  /** A copy with another pod limit (e.g. the instance's IP limit). */
  public NodeType withMaxPods(int pods) {
    return new NodeType(name, capacity, diskBytes, hourlyPriceUsd, pods);
  }
}
