package io.platformsim.core.platform;

import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Service;
import io.platformsim.identity.IdentityMetrics;
import java.util.OptionalDouble;

/**
 * A simulated service platform (LeSP, KuSP, or one a caller registers) bound to one simulation.
 * Every call acts at the simulation's current time: the caller (an experiment, a test, a notebook)
 * schedules the calls on the simulation and then runs it. Each method validates its input and
 * throws {@link IllegalArgumentException} naming the bad value (an unknown service, a service
 * deployed twice, a resource request no machine can hold).
 *
 * <p>This is everything the experiment layer asks of a platform: what happens to it (deploy, apply,
 * inject, setLoad) and what it reads back (in service, recovered, a sample, metrics, stranded
 * capacity, identity, the autoscaling target of a service). It knows nothing else about the
 * platform.
 *
 * <p>Randomness: a platform draws the phenomena every platform has (which instance an injected
 * crash hits, when a spot machine or node is interrupted) from {@link CommonStreams}, made from the
 * streams it was created with (a crash that carries its own ranks, {@link
 * Failure#machineCrashAtRanks}, is applied at those ranks: {@link CommonStreams#crashRanks}), so
 * the platforms of one replication see the same ones (common random numbers); its own mechanics
 * (boot, converge, pulls, health checks, scheduling ties) from streams named after itself.
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
   * delay, number of principals and credential holders, blast radius (mean and max over principals
   * and over hosts).
   */
  IdentityMetrics identityMetrics();

  /**
   * Sets the service's load to {@code factor} × its nominal usage ({@link Service#usage()} per
   * wanted instance; 1 = nominal), which drives usage and any autoscaling.
   *
   * @throws IllegalArgumentException for an unknown service or a negative or non-finite factor
   */
  void setLoad(String service, double factor);

  /**
   * The service leaves the platform now (a migration decommissions its old side, or a rolled-back
   * wave tears its new side down): the platform stops serving it and releases its capacity by its
   * own rules, which may take time (a drain, a grace period, an autoscaler's wait before it removes
   * emptied capacity); billing follows what is actually released. Afterwards {@link #inService} is
   * 0, {@link #setLoad} on it is ignored, and {@link #deploy} of the same service again is allowed.
   * Implementations state what else they accept for a retired service.
   *
   * @throws IllegalArgumentException for a service not deployed
   * @throws UnsupportedOperationException if the platform cannot retire a service (the default)
   */
  default void retire(String service) {
    throw new UnsupportedOperationException(
        name() + " cannot retire a service (asked to retire '" + service + "')");
  }

  /** Instances of {@code service} serving traffic now. */
  int inService(String service);

  /**
   * Whether {@code service} is back at full strength after a failure injected at {@code
   * failedAtMillis}, by the platform's own reading of "recovered" (e.g. the failed host's instances
   * replaced, not merely still counted).
   */
  boolean recovered(String service, long failedAtMillis);

  /**
   * The state now: billed machines, CPU and memory allocation and CPU usage. {@code demand} gives
   * the services' requests, nominal usage and the load factors set so far.
   */
  PlatformSample sample(Demand demand);

  /** Billed capacity no service could use, time-weighted up to now. */
  StrandedCapacity stranded();

  /**
   * The CPU utilization of requests, in (0, 1], at which the platform's autoscaler holds {@code
   * service}, or empty if the service does not autoscale on this platform (the default). The
   * experiment derives from it how many instances a load spike needs, and reports no scale-out time
   * for a service that does not autoscale.
   *
   * @throws IllegalArgumentException for an unknown service (implementations that know services)
   */
  default OptionalDouble scalingTarget(String service) {
    return OptionalDouble.empty();
  }
}
