/**
 * The pod specification the scheduler reads: containers, init containers and overhead (from which
 * the effective request is derived as upstream does), priority, labels, tolerations, node selector
 * and node affinity, topology spread constraints, required anti-affinity and images.
 *
 * <p>Depends on {@code resource} and {@code cluster} (for taints); must not depend on the
 * framework, plugins or placement.
 */
package io.platformsim.scheduler.pod;
