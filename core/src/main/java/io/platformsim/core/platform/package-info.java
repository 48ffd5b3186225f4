/**
 * The contract both platform models implement and the experiment layer drives: create a
 * service's capacity, apply a release, inject a failure, read the recorded metrics. Also the
 * platform-neutral result values ({@link io.platformsim.core.platform.PlatformMetrics},
 * {@link io.platformsim.core.platform.RolloutRecord},
 * {@link io.platformsim.core.platform.DurationSummary}).
 *
 * <p>Depends only on {@code io.platformsim.core.workload} and the {@code identity} module's
 * {@link io.platformsim.identity.IdentityMetrics} (the identity figures both platforms report). It must not depend on
 * {@code lesp}, {@code kusp} or {@code experiment}: the dependency points from the platforms to
 * this package.
 */
package io.platformsim.core.platform;
