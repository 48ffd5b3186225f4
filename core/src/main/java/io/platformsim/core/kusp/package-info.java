/**
 * KuSP, the Kubernetes service platform model: nodes of one generic instance type with a container
 * runtime, per-node image layer caches, pods with QoS class, priority, phases and container states,
 * the kubelet (admit, pull, start, probes, CrashLoopBackOff, graceful termination), the {@code
 * scheduler} module driven online through a priority queue, and the controllers
 * (Deployment/ReplicaSet rolling update and Recreate, node lifecycle, horizontal pod autoscaler,
 * cluster autoscaler). {@link io.platformsim.core.kusp.KuspPlatform} implements the {@link
 * io.platformsim.core.platform.Platform} contract so one experiment drives LeSP and KuSP.
 *
 * <p><b>Components</b> (package-private, each named for its upstream counterpart, all wired by
 * {@code KuspPlatform} on one {@code Cluster}, the shared state of nodes, Deployments, the
 * scheduler's {@code NodeTable} and the identity layer):
 *
 * <ul>
 *   <li>{@code Kubelet} (one object for every node): container start, probes, Ready and available,
 *       CrashLoopBackOff restarts, graceful termination and pod removal; {@code ImagePuller}: image
 *       pulls per pull policy and image garbage collection; {@code PodIdentity}: a pod's address,
 *       certificate and token, renewal and release.
 *   <li>{@code SchedulingQueue} (the {@code scheduler} module's upstream queue on the clock:
 *       activeQ in PrioritySort order, podBackoffQ 1 s doubling to 10 s, unschedulablePods moved on
 *       node joins and pod removals and after 5 min), {@code SchedulingCycle} (one {@code
 *       FastScheduler} call at a time, binding, nominated pods) and {@code Preemption} (the
 *       module's {@code Preemptor}, DefaultPreemption with every filter and the Deployments' {@code
 *       PodDisruptionBudget}s).
 *   <li>{@code DeploymentController} (RollingUpdate and Recreate, proportional scaling of a resize,
 *       replica annotations, ReplicaSet steps, the Progressing condition and its deadline, every
 *       number from {@code kusp.deployment}), {@code ReplicaSetController} (pod creation and
 *       deletion order), with their state in {@code Deployment}, {@code ReplicaSet} and {@code
 *       Rollout}; {@code HorizontalPodAutoscaler} (replica calculation over sampled pods,
 *       stabilization window and bounds from {@code kusp.autoscaling}); {@code ClusterAutoscaler}
 *       (scale-up by the {@code scheduler.simulator} binpacking estimate over a snapshot with the
 *       provisioning nodes, scale-down by its removal simulation, both on the scheduler's own
 *       filters); {@code NodeLifecycleController} (join; 5 s monitor passes setting Ready Unknown a
 *       grace period after the last seen heartbeat; replacement once the pods are gone; cordon)
 *       with {@code ZoneTainting} (zone disruption states and the unreachable NoExecute taint
 *       through per-zone rate-limited queues, {@code kusp.nodelifecycle}), {@code
 *       TaintEvictionController} (each pod deleted at taint time + its tolerationSeconds) and
 *       {@code NodeFailures} (injected node, service and zone failures).
 *   <li>{@code LivePods} (live pods and their shared scheduler-spec templates), {@code
 *       StrandedCapacity} and {@code KuspRecorder} (every count, average, timeline and counter the
 *       metrics are built from).
 * </ul>
 *
 * What is requested on a node is recorded once, in the scheduler's {@code NodeTable}; "does this
 * request fit what is free" is one definition, {@code Cluster.fitsRequest}, for the two checks that
 * run without a scheduling cycle; placement, preemption and the cluster autoscaler ask the
 * scheduler's filter plugins.
 *
 * <p><b>Pinned upstream version: Kubernetes v1.31</b>, the version the {@code scheduler} module
 * follows. Every default and formula cites its upstream file ({@code k/k} =
 * github.com/kubernetes/kubernetes at release-1.31). Where v1.31 differs from later releases the
 * v1.31 value is used (node-monitor-grace-period 40 s, 50 s from v1.32).
 *
 * <p>Memory: a run keeps one {@link io.platformsim.core.kusp.Pod} per live pod and, per node,
 * Deployment and ReplicaSet, their current state; histories (start-up splits, the state timeline,
 * ReplicaSet steps, rollout pod times) are kept as primitive columns (package-private {@code
 * StartupLog}, {@code CountsLog}, {@code LongColumn}) and the public accessors build their records
 * on demand. A pod's start-up-only and restart-only state lives in side objects that exist only
 * while needed.
 *
 * <p>Depends on {@code io.platformsim.core.engine}, {@code io.platformsim.core.workload}, {@code
 * io.platformsim.core.platform}, the {@code io.platformsim.scheduler} module and the {@code
 * io.platformsim.identity} module (pod addresses, certificates, roles). It must not depend on
 * {@code io.platformsim.core.lesp} or {@code io.platformsim.core.experiment}.
 */
package io.platformsim.core.kusp;
