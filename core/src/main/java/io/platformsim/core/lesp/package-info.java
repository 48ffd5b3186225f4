/**
 * LeSP, the legacy machine-based service platform: instance types and the cheapest-fit rule, base
 * images and bakes, machines with their lifecycle and machine-granular identity (address,
 * certificate, role; see {@link io.platformsim.core.lesp.LespIdentity}), configuration-management
 * converges (first boot, periodic, orchestrated fleet-wide), per-service pools with replacement and
 * auto-scaling, and the deploy system (rolling, blue/green, canary, rollback, base-image
 * replacement), all as event-driven processes on the engine's {@link
 * io.platformsim.core.engine.Simulation}. {@link io.platformsim.core.lesp.LespPlatform} is the
 * entry point; it implements {@link io.platformsim.core.platform.Platform}.
 *
 * <p>Public: the façade {@code LespPlatform}, its configuration ({@code LespConfig} and the records
 * it holds: {@code ConfigManagement}, {@code DeploySteps}, {@code DeployStrategy}, {@code
 * BatchSize}, {@code AutoScaling}, {@code LespIdentity}, {@code InstanceMenu}, {@code
 * InstanceType}, {@code BaseImage}) and what it reports ({@code Machine}, {@code MachineState},
 * {@code Transition}, {@code StateSample}, {@code MachineIdentity}, {@code FleetConvergeRecord}).
 * Package-private components, wired by {@code LespPlatform} on the one simulation:
 *
 * <ul>
 *   <li>{@code MachineLifecycle}: launch, pending, boot and boot failure, first converge, deploy,
 *       crash and replacement, retirement, termination; the only place a machine changes state.
 *       {@code IdentityProvisioner} gives it addresses (with waits when the network is full) and
 *       certificates.
 *   <li>{@code ServicePool}: one service's wanted size, image, version, members and load; {@code
 *       PoolWaiter} reconciles the machines a pool launches itself.
 *   <li>{@code ConfigManagementRun}: first-boot, periodic and fleet-wide converges.
 *   <li>{@code DeploySystem}: plans a release into a {@code Rollout}, one per pool at a time, the
 *       rest queued. One class per strategy: {@code RollingRollout}, {@code CanaryRollout}, {@code
 *       BlueGreenRollout}, {@code ImageReplacement} (bake then replace) and {@code Rollback};
 *       shared batch logic in {@code InPlaceBatches} (in place) and {@code GroupRollout} (new
 *       machines).
 *   <li>{@code TargetTracking}: auto-scaling of a pool to a CPU utilization target.
 *   <li>{@code MetricsRecorder}: state counts and timeline, billing, allocation, usage, durations.
 * </ul>
 *
 * <p>Depends on {@code io.platformsim.core.engine}, {@code io.platformsim.core.workload}, {@code
 * io.platformsim.core.platform} and the identity module ({@code io.platformsim.identity}, for
 * machine addresses, certificates and roles). It never imports {@code io.platformsim.core.kusp}
 * (the two platforms never import each other) nor {@code io.platformsim.core.experiment}.
 */
package io.platformsim.core.lesp;
