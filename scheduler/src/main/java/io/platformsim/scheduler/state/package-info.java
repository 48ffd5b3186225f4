/**
 * The node table: node state laid out for hot loops (allocatable and requested per dimension in one
 * {@code long[]} of nodes × dims, non-zero requested CPU/memory for scoring), the pods bound to
 * each node, and incrementally maintained indexes the fast placement path reads ({@link
 * io.platformsim.scheduler.state.PodCounts}: per-selector matching-pod counts per node and per
 * topology domain, sparse until a selector covers many nodes; topology-domain ids, per-image node
 * sizes, pods with anti-affinity).
 *
 * <p>Depends on {@code resource}, {@code cluster} and {@code pod}; must not depend on the
 * framework, plugins or placement. No simulation clock.
 */
package io.platformsim.scheduler.state;
