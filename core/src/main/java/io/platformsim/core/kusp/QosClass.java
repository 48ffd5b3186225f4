package io.platformsim.core.kusp;

import io.platformsim.core.workload.Resources;

/**
 * A pod's quality-of-service class, computed as k/k {@code pkg/apis/core/v1/helper/qos/qos.go
 * GetPodQOS} (v1.31) for a pod of one container: BestEffort when no CPU or memory request or limit
 * is set; Guaranteed when CPU and memory limits are both set and equal the requests (an unset
 * request defaults to the limit); Burstable otherwise. Here an amount of 0 means "not set".
 */
public enum QosClass {
  /** Requests equal limits for CPU and memory. */
  GUARANTEED,
  /** Some request or limit set, not Guaranteed. */
  BURSTABLE,
  /** Nothing set. */
  BEST_EFFORT;

  /**
   * The class of a one-container pod with {@code requests} and {@code limits} ({@code null} limits
   * = none set).
   */
  public static QosClass of(Resources requests, Resources limits) {
    Resources lim = limits == null ? Resources.ZERO : limits;
    if (requests.milliCpu() == 0
        && requests.memoryMib() == 0
        && lim.milliCpu() == 0
        && lim.memoryMib() == 0) {
      return BEST_EFFORT;
    }
    if (lim.milliCpu() > 0 && lim.memoryMib() > 0) {
      long cpuReq = requests.milliCpu() == 0 ? lim.milliCpu() : requests.milliCpu();
      long memReq = requests.memoryMib() == 0 ? lim.memoryMib() : requests.memoryMib();
      if (cpuReq == lim.milliCpu() && memReq == lim.memoryMib()) {
        return GUARANTEED;
      }
    }
    return BURSTABLE;
  }
}
