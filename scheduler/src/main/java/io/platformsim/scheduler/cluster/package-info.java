/**
 * Node descriptions: {@link io.platformsim.scheduler.cluster.NodeSpec} (allocatable resources,
 * labels incl. topology domains such as zone and hostname, taints, cached images, the unschedulable
 * flag) and {@link io.platformsim.scheduler.cluster.Taint}s.
 *
 * <p>Depends on {@code resource} only; must not depend on pods, state, framework or placement.
 */
package io.platformsim.scheduler.cluster;
