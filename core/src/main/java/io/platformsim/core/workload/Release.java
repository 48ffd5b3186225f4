package io.platformsim.core.workload;

/**
 * A change to a running service: a new application version ({@link Kind#APP}, only the artifact
 * changes), a new base/runtime ({@link Kind#BASE_IMAGE}: the OS image or runtime underneath
 * changes, so LeSP bakes a new base image and replaces machines, KuSP rebuilds the image's lower
 * layers) or a new configuration ({@link Kind#CONFIG}: neither artifact nor image changes; LeSP
 * converges the pool fleet-wide and restarts the service, KuSP restarts the Deployment's pods).
 *
 * @param service name of the service it changes; not blank
 * @param kind app-only or base/runtime change
 * @param version the new application version (APP) or base image version (BASE_IMAGE); not blank
 * @param healthCheckFailureProbability chance that an instance running this release fails its
 *     health check, in [0, 1]; 1 models a broken release that must be rolled back
 */
public record Release(
    String service, Kind kind, String version, double healthCheckFailureProbability) {

  /** What a release changes. */
  public enum Kind {
    /** The application artifact only. */
    APP,
    /** The base image / runtime under the application. */
    BASE_IMAGE,
    /**
     * The service's configuration only (a configuration-management change on LeSP, a ConfigMap
     * change plus {@code kubectl rollout restart} on KuSP); {@code version} names the
     * configuration.
     */
    CONFIG
  }

  /** Validates every field; messages name the release and the field. */
  public Release {
    if (service == null || service.isBlank()) {
      throw new IllegalArgumentException(
          "release service must not be blank, was '" + service + "'");
    }
    if (kind == null) {
      throw new IllegalArgumentException("release of '" + service + "' kind must not be null");
    }
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException(
          "release of '" + service + "' version must not be blank, was '" + version + "'");
    }
    if (!(healthCheckFailureProbability >= 0 && healthCheckFailureProbability <= 1)) {
      throw new IllegalArgumentException(
          "release of '"
              + service
              + "' healthCheckFailureProbability must be in [0, 1], was "
              + healthCheckFailureProbability);
    }
    // LeSP rolls a configuration back only by another configuration-management run, which the
    // model does not have; a failing configuration change is refused rather than half-modelled.
    if (kind == Kind.CONFIG && healthCheckFailureProbability != 0) {
      throw new IllegalArgumentException(
          "release of '"
              + service
              + "' is a configuration change; its healthCheckFailureProbability must be 0 (no"
              + " configuration rollback is modelled), was "
              + healthCheckFailureProbability);
    }
  }

  /** A healthy app-only release of {@code service} to {@code version}. */
  public static Release app(String service, String version) {
    return new Release(service, Kind.APP, version, 0);
  }

  /** A healthy base-image release of {@code service} onto base image {@code imageVersion}. */
  public static Release baseImage(String service, String imageVersion) {
    return new Release(service, Kind.BASE_IMAGE, imageVersion, 0);
  }

  /** A configuration change of {@code service} to configuration {@code configVersion}. */
  public static Release config(String service, String configVersion) {
    return new Release(service, Kind.CONFIG, configVersion, 0);
  }

  /** A copy whose instances fail their health check with probability {@code p}. */
  public Release failingHealthCheck(double p) {
    return new Release(service, kind, version, p);
  }

  @Override
  public String toString() {
    return "Release["
        + service
        + " "
        + kind
        + " -> "
        + version
        + (healthCheckFailureProbability > 0
            ? ", health-check failure p=" + healthCheckFailureProbability
            : "")
        + "]";
  }
}
