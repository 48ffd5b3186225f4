/**
 * LeSP, the legacy machine-based service platform: instance types and the cheapest-fit rule,
 * base images and bakes, machines with their lifecycle and machine-granular identity (address,
 * certificate, role; see {@link io.platformsim.core.lesp.LespIdentity}),
 * configuration-management converges (first boot, periodic, orchestrated fleet-wide), per-service
 * pools with replacement and auto-scaling, and the deploy system (rolling, blue/green, canary,
 * rollback, base-image replacement), all as event-driven processes on the engine's
 * {@link io.platformsim.core.engine.Simulation}. {@link io.platformsim.core.lesp.LespPlatform}
 * is the entry point; it implements {@link io.platformsim.core.platform.Platform}.
 *
 * <p>Depends on {@code io.platformsim.core.engine}, {@code io.platformsim.core.workload},
 * {@code io.platformsim.core.platform} and the identity module ({@code io.platformsim.identity},
 * for machine addresses, certificates and roles). It must not depend on {@code io.platformsim.core.kusp}
 * (the two platforms never import each other) nor on {@code io.platformsim.core.experiment}.
 */
package io.platformsim.core.lesp;
