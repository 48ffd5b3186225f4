/**
 * The workload both platforms run: {@link io.platformsim.core.workload.Service services} with their
 * resource requests, actual usage, artifacts, images, timings and placement needs, and the {@link
 * io.platformsim.core.workload.Release releases} that change them.
 *
 * <p>Plain immutable values with validation. Platform-neutral: it must not depend on {@code
 * io.platformsim.core.lesp}, {@code io.platformsim.core.kusp}, the engine or the scheduler module,
 * so both platform models can share it unchanged.
 */
package io.platformsim.core.workload;
