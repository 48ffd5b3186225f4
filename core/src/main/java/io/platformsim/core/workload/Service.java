package io.platformsim.core.workload;

import java.time.Duration;
import java.util.Objects;

/**
 * A service both platforms run: how many instances, what each instance asks for and actually uses,
 * what is shipped and how long an instance takes to start and to pass its health check.
 *
 * <p>Immutable and validated: every constructor path rejects a blank name, a negative count, size
 * or duration with an {@link IllegalArgumentException} naming the service, the field and the value.
 * Build one with {@link #builder(String)}:
 *
 * <pre>{@code
 * Service zebra = Service.builder("zebra").instances(40)
 *     .request(Resources.of(1500, 3072)).usage(Resources.of(400, 1800))
 *     .artifactBytes(200_000_000).startup(Duration.ofSeconds(15))
 *     .healthCheck(Duration.ofSeconds(15)).build();
 * }</pre>
 *
 * @param name unique service name; not blank
 * @param version the version running initially, e.g. {@code "1"}; not blank
 * @param instances instances wanted (before any platform headroom), at least 1
 * @param request resources one instance asks for (what is reserved)
 * @param usage resources one instance actually uses on average at load factor 1 (usually well below
 *     the request)
 * @param artifactBytes size of the deployable artifact (LeSP fetches it on every deploy)
 * @param startupMillis time from process start to ready to be checked, at least 0
 * @param healthCheckMillis time for the health check to pass once started, at least 0
 * @param image the container image (used by KuSP)
 * @param placement placement constraints
 */
public record Service(
    String name,
    String version,
    int instances,
    Resources request,
    Resources usage,
    long artifactBytes,
    long startupMillis,
    long healthCheckMillis,
    ImageDescription image,
    PlacementNeeds placement) {

  /** Validates every field; messages name the service and the field. */
  public Service {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("service name must not be blank, was '" + name + "'");
    }
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException(
          "service '" + name + "' version must not be blank, was '" + version + "'");
    }
    if (instances < 1) {
      throw new IllegalArgumentException(
          "service '" + name + "' instances must be >= 1, was " + instances);
    }
    Objects.requireNonNull(request, () -> "service '" + name + "' request must not be null");
    Objects.requireNonNull(usage, () -> "service '" + name + "' usage must not be null");
    if (artifactBytes < 0) {
      throw new IllegalArgumentException(
          "service '" + name + "' artifactBytes must be >= 0, was " + artifactBytes);
    }
    if (startupMillis < 0) {
      throw new IllegalArgumentException(
          "service '" + name + "' startupMillis must be >= 0, was " + startupMillis);
    }
    if (healthCheckMillis < 0) {
      throw new IllegalArgumentException(
          "service '" + name + "' healthCheckMillis must be >= 0, was " + healthCheckMillis);
    }
    Objects.requireNonNull(image, () -> "service '" + name + "' image must not be null");
    Objects.requireNonNull(placement, () -> "service '" + name + "' placement must not be null");
  }

  /** A builder with defaults: version "1", 1 instance, 1 core / 2 GiB requested, 25% used. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** A copy with another instance count. */
  public Service withInstances(int newInstances) {
    return new Service(
        name,
        version,
        newInstances,
        request,
        usage,
        artifactBytes,
        startupMillis,
        healthCheckMillis,
        image,
        placement);
  }

  /** A copy running another version. */
  public Service withVersion(String newVersion) {
    return new Service(
        name,
        newVersion,
        instances,
        request,
        usage,
        artifactBytes,
        startupMillis,
        healthCheckMillis,
        image,
        placement);
  }

  @Override
  public String toString() {
    return "Service["
        + name
        + " v"
        + version
        + " x"
        + instances
        + ", request "
        + request
        + ", usage "
        + usage
        + "]";
  }

  /** Version of a service built without one. */
  public static final String DEFAULT_VERSION = "1";

  /** Artifact size of a service built without one: 100 MB. */
  public static final long DEFAULT_ARTIFACT_BYTES = 100_000_000L;

  /** Start-up time of a service built without one: 10 s. */
  public static final long DEFAULT_STARTUP_MILLIS = 10_000;

  /** Health-check time of a service built without one: 5 s. */
  public static final long DEFAULT_HEALTH_CHECK_MILLIS = 5_000;

  /** Collects a service's fields; {@link #build()} validates them. */
  public static final class Builder {
    private final String name;
    private String version = DEFAULT_VERSION;
    private int instances = 1;
    private Resources request = Resources.of(1000, 2048);
    private Resources usage = Resources.of(250, 1024);
    private long artifactBytes = DEFAULT_ARTIFACT_BYTES;
    private long startupMillis = DEFAULT_STARTUP_MILLIS;
    private long healthCheckMillis = DEFAULT_HEALTH_CHECK_MILLIS;
    private ImageDescription image;
    private PlacementNeeds placement = PlacementNeeds.NONE;

    private Builder(String name) {
      this.name = name;
    }

    /** The initial version. */
    public Builder version(String v) {
      this.version = v;
      return this;
    }

    /** Instances wanted. */
    public Builder instances(int n) {
      this.instances = n;
      return this;
    }

    /** Per-instance request. */
    public Builder request(Resources r) {
      this.request = r;
      return this;
    }

    /** Per-instance actual usage at load factor 1. */
    public Builder usage(Resources u) {
      this.usage = u;
      return this;
    }

    /** Artifact size in bytes. */
    public Builder artifactBytes(long bytes) {
      this.artifactBytes = bytes;
      return this;
    }

    /** Start-up time. */
    public Builder startup(Duration d) {
      this.startupMillis = millis("startup", d);
      return this;
    }

    /** Health-check time. */
    public Builder healthCheck(Duration d) {
      this.healthCheckMillis = millis("healthCheck", d);
      return this;
    }

    /** Container image. */
    public Builder image(ImageDescription i) {
      this.image = i;
      return this;
    }

    /** Placement needs. */
    public Builder placement(PlacementNeeds p) {
      this.placement = p;
      return this;
    }

    /** The validated service. */
    public Service build() {
      ImageDescription img =
          image != null
              ? image
              : ImageDescription.named(
                  (name == null || name.isBlank() ? "unnamed" : name) + ":" + version);
      return new Service(
          name,
          version,
          instances,
          request,
          usage,
          artifactBytes,
          startupMillis,
          healthCheckMillis,
          img,
          placement);
    }

    private long millis(String field, Duration d) {
      if (d == null || d.isNegative()) {
        throw new IllegalArgumentException(
            "service '" + name + "' " + field + " must be a non-negative duration, was " + d);
      }
      return d.toMillis();
    }
  }
}
