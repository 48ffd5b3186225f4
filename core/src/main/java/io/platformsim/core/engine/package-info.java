/**
 * The discrete-event engine every simulation runs on.
 *
 * <ul>
 *   <li>{@link io.platformsim.core.engine.Simulation}: integer time in milliseconds, events ({@link
 *       io.platformsim.core.engine.EventAction}) scheduled after a delay or at an absolute time,
 *       cancellable {@code long} handles, {@code run}/{@code runUntil}/{@code step}/{@code
 *       peek}/{@code stop}. Equal times run first-in-first-out.
 *   <li>{@link io.platformsim.core.engine.EventLimits}: the guard against a hung model, counted in
 *       events (at one simulated instant, per run) rather than wall-clock time, so it stops a model
 *       at the same event on any machine at any load with an {@link
 *       io.platformsim.core.engine.EventLimitException} naming the instant.
 *   <li>{@link io.platformsim.core.engine.EventQueue}: the pending-event set, an indexed 4-ary heap
 *       over primitive arrays with O(log n) cancellation and generation-checked handles.
 *   <li>{@link io.platformsim.core.engine.RandomStreams}: named Commons Math random streams derived
 *       from (master seed, replication, name), so adding a stream never shifts another.
 *   <li>{@link io.platformsim.core.engine.DurationDistribution} and {@link
 *       io.platformsim.core.engine.DurationSampler}: durations from planners' figures (fixed,
 *       uniform, exponential mean, lognormal median/p99, Weibull, Gamma, empirical samples), drawn
 *       in whole milliseconds.
 *   <li>Statistics: {@link io.platformsim.core.engine.Tally} (mean, sd, percentiles), {@link
 *       io.platformsim.core.engine.TimeWeightedAverage} (utilization over time), and {@link
 *       io.platformsim.core.engine.Replications} running a {@link
 *       io.platformsim.core.engine.ReplicationModel} in parallel into a {@link
 *       io.platformsim.core.engine.ReplicationResult} of {@link
 *       io.platformsim.core.engine.Estimate}s (mean, 95% Student-t interval); an {@link
 *       io.platformsim.core.engine.ObservationModel} reports each figure as an {@link
 *       io.platformsim.core.engine.Observation} (observed, censored at a lower bound, or absent),
 *       and {@code Replications.observeUntil} adds replications until a stopping rule holds.
 * </ul>
 *
 * <p>Determinism: the same master seed gives bit-identical results on any machine and in any thread
 * interleaving; there is no static mutable state, so many simulations run at once in one JVM (one
 * simulation per thread; the classes are not thread-safe).
 *
 * <pre>{@code
 * var streams = RandomStreams.of(42, 0);
 * var converge = DurationDistribution.logNormal(240_000, 600_000).sampler(streams.stream("converge"));
 * var sim = new Simulation();
 * var done = new Tally("converge");
 * for (int i = 0; i < 10; i++) {
 *   sim.schedule(converge.next(), () -> done.add(sim.now()));
 * }
 * sim.run();
 * done;   // converge: n=10 mean=... p99=...
 * }</pre>
 *
 * <p>Knows nothing of platforms, services or scheduling: it must not depend on any other {@code
 * io.platformsim} package. Depends on the JDK and Commons Math only.
 */
package io.platformsim.core.engine;
