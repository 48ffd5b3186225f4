package io.platformsim.core.kusp;

/**
 * A container's image pull policy (k/k {@code pkg/apis/core/v1/defaults.go SetDefaults_Container}:
 * IfNotPresent unless the tag is {@code :latest} or absent, then Always).
 */
public enum PullPolicy {
  /** Pull only when the image is not on the node. */
  IF_NOT_PRESENT,
  /** Resolve the reference with the registry on every start; only missing layers are fetched. */
  ALWAYS,
  /** Never pull; the image must already be on the node. */
  NEVER
}
