/**
 * Roles and reach: {@link io.platformsim.identity.access.Principal}s (machine roles, node roles,
 * service-account roles), the resources each service needs, grants and assume-role edges in an
 * {@link io.platformsim.identity.access.AccessGraph}, and the blast radius of a principal (the
 * services whose resources it can reach, directly or by assuming roles) and of a host (the union
 * over the credentials present on it). {@link io.platformsim.identity.access.IdentityMode} builds
 * the graph for LeSP machine roles and the three KuSP modes from a placement.
 *
 * <p>Depends on the JDK and Guava only; must not depend on the other identity sub-packages, on
 * {@code io.platformsim.core} or on the scheduler (placements arrive as plain maps).
 */
package io.platformsim.identity.access;
