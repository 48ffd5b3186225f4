package io.platformsim.core.platform;

import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Service;
import io.platformsim.identity.IdentityMetrics;

/**
 * A simulated service platform (LeSP or KuSP) bound to one simulation. Every call acts at the
 * simulation's current time: the caller (an experiment, a test, a notebook) schedules the calls
 * on the simulation and then runs it. Each method validates its input and throws
 * {@link IllegalArgumentException} naming the bad value (an unknown service, a service deployed
 * twice, a resource request no machine can hold).
 */
public interface Platform {

  /** A short name for reports, e.g. {@code "LeSP"}. */
  String name();

  /** Starts provisioning capacity for {@code service}; its instances come into service later. */
  void deploy(Service service);

  /** Starts rolling {@code release} out with the platform's configured strategy. */
  void apply(Release release);

  /** Makes {@code failure} happen now. */
  void inject(Failure failure);

  /** A snapshot of everything recorded up to the current simulation time. */
  PlatformMetrics metrics();

  /**
   * Identity figures now, in the same shape for both platforms: addresses used/reserved/free and
   * exhaustion events, certificates issued (total, peak per minute) and the authority's queueing
   * delay, number of principals and credential holders, blast radius (mean and max over
   * principals and over hosts).
   */
  IdentityMetrics identityMetrics();
}
