/**
 * Online placement: the {@link io.platformsim.scheduler.placement.Scheduler} contract, the plain
 * full-scan {@link io.platformsim.scheduler.placement.ReferenceScheduler}, the {@link
 * io.platformsim.scheduler.placement.FastScheduler} that must choose exactly the same node, results
 * with per-filter reasons ({@link io.platformsim.scheduler.placement.Placement}), the number of
 * nodes to score ({@link io.platformsim.scheduler.placement.NodeSampling}), the
 * scan-order-independent {@link io.platformsim.scheduler.placement.TieBreak} and the registry of
 * named profiles ({@link io.platformsim.scheduler.placement.Policies}).
 *
 * <p>Depends on every other scheduler package except {@code packing}; no simulation clock.
 */
package io.platformsim.scheduler.placement;
