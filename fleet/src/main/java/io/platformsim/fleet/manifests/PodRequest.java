package io.platformsim.fleet.manifests;

import java.util.List;

/**
 * The effective request of one pod, as the scheduler accounts it, and what it was derived from.
 *
 * @param cpuMillis effective CPU request, millicores (0 when no container asks for CPU)
 * @param memoryBytes effective memory request, bytes (0 when no container asks for memory)
 * @param qos the pod's QoS class
 * @param missing the containers lacking a request, as {@code container:cpu} or {@code
 *     container:memory}, in declaration order (init containers first); empty when complete
 */
public record PodRequest(long cpuMillis, long memoryBytes, QosClass qos, List<String> missing) {

  /** Copies {@code missing}; rejects negative amounts. */
  public PodRequest {
    if (cpuMillis < 0 || memoryBytes < 0) {
      throw new IllegalArgumentException(
          "requests must be >= 0, were cpuMillis=" + cpuMillis + " memoryBytes=" + memoryBytes);
    }
    missing = List.copyOf(missing);
  }

  @Override
  public String toString() {
    return cpuMillis
        + "m/"
        + memoryBytes
        + "B "
        + qos
        + (missing.isEmpty() ? "" : " missing " + missing);
  }
}
