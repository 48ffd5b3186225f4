package io.platformsim.fleet.manifests;

/**
 * A pod's quality-of-service class as upstream derives it from requests and limits of CPU and
 * memory ({@code GetPodQOS}, kubernetes/kubernetes pkg/apis/core/v1/helper/qos/qos.go).
 */
public enum QosClass {
  /** Every container has CPU and memory limits equal to its requests. */
  GUARANTEED,
  /** Some request or limit, but not guaranteed. */
  BURSTABLE,
  /** No container has any CPU or memory request or limit. */
  BEST_EFFORT
}
