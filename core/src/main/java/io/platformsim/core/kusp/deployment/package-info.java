/**
 * The Deployment controller's arithmetic as pure functions over small records, each mirroring one
 * upstream Kubernetes v1.31 function of {@code pkg/controller/deployment} (k/k =
 * github.com/kubernetes/kubernetes at release-1.31): the rolling-update bounds ({@link
 * io.platformsim.core.kusp.deployment.RolloutBounds}), the rolling and Recreate scaling steps
 * ({@link io.platformsim.core.kusp.deployment.RollingUpdate}), proportional scaling of a Deployment
 * resized during a rollout ({@link io.platformsim.core.kusp.deployment.ProportionalScaling}) and
 * the Progressing condition with its deadline ({@link
 * io.platformsim.core.kusp.deployment.RolloutProgress}).
 *
 * <p>A ReplicaSet is seen only through {@link
 * io.platformsim.core.kusp.deployment.ReplicaSetCounts}: its name, creation time, {@code
 * spec.replicas}, available pods and the two replica annotations the controller writes. Functions
 * return new values and never change their arguments; times are simulated milliseconds passed in by
 * the caller.
 *
 * <p>{@link io.platformsim.core.kusp.deployment.IntOrPercent} (upstream's {@code intstr}: an int or
 * a percentage, with its rounding) lives here because the bounds are its first user; the KuSP
 * model's {@code DeploymentSpec} turns itself into a {@code RolloutSpec}.
 *
 * <p>Depends on nothing else in this project: not on {@code io.platformsim.core.kusp} (which uses
 * it, so that would be a cycle), the simulation engine, {@code io.platformsim.core.lesp} or {@code
 * io.platformsim.core.experiment}.
 */
package io.platformsim.core.kusp.deployment;
