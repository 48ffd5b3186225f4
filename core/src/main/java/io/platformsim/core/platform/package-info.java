/**
 * The contract every platform model implements and the experiment layer drives: create a service's
 * capacity, apply a release, inject a failure, set a load, and read back what serves, whether a
 * service recovered, an instantaneous sample, the recorded metrics, stranded capacity and identity
 * figures. Also the platform-neutral values it speaks in ({@link
 * io.platformsim.core.platform.PlatformMetrics}, {@link
 * io.platformsim.core.platform.PlatformSample}, {@link
 * io.platformsim.core.platform.StrandedCapacity}, {@link io.platformsim.core.platform.Demand},
 * {@link io.platformsim.core.platform.RolloutRecord}, {@link
 * io.platformsim.core.platform.DurationSummary}).
 *
 * <p>Depends only on {@code io.platformsim.core.workload} and the {@code identity} module's {@link
 * io.platformsim.identity.IdentityMetrics} (the identity figures both platforms report). It must
 * not depend on {@code lesp}, {@code kusp} or {@code experiment}: the dependency points from the
 * platforms to this package.
 */
package io.platformsim.core.platform;
