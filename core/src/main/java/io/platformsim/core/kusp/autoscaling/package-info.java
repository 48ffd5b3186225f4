/**
 * The horizontal pod autoscaler's arithmetic as pure functions over records, after k/k v1.31 {@code
 * pkg/controller/podautoscaler} (k/k = github.com/kubernetes/kubernetes at release-1.31): the
 * replica count a resource-utilization target asks for ({@link
 * io.platformsim.core.kusp.autoscaling.ReplicaCalculation}, {@code replica_calculator.go}), the
 * scaling policies and their limits ({@link io.platformsim.core.kusp.autoscaling.ScalingRules},
 * {@link io.platformsim.core.kusp.autoscaling.ScaleEvents}), the stabilization window ({@link
 * io.platformsim.core.kusp.autoscaling.StabilizationWindow}) and the final bounds ({@link
 * io.platformsim.core.kusp.autoscaling.ReplicaNormalization}, {@code horizontal.go}).
 *
 * <p>Time is simulated milliseconds passed in by the caller; histories (recommendations, scale
 * events) are immutable values and each step returns the next one.
 *
 * <p>Depends on nothing in this project. It must not depend on the simulation engine ({@code
 * io.platformsim.core.engine}), on {@code io.platformsim.core.lesp} or on {@code
 * io.platformsim.core.experiment}.
 */
package io.platformsim.core.kusp.autoscaling;
