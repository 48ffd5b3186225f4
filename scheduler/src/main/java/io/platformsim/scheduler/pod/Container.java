package io.platformsim.scheduler.pod;

import io.platformsim.scheduler.resource.ResourceVector;
import java.util.Objects;

/**
 * A container: name, image (may be {@code null}) and resource requests. A CPU or memory request
 * that is not {@linkplain ResourceVector#isSpecified(int) specified} counts as 100 mCPU / 200 MiB
 * in the resource scorers only.
 */
public record Container(String name, String image, ResourceVector requests) {
  /** Validates the fields. */
  public Container {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("container.name is blank");
    }
    Objects.requireNonNull(requests, "container.requests");
  }
}
