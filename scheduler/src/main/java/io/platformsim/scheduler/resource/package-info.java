/**
 * Resource dimensions and quantities: a small {@link
 * io.platformsim.scheduler.resource.DimensionRegistry} (milli-CPU, memory bytes, pods, ephemeral
 * storage, extended resources such as GPUs), immutable {@link
 * io.platformsim.scheduler.resource.ResourceVector}s of {@code long}, and Kubernetes-style quantity
 * parsing ("500m", "2Gi").
 *
 * <p>Depends on the JDK only; must not depend on any other package of the scheduler.
 */
package io.platformsim.scheduler.resource;
