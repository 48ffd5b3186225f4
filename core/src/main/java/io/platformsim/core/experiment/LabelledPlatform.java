package io.platformsim.core.experiment;

import io.platformsim.core.platform.Demand;
import io.platformsim.core.platform.Failure;
import io.platformsim.core.platform.Platform;
import io.platformsim.core.platform.PlatformMetrics;
import io.platformsim.core.platform.PlatformSample;
import io.platformsim.core.platform.StrandedCapacity;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Service;
import io.platformsim.identity.IdentityMetrics;
import java.util.OptionalDouble;

/**
 * {@code platform} under another report label: every call goes to it unchanged, only {@link
 * #name()} differs. A platform variant needs it so reports (table columns, CSV {@code platform}
 * values, chart legends) tell it from the platform it varies, e.g. {@code KuSP right-sized} next to
 * {@code KuSP}.
 *
 * @param name the label reports print; not blank
 * @param platform the platform that does the work
 */
record LabelledPlatform(String name, Platform platform) implements Platform {

  /** Checks both parts. */
  LabelledPlatform {
    if (name == null || name.isBlank() || platform == null) {
      throw new IllegalArgumentException(
          "a labelled platform needs a label and a platform, was '" + name + "', " + platform);
    }
  }

  @Override
  public void deploy(Service service) {
    platform.deploy(service);
  }

  @Override
  public void apply(Release release) {
    platform.apply(release);
  }

  @Override
  public void inject(Failure failure) {
    platform.inject(failure);
  }

  @Override
  public PlatformMetrics metrics() {
    return platform.metrics();
  }

  @Override
  public IdentityMetrics identityMetrics() {
    return platform.identityMetrics();
  }

  @Override
  public void setLoad(String service, double factor) {
    platform.setLoad(service, factor);
  }

  @Override
  public void retire(String service) {
    platform.retire(service);
  }

  @Override
  public int inService(String service) {
    return platform.inService(service);
  }

  @Override
  public boolean recovered(String service, long failedAtMillis) {
    return platform.recovered(service, failedAtMillis);
  }

  @Override
  public PlatformSample sample(Demand demand) {
    return platform.sample(demand);
  }

  @Override
  public StrandedCapacity stranded() {
    return platform.stranded();
  }

  @Override
  public OptionalDouble scalingTarget(String service) {
    return platform.scalingTarget(service);
  }

  @Override
  public String toString() {
    return name + " (" + platform.name() + ")";
  }
}
