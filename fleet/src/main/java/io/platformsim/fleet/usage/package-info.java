/**
 * Usage in, right-sizing out: readers for per-service usage exported from a metrics system (a CSV
 * time series or a CSV of percentiles), the {@link io.platformsim.fleet.usage.UsageProfile} they
 * give per service, and the Vertical Pod Autoscaler recommender's rule ({@link
 * io.platformsim.fleet.usage.RightSizing}) that turns a profile into a {@link
 * io.platformsim.fleet.usage.Recommendation} and a right-sized {@link
 * io.platformsim.core.workload.Service}, and {@link io.platformsim.fleet.usage.DailyLoad}, the
 * measured day as a load curve.
 *
 * <p>Depends on {@code core.workload} and the JDK only: no platform, engine, experiment or YAML
 * package, so an importer can use it without pulling in a simulation.
 */
package io.platformsim.fleet.usage;
