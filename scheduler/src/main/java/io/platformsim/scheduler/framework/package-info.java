/**
 * The plugin contracts, modelled on the kube-scheduler framework
 * (pkg/scheduler/framework/interface.go): {@link io.platformsim.scheduler.framework.FilterPlugin}
 * (PreFilter + Filter), {@link io.platformsim.scheduler.framework.ScorePlugin} (PreScore + Score +
 * NormalizeScore), the per-pod {@link io.platformsim.scheduler.framework.CycleState}, and {@link
 * io.platformsim.scheduler.framework.Profile}s that choose plugins and weights.
 *
 * <p>Depends on {@code resource}, {@code cluster}, {@code pod} and {@code state}; must not depend
 * on {@code plugins} or {@code placement}.
 */
package io.platformsim.scheduler.framework;
