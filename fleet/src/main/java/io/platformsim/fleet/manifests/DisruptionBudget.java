package io.platformsim.fleet.manifests;

/**
 * The PodDisruptionBudget (policy/v1) whose selector matches a workload's pod labels.
 *
 * @param name the PDB's name
 * @param minAvailable {@code minAvailable} as written, empty when absent
 * @param maxUnavailable {@code maxUnavailable} as written, empty when absent
 * @param allowedDisruptions voluntary evictions allowed with every replica healthy: replicas minus
 *     the desired healthy count, at least 0, the desired count as the disruption controller derives
 *     it ({@code getExpectedPodCount}, kubernetes/kubernetes
 *     pkg/controller/disruption/disruption.go: {@code maxUnavailable} and percentages scaled
 *     against replicas, rounded up); a PDB with neither field counts as {@code minAvailable: 1}
 *     (assumption, the policy/v1beta1 default)
 */
public record DisruptionBudget(
    String name, String minAvailable, String maxUnavailable, int allowedDisruptions) {}
