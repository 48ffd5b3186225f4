/**
 * The identity layer of both platforms: IP address management (CIDRs, subnets, per-node pod ranges,
 * per-instance address limits), certificate issuance and rotation, principals and roles and what
 * each can reach, and analyses of identity granularity (machine versus workload). The parts live in
 * the sub-packages {@code ipam}, {@code cert} and {@code access}; this package holds {@link
 * io.platformsim.identity.ClusterIdentity}, the one object a Kubernetes model calls as nodes and
 * pods come and go, and {@link io.platformsim.identity.IdentityMetrics}, the figures a platform
 * reports.
 *
 * <p>Time is a plain parameter here: this package has no simulation clock. It depends on Guava and
 * the JDK only and must not depend on {@code io.platformsim.core} or the scheduler.
 */
package io.platformsim.identity;
