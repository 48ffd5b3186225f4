/**
 * Cluster-autoscaler scheduling simulation on a copy of the cluster, after kubernetes/autoscaler
 * {@code cluster-autoscaler/simulator} and {@code cluster-autoscaler/estimator}: a {@link
 * io.platformsim.scheduler.simulator.ClusterSnapshot} to fork, change and revert; a {@link
 * io.platformsim.scheduler.simulator.PredicateChecker} that decides fit with the scheduler
 * profile's own filter plugins (one definition of fit for the scheduler and the autoscaler); the
 * {@link io.platformsim.scheduler.simulator.HintingSimulator} that places pods in order; the
 * scale-down {@link io.platformsim.scheduler.simulator.RemovalSimulator}; and the scale-up {@link
 * io.platformsim.scheduler.simulator.BinpackingEstimator}.
 *
 * <p>Depends on the scheduler's {@code state}, {@code framework}, {@code placement} (the default
 * filters, and the first-fit {@code FastScheduler} behind the lowest-index scan), {@code cluster},
 * {@code resource} and {@code pod} packages; never on {@code io.platformsim.core}, and it never
 * changes the table it was given (every experiment runs on a copy).
 */
package io.platformsim.scheduler.simulator;
