/**
 * The identity layer of both platforms: IP address management (CIDRs, subnets, per-node pod
 * ranges, per-instance address limits), certificate issuance and rotation, principals and roles
 * and what each can reach, and analyses of identity granularity (machine versus workload).
 *
 * <p>Time is a plain parameter here: this package has no simulation clock. It depends on Guava
 * and the JDK only and must not depend on {@code io.platformsim.core} or the scheduler.
 */
package io.platformsim.identity;
