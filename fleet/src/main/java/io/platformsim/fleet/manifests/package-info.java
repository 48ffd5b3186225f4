/**
 * Kubernetes manifests in (issue 17, part 1): {@link io.platformsim.fleet.manifests.ManifestReader}
 * reads files and directories of YAML (multi-document, the output of {@code helm template} and
 * {@code kubectl kustomize}), JSON and {@code kind: List}, turns Deployments, StatefulSets,
 * DaemonSets, ReplicaSets and bare Pods into {@link io.platformsim.core.workload.Service}s with the
 * per-pod effective request as upstream computes it ({@link
 * io.platformsim.fleet.manifests.PodRequests}), and returns an immutable {@link
 * io.platformsim.fleet.manifests.ImportedWorkloads} with its report. LimitRanges fill missing
 * requests; PriorityClasses, HorizontalPodAutoscalers and PodDisruptionBudgets attach to the
 * workloads as {@link io.platformsim.fleet.manifests.WorkloadDetails}, with node affinity, required
 * pod anti-affinity and topology spread in the scheduler's terms; the fields the scheduler cannot
 * model are listed in the report.
 *
 * <p>Depends on the workload package, the scheduler's pod value types ({@code
 * io.platformsim.scheduler.pod}: node selector terms, label selectors, anti-affinity and spread),
 * SnakeYAML Engine (parsing, with document lines), fabric8's Kubernetes model classes (typed
 * objects and quantities; no client) and the JDK; must not depend on the engine, the platforms, the
 * experiment package or the rest of the scheduler module.
 */
package io.platformsim.fleet.manifests;
