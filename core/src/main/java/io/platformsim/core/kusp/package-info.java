/**
 * KuSP, the Kubernetes service platform model: nodes of one generic instance type with a
 * container runtime, per-node image layer caches, pods with QoS class, priority, phases and
 * container states, the kubelet (admit, pull, start, probes, CrashLoopBackOff, graceful
 * termination), the {@code scheduler} module driven online through a priority queue, and the
 * controllers (Deployment/ReplicaSet rolling update and Recreate, node lifecycle, horizontal pod
 * autoscaler, cluster autoscaler). {@link io.platformsim.core.kusp.KuspPlatform} implements the
 * {@link io.platformsim.core.platform.Platform} contract so one experiment drives LeSP and KuSP.
 *
 * <p><b>Pinned upstream version: Kubernetes v1.31</b>, the version the {@code scheduler} module
 * follows. Every default and formula cites its upstream file ({@code k/k} =
 * github.com/kubernetes/kubernetes at release-1.31). Where v1.31 differs from later releases the
 * v1.31 value is used (node-monitor-grace-period 40 s, 50 s from v1.32).
 *
 * <p>Memory: a run keeps one {@link io.platformsim.core.kusp.Pod} per live pod and, per node,
 * Deployment and ReplicaSet, their current state; histories (start-up splits, the state
 * timeline, ReplicaSet steps, rollout pod times) are kept as primitive columns (package-private
 * {@code StartupLog}, {@code CountsLog}, {@code LongColumn}) and the public accessors build their
 * records on demand. A pod's start-up-only and restart-only state lives in side objects that
 * exist only while needed.
 *
 * <p>Depends on {@code io.platformsim.core.engine}, {@code io.platformsim.core.workload},
 * {@code io.platformsim.core.platform}, the {@code io.platformsim.scheduler} module and the
 * {@code io.platformsim.identity} module (pod addresses, certificates, roles). It must not
 * depend on {@code io.platformsim.core.lesp} or {@code io.platformsim.core.experiment}.
 */
package io.platformsim.core.kusp;
