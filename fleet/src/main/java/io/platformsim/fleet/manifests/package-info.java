/**
 * Kubernetes manifests in (issue 17, part 1): {@link io.platformsim.fleet.manifests.ManifestReader}
 * reads files and directories of YAML (multi-document, the output of {@code helm template} and
 * {@code kubectl kustomize}), JSON and {@code kind: List}, turns Deployments, StatefulSets,
 * DaemonSets, ReplicaSets and bare Pods into {@link io.platformsim.core.workload.Service}s with the
 * per-pod effective request as upstream computes it ({@link
 * io.platformsim.fleet.manifests.PodRequests}), and returns an immutable {@link
 * io.platformsim.fleet.manifests.ImportedWorkloads} with its report. LimitRanges fill missing
 * requests; PriorityClasses, HorizontalPodAutoscalers and PodDisruptionBudgets attach to the
 * workloads as {@link io.platformsim.fleet.manifests.WorkloadDetails}.
 *
 * <p>Depends on the workload package, SnakeYAML Engine (parsing, with document lines), fabric8's
 * Kubernetes model classes (typed objects and quantities; no client) and the JDK; must not depend
 * on the engine, the platforms, the experiment package or the scheduler module.
 */
package io.platformsim.fleet.manifests;
