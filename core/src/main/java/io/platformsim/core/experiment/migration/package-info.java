/**
 * The migration from LeSP to KuSP over months: a {@link
 * io.platformsim.core.experiment.migration.MigrationPlan} (waves of services, given as lists or by
 * a named {@link io.platformsim.core.experiment.migration.WaveOrdering}, readiness work, traffic
 * steps, bake, rollbacks), read from YAML by {@link
 * io.platformsim.core.experiment.migration.MigrationPlanFile}, and expanded per replication into a
 * {@link io.platformsim.core.experiment.migration.MigrationTimeline}: contiguous {@link
 * io.platformsim.core.experiment.migration.Segment segments}, each a stretch of time in which every
 * service is in one fixed {@link io.platformsim.core.experiment.migration.ServiceState}.
 *
 * <p>This package may depend on {@code core.experiment} (the scenario, the platform registry),
 * {@code engine}, {@code workload}, {@code platform} and {@code yaml}; it must never import {@code
 * core.lesp} or {@code core.kusp} directly: the platforms come through {@link
 * io.platformsim.core.experiment.PlatformRegistry} and the {@link
 * io.platformsim.core.platform.Platform} contract. Nothing in {@code core.experiment} may depend on
 * it (that would be a package cycle).
 */
package io.platformsim.core.experiment.migration;
